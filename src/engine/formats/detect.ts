import { EngineError, FormatError, UnsupportedFormatError } from '../errors.js';
import type { FormatId } from '../model/description.js';
import { MAX_PEEK_BYTES, type FileInput, type ModelFormat } from './model-format.js';
import type { OnnxModel } from './onnx/onnx-model.js';
import type { PmmlModel } from './pmml/index.js';

/** An opened model, tagged with its format so callers can narrow on `format`. */
export type OpenedModel =
  | { readonly format: 'pmml'; readonly fileName: string; readonly model: PmmlModel }
  | { readonly format: 'onnx'; readonly fileName: string; readonly model: OnnxModel };

/** One entry of the format table: cheap facts for ordering, and the module loaded only when needed. */
export interface FormatRegistration {
  readonly id: FormatId;
  /** Lower-case extensions with the dot; must equal the module's own `extensions`. */
  readonly extensions: readonly string[];
  readonly load: () => Promise<ModelFormat<unknown>>;
}

/**
 * Every format ModelPort opens. A new format is a folder under `formats/` plus one line here (netron's
 * `register()` table). Modules load lazily, so opening a PMML file never downloads the ONNX parser.
 */
export const FORMATS: readonly FormatRegistration[] = [
  { id: 'pmml', extensions: ['.pmml', '.xml'], load: async () => (await import('./pmml/index.js')).pmmlFormat },
  { id: 'onnx', extensions: ['.onnx'], load: async () => (await import('./onnx/onnx-format.js')).onnxFormat },
];

/**
 * Finds the first format whose `match` accepts the first {@link MAX_PEEK_BYTES} bytes; formats whose extension
 * fits the file name are asked first. Reads no more of the file than the peek.
 */
export async function detectFormat(
  file: FileInput,
  formats: readonly FormatRegistration[] = FORMATS,
): Promise<FormatId | undefined> {
  const head = file.bytes.subarray(0, MAX_PEEK_BYTES);
  for (const entry of candidates(file.fileName, formats)) {
    if ((await entry.load()).match(head, file.fileName)) return entry.id;
  }
  return undefined;
}

/**
 * Opens a model file of any registered format. Every format whose `match` accepts the peek is tried in turn
 * (extension matches first); the first that opens the file wins.
 *
 * @throws UnsupportedFormatError (`format.unsupported`) naming the file when no format recognises it.
 * @throws the error of the most likely format (FormatError, MarkupError, …) when formats recognised the file
 *   but none could open it.
 * @example
 * const opened = await openModelFile({ fileName: file.name, bytes });
 * if (opened.format === 'pmml') opened.model.evaluate(record);
 */
export async function openModelFile(
  file: FileInput,
  formats: readonly FormatRegistration[] = FORMATS,
): Promise<OpenedModel> {
  if (file.bytes.length === 0) {
    throw new UnsupportedFormatError(`The file '${file.fileName}' is empty.`, file.fileName);
  }
  const head = file.bytes.subarray(0, MAX_PEEK_BYTES);
  const errors: unknown[] = [];
  for (const entry of candidates(file.fileName, formats)) {
    const format = await entry.load();
    if (!format.match(head, file.fileName)) continue;
    try {
      const model = await format.open(file);
      return { format: entry.id, fileName: file.fileName, model } as OpenedModel;
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw asEngineError(errors[0], file.fileName);
  throw new UnsupportedFormatError(
    `The file '${file.fileName}' is not a model ModelPort can open: it is neither a PMML document nor an ONNX model${describeContent(head)}.`,
    file.fileName,
  );
}

function candidates(fileName: string, formats: readonly FormatRegistration[]): FormatRegistration[] {
  const extension = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  const byExtension = formats.filter((f) => f.extensions.includes(extension));
  return [...byExtension, ...formats.filter((f) => !byExtension.includes(f))];
}

function asEngineError(error: unknown, fileName: string): EngineError {
  if (error instanceof EngineError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new FormatError(`The file '${fileName}' could not be read: ${reason}`, fileName, { cause: error });
}

/** Signatures of files people commonly mistake for models ModelPort opens, for a helpful message. */
const LOOKALIKES: readonly { readonly test: (head: Uint8Array, text: string) => boolean; readonly what: string }[] = [
  // ZIP local file header "PK\3\4" (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT, 4.3.7).
  {
    test: (h) => h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04,
    what: 'a ZIP archive (PyTorch .pt, Keras .keras and zipped models must be converted to ONNX first, or unzipped)',
  },
  // HDF5 superblock signature "\x89HDF\r\n\x1a\n" (https://docs.hdfgroup.org/hdf5/develop/_f_m_t3.html).
  { test: (h) => h[0] === 0x89 && h[1] === 0x48 && h[2] === 0x44 && h[3] === 0x46, what: 'an HDF5 file (Keras .h5 models must be converted to ONNX first)' },
  // Python pickle protocol 2+ starts with PROTO 0x80 then the version (https://peps.python.org/pep-0307/).
  { test: (h) => h[0] === 0x80 && h[1] >= 2 && h[1] <= 5, what: 'a Python pickle (a scikit-learn model must be exported to PMML or ONNX first)' },
  { test: (_, t) => /^\s*[[{]/.test(t), what: 'a JSON document' },
  { test: (_, t) => /^\s*</.test(t), what: 'an XML or HTML document whose root element is not <PMML>' },
];

function describeContent(head: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 256)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  const lookalike = LOOKALIKES.find((l) => l.test(head, text));
  return lookalike ? ` (it is ${lookalike.what})` : '';
}
