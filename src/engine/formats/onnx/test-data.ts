import { FormatError } from '../../errors.js';
import { onnx } from './onnx-proto.generated.js';
import { tensorProtoToData } from './tensor-proto.js';
import type { TensorData } from './tensor-data.js';

/** A value of an ONNX test data set: a tensor, or a sequence of values (`SequenceProto`). */
export type TestValue =
  | { readonly kind: 'tensor'; readonly name: string; readonly tensor: TensorData }
  | { readonly kind: 'sequence'; readonly name: string; readonly elements: readonly TestValue[] };

/**
 * Decodes an `input_K.pb` / `output_K.pb` of an ONNX test data set (onnx/backend/test/data layout): a serialized
 * `TensorProto`, or a `SequenceProto` when `isSequence` (the graph's value at that position is a sequence).
 *
 * @throws FormatError when the file is not such a message or holds a type JavaScript cannot represent.
 */
export function decodeTensorFile(bytes: Uint8Array, isSequence: boolean, fileName = 'tensor.pb'): TestValue {
  try {
    if (isSequence) {
      return sequenceValue(onnx.SequenceProto.decode(bytes));
    }
    const tensor = onnx.TensorProto.decode(bytes);
    return { kind: 'tensor', name: tensor.name ?? '', tensor: tensorProtoToData(tensor) };
  } catch (error) {
    if (error instanceof FormatError) {
      throw error;
    }
    throw new FormatError(`The test data file '${fileName}' is not a valid ${isSequence ? 'SequenceProto' : 'TensorProto'}.`, fileName, { cause: error });
  }
}

function sequenceValue(sequence: onnx.ISequenceProto): TestValue {
  const elements: TestValue[] = [
    ...(sequence.tensor_values ?? []).map((tensor): TestValue => ({ kind: 'tensor', name: tensor.name ?? '', tensor: tensorProtoToData(tensor) })),
    ...(sequence.sequence_values ?? []).map(sequenceValue),
  ];
  if ((sequence.map_values ?? []).length > 0 || (sequence.optional_values ?? []).length > 0) {
    throw new FormatError(`The sequence '${sequence.name ?? ''}' holds maps or optionals, which test data reading does not support.`);
  }
  return { kind: 'sequence', name: sequence.name ?? '', elements };
}
