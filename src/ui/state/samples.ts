/** One entry of the demo gallery (`public/samples/index.json`). */
export interface Sample {
  readonly id: string;
  readonly name: string;
  readonly format: 'pmml' | 'onnx';
  readonly kind: string;
  readonly description: string;
  /** Where to download it from, resolved against the app's base URL. */
  readonly url: string;
  /** Inputs that make a good first prediction, by field or tensor name (tensors as JSON text). */
  readonly exampleInputs: Readonly<Record<string, string>>;
}

interface SampleIndex {
  readonly version: number;
  readonly samples: readonly (Omit<Sample, 'url'> & { readonly file: string })[];
}

/** The gallery's samples; an empty list when the index is missing or unreadable (the gallery then hides). */
export async function loadSamples(base: string = import.meta.env.BASE_URL): Promise<Sample[]> {
  try {
    const response = await fetch(`${base}samples/index.json`);
    if (!response.ok) return [];
    const index = (await response.json()) as SampleIndex;
    if (index.version !== 1 || !Array.isArray(index.samples)) return [];
    return index.samples.map(({ file, ...sample }) => ({ ...sample, url: `${base}samples/${file}`, exampleInputs: sample.exampleInputs ?? {} }));
  } catch {
    return [];
  }
}
