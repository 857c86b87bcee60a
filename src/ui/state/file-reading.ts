/** Bytes read so far and the total (0 when the size is unknown, e.g. a download without Content-Length). */
export type ProgressCallback = (loaded: number, total: number) => void;

/** Reads a File chunk by chunk so a large model shows progress instead of a frozen page. */
export async function readFile(file: File, onProgress: ProgressCallback): Promise<ArrayBuffer> {
  return readStream(file.stream(), file.size, onProgress);
}

/** Downloads a URL with progress. Throws an Error whose message names the URL and the HTTP status. */
export async function readUrl(url: string, onProgress: ProgressCallback): Promise<{ bytes: ArrayBuffer; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`'${url}' could not be downloaded: the server did not answer or does not allow other sites to read it (CORS).`, { cause: error });
  }
  if (!response.ok) throw new Error(`'${url}' could not be downloaded: the server answered ${response.status} ${response.statusText}.`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const bytes = response.body ? await readStream(response.body, total, onProgress) : await response.arrayBuffer();
  return { bytes, fileName: fileNameOf(url) };
}

export function fileNameOf(url: string): string {
  try {
    const path = new URL(url, location.href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'model';
  } catch {
    return 'model';
  }
}

/**
 * Reads a stream into one buffer. With a known size the chunks go straight into a buffer of that size, so a large
 * model is held once while it is read, not twice (chunks, then their join); an unknown size falls back to joining.
 */
export async function readStream(stream: ReadableStream<Uint8Array>, total: number, onProgress: ProgressCallback): Promise<ArrayBuffer> {
  const reader = stream.getReader();
  let bytes = new Uint8Array(total);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.byteLength <= bytes.byteLength && chunks.length === 0) bytes.set(value, loaded);
    else {
      // More than announced (or no size given): keep the chunks and join them at the end.
      if (chunks.length === 0 && loaded > 0) chunks.push(bytes.subarray(0, loaded));
      chunks.push(value);
    }
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  if (chunks.length === 0) return loaded === bytes.byteLength ? bytes.buffer : bytes.slice(0, loaded).buffer;
  bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

/** The address of a file the model at `modelUrl` (absolute, or relative to the page) names by a relative `path`. */
export function besideUrl(modelUrl: string, path: string, page: string = location.href): string {
  return new URL(path, new URL(modelUrl, page)).href;
}

/** A zip's local file header signature, "PK\x03\x04". */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip archive (by its signature, not its name); unpacking it is in zip-files.ts, loaded when needed. */
export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}
