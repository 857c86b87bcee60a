import type { TensorInfo } from '../../model/description.js';
import { elementTypeName } from './element-types.js';
import type { onnx } from './onnx-proto.generated.js';
import { externalDataReference, readTensorElements, tensorByteLength, tensorDims } from './tensor-proto.js';

/** The external data files of a model by their `location`, when they were given. */
export type ExternalFiles = ReadonlyMap<string, Uint8Array>;

/** A {@link TensorInfo} over a `TensorProto`; values are decoded from the model's bytes only when asked for. */
export function createTensorInfo(tensor: onnx.ITensorProto, files: ExternalFiles): TensorInfo {
  const external = externalDataReference(tensor);
  return {
    name: tensor.name ?? '',
    type: elementTypeName(tensor.data_type ?? 0),
    shape: tensorDims(tensor),
    byteLength: tensorByteLength(tensor),
    ...(external ? { externalLocation: external.location } : {}),
    values: (limit) => readTensorElements(tensor, limit, external ? files.get(external.location) : undefined),
  };
}

/** A {@link TensorInfo} over a `SparseTensorProto`: its shape is the dense one, its values the stored non-zeros. */
export function createSparseTensorInfo(sparse: onnx.ISparseTensorProto, files: ExternalFiles): TensorInfo {
  const values = sparse.values ?? {};
  const indices = sparse.indices ?? {};
  const external = externalDataReference(values);
  return {
    name: values.name ?? '',
    type: elementTypeName(values.data_type ?? 0),
    shape: tensorDims({ dims: sparse.dims }),
    byteLength: tensorByteLength(values) + tensorByteLength(indices),
    isSparse: true,
    ...(external ? { externalLocation: external.location } : {}),
    values: (limit) => readTensorElements(values, limit, external ? files.get(external.location) : undefined),
  };
}
