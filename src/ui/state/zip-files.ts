import { unzipSync } from 'fflate';

/**
 * The files of a zip (an exported ONNX model with its external data, or a folder of models), each under its base
 * name, as if they had been dropped together; folders and macOS resource forks are left out.
 * @throws Error naming the archive when it cannot be read.
 */
export function filesOfZip(bytes: Uint8Array, archiveName: string): File[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/') });
  } catch (error) {
    throw new Error(`'${archiveName}' is not a zip archive that can be read: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  return Object.entries(entries).map(([path, data]) => new File([data as Uint8Array<ArrayBuffer>], path.replace(/^.*\//, '')));
}
