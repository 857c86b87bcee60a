import type { FormatId } from '../model/description.js';

/** Bytes of a file being opened, with the name it came under. */
export interface FileInput {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * One model format (netron's shape): a cheap `match` on the file name and a bounded peek of its first bytes,
 * then `open`. Formats are listed once in `detect.ts` and tried in turn.
 */
export interface ModelFormat<Opened> {
  readonly id: FormatId;
  /** Lower-case file extensions with the dot, e.g. `.pmml`. */
  readonly extensions: readonly string[];
  /** True when the first bytes (at most {@link MAX_PEEK_BYTES}) look like this format. */
  match(head: Uint8Array, fileName: string): boolean;
  /** Parses the file; throws a FormatError/MarkupError when it cannot. */
  open(file: FileInput): Promise<Opened>;
}

/** Detection never reads more than this many bytes of a file. */
export const MAX_PEEK_BYTES = 4096;
