import type { imageLayout } from '../../state/tensor-input.js';

/** How pixel bytes 0–255 are scaled into the tensor. */
export type PixelScale = '0-1' | '0-255' | 'imagenet';

type Layout = NonNullable<ReturnType<typeof imageLayout>>;

/** ImageNet channel statistics used by most torchvision/ONNX model zoo classifiers (torchvision docs). */
const IMAGENET_MEAN = [0.485, 0.456, 0.406];
const IMAGENET_STD = [0.229, 0.224, 0.225];

/**
 * Decodes an image file, scales it to the input's height × width (cover, centred) and lays its pixels out as the
 * tensor expects: NCHW or NHWC, grey or RGB, scaled per {@link PixelScale}; `invert` flips light and dark
 * (MNIST-style models expect a light digit on black).
 */
export async function imageToTensor(file: Blob, layout: Layout, scale: PixelScale, invert: boolean): Promise<Float32Array> {
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(layout.width, layout.height);
  const context = canvas.getContext('2d')!;
  const ratio = Math.max(layout.width / bitmap.width, layout.height / bitmap.height);
  const w = bitmap.width * ratio;
  const h = bitmap.height * ratio;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, layout.width, layout.height);
  context.drawImage(bitmap, (layout.width - w) / 2, (layout.height - h) / 2, w, h);
  bitmap.close();
  return pixelsToTensor(context.getImageData(0, 0, layout.width, layout.height).data, layout, scale, invert);
}

export function pixelsToTensor(rgba: Uint8ClampedArray, layout: Layout, scale: PixelScale, invert: boolean): Float32Array {
  const { channels, height, width } = layout;
  const plane = height * width;
  const out = new Float32Array(plane * channels);
  for (let p = 0; p < plane; p++) {
    const rgb = [rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]].map((v) => (invert ? 255 - v : v));
    const values = channels === 1 ? [0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]] : rgb;
    for (let c = 0; c < channels; c++) {
      const v = values[c];
      const scaled = scale === '0-255' ? v : scale === '0-1' ? v / 255 : (v / 255 - IMAGENET_MEAN[c % 3]) / IMAGENET_STD[c % 3];
      out[layout.layout === 'NCHW' ? c * plane + p : p * channels + c] = scaled;
    }
  }
  return out;
}
