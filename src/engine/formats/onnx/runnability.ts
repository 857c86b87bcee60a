import { InferenceError } from '../../errors.js';
import type { Graph, GraphNode } from '../../model/description.js';
import { isUnsupportedByRuntime } from './element-types.js';
import { DEFAULT_DOMAIN, type OnnxModel } from './onnx-model.js';

/**
 * Newest operator set per domain that onnxruntime-web 1.30 loads. Measured: a model stamped one version newer
 * fails in `InferenceSession.create` with "ONNX Runtime only *guarantees* support for models stamped with
 * official released onnx opset versions. Opset 27 is under development" (ai.onnx 27, ai.onnx.ml 6).
 */
export const MAX_RUNTIME_OPSETS: ReadonlyMap<string, number> = new Map([
  [DEFAULT_DOMAIN, 26],
  ['ai.onnx.ml', 5],
]);

/** Newest ONNX IR version onnxruntime-web 1.30 loads (measured: 14 fails with "Unsupported model IR version"). */
export const MAX_RUNTIME_IR_VERSION = 13;

/**
 * Operator domains onnxruntime-web 1.30 has kernels for. Anything else (onnxruntime-extensions'
 * `ai.onnx.contrib`, a framework's own domain) is a custom operator the runtime cannot load
 * ("ai.onnx.contrib:StringLower(-1) is not a registered function/op").
 */
const RUNTIME_DOMAINS: ReadonlySet<string> = new Set([
  DEFAULT_DOMAIN, 'ai.onnx.ml', 'com.microsoft', 'com.microsoft.nchwc', 'com.ms.internal.nhwc', 'ai.onnx.training',
  'ai.onnx.preview.training', 'com.microsoft.experimental',
]);

/** One reason a model cannot run on onnxruntime-web. */
export interface RunBlocker {
  readonly code: 'inference.unsupportedType' | 'inference.customOp' | 'inference.opset' | 'inference.nonTensor';
  readonly message: string;
}

/**
 * Everything that stops onnxruntime-web from running the model, found from its structure before a session is
 * made: element types the runtime rejects, custom-operator domains, operator sets newer than the runtime's, and
 * non-tensor inputs (which cannot be fed from JavaScript). Non-tensor outputs are not blockers: the session
 * fetches only tensors.
 */
export function findRunBlockers(model: OnnxModel): RunBlocker[] {
  const blockers: RunBlocker[] = [];
  const { inputTensors, outputTensors } = model.description;
  for (const [role, specs] of [['input', inputTensors], ['output', outputTensors]] as const) {
    for (const spec of specs) {
      const elementType = spec.isTensor ? spec.type : undefined;
      if (elementType && isUnsupportedByRuntime(elementType)) {
        blockers.push({
          code: 'inference.unsupportedType',
          message: `The ${role} '${spec.name}' has element type '${elementType}', which onnxruntime-web cannot read or write.`,
        });
      }
    }
  }
  for (const spec of inputTensors.filter((input) => !input.isTensor)) {
    blockers.push({
      code: 'inference.nonTensor',
      message: `The input '${spec.name}' is a ${spec.type}, not a tensor; onnxruntime-web can only be fed tensors.`,
    });
  }
  const customDomains = findCustomDomains(model);
  if (customDomains.length > 0) {
    blockers.push({
      code: 'inference.customOp',
      message: `The model uses custom operators of ${customDomains.map((domain) => `'${domain}'`).join(', ')}, which onnxruntime-web does not include (they come from runtime extensions such as onnxruntime-extensions).`,
    });
  }
  const irVersion = Number(model.description.formatVersion);
  if (irVersion > MAX_RUNTIME_IR_VERSION) {
    blockers.push({
      code: 'inference.opset',
      message: `The model is in ONNX IR version ${irVersion}, newer than the ${MAX_RUNTIME_IR_VERSION} onnxruntime-web 1.30 reads.`,
    });
  }
  for (const [domain, version] of model.opsets) {
    const max = MAX_RUNTIME_OPSETS.get(domain);
    if (max !== undefined && version > max && usesDomain(model, domain)) {
      blockers.push({
        code: 'inference.opset',
        message: `The model needs operator set ${version} of '${domain}', newer than the ${max} onnxruntime-web 1.30 supports.`,
      });
    }
  }
  return blockers;
}

/** Throws the first blocker as an {@link InferenceError}, listing the others in its message. */
export function assertRunnable(model: OnnxModel): void {
  const [first, ...rest] = findRunBlockers(model);
  if (first) {
    const others = rest.length > 0 ? ` Also: ${rest.map((blocker) => blocker.message).join(' ')}` : '';
    throw new InferenceError(`${first.message}${others}`, first.code);
  }
}

function graphNodes(model: OnnxModel): GraphNode[] {
  const nodes: GraphNode[] = [];
  const visit = (graphNodeList: readonly GraphNode[]): void => {
    for (const node of graphNodeList) {
      nodes.push(node);
      for (const attribute of node.attributes) {
        const graphs = (attribute.type === 'graph' ? [attribute.value] : attribute.type === 'graphs' ? attribute.value : []) as Graph[];
        graphs.forEach((graph) => visit(graph.nodes));
      }
    }
  };
  if (model.description.structure.kind === 'graph') {
    visit(model.description.structure.graph.nodes);
    model.description.structure.graph.functions?.forEach((fn) => visit(fn.nodes));
  }
  return nodes;
}

function findCustomDomains(model: OnnxModel): string[] {
  const structure = model.description.structure;
  const functionDomains = new Set(structure.kind === 'graph' ? (structure.graph.functions ?? []).map((fn) => fn.domain) : []);
  const domains = new Set<string>();
  for (const node of graphNodes(model)) {
    const domain = node.domain || DEFAULT_DOMAIN;
    if (!RUNTIME_DOMAINS.has(domain) && !functionDomains.has(domain)) {
      domains.add(domain);
    }
  }
  return [...domains];
}

function usesDomain(model: OnnxModel, domain: string): boolean {
  return graphNodes(model).some((node) => (node.domain || DEFAULT_DOMAIN) === domain);
}
