/**
 * Recognising a `ModelProto` from its top-level protobuf fields, without decoding their contents
 * (wire format: https://protobuf.dev/programming-guides/encoding/). Detection uses it on the peeked bytes, and
 * opening uses it to tell "not protobuf at all" from "a protobuf message of another kind".
 */

/** A top-level field: number, wire type, and the varint value for wire type 0. */
export interface ProtobufField {
  readonly field: number;
  readonly wireType: number;
  readonly value?: number;
}

/** The fields read, and whether the bytes ended exactly at a field boundary. */
export interface FieldScan {
  readonly fields: readonly ProtobufField[];
  /** False when a key, varint or length ran past the end or a wire type was invalid. */
  readonly isComplete: boolean;
}

/** Reads top-level fields until the end of `bytes` or the first malformed one. */
export function scanFields(bytes: Uint8Array): FieldScan {
  const fields: ProtobufField[] = [];
  let position = 0;
  while (position < bytes.length) {
    const key = readVarint(bytes, position);
    if (!key || key.value < 8) {
      return { fields, isComplete: false };
    }
    const field = Math.floor(key.value / 8);
    const wireType = key.value % 8;
    position = key.next;
    if (wireType === 0) {
      const value = readVarint(bytes, position);
      if (!value) {
        return { fields, isComplete: false };
      }
      fields.push({ field, wireType, value: value.value });
      position = value.next;
    } else if (wireType === 2) {
      const length = readVarint(bytes, position);
      if (!length || length.next + length.value > bytes.length) {
        fields.push({ field, wireType });
        return { fields, isComplete: false };
      }
      fields.push({ field, wireType });
      position = length.next + length.value;
    } else if (wireType === 1 || wireType === 5) {
      position += wireType === 1 ? 8 : 4;
      if (position > bytes.length) {
        return { fields, isComplete: false };
      }
      fields.push({ field, wireType });
    } else {
      return { fields, isComplete: false };
    }
  }
  return { fields, isComplete: true };
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

/**
 * Top-level fields of `ModelProto` and their protobuf wire types (0 varint, 2 length-delimited), from onnx.proto.
 * Field 26 (`configuration`) is IR 11.
 */
const MODEL_PROTO_FIELDS: ReadonlyMap<number, number> = new Map([
  [1, 0], [2, 2], [3, 2], [4, 2], [5, 0], [6, 2], [7, 2], [8, 2], [14, 2], [20, 2], [25, 2], [26, 2],
]);

/** IR versions a file may plausibly declare (1 is 2017's first, 11 the newest in 2025). */
const MAX_PLAUSIBLE_IR_VERSION = 32;

/** The first top-level field that `ModelProto` does not have (or has with another wire type), if any. */
export function findForeignField(fields: readonly ProtobufField[]): ProtobufField | undefined {
  return fields.find((field) => MODEL_PROTO_FIELDS.get(field.field) !== field.wireType);
}

/**
 * ONNX has no magic number. Like netron (https://github.com/lutzroeder/netron/blob/main/source/onnx.js,
 * `onnx.ProtoReader.open`, which reads the protobuf tags at the start of the file and expects `ir_version` as a
 * varint and `graph` as a message), this walks the top-level fields in the peeked bytes: each must be a
 * `ModelProto` field with its wire type, and `ir_version` must be present with a plausible value. A field that
 * runs past the peeked bytes is expected (the graph is most of the file).
 */
export function looksLikeOnnxModel(head: Uint8Array): boolean {
  const { fields } = scanFields(head);
  const irVersion = fields.find((field) => field.field === 1 && field.wireType === 0)?.value;
  return findForeignField(fields) === undefined && irVersion !== undefined && irVersion >= 1 && irVersion <= MAX_PLAUSIBLE_IR_VERSION;
}
