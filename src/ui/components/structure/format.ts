import { formatNumber } from '../graph/node-details.js';
import type { PredictionValue } from './types.js';

/** A prediction value as the views print it: numbers to 6 significant digits, missing as an em dash. */
export function formatPrediction(value: PredictionValue): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}
