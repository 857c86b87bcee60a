import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { FormatError } from '../engine/errors.js';
import { openOnnxModel, requireExternalData, type OnnxModel } from '../engine/formats/onnx/index.js';

/** An ONNX model read from disk with the external data files it names, which sit beside it. */
export interface OnnxModelFiles {
  readonly model: OnnxModel;
  readonly externalData: ReadonlyMap<string, Uint8Array>;
}

/**
 * Reads and opens an ONNX model, then reads each external data file from the model's folder ("location ...
 * relative to the directory where the ONNX protobuf model was stored", onnx.proto).
 *
 * @throws FormatError when the model is corrupt or an external data file is missing.
 */
export async function readOnnxModel(path: string): Promise<OnnxModelFiles> {
  const bytes = new Uint8Array(await readFile(path));
  const opened = openOnnxModel(bytes, { fileName: basename(path) });
  const externalData = new Map<string, Uint8Array>();
  for (const location of opened.externalDataFiles) {
    // onnxruntime refuses locations outside the model's folder too: a model file must not read arbitrary files.
    if (isAbsolute(location) || location.split(/[\\/]/).includes('..')) {
      throw new FormatError(`The model refers to external data '${location}' outside its own folder, which is not read.`, basename(path));
    }
    try {
      externalData.set(location, new Uint8Array(await readFile(join(dirname(path), location))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
    }
  }
  requireExternalData(opened, externalData);
  const model = externalData.size > 0 ? openOnnxModel(bytes, { fileName: basename(path), externalData }) : opened;
  return { model, externalData };
}
