import { InvalidValueError, MissingValueError } from '../../errors.js';
import type { TensorSpec } from '../../model/description.js';
import { isTensorElementType } from './element-types.js';
import { resolveShape, type DimensionValues } from './shapes.js';
import { createTensorData, type ElementInput, type TensorData } from './tensor-data.js';

/** Tensors to feed a model, by input name. */
export type Feeds = Record<string, TensorData>;

/**
 * Builds the feeds from a JSON object of named values: each value is a (nested) array, a scalar, or
 * `{ "dims": [...], "data": [...] }`. Nested arrays give their own shape when the model's shape has unknown
 * dimensions; flat arrays are shaped with {@link resolveShape}.
 *
 * @throws MissingValueError for an input the object lacks; InvalidValueError for values that do not fit.
 * @example feedsFromJson({ float_input: [[5.1, 3.5, 1.4, 0.2]] }, model.description.inputTensors)
 */
export function feedsFromJson(json: unknown, specs: readonly TensorSpec[], dims: DimensionValues = {}): Feeds {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InvalidValueError('The inputs must be a JSON object with one entry per model input.');
  }
  const record = json as Record<string, unknown>;
  const feeds: Feeds = {};
  for (const spec of specs) {
    if (!(spec.name in record)) {
      throw new MissingValueError(`The inputs have no value for the model input '${spec.name}'.`, spec.name);
    }
    feeds[spec.name] = tensorFromJsonValue(spec, record[spec.name], dims);
  }
  return feeds;
}

function tensorFromJsonValue(spec: TensorSpec, value: unknown, dims: DimensionValues): TensorData {
  const type = requireBuildableType(spec);
  if (isExplicitTensor(value)) {
    return createTensorData(type, value.dims, flatten(value.data, spec.name), spec.name);
  }
  const values = flatten(value, spec.name);
  const nested = nestedShape(value);
  const shape = nested && fitsSpec(spec, nested) ? nested : resolveShape(spec, values.length, dims);
  return createTensorData(type, shape, values, spec.name);
}

/**
 * Builds the feed of a model's single `[N, F]` input from CSV rows of F values each (one row per example);
 * a first row that is not all numbers is taken as a header and skipped.
 *
 * @throws InvalidValueError when the model does not have exactly one tensor input of rank 2, or rows differ.
 */
export function feedsFromCsvRows(rows: readonly (readonly string[])[], specs: readonly TensorSpec[]): Feeds {
  const [spec, ...others] = specs;
  if (!spec || others.length > 0 || spec.shape?.length !== 2) {
    throw new InvalidValueError(
      `CSV input needs a model with one input of shape [N, F]; this model has ${specs.map((s) => `'${s.name}' [${(s.shape ?? []).join(', ')}]`).join(', ')}. Use a JSON object of named arrays instead.`,
    );
  }
  const type = requireBuildableType(spec);
  const isHeader = rows.length > 0 && type !== 'string' && rows[0].some((cell) => cell.trim() === '' || Number.isNaN(Number(cell)));
  const data = isHeader ? rows.slice(1) : rows;
  const width = data[0]?.length ?? 0;
  const expectedWidth = spec.shape[1];
  if (typeof expectedWidth === 'number' && width !== expectedWidth) {
    throw new InvalidValueError(`Input '${spec.name}' takes ${expectedWidth} values per row, but the CSV rows have ${width}.`, spec.name);
  }
  const ragged = data.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    throw new InvalidValueError(`CSV row ${ragged + (isHeader ? 2 : 1)} has ${data[ragged].length} values; the first row has ${width}.`, spec.name);
  }
  return { [spec.name]: createTensorData(type, [data.length, width], data.flat(), spec.name) };
}

/**
 * Builds one input from the text a person typed into a form: values separated by commas, spaces or new lines
 * (strings: one per line), shaped with {@link resolveShape}.
 */
export function tensorFromText(spec: TensorSpec, text: string, dims: DimensionValues = {}): TensorData {
  const type = requireBuildableType(spec);
  const parts = type === 'string' ? text.split(/\r?\n/) : text.split(/[\s,;]+/).filter((part) => part !== '');
  const values = parts.map((part) => part.trim());
  return createTensorData(type, resolveShape(spec, values.length, dims), values, spec.name);
}

function requireBuildableType(spec: TensorSpec) {
  if (!spec.isTensor || !isTensorElementType(spec.type)) {
    throw new InvalidValueError(`Input '${spec.name}' of type '${spec.type}' cannot be built from values.`, spec.name);
  }
  return spec.type;
}

function isExplicitTensor(value: unknown): value is { dims: number[]; data: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { dims?: unknown }).dims) && 'data' in value;
}

function flatten(value: unknown, name: string): ElementInput[] {
  if (!Array.isArray(value)) {
    return [toElement(value, name)];
  }
  return value.flatMap((item) => flatten(item, name));
}

function toElement(value: unknown, name: string): ElementInput {
  if (value === null || ['number', 'string', 'boolean', 'bigint'].includes(typeof value)) {
    return value as ElementInput;
  }
  throw new InvalidValueError(`Input '${name}' holds ${JSON.stringify(value)}, which is not a number, string or boolean.`, name);
}

/** The shape of a regular nested array (`[[1,2],[3,4]]` → [2, 2]); `undefined` when it is ragged; [] for a scalar. */
function nestedShape(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) {
    return [];
  }
  if (value.length === 0) {
    return [0];
  }
  const inner = value.map(nestedShape);
  const first = inner[0];
  if (!first || inner.some((shape) => !shape || shape.join() !== first.join())) {
    return undefined;
  }
  return [value.length, ...first];
}

function fitsSpec(spec: TensorSpec, shape: readonly number[]): boolean {
  if (!spec.shape) {
    return true;
  }
  return spec.shape.length === shape.length && spec.shape.every((dim, index) => typeof dim !== 'number' || dim === shape[index]);
}
