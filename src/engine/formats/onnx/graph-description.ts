import type { Graph, GraphAttribute, GraphFunction, GraphNode, TensorInfo, TensorSpec } from '../../model/description.js';
import { int64ToNumber } from './int64.js';
import type { onnx } from './onnx-proto.generated.js';
import { createSparseTensorInfo, createTensorInfo, type ExternalFiles } from './tensor-info.js';
import { typeText, valueInfoSpec } from './type-proto.js';

const textDecoder = new TextDecoder();

/** Attribute type names (AttributeProto.AttributeType, lower-cased). */
const ATTRIBUTE_TYPES: Readonly<Record<number, string>> = {
  0: 'undefined', 1: 'float', 2: 'int', 3: 'string', 4: 'tensor', 5: 'graph', 6: 'floats', 7: 'ints', 8: 'strings',
  9: 'tensors', 10: 'graphs', 11: 'sparse_tensor', 12: 'sparse_tensors', 13: 'type_proto', 14: 'type_protos',
};

/**
 * Builds the format-neutral {@link Graph} of a `GraphProto`, subgraphs (If/Loop/Scan bodies) included.
 * Initializer values are not decoded: each {@link TensorInfo} reads them from the model's bytes when asked.
 */
export function describeGraph(graph: onnx.IGraphProto, files: ExternalFiles): Graph {
  const initializers = new Map<string, TensorInfo>();
  for (const tensor of graph.initializer ?? []) {
    initializers.set(tensor.name ?? '', createTensorInfo(tensor, files));
  }
  for (const sparse of graph.sparse_initializer ?? []) {
    const info = createSparseTensorInfo(sparse, files);
    initializers.set(info.name, info);
  }
  const valueInfo = new Map<string, TensorSpec>((graph.value_info ?? []).map((info) => [info.name ?? '', valueInfoSpec(info)]));
  return {
    name: graph.name ?? '',
    // Before IR version 4 every initializer was also listed as a graph input; those are weights, not inputs to feed.
    inputs: (graph.input ?? []).filter((input) => !initializers.has(input.name ?? '')).map(valueInfoSpec),
    outputs: (graph.output ?? []).map(valueInfoSpec),
    nodes: describeNodes(graph.node ?? [], files),
    initializers,
    valueInfo,
  };
}

/** The model-local functions of a model. */
export function describeFunctions(functions: readonly onnx.IFunctionProto[], files: ExternalFiles): GraphFunction[] {
  return functions.map((fn) => ({
    name: fn.name ?? '',
    domain: fn.domain ?? '',
    ...(fn.overload ? { overload: fn.overload } : {}),
    inputs: fn.input ?? [],
    outputs: fn.output ?? [],
    attributes: [...(fn.attribute ?? []), ...(fn.attribute_proto ?? []).map((attribute) => attribute.name ?? '')],
    nodes: describeNodes(fn.node ?? [], files),
    ...(fn.doc_string ? { docString: fn.doc_string } : {}),
  }));
}

function describeNodes(nodes: readonly onnx.INodeProto[], files: ExternalFiles): GraphNode[] {
  const used = new Set<string>();
  return nodes.map((node, index) => {
    const opType = node.op_type ?? '';
    let id = node.name || `${opType}_${index}`;
    if (used.has(id)) {
      id = `${id}#${index}`;
    }
    used.add(id);
    return {
      id,
      name: node.name ?? '',
      opType,
      domain: node.domain ?? '',
      inputs: node.input ?? [],
      outputs: node.output ?? [],
      attributes: (node.attribute ?? []).map((attribute) => describeAttribute(attribute, files)),
      ...(node.doc_string ? { docString: node.doc_string } : {}),
    };
  });
}

function describeAttribute(attribute: onnx.IAttributeProto, files: ExternalFiles): GraphAttribute {
  const type = ATTRIBUTE_TYPES[attribute.type ?? 0] ?? `unknown(${attribute.type})`;
  return { name: attribute.name ?? '', type, value: attributeValue(attribute, type, files) };
}

function attributeValue(attribute: onnx.IAttributeProto, type: string, files: ExternalFiles): unknown {
  if (attribute.ref_attr_name) {
    // Inside a function body: the value is the calling node's attribute of this name.
    return { ref: attribute.ref_attr_name };
  }
  switch (type) {
    case 'float': return attribute.f ?? 0;
    case 'int': return int64ToNumber(attribute.i);
    case 'string': return textDecoder.decode(attribute.s ?? new Uint8Array());
    case 'tensor': return attribute.t ? createTensorInfo(attribute.t, files) : undefined;
    case 'graph': return attribute.g ? describeGraph(attribute.g, files) : undefined;
    case 'sparse_tensor': return attribute.sparse_tensor ? createSparseTensorInfo(attribute.sparse_tensor, files) : undefined;
    case 'type_proto': return typeText(attribute.tp);
    case 'floats': return attribute.floats ?? [];
    case 'ints': return (attribute.ints ?? []).map((value) => int64ToNumber(value));
    case 'strings': return (attribute.strings ?? []).map((bytes) => textDecoder.decode(bytes));
    case 'tensors': return (attribute.tensors ?? []).map((tensor) => createTensorInfo(tensor, files));
    case 'graphs': return (attribute.graphs ?? []).map((graph) => describeGraph(graph, files));
    case 'sparse_tensors': return (attribute.sparse_tensors ?? []).map((sparse) => createSparseTensorInfo(sparse, files));
    case 'type_protos': return (attribute.type_protos ?? []).map(typeText);
    default: return undefined;
  }
}
