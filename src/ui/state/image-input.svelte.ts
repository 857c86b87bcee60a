import { imageToTensor, type RgbaImage } from '../../engine/formats/onnx/image-tensor.js';
import {
  fitToElementType,
  invertPixels,
  isIntegerType,
  matchPreset,
  parseNormalisation,
  presetsFor,
  rawNormalisation,
  tensorOptions,
  textsOf,
  valueRange,
  type ImagePreset,
  type NormalisationField,
  type NormalisationTexts,
  type PresetId,
} from './image-normalisation.js';
import type { TensorForm, TensorInputControl } from './tensor-form.svelte.js';
import { imageDims, imageLayout, type ImageLayout } from './tensor-input.js';

/** The last image put on the input, kept so that a change of normalisation re-reads it without decoding again. */
interface ImageSource {
  readonly image: RgbaImage;
  /** Files may be inverted (dark ink on paper); drawings are light on black already. */
  readonly isDrawing: boolean;
  readonly previewUrl: () => string;
}

/**
 * The image editor of one image-shaped tensor input: its normalisation (a preset, or numbers a person edits) and
 * the image last dropped or drawn. Each valid change re-reads the image into the form, which asks for a prediction.
 * Integer inputs (uint8) take the raw bytes: their normalisation is fixed, and only the channel order can change.
 */
export class ImageInputState {
  readonly layout: ImageLayout;
  readonly channels: 1 | 3;
  /** The element type holds integers, so pixels go in as bytes without scale, mean or std. */
  readonly isRaw: boolean;
  readonly presets: readonly ImagePreset[];
  texts = $state<NormalisationTexts>({ scale: '', mean: '', std: '' });
  isBgr = $state(false);
  isInverted = $state(false);
  // `.by`: the fields below are set in the constructor, after these initialisers run (derivations are lazy).
  readonly parsed = $derived.by(() => parseNormalisation(this.texts, this.channels));
  readonly preset: PresetId | 'custom' = $derived.by(() => (this.parsed.ok ? matchPreset(this.channels, this.parsed.value) : 'custom'));
  readonly range = $derived(this.parsed.ok ? valueRange(this.parsed.value) : undefined);
  #source = $state.raw<ImageSource | null>(null);

  constructor(
    private readonly control: TensorInputControl,
    private readonly form: TensorForm,
  ) {
    const layout = imageLayout(control.spec);
    if (!layout) throw new Error(`Input '${control.spec.name}' is not image-shaped.`);
    this.layout = layout;
    this.channels = layout.channels === 1 ? 1 : 3;
    this.isRaw = isIntegerType(control.spec.type);
    this.presets = presetsFor(this.channels);
    this.texts = textsOf(this.isRaw ? rawNormalisation(this.channels) : this.presets[0]);
    this.isInverted = this.channels === 1;
  }

  choosePreset(id: PresetId): void {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset || this.isRaw) return;
    this.texts = textsOf(preset);
    this.#reapply();
  }

  /** Edits one number field; the image is re-read once all fields are valid again. */
  edit(field: NormalisationField, text: string): void {
    if (this.isRaw) return;
    this.texts = { ...this.texts, [field]: text };
    this.#reapply();
  }

  setBgr(isBgr: boolean): void {
    this.isBgr = isBgr;
    this.#reapply();
  }

  setInverted(isInverted: boolean): void {
    this.isInverted = isInverted;
    this.#reapply();
  }

  /** A decoded file, already resized to the tensor's (or, for open sizes, its own capped) width and height. */
  showFile(image: RgbaImage, file: Blob): void {
    this.#show({ image, isDrawing: false, previewUrl: () => URL.createObjectURL(file) });
  }

  /** A drawing from the pad, at the tensor's width and height. */
  showDrawing(pixels: Uint8ClampedArray, previewUrl: string): void {
    this.#show({ image: { width: this.layout.width, height: this.layout.height, pixels }, isDrawing: true, previewUrl: () => previewUrl });
  }

  #show(source: ImageSource): void {
    this.#source = source;
    this.#apply(source);
  }

  /** Only while the form still holds this image: Random, Zeros or typed JSON replace it, and a later edit keeps theirs. */
  #reapply(): void {
    if (this.#source && this.form.images[this.control.spec.name]) this.#apply(this.#source);
  }

  #apply(source: ImageSource): void {
    if (!this.parsed.ok) return;
    const { image, isDrawing } = source;
    const pixels = this.isInverted && !isDrawing ? invertPixels(image.pixels) : image.pixels;
    const tensor = imageToTensor(
      { ...image, pixels },
      { layout: this.layout.layout, channels: this.channels, ...tensorOptions(this.parsed.value, this.isBgr && this.channels === 3) },
    );
    const dims = this.layout.isOpenSize ? imageDims(this.layout, image.height, image.width) : undefined;
    this.form.setImage(this.control.spec.name, fitToElementType(tensor.data, this.control.spec.type), source.previewUrl(), dims);
  }
}
