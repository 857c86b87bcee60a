import { UnsupportedFormatError } from '../../engine/errors.js';
import { MAX_PEEK_BYTES } from '../../engine/formats/model-format.js';
import { onnxFormat } from '../../engine/formats/onnx/onnx-format.js';
import type { OnnxModel } from '../../engine/formats/onnx/onnx-model.js';
import { loadPmml, pmmlFormat, type PmmlModel } from '../../engine/formats/pmml/index.js';

export type OpenedFile = { readonly format: 'pmml'; readonly model: PmmlModel } | { readonly format: 'onnx'; readonly model: OnnxModel };

/** Detects the format from the name and a bounded peek at the first bytes, then parses the file. */
export async function openFile(fileName: string, bytes: Uint8Array): Promise<OpenedFile> {
  const head = bytes.subarray(0, MAX_PEEK_BYTES);
  if (pmmlFormat.match(head, fileName)) return { format: 'pmml', model: loadPmml(bytes, { fileName }) };
  if (onnxFormat.match(head, fileName)) return { format: 'onnx', model: await onnxFormat.open({ fileName, bytes }) };
  throw new UnsupportedFormatError(`'${fileName}' is neither a PMML document nor an ONNX model.`, fileName);
}
