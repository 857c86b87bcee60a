import type { FileInput, ModelFormat } from '../model-format.js';
import { looksLikeOnnxModel } from './model-proto-scan.js';
import { openOnnxModel, type OnnxModel } from './onnx-model.js';

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
