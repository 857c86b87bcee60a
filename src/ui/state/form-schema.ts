import type { FieldSpec, FieldStatistics, IntervalSpec } from '../../engine/model/description.js';

/** How one tabular input is edited; built from the field's declared type, values and intervals. */
export type FieldControl =
  | {
      readonly kind: 'number';
      readonly field: FieldSpec;
      readonly isInteger: boolean;
      /** Slider bounds, from the declared intervals, else the training data's minimum and maximum; absent when nothing bounds the field. */
      readonly range?: { readonly min: number; readonly max: number; readonly step: number };
      readonly initial: string;
    }
  | { readonly kind: 'select'; readonly field: FieldSpec; readonly options: readonly string[]; readonly initial: string }
  /** A list of values (a transaction's items); its text is the chosen options as a JSON array. */
  | { readonly kind: 'items'; readonly field: FieldSpec; readonly options: readonly string[]; readonly initial: string }
  | { readonly kind: 'text'; readonly field: FieldSpec; readonly inputType: 'text' | 'date' | 'time' | 'datetime-local'; readonly initial: string };

const INTEGER_TYPES = new Set(['integer', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']);
const NUMERIC_TYPES = new Set([...INTEGER_TYPES, 'float', 'double', 'float16', 'float32', 'float64']);

/** Builds the control of a field: categories become selects, continuous numbers number inputs with sliders. */
export function fieldControl(field: FieldSpec): FieldControl {
  const dataType = field.dataType;
  if (field.isMultiValued === true) {
    const options = field.values ?? [];
    return { kind: 'items', field, options, initial: JSON.stringify(options.slice(0, 1)) };
  }
  if (field.values && field.values.length > 0) {
    // The training data's most frequent value is a more typical start than whichever value is declared first.
    const mode = field.statistics?.mode;
    const initial = mode !== undefined && field.values.includes(mode) ? mode : field.values[0];
    return { kind: 'select', field, options: field.values, initial };
  }
  if (dataType === 'boolean') return { kind: 'select', field, options: ['true', 'false'], initial: 'false' };
  if (NUMERIC_TYPES.has(dataType) || dataType.startsWith('dateDaysSince') || dataType.startsWith('dateTimeSecondsSince') || dataType === 'timeSeconds') {
    const isInteger = INTEGER_TYPES.has(dataType) || dataType.includes('Since') || dataType === 'timeSeconds';
    const intervals = field.intervals ?? [];
    if (intervals.length > 0) {
      const range = sliderRange(intervals, isInteger);
      const initial = range ? formatNumber(midpoint(range.min, range.max, isInteger)) : formatNumber(unboundedStart(intervals));
      return { kind: 'number', field, isInteger, range, initial };
    }
    return { kind: 'number', field, isInteger, ...statisticsStart(field.statistics, isInteger) };
  }
  if (dataType === 'date') return { kind: 'text', field, inputType: 'date', initial: '2020-01-01' };
  if (dataType === 'time') return { kind: 'text', field, inputType: 'time', initial: '12:00:00' };
  if (dataType === 'dateTime') return { kind: 'text', field, inputType: 'datetime-local', initial: '2020-01-01T12:00:00' };
  return { kind: 'text', field, inputType: 'text', initial: '' };
}

/** The span of all declared intervals; an interval open at infinity gets no slider on that side. */
function sliderRange(intervals: readonly IntervalSpec[], isInteger: boolean) {
  const lefts = intervals.map((i) => i.leftMargin);
  const rights = intervals.map((i) => i.rightMargin);
  if (lefts.length === 0 || lefts.some((l) => l === undefined) || rights.some((r) => r === undefined)) return undefined;
  return boundedRange(Math.min(...(lefts as number[])), Math.max(...(rights as number[])), isInteger);
}

function boundedRange(min: number, max: number, isInteger: boolean) {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return undefined;
  return { min, max, step: isInteger ? 1 : niceStep((max - min) / 200) };
}

/**
 * A field with no declared Interval: the slider spans the training data's minimum to maximum, and the field starts
 * at its median, else its mean (a typical case rather than an unrealistic 0), else the middle of that span, else 0.
 */
function statisticsStart(statistics: FieldStatistics | undefined, isInteger: boolean) {
  const { minimum, maximum, median, mean } = statistics ?? {};
  const range = minimum === undefined || maximum === undefined ? undefined : boundedRange(minimum, maximum, isInteger);
  const typical = median ?? mean;
  let start = 0;
  if (typical !== undefined && Number.isFinite(typical)) start = isInteger ? Math.round(typical) : Number(typical.toPrecision(6));
  else if (range !== undefined) start = midpoint(range.min, range.max, isInteger);
  return { range, initial: formatNumber(start) };
}

/**
 * Where a field without a slider starts: 0, or the lowest valid value when 0 is outside the declared intervals
 * (a forecast horizon declared as [1, ∞) starts at 1, not at an invalid 0).
 */
function unboundedStart(intervals: readonly IntervalSpec[]): number {
  if (intervals.length === 0 || intervals.some((i) => isInInterval(0, i))) return 0;
  const lefts = intervals.filter((i) => i.leftMargin !== undefined && i.leftMargin > 0);
  if (lefts.length === 0) return 0;
  const lowest = lefts.reduce((a, b) => (b.leftMargin! < a.leftMargin! ? b : a));
  return lowest.closure.startsWith('closed') ? lowest.leftMargin! : lowest.leftMargin! + 1;
}

function midpoint(min: number, max: number, isInteger: boolean): number {
  const mid = (min + max) / 2;
  return isInteger ? Math.round(mid) : Number(mid.toPrecision(6));
}

/** The largest of 1, 2 or 5 times a power of ten not above `raw`, so slider values read well. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  const nice = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
  return Number((nice * power).toPrecision(1));
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/** The items an `items` entry's text holds; text that is no JSON array of strings holds none. */
export function itemsOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** The raw value the engine receives for one form entry: a number, a string, a list of items, or null for missing. */
export function entryValue(control: FieldControl, text: string, isMissing: boolean): string | number | readonly string[] | null {
  if (isMissing) return null;
  if (control.kind === 'items') return itemsOf(text);
  if (control.kind === 'number') {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    const value = Number(trimmed);
    return Number.isNaN(value) ? trimmed : value;
  }
  if (control.kind === 'text' && control.inputType === 'datetime-local' && text.length === 16) return `${text}:00`;
  return text;
}

/** Whether an interval admits a value, honouring its closure (PMML `Interval@closure`). */
export function isInInterval(value: number, interval: IntervalSpec): boolean {
  const { closure, leftMargin = -Infinity, rightMargin = Infinity } = interval;
  const leftOk = closure.startsWith('closed') ? value >= leftMargin : value > leftMargin;
  const rightOk = closure.endsWith('Closed') ? value <= rightMargin : value < rightMargin;
  return leftOk && rightOk;
}
