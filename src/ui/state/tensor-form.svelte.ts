import type { TensorSpec } from '../../engine/model/description.js';
import type { AppError } from './app-error.js';
import type { CollectedInputs } from './prediction.svelte.js';
import {
  concreteDims,
  nest,
  parseTensorJson,
  randomData,
  tensorEditorKind,
  zeroData,
  type TensorEditorKind,
  type TensorFeed,
} from './tensor-input.js';

export interface TensorInputControl {
  readonly spec: TensorSpec;
  readonly kind: TensorEditorKind;
  readonly dims: readonly number[];
}

/**
 * The input form of a tensor (ONNX) model. Every input is held as editable JSON text (a scalar is just a number);
 * image inputs also accept pixels, which replace the text wholesale.
 */
export class TensorForm {
  readonly controls: readonly TensorInputControl[];
  texts = $state<Record<string, string>>({});
  /** Pixels decoded from a dropped image, by input name; large, so replaced wholesale. */
  images = $state.raw<Readonly<Record<string, { readonly data: Float32Array; readonly previewUrl: string; readonly dims?: readonly number[] }>>>({});

  constructor(inputs: readonly TensorSpec[], private readonly onChange: () => void) {
    this.controls = inputs.map((spec) => ({ spec, kind: tensorEditorKind(spec), dims: concreteDims(spec) }));
    this.texts = Object.fromEntries(
      this.controls.map((c) => {
        // An open [?, ?] input starts as one row of the width its consumer reads, when the graph says.
        const dims = c.spec.suggestedShape ?? c.dims;
        return [c.spec.name, toText(c, zeroData(c.spec, dims), dims)];
      }),
    );
  }

  /** Sets a starting value without asking for a prediction (the first one follows). */
  preset(name: string, text: string): void {
    if (name in this.texts) this.texts[name] = text;
  }

  setText(name: string, text: string): void {
    this.texts[name] = text;
    this.#dropImage(name);
    this.onChange();
  }

  /** Sets one element of a vector input (the per-element number boxes). */
  setElement(name: string, index: number, value: number): void {
    const values = JSON.parse(this.texts[name]) as unknown[];
    const flat = values.flat(Infinity);
    flat[index] = value;
    const control = this.controls.find((c) => c.spec.name === name);
    if (control) this.setText(name, toText(control, flat as number[]));
  }

  fillRandom(name?: string): void {
    for (const control of this.controls) {
      if (name !== undefined && control.spec.name !== name) continue;
      const dims = this.#currentDims(control);
      this.texts[control.spec.name] = toText(control, randomData(control.spec, Math.random, dims), dims);
      this.#dropImage(control.spec.name);
    }
    this.onChange();
  }

  fillZeros(name: string): void {
    const control = this.controls.find((c) => c.spec.name === name);
    if (!control) return;
    const dims = this.#currentDims(control);
    this.setText(name, toText(control, zeroData(control.spec, dims), dims));
  }

  /** @param dims the image tensor's dims when they differ from the declared ones (an input of open size). */
  setImage(name: string, data: Float32Array, previewUrl: string, dims?: readonly number[]): void {
    this.#dropImage(name);
    this.images = { ...this.images, [name]: { data, previewUrl, dims } };
    this.onChange();
  }

  /** The feeds for the ONNX client, or the first input that cannot be read. */
  collect(): CollectedInputs {
    const inputs: Record<string, TensorFeed> = {};
    for (const control of this.controls) {
      const { name, type } = control.spec;
      const image = this.images[name];
      if (image) {
        inputs[name] = { type, dims: image.dims ?? control.dims, data: Array.from(image.data) };
        continue;
      }
      try {
        const { data, dims } = parseTensorJson(this.texts[name], control.spec);
        inputs[name] = { type, dims, data };
      } catch (error) {
        const appError: AppError = { code: 'app.input', message: (error as Error).message, field: name };
        return { ok: false, error: appError };
      }
    }
    return { ok: true, inputs };
  }

  /** The dims of the value being edited, so Random and Zeros keep a size the person chose along open dims. */
  #currentDims(control: TensorInputControl): readonly number[] {
    const image = this.images[control.spec.name];
    if (image) return image.dims ?? control.dims;
    try {
      return parseTensorJson(this.texts[control.spec.name], control.spec).dims;
    } catch {
      return control.dims;
    }
  }

  #dropImage(name: string): void {
    const image = this.images[name];
    if (!image) return;
    URL.revokeObjectURL(image.previewUrl);
    const { [name]: _, ...rest } = this.images;
    this.images = rest;
  }
}

function toText(control: TensorInputControl, data: readonly (number | string | boolean)[], dims: readonly number[] = control.dims): string {
  if (control.kind === 'scalar' || control.kind === 'text') return JSON.stringify(data[0]);
  return JSON.stringify(nest(data, dims));
}
