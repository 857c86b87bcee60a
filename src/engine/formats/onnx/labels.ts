import type { TensorData } from './tensor-data.js';
import { tensorValues } from './tensor-data.js';

/** One class with its score, as a classifier's result list shows it. */
export interface RankedLabel {
  /** The class label, or its index when no labels are known. */
  readonly label: string | number;
  readonly index: number;
  readonly score: number;
}

/**
 * Keys of `metadata_props` that exporters use for class names, tried in this order. Values are a JSON array, a
 * JSON object {index: name} (Ultralytics writes a Python dict literal under `names`), or comma/newline-separated text.
 */
const LABEL_KEYS = ['labels', 'classes', 'class_names', 'names'];

/** Class labels declared in the model's metadata, or `undefined`. */
export function labelsFromMetadata(metadata: readonly { readonly key: string; readonly value: string }[]): string[] | undefined {
  for (const key of LABEL_KEYS) {
    const entry = metadata.find((candidate) => candidate.key.toLowerCase() === key);
    if (entry) {
      const labels = parseLabelList(entry.value);
      if (labels.length > 0) {
        return labels;
      }
    }
  }
  return undefined;
}

/** Reads a list of labels written as JSON (array or {index: name}), a Python dict literal, or separated text. */
export function parseLabelList(text: string): string[] {
  const trimmed = text.trim();
  const asJson = tryJson(trimmed) ?? tryJson(trimmed.replace(/'/g, '"').replace(/([{,]\s*)(\d+)\s*:/g, '$1"$2":'));
  if (Array.isArray(asJson)) {
    return asJson.map(String);
  }
  if (asJson && typeof asJson === 'object') {
    return Object.entries(asJson as Record<string, unknown>)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, name]) => String(name));
  }
  return trimmed.split(/\r?\n|,/).map((label) => label.trim()).filter((label) => label !== '');
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The classes of one row of a scores tensor ([C] or [N, C]), highest score first.
 *
 * @param row which example of an [N, C] tensor (default 0).
 * @param topK how many to return (default all).
 */
export function rankScores(scores: TensorData, labels?: readonly (string | number)[], row = 0, topK = Infinity): RankedLabel[] {
  const classes = scores.dims.length === 0 ? 1 : scores.dims[scores.dims.length - 1];
  const values = tensorValues(scores).slice(row * classes, (row + 1) * classes).map(Number);
  return values
    .map((score, index) => ({ label: labels?.[index] ?? index, index, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, topK);
}
