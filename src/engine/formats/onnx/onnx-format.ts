import type { FileInput, ModelFormat } from '../model-format.js';
import { openOnnxModel, type OnnxModel } from './onnx-model.js';

/**
 * Top-level fields of `ModelProto` and their protobuf wire types (0 varint, 2 length-delimited), from onnx.proto.
 * Field 26 (`configuration`) is IR 11.
 */
const MODEL_PROTO_FIELDS: ReadonlyMap<number, number> = new Map([
  [1, 0], [2, 2], [3, 2], [4, 2], [5, 0], [6, 2], [7, 2], [8, 2], [14, 2], [20, 2], [25, 2], [26, 2],
]);

/** IR versions a file may plausibly declare (1 is 2017's first, 11 the newest in 2025). */
const MAX_PLAUSIBLE_IR_VERSION = 32;

/**
 * ONNX has no magic number. Like netron (https://github.com/lutzroeder/netron/blob/main/source/onnx.js,
 * `onnx.ProtoReader.open`, which reads the protobuf tags at the start of the file and expects `ir_version` as a
 * varint and `graph` as a message), this walks the top-level fields in the peeked bytes: each must be a
 * `ModelProto` field with its wire type, and `ir_version` must be present with a plausible value.
 */
export function looksLikeOnnxModel(head: Uint8Array): boolean {
  let position = 0;
  let irVersion: number | undefined;
  while (position < head.length) {
    const key = readVarint(head, position);
    if (!key) {
      break;
    }
    position = key.next;
    const field = Math.floor(key.value / 8);
    const wireType = key.value & 7;
    if (MODEL_PROTO_FIELDS.get(field) !== wireType) {
      return false;
    }
    const payload = readVarint(head, position);
    if (!payload) {
      break;
    }
    if (field === 1) {
      irVersion = payload.value;
    }
    position = wireType === 0 ? payload.next : payload.next + payload.value;
  }
  return irVersion !== undefined && irVersion >= 1 && irVersion <= MAX_PLAUSIBLE_IR_VERSION;
}

function readVarint(bytes: Uint8Array, start: number): { value: number; next: number } | undefined {
  let value = 0;
  for (let i = 0; i < 10 && start + i < bytes.length; i++) {
    const byte = bytes[start + i];
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) {
      return { value, next: start + i + 1 };
    }
  }
  return undefined;
}

/** The ONNX format: `.onnx` files, or any file whose first bytes look like a `ModelProto`. */
export const onnxFormat: ModelFormat<OnnxModel> = {
  id: 'onnx',
  extensions: ['.onnx'],
  match(head: Uint8Array, fileName: string): boolean {
    return fileName.toLowerCase().endsWith('.onnx') || looksLikeOnnxModel(head);
  },
  async open(file: FileInput): Promise<OnnxModel> {
    return openOnnxModel(file.bytes, { fileName: file.fileName });
  },
};
