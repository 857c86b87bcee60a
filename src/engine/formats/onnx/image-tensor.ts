import { InvalidValueError } from '../../errors.js';
import type { TensorData } from './tensor-data.js';

/** Decoded pixels, four bytes (R, G, B, A) per pixel, row by row (the layout of `ImageData.data`). */
export interface RgbaImage {
  readonly pixels: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** How a model wants its image input. */
export interface ImageTensorOptions {
  /** `NCHW` (PyTorch, most ONNX CNNs) or `NHWC` (TensorFlow/Keras). */
  readonly layout: 'NCHW' | 'NHWC';
  /** 3 for RGB, 1 for grayscale (luma, ITU-R BT.601 weights). Defaults to 3. */
  readonly channels?: 1 | 3;
  /** Channel order BGR instead of RGB (Caffe-era models). */
  readonly bgr?: boolean;
  /** Each byte is first divided by this (255 maps to [0, 1]; 1 keeps [0, 255]). Defaults to 255. */
  readonly scale?: number;
  /** Subtracted per channel after scaling; defaults to 0. ImageNet: [0.485, 0.456, 0.406]. */
  readonly mean?: readonly number[];
  /** Divided per channel after the mean; defaults to 1. ImageNet: [0.229, 0.224, 0.225]. */
  readonly std?: readonly number[];
}

/** ITU-R BT.601 luma weights (https://www.itu.int/rec/R-REC-BT.601). */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * Turns RGBA pixels into a float32 image tensor of shape [1, C, H, W] or [1, H, W, C]:
 * `value = (byte / scale − mean[c]) / std[c]`. Resizing and decoding are the caller's (the browser's canvas).
 *
 * @example imageToTensor(image, { layout: 'NCHW', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] })
 * @throws InvalidValueError when the pixel buffer does not hold width × height RGBA pixels.
 */
export function imageToTensor(image: RgbaImage, options: ImageTensorOptions): TensorData<'float32'> {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) {
    throw new InvalidValueError(`The image has ${pixels.length} bytes, not the ${width * height * 4} of ${width}×${height} RGBA pixels.`);
  }
  const channels = options.channels ?? 3;
  const scale = options.scale ?? 255;
  const mean = options.mean ?? [0, 0, 0];
  const std = options.std ?? [1, 1, 1];
  const order = options.bgr ? [2, 1, 0] : [0, 1, 2];
  const plane = width * height;
  const data = new Float32Array(plane * channels);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < channels; c++) {
      const byte = channels === 1
        ? LUMA[0] * pixels[p * 4] + LUMA[1] * pixels[p * 4 + 1] + LUMA[2] * pixels[p * 4 + 2]
        : pixels[p * 4 + order[c]];
      const value = (byte / scale - (mean[c] ?? 0)) / (std[c] ?? 1);
      data[options.layout === 'NCHW' ? c * plane + p : p * channels + c] = value;
    }
  }
  const dims = options.layout === 'NCHW' ? [1, channels, height, width] : [1, height, width, channels];
  return { type: 'float32', dims, data };
}
