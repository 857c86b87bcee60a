import type { Graph, GraphNode, TensorInfo, TensorSpec } from '../../model/description.js';

/*
 * A feature count for an input declared [?, ?] (sklearn-onnx writes `[None, None]` when the converter was not
 * told the width), read from the operator that consumes it, so that a form can start with a row the model
 * takes instead of a 1×1 tensor that it refuses. A suggestion for defaults only: nothing is checked against it.
 */

/** Operators that pass a tensor on unchanged in shape; the width is read from what they feed. */
const PASS_THROUGH = new Set(['Cast', 'Identity']);

function attribute(node: GraphNode, name: string): unknown {
  return node.attributes.find((a) => a.name === name)?.value;
}

function numbers(value: unknown): readonly number[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'number') ? (value as number[]) : undefined;
}

/** The row width `node` reads from its `index`-th input, when its attributes or weights say. */
function widthRead(node: GraphNode, index: number, initializers: ReadonlyMap<string, TensorInfo>): number | undefined {
  switch (node.opType) {
    case 'TreeEnsembleClassifier':
    case 'TreeEnsembleRegressor': {
      // The highest feature a split tests, plus one: any row at least this wide runs.
      const features = numbers(attribute(node, 'nodes_featureids'));
      return features && features.length > 0 ? Math.max(...features) + 1 : undefined;
    }
    case 'LinearClassifier':
    case 'LinearRegressor': {
      // ai.onnx.ml: coefficients are [classes or targets, F], intercepts one per row.
      const coefficients = numbers(attribute(node, 'coefficients'));
      const rows = node.opType === 'LinearRegressor' ? Number(attribute(node, 'targets') ?? 1) : (numbers(attribute(node, 'intercepts'))?.length ?? 1);
      return coefficients && rows > 0 && coefficients.length % rows === 0 ? coefficients.length / rows : undefined;
    }
    case 'Scaler': {
      const size = Math.max(numbers(attribute(node, 'scale'))?.length ?? 0, numbers(attribute(node, 'offset'))?.length ?? 0);
      return size > 1 ? size : undefined;
    }
    case 'MatMul':
    case 'Gemm': {
      if (index !== 0) return undefined;
      const weights = initializers.get(node.inputs[1]);
      if (weights?.shape.length !== 2) return undefined;
      return node.opType === 'Gemm' && attribute(node, 'transB') === 1 ? weights.shape[1] : weights.shape[0];
    }
    default:
      return undefined;
  }
}

function widthOf(name: string, graph: Graph, depth: number): number | undefined {
  for (const node of graph.nodes) {
    const index = node.inputs.indexOf(name);
    if (index < 0) continue;
    const width = PASS_THROUGH.has(node.opType) && depth < 2 ? widthOf(node.outputs[0], graph, depth + 1) : widthRead(node, index, graph.initializers);
    if (width !== undefined && Number.isInteger(width) && width > 0) return width;
  }
  return undefined;
}

/** `[1, F]` for a graph input `[?, ?]` whose consumer reveals F; undefined otherwise. */
export function suggestedShape(input: TensorSpec, graph: Graph): readonly number[] | undefined {
  const shape = input.shape;
  if (!input.isTensor || shape?.length !== 2 || typeof shape[1] === 'number') return undefined;
  const width = widthOf(input.name, graph, 0);
  return width === undefined ? undefined : [typeof shape[0] === 'number' && shape[0] > 0 ? shape[0] : 1, width];
}
