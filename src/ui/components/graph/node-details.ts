import type { Graph, GraphNode, TensorInfo } from '../../../engine/model/description.js';
import { isGraph, tensorSpecText } from './display-graph.js';

export interface ValueRow {
  readonly name: string;
  /** Declared type and shape (`float32[1,3,224,224]`), or empty when the file declares none. */
  readonly type: string;
  readonly initializer?: TensorInfo;
}

export interface AttributeRow {
  readonly name: string;
  readonly type: string;
  readonly text: string;
  readonly subgraphs: readonly { readonly label: string; readonly graph: Graph }[];
  readonly tensor?: TensorInfo;
}

const MAX_LIST_ITEMS = 16;
const MAX_TEXT = 120;

/** Inputs and outputs of a node with what the graph declares about each value. */
export function valueRows(names: readonly string[], graph: Graph): ValueRow[] {
  const declared = new Map(graph.valueInfo);
  for (const spec of [...graph.inputs, ...graph.outputs]) declared.set(spec.name, spec);
  return names
    .filter((name) => name !== '')
    .map((name) => {
      const initializer = graph.initializers.get(name);
      const type = initializer ? `${initializer.type}[${initializer.shape.join(',')}]` : tensorSpecText(declared.get(name));
      return { name, type, initializer };
    });
}

export function attributeRows(node: GraphNode): AttributeRow[] {
  return node.attributes.map((attribute) => {
    const values = Array.isArray(attribute.value) ? attribute.value : [attribute.value];
    const graphs = values.filter(isGraph);
    return {
      name: attribute.name,
      type: attribute.type,
      text: graphs.length > 0 ? `${graphs.length} graph${graphs.length > 1 ? 's' : ''}` : formatValue(attribute.value),
      subgraphs: graphs.map((graph, i) => ({ label: graphs.length > 1 ? `${attribute.name}[${i}]` : attribute.name, graph })),
      tensor: isTensorInfo(attribute.value) ? attribute.value : undefined,
    };
  });
}

/** A short readable rendering of an attribute value: lists cut at 16 items, text at 120 characters. */
export function formatValue(value: unknown): string {
  if (isTensorInfo(value)) return `${value.type}[${value.shape.join(',')}]`;
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LIST_ITEMS).map(formatValue).join(', ');
    return `[${shown}${value.length > MAX_LIST_ITEMS ? `, … ${value.length - MAX_LIST_ITEMS} more` : ''}]`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumber(value);
  if (typeof value === 'string') return value.length > MAX_TEXT ? `"${value.slice(0, MAX_TEXT)}…"` : `"${value}"`;
  if (value instanceof Uint8Array) return `${value.byteLength} bytes`;
  if (value === undefined || value === null) return '';
  return String(value);
}

export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude >= 1e6 || magnitude < 1e-4 ? value.toExponential(4) : String(Number(value.toPrecision(6)));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size.toFixed(size < 10 ? 2 : 1)} ${units[unit]}`;
}

function isTensorInfo(value: unknown): value is TensorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as TensorInfo).values === 'function' &&
    Array.isArray((value as TensorInfo).shape)
  );
}
