import type { Graph, GraphFunction, GraphNode, ModelDescription, TensorInfo } from '../../engine/model/description.js';
import type { GraphStep, TensorLocation, TensorValues } from './engine-protocol.js';

/*
 * Weights on demand. The description the main thread holds carries only a short preview of each tensor's
 * values (structured clone cannot carry the decoding closures); the engine worker keeps the parsed model and
 * decodes more when a panel asks. Both sides name a tensor by a {@link TensorLocation}: the main thread finds it
 * in its copy, the worker follows it in the original, and object identity never has to cross the boundary.
 */

/** The most values one request decodes: enough to page through, bounded so one click cannot clone a huge weight. */
export const MAX_TENSOR_VALUES = 16_384;

/**
 * How many parsed ONNX models the worker keeps. Each holds the model's bytes, and a model parsed by the opener
 * but never shown is never closed, so the oldest are let go; the one on screen is always the latest opened.
 */
export const MAX_KEPT_MODELS = 2;

/**
 * Models up to this size stay in the worker for their weights. A larger one is let go once parsed: holding
 * another copy of hundreds of MB for a rarely used panel costs more than it gives, so its weights show their preview.
 */
export const MAX_KEPT_BYTES = 128 * 2 ** 20;

/** Nodes and, for a graph, its initializers: what a step leads into. Function bodies have no initializers. */
type Scope = Pick<Graph, 'nodes'> & { readonly initializers?: Graph['initializers'] };

/** Where `tensor` (an object of `description`, by identity) is, or undefined when it is not in it. */
export function locateTensor(description: ModelDescription, tensor: TensorInfo): TensorLocation | undefined {
  if (description.structure.kind !== 'graph') return undefined;
  const root = description.structure.graph;
  const found = locateIn(root, tensor, []);
  if (found) return found;
  for (const fn of root.functions ?? []) {
    const inFunction = locateIn(fn, tensor, [functionStep(fn)]);
    if (inFunction) return inFunction;
  }
  return undefined;
}

function locateIn(scope: Scope, tensor: TensorInfo, graphPath: readonly GraphStep[]): TensorLocation | undefined {
  for (const [name, initializer] of scope.initializers ?? []) {
    if (initializer === tensor) return { graphPath, tensor: { kind: 'initializer', name } };
  }
  for (const node of scope.nodes) {
    for (const attribute of node.attributes) {
      const items = Array.isArray(attribute.value) ? (attribute.value as unknown[]) : [attribute.value];
      const index = (i: number) => (Array.isArray(attribute.value) ? { index: i } : {});
      for (const [i, item] of items.entries()) {
        if (item === tensor) return { graphPath, tensor: { kind: 'attribute', node: node.id, attribute: attribute.name, ...index(i) } };
      }
      for (const [i, graph] of items.filter(isGraph).entries()) {
        const step: GraphStep = { kind: 'subgraph', node: node.id, attribute: attribute.name, ...index(i) };
        const found = locateIn(graph, tensor, [...graphPath, step]);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** The tensor at `location` in `description`, or undefined when the location leads nowhere. */
export function findTensor(description: ModelDescription, location: TensorLocation): TensorInfo | undefined {
  if (description.structure.kind !== 'graph') return undefined;
  const root = description.structure.graph;
  let scope: Scope | undefined = root;
  for (const [depth, step] of location.graphPath.entries()) {
    scope = step.kind === 'function' ? (depth === 0 ? root.functions?.find((fn) => sameFunction(fn, step)) : undefined) : subgraphOf(scope, step);
    if (!scope) return undefined;
  }
  const target = location.tensor;
  if (target.kind === 'initializer') return scope.initializers?.get(target.name);
  const attribute = nodeOf(scope, target.node)?.attributes.find((a) => a.name === target.attribute);
  const value = target.index === undefined ? attribute?.value : Array.isArray(attribute?.value) ? (attribute.value as unknown[])[target.index] : undefined;
  return isTensorInfo(value) ? value : undefined;
}

function subgraphOf(scope: Scope, step: Extract<GraphStep, { kind: 'subgraph' }>): Graph | undefined {
  const attribute = nodeOf(scope, step.node)?.attributes.find((a) => a.name === step.attribute);
  const graphs = (Array.isArray(attribute?.value) ? (attribute.value as unknown[]) : [attribute?.value]).filter(isGraph);
  return graphs[step.index ?? 0];
}

function nodeOf(scope: Scope, id: string): GraphNode | undefined {
  return scope.nodes.find((node) => node.id === id);
}

function functionStep(fn: GraphFunction): GraphStep {
  return { kind: 'function', domain: fn.domain, name: fn.name, ...(fn.overload !== undefined ? { overload: fn.overload } : {}) };
}

function sameFunction(fn: GraphFunction, step: Extract<GraphStep, { kind: 'function' }>): boolean {
  return fn.domain === step.domain && fn.name === step.name && fn.overload === step.overload;
}

function isGraph(value: unknown): value is Graph {
  return typeof value === 'object' && value !== null && Array.isArray((value as Graph).nodes) && (value as Graph).initializers instanceof Map;
}

function isTensorInfo(value: unknown): value is TensorInfo {
  return typeof value === 'object' && value !== null && typeof (value as TensorInfo).values === 'function' && Array.isArray((value as TensorInfo).shape);
}

/**
 * The ONNX models the engine worker keeps by handle, with their lazy tensors, so that a panel can ask for more
 * of a weight's values than the preview that came with the description.
 */
export class KeptOnnxModels {
  readonly #models = new Map<number, ModelDescription>();
  /** Handles of models too large to keep ({@link MAX_KEPT_BYTES}). */
  readonly #tooLarge = new Set<number>();

  /** Keeps `description` (of a model of `size` bytes) under `handle`, letting the oldest go beyond {@link MAX_KEPT_MODELS}. */
  keep(handle: number, description: ModelDescription, size: number): void {
    if (size > MAX_KEPT_BYTES) {
      this.#tooLarge.add(handle);
      return;
    }
    this.#models.set(handle, description);
    for (const oldest of this.#models.keys()) {
      if (this.#models.size <= MAX_KEPT_MODELS) break;
      this.#models.delete(oldest);
    }
  }

  has(handle: number): boolean {
    return this.#models.has(handle);
  }

  release(handle: number): void {
    this.#models.delete(handle);
    this.#tooLarge.delete(handle);
  }

  /**
   * Decodes up to `limit` values (at most {@link MAX_TENSOR_VALUES}) of the tensor at `location`.
   *
   * @throws Error when the model is no longer kept or the location leads nowhere; the engine's FormatError when
   * the tensor's bytes cannot be decoded (e.g. its external data file was not given to the engine).
   */
  values(handle: number, location: TensorLocation, limit: number): TensorValues {
    const description = this.#models.get(handle);
    if (!description && this.#tooLarge.has(handle)) {
      throw new Error(`Only a preview of the weights of models over ${MAX_KEPT_BYTES / 2 ** 20} MB is shown, to keep memory for running the model.`);
    }
    if (!description) throw new Error('The model is no longer open in the engine; reopen it to see more values.');
    const tensor = findTensor(description, location);
    if (!tensor) throw new Error(`The model has no tensor at ${describeLocation(location)}.`);
    const count = Number.isFinite(limit) ? Math.max(0, Math.min(MAX_TENSOR_VALUES, Math.floor(limit))) : MAX_TENSOR_VALUES;
    return Array.from(tensor.values(count));
  }
}

/** A location for people: `If_0.then_branch › 'w'`. */
export function describeLocation(location: TensorLocation): string {
  const steps = location.graphPath.map((step) =>
    step.kind === 'function' ? `function '${step.name}'` : `${step.node}.${step.attribute}${step.index !== undefined ? `[${step.index}]` : ''}`,
  );
  const target = location.tensor;
  const tensor = target.kind === 'initializer' ? `'${target.name}'` : `${target.node}.${target.attribute}${target.index !== undefined ? `[${target.index}]` : ''}`;
  return [...steps, tensor].join(' › ');
}
