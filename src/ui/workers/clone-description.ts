import type { ModelDescription } from '../../engine/model/description.js';

/**
 * A ModelDescription can hold functions (`TensorInfo.values` decodes weights lazily), which structured clone
 * refuses. Before crossing to the main thread each such object keeps a preview of its first values instead,
 * and `reviveDescription` gives it back a `values(limit)` over that preview.
 */
const PREVIEW_VALUES = 64;
const PREVIEW_KEY = '__valuesPreview';

export function cloneableDescription(description: ModelDescription): ModelDescription {
  return strip(description, new Map()) as ModelDescription;
}

export function reviveDescription(description: ModelDescription): ModelDescription {
  return revive(description, new Set()) as ModelDescription;
}

function strip(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(k, strip(v, seen));
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(strip(item, seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'function') {
      if (key === 'values') copy[PREVIEW_KEY] = safePreview(item as (limit: number) => unknown[]);
      continue;
    }
    copy[key] = strip(item, seen);
  }
  return copy;
}

function safePreview(values: (limit: number) => unknown[]): unknown[] {
  try {
    return Array.from(values(PREVIEW_VALUES));
  } catch {
    return [];
  }
}

function revive(value: unknown, seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const v of value.values()) revive(v, seen);
    return value;
  }
  if (Array.isArray(value)) {
    for (const item of value) revive(item, seen);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (PREVIEW_KEY in record) {
    const preview = record[PREVIEW_KEY] as unknown[];
    delete record[PREVIEW_KEY];
    record.values = (limit?: number) => (limit === undefined ? preview : preview.slice(0, limit));
  }
  for (const item of Object.values(record)) revive(item, seen);
  return record;
}
