import { InvalidElementError, InvalidValueError, MissingValueError } from '../../errors.js';
import type { TensorSpec } from '../../model/description.js';
import { isTensorElementType, type TensorElementType } from './element-types.js';
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

/** The one input a CSV file can feed: a tensor of rank 2, `[N, F]`, of an element type values can be built into. */
export interface CsvInput {
  readonly spec: TensorSpec;
  readonly type: TensorElementType;
  /** F, when the model fixes it. */
  readonly width?: number;
}

/** The model's input a CSV feeds, one row per example; `undefined` unless the model has exactly one `[N, F]` tensor input. */
export function findCsvInput(specs: readonly TensorSpec[]): CsvInput | undefined {
  const [spec, ...others] = specs;
  if (!spec || others.length > 0 || spec.shape?.length !== 2 || !spec.isTensor || !isTensorElementType(spec.type)) {
    return undefined;
  }
  const width = spec.shape[1];
  return { spec, type: spec.type, ...(typeof width === 'number' ? { width } : {}) };
}

/**
 * Whether a CSV's first row is a header rather than an example: for a numeric input, a row that is not all
 * numbers. A string input's first row is always an example (nothing tells a header apart).
 */
export function isCsvHeader(input: CsvInput, row: readonly string[] | undefined): boolean {
  return row !== undefined && input.type !== 'string' && row.some((cell) => cell.trim() === '' || Number.isNaN(Number(cell)));
}

/** Where CSV rows sit in their file, for messages. */
export interface CsvRowsOptions {
  /** The 1-based row number in the file of `rows[0]`, counting a header row (as a spreadsheet numbers them); default 1. */
  readonly firstRow?: number;
  /** The header's column names. */
  readonly columns?: readonly string[];
  /** The number of values every row must have; defaults to the model's F, else to the first row's count. */
  readonly width?: number;
}

/**
 * Builds the `[rows, F]` feed of a model's CSV input from rows of F values each.
 *
 * @throws InvalidValueError naming the row for one with the wrong number of values, and the row and column for
 * a value the element type cannot take.
 * @example csvRowsFeed(findCsvInput(model.description.inputTensors)!, [['5.1', '3.5', '1.4', '0.2']])
 */
export function csvRowsFeed(input: CsvInput, rows: readonly (readonly string[])[], options: CsvRowsOptions = {}): Feeds {
  const { spec, type } = input;
  const firstRow = options.firstRow ?? 1;
  const width = options.width ?? input.width ?? rows[0]?.length ?? 0;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    const count = rows[ragged].length;
    const expected = input.width === undefined ? `the first row has ${width}` : `input '${spec.name}' takes ${width} values per row`;
    throw new InvalidValueError(`Row ${firstRow + ragged} has ${count} value${count === 1 ? '' : 's'}, but ${expected}.`, spec.name);
  }
  try {
    return { [spec.name]: createTensorData(type, [rows.length, width], rows.flat(), spec.name) };
  } catch (error) {
    if (!(error instanceof InvalidElementError)) {
      throw error;
    }
    const row = Math.floor(error.index / width);
    const column = error.index % width;
    const name = options.columns?.[column];
    throw new InvalidValueError(
      `Row ${firstRow + row}, column ${column + 1}${name ? ` ('${name}')` : ''} holds ${JSON.stringify(error.value)}, which is not ${error.expected}.`,
      spec.name,
      { cause: error },
    );
  }
}

/**
 * Builds the feed of a model's single `[N, F]` input from CSV rows of F values each (one row per example);
 * a first row that is not all numbers is taken as a header and skipped (see {@link isCsvHeader}).
 *
 * @throws InvalidValueError when the model does not have exactly one tensor input of rank 2, or a row does not fit
 * (see {@link csvRowsFeed}).
 */
export function feedsFromCsvRows(rows: readonly (readonly string[])[], specs: readonly TensorSpec[]): Feeds {
  const input = findCsvInput(specs);
  if (!input) {
    if (specs.length === 1 && specs[0].shape?.length === 2) {
      requireBuildableType(specs[0]);
    }
    throw new InvalidValueError(
      `CSV input needs a model with one input of shape [N, F]; this model has ${specs.map((s) => `'${s.name}' [${(s.shape ?? []).join(', ')}]`).join(', ')}. Use a JSON object of named arrays instead.`,
    );
  }
  const isHeader = isCsvHeader(input, rows[0]);
  return isHeader ? csvRowsFeed(input, rows.slice(1), { firstRow: 2, columns: rows[0] }) : csvRowsFeed(input, rows);
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
