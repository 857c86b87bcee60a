import type { GraphNode, TensorSpec } from '../../model/description.js';
import type { OnnxModel } from './onnx-model.js';
import { onnx } from './onnx-proto.generated.js';

/** How one graph output is obtained from onnxruntime-web. */
export type OutputPlan =
  | { readonly kind: 'tensor'; readonly name: string; readonly fetch: string }
  | {
      /** A scikit-learn `ZipMap` output: its input tensor is fetched instead and labelled with its classes. */
      readonly kind: 'zipmap';
      readonly name: string;
      readonly fetch: string;
      readonly labels: readonly (string | number)[];
    }
  | { readonly kind: 'unavailable'; readonly name: string; readonly reason: string };

/** The fetch plan of every output, and the intermediate values that must become graph outputs for it. */
export interface OutputPlans {
  readonly plans: readonly OutputPlan[];
  /** Values to add as graph outputs so that onnxruntime-web can return them. */
  readonly addedOutputs: readonly string[];
}

/**
 * Plans how to fetch each output. onnxruntime-web cannot return non-tensor values ("Reading data from non-tensor
 * typed value is not supported"), and fetches only graph outputs. A `ZipMap` (ai.onnx.ml) turns a probability
 * tensor [N, C] into a sequence of maps {class → probability}; for such an output the plan fetches the tensor
 * that feeds the ZipMap, adding it as a graph output, and carries the ZipMap's class labels
 * (`classlabels_int64s` or `classlabels_strings`).
 */
export function planOutputs(model: OnnxModel): OutputPlans {
  const { description } = model;
  const graph = description.structure.kind === 'graph' ? description.structure.graph : undefined;
  const producers = new Map<string, GraphNode>();
  for (const node of graph?.nodes ?? []) {
    node.outputs.forEach((output) => producers.set(output, node));
  }
  const outputNames = new Set(description.outputTensors.map((spec) => spec.name));
  const addedOutputs: string[] = [];
  const plans = description.outputTensors.map((spec): OutputPlan => {
    if (spec.isTensor) {
      return { kind: 'tensor', name: spec.name, fetch: spec.name };
    }
    const producer = producers.get(spec.name);
    if (producer?.opType === 'ZipMap' && producer.domain === 'ai.onnx.ml' && producer.inputs[0]) {
      const fetch = producer.inputs[0];
      if (!outputNames.has(fetch) && !addedOutputs.includes(fetch)) {
        addedOutputs.push(fetch);
      }
      return { kind: 'zipmap', name: spec.name, fetch, labels: zipMapLabels(producer) };
    }
    return { kind: 'unavailable', name: spec.name, reason: nonTensorReason(spec) };
  });
  return { plans, addedOutputs };
}

function zipMapLabels(node: GraphNode): (string | number)[] {
  const attribute = node.attributes.find((candidate) => candidate.name === 'classlabels_int64s' || candidate.name === 'classlabels_strings');
  return (attribute?.value as (string | number)[] | undefined) ?? [];
}

function nonTensorReason(spec: TensorSpec): string {
  return `The output '${spec.name}' is a ${spec.type}, which onnxruntime-web cannot return; it is not produced by a ZipMap whose input could be shown instead.`;
}

/**
 * Returns the model's bytes with `names` appended to the main graph's outputs, each declared as a float tensor
 * (ZipMap takes only tensor(float) input, https://onnx.ai/onnx/operators/onnx_aionnxml_ZipMap.html)
 * with its shape left to the runtime.
 *
 * Protobuf parsers merge a non-repeated message field that occurs more than once, as `MergeFrom` does, and
 * append to its repeated fields (https://protobuf.dev/programming-guides/encoding/#last-one-wins); so appending a
 * second `graph` field holding only the new outputs adds them without re-encoding the model. onnxruntime parses it
 * so (model-session.test.ts runs a ZipMap model rewritten this way).
 */
export function appendGraphOutputs(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const extra = onnx.ModelProto.encode({
    graph: { output: names.map((name) => ({ name, type: { tensor_type: { elem_type: onnx.TensorProto.DataType.FLOAT } } })) },
  }).finish();
  const merged = new Uint8Array(bytes.length + extra.length);
  merged.set(bytes);
  merged.set(extra, bytes.length);
  return merged;
}
