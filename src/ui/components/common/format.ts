import { formatResultValue, type ValueList } from '../../../engine/formats/pmml/result-value.js';

/** Display helpers shared by the library and model pages. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(millis: number): string {
  return dateFormat.format(new Date(millis));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A short moment: the time for today, the date otherwise. */
export function formatWhen(millis: number, now: number = Date.now()): string {
  const date = new Date(millis);
  return date.toDateString() === new Date(now).toDateString() ? `today ${timeFormat.format(date)}` : dayFormat.format(date);
}

/** A result value for people: numbers with up to 6 significant digits, missing as an em dash, lists as `[a, b]`. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-4 || abs >= 1e9) ? value.toExponential(4) : String(Number(value.toPrecision(6)));
  }
  return String(value);
}

/**
 * A result value for `data-value`: exact, so tests can compare numbers with their own tolerance; a list (PMML
 * multi-valued result) as the CLI writes it in CSV, `[a, b]`.
 */
export function exactValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return formatResultValue(value as ValueList);
  return String(value);
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}
