import type { TensorSpec } from '../../model/description.js';
import { elementTypeName } from './element-types.js';
import { int64ToNumber } from './int64.js';
import type { onnx } from './onnx-proto.generated.js';

/**
 * A `TypeProto` as text: the element type for tensors (`float32`), and ONNX's own notation for the rest
 * (`seq(map(int64,tensor(float32)))`, `optional(tensor(int64))`, `sparse_tensor(float32)`).
 */
export function typeText(type: onnx.ITypeProto | null | undefined): string {
  if (!type) {
    return 'unknown';
  }
  if (type.tensor_type) {
    return elementTypeName(type.tensor_type.elem_type ?? 0);
  }
  if (type.sequence_type) {
    return `seq(${nestedTypeText(type.sequence_type.elem_type)})`;
  }
  if (type.map_type) {
    return `map(${elementTypeName(type.map_type.key_type ?? 0)},${nestedTypeText(type.map_type.value_type)})`;
  }
  if (type.optional_type) {
    return `optional(${nestedTypeText(type.optional_type.elem_type)})`;
  }
  if (type.sparse_tensor_type) {
    return `sparse_tensor(${elementTypeName(type.sparse_tensor_type.elem_type ?? 0)})`;
  }
  if (type.opaque_type) {
    return `opaque(${[type.opaque_type.domain, type.opaque_type.name].filter(Boolean).join('.')})`;
  }
  return 'unknown';
}

function nestedTypeText(type: onnx.ITypeProto | null | undefined): string {
  return type?.tensor_type ? `tensor(${typeText(type)})` : typeText(type);
}

/** Dimensions of a shape: numbers, symbolic names, or `undefined` for a dimension with neither. */
export function shapeDims(shape: onnx.ITensorShapeProto | null | undefined): (number | string | undefined)[] | undefined {
  if (!shape) {
    return undefined;
  }
  return (shape.dim ?? []).map((dim) => {
    if (dim.dim_param) {
      return dim.dim_param;
    }
    return dim.dim_value !== null && dim.dim_value !== undefined ? int64ToNumber(dim.dim_value) : undefined;
  });
}

/** A graph input, output or value_info as a {@link TensorSpec}. */
export function valueInfoSpec(info: onnx.IValueInfoProto): TensorSpec {
  const isTensor = Boolean(info.type?.tensor_type);
  const shape = isTensor ? shapeDims(info.type?.tensor_type?.shape) : undefined;
  return {
    name: info.name ?? '',
    type: typeText(info.type),
    isTensor,
    ...(shape ? { shape } : {}),
    ...(info.doc_string ? { description: info.doc_string } : {}),
  };
}
