import type { Graph, GraphFunction, GraphNode, TensorInfo, TensorSpec } from '../../../engine/model/description.js';
import { opCategory, type OpCategory } from './op-category.js';

/** A weight folded into the node that consumes it, drawn as a row of that node (netron's way). */
export interface FoldedInitializer {
  readonly inputName: string;
  readonly tensor: TensorInfo;
}

/** A box of the drawing: an operator, or a graph input/output pill. */
export interface DisplayNode {
  /** Unique in the drawing: the node id for operators, `input:<name>` / `output:<name>` for pills. */
  readonly id: string;
  readonly kind: 'op' | 'input' | 'output';
  /** Operator type, or the value name for pills. */
  readonly label: string;
  readonly category: OpCategory | 'io';
  /** Body rows: the node's name when names are shown (`isName`), then its folded initializers. */
  readonly rows: readonly { readonly name: string; readonly text: string; readonly isName?: boolean }[];
  /** Rows beyond {@link MAX_ROWS} that are not drawn. */
  readonly hiddenRows: number;
  readonly width: number;
  readonly height: number;
  /** The operator (absent for pills). */
  readonly node?: GraphNode;
  readonly initializers: readonly FoldedInitializer[];
  /** Lower-cased text that search matches against: name, op type, id, value names. */
  readonly searchText: string;
}

/** A value flowing from its producer to one consumer. */
export interface DisplayEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly value: string;
  /** Type and shape of the value, when declared (`float32[1,3,224,224]`). */
  readonly label: string;
  /** True when a subgraph of the target (If/Loop/Scan body) reads the value from the outer scope. */
  readonly isImplicit?: boolean;
}

export interface DisplayGraph {
  readonly nodes: readonly DisplayNode[];
  readonly edges: readonly DisplayEdge[];
}

const MAX_ROWS = 6;
const HEADER_HEIGHT = 24;
const ROW_HEIGHT = 14;
/** Average glyph advance of the 11 px UI font and of the 10 px monospace rows; the worker cannot measure text. */
const HEADER_CHAR = 7;
const ROW_CHAR = 6.1;

export function shapeText(shape: readonly (number | string | undefined)[] | undefined): string {
  return shape === undefined ? '' : `[${shape.map((d) => (d === undefined ? '?' : String(d))).join(',')}]`;
}

export function tensorSpecText(spec: TensorSpec | undefined): string {
  return spec ? `${spec.type}${shapeText(spec.shape)}` : '';
}

/** How much each node shows. */
export interface DisplayOptions {
  /** Show each operator's name under its type (netron's "Show Names"). */
  readonly showNames?: boolean;
}

function opNode(node: GraphNode, initializers: Graph['initializers'], options: DisplayOptions): DisplayNode {
  const folded = node.inputs
    .filter((name) => initializers.has(name))
    .map((inputName) => ({ inputName, tensor: initializers.get(inputName)! }));
  const rows = folded.map(({ inputName, tensor }) => ({
    name: rowName(inputName),
    text: `⟨${tensor.shape.join('×') || 'scalar'}⟩`,
  }));
  const nameRow = options.showNames && node.name ? [{ name: truncate(node.name, 28), text: '', isName: true }] : [];
  const shown = [...nameRow, ...rows.slice(0, MAX_ROWS)];
  const hiddenRows = rows.length - (shown.length - nameRow.length);
  const rowWidth = Math.max(0, ...shown.map((row) => (row.name.length + row.text.length + 1) * ROW_CHAR));
  const rowCount = shown.length + (hiddenRows > 0 ? 1 : 0);
  return {
    id: node.id,
    kind: 'op',
    label: node.opType,
    category: opCategory(node.opType, node.domain),
    rows: shown,
    hiddenRows,
    width: Math.ceil(Math.max(56, node.opType.length * HEADER_CHAR + 24, rowWidth + 16)),
    height: HEADER_HEIGHT + (rowCount > 0 ? rowCount * ROW_HEIGHT + 10 : 0),
    node,
    initializers: folded,
    searchText: [node.name, node.opType, node.id, ...node.inputs, ...node.outputs].join('\n').toLowerCase(),
  };
}

/** Initializer names are often long paths (`model.layer1.0.conv1.weight`); the row shows the last segment. */
function rowName(name: string): string {
  return truncate(name.split(/[./:]/).filter(Boolean).pop() ?? name, 18);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function pill(kind: 'input' | 'output', spec: TensorSpec): DisplayNode {
  return {
    id: `${kind}:${spec.name}`,
    kind,
    label: spec.name,
    category: 'io',
    rows: [],
    hiddenRows: 0,
    width: Math.ceil(Math.max(48, spec.name.length * HEADER_CHAR + 28)),
    height: HEADER_HEIGHT,
    initializers: [],
    searchText: spec.name.toLowerCase(),
  };
}

/**
 * Turns a graph into what is drawn: one box per operator with its initializers folded in, a pill per graph input
 * (inputs that are also initializers, as IR < 4 files list them, are weights, not pills) and per output, and one
 * edge per (producer, consumer, value). Values without a producer in this graph (outer-scope names in a subgraph)
 * get no edge; the node panel lists them.
 */
export function buildDisplayGraph(graph: Graph, options: DisplayOptions = {}): DisplayGraph {
  const nodes: DisplayNode[] = [];
  const producer = new Map<string, string>();
  for (const input of graph.inputs) {
    if (graph.initializers.has(input.name)) continue;
    const p = pill('input', input);
    nodes.push(p);
    producer.set(input.name, p.id);
  }
  for (const node of graph.nodes) {
    nodes.push(opNode(node, graph.initializers, options));
    for (const output of node.outputs) if (output) producer.set(output, node.id);
  }
  const specs = new Map<string, TensorSpec>([...graph.valueInfo]);
  for (const spec of [...graph.inputs, ...graph.outputs]) specs.set(spec.name, spec);
  const edges: DisplayEdge[] = [];
  const addEdge = (value: string, target: string, isImplicit = false) => {
    const source = producer.get(value);
    if (source === undefined) return;
    const label = tensorSpecText(specs.get(value));
    edges.push({ id: `${edges.length}:${value}`, source, target, value, label, ...(isImplicit ? { isImplicit } : {}) });
  };
  for (const node of graph.nodes) {
    for (const input of node.inputs) if (input && !graph.initializers.has(input)) addEdge(input, node.id);
    const explicit = new Set(node.inputs);
    const implicit = new Set(subgraphsOf(node).flatMap((sub) => outerScopeValues(sub.graph)));
    for (const value of implicit) if (!explicit.has(value)) addEdge(value, node.id, true);
  }
  for (const output of graph.outputs) {
    const p = pill('output', output);
    nodes.push(p);
    addEdge(output.name, p.id);
  }
  return { nodes, edges };
}

/** Subgraphs held by a node's attributes (If branches, Loop/Scan bodies), with the attribute they came from. */
export function subgraphsOf(node: GraphNode): { readonly label: string; readonly graph: Graph }[] {
  return node.attributes.flatMap((attribute) => {
    const values = Array.isArray(attribute.value) ? attribute.value : [attribute.value];
    return values.filter(isGraph).map((graph, i) => ({
      label: values.length > 1 ? `${attribute.name}[${i}]` : attribute.name,
      graph,
    }));
  });
}

export function isGraph(value: unknown): value is Graph {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Graph).nodes) &&
    (value as Graph).initializers instanceof Map
  );
}

/** The model-local function a node calls (ONNX: a FunctionProto whose domain and name match the node's). */
export function functionOf(node: GraphNode, functions: readonly GraphFunction[] | undefined): GraphFunction | undefined {
  return functions?.find((fn) => fn.domain === node.domain && fn.name === node.opType);
}

/** A function body as a graph the view can open like a subgraph; its formal inputs and outputs become pills. */
export function functionGraph(fn: GraphFunction): Graph {
  const formal = (name: string): TensorSpec => ({ name, type: '', isTensor: true });
  return {
    name: `${fn.domain ? `${fn.domain}.` : ''}${fn.name}`,
    inputs: fn.inputs.map(formal),
    outputs: fn.outputs.map(formal),
    nodes: fn.nodes,
    initializers: new Map(),
    valueInfo: new Map(),
  };
}

/**
 * Names a subgraph reads from its enclosing scopes: consumed by its nodes (or nested subgraphs) but neither
 * produced inside it nor among its inputs and initializers (ONNX IR: "a graph may refer to names in the outer
 * scope"), in first-use order.
 */
export function outerScopeValues(graph: Graph): string[] {
  const local = new Set<string>([...graph.inputs.map((i) => i.name), ...graph.initializers.keys()]);
  for (const node of graph.nodes) for (const output of node.outputs) local.add(output);
  const outer = new Set<string>();
  for (const node of graph.nodes) {
    const uses = [...node.inputs, ...subgraphsOf(node).flatMap((sub) => outerScopeValues(sub.graph))];
    for (const name of uses) if (name && !local.has(name)) outer.add(name);
  }
  return [...outer];
}
