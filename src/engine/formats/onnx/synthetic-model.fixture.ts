/**
 * Builds large ONNX models in memory for memory and speed checks (tests, `npm run bench`): a graph that adds a
 * chain of float32 initializers, their bytes in `raw_data`. Nothing in the app imports it.
 */
import { onnx } from './onnx-proto.generated.js';

/** One initializer's size; the model repeats it to reach the requested size. */
const CHUNK_BYTES = 16 * 1024 * 1024;

/** A valid model of about `totalBytes` bytes whose weights are all in `raw_data` (encoded once, no intermediate copies). */
export function buildLargeModel(totalBytes: number): Uint8Array {
  const count = Math.max(1, Math.round(totalBytes / CHUNK_BYTES));
  const chunk = new Uint8Array(CHUNK_BYTES);
  const elements = CHUNK_BYTES / 4;
  const vector = { elem_type: 1, shape: { dim: [{ dim_value: elements }] } };
  const initializer = Array.from({ length: count }, (_, index) => ({ name: `w${index}`, data_type: 1, dims: [elements], raw_data: chunk }));
  const node = initializer.map((tensor, index) => ({
    op_type: 'Add',
    input: [index === 0 ? 'x' : `s${index - 1}`, tensor.name],
    output: [index === count - 1 ? 'y' : `s${index}`],
  }));
  return onnx.ModelProto.encode({
    ir_version: 8,
    producer_name: 'modelport synthetic',
    opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'large',
      node,
      initializer,
      input: [{ name: 'x', type: { tensor_type: vector } }],
      output: [{ name: 'y', type: { tensor_type: vector } }],
    },
  }).finish();
}
