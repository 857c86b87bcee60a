import type { RgbaImage } from '../../engine/formats/onnx/index.js';

/**
 * Decodes an image file and scales it to `width` × `height` (stretching, as classifiers trained on resized
 * crops expect), returning RGBA pixels for the engine's `imageToTensor`. Works on the main thread and in workers.
 *
 * @throws Error when the browser cannot decode the file.
 */
export async function readImagePixels(image: Blob, width: number, height: number): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(image, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) {
      throw new Error('This browser cannot draw images off-screen (no 2D context on OffscreenCanvas).');
    }
    context.drawImage(bitmap, 0, 0);
    return { width, height, pixels: context.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
}
