/**
 * The `case.json` of a PMML conformance case (see `shared/conformance/pmml/README.md`): the few keys the runner
 * acts on, checked when read so that a malformed case fails with a sentence instead of a `TypeError`.
 */
import { CliError } from '../cli-error.js';
import type { Equivalence } from './equivalence.js';

/** What the runner needs from a `case.json`. */
export interface PmmlCase {
  readonly id: string;
  readonly source: string;
  readonly topModelElement: string;
  readonly separator: string;
  readonly missingTokens: readonly string[];
  /** Expected columns that must match, by their name in `expected.csv`. */
  readonly comparedColumns: readonly string[];
  /** Expected column name → engine result field name, for the columns whose names differ. */
  readonly columnMapping: Readonly<Record<string, string>>;
  readonly equivalence: Equivalence;
  readonly notes: readonly string[];
}

/** A `case.json` that lacks a key or has one of the wrong type. */
export class CaseFileError extends CliError {
  override name = 'CaseFileError';
}

/** Checks and reads the parsed JSON of a `case.json`; `fileName` names it in error messages. */
export function readPmmlCase(json: unknown, fileName: string): PmmlCase {
  const object = asObject(json, fileName);
  const read = <T>(key: string, check: (value: unknown) => value is T, what: string): T => {
    const value = object[key];
    if (!check(value)) {
      throw new CaseFileError(`Key '${key}' of ${fileName} must be ${what}.`);
    }
    return value;
  };
  const mapping = object['column_mapping'];
  return {
    id: read('id', isString, 'a string'),
    source: read('source', isString, 'a string'),
    topModelElement: read('top_model_element', isString, 'a string'),
    separator: read('csv_separator', isString, 'a string'),
    missingTokens: read('missing_value_tokens', isStringArray, 'an array of strings'),
    comparedColumns: read('compared_columns', isStringArray, 'an array of strings'),
    columnMapping: mapping === null || mapping === undefined ? {} : readMapping(mapping, fileName),
    equivalence: readEquivalence(object['equivalence'], fileName),
    notes: object['notes'] === undefined ? [] : read('notes', isStringArray, 'an array of strings'),
  };
}

function readEquivalence(json: unknown, fileName: string): Equivalence {
  const object = asObject(json, `the 'equivalence' of ${fileName}`);
  const number = (key: string): number => {
    const value = object[key];
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new CaseFileError(`Key 'equivalence.${key}' of ${fileName} must be a number of at least 0.`);
    }
    return value;
  };
  switch (object['type']) {
    case 'PMMLEquivalence':
      return { type: 'PMMLEquivalence', precision: number('precision'), zeroThreshold: number('zeroThreshold') };
    case 'FloatEquivalence':
      return { type: 'FloatEquivalence', toleranceUlps: number('tolerance_ulps') };
    case 'RealNumberEquivalence':
      return { type: 'RealNumberEquivalence', toleranceUlps: number('tolerance_ulps') };
    default:
      throw new CaseFileError(`Equivalence type '${String(object['type'])}' of ${fileName} is not one the runner knows.`);
  }
}

function readMapping(json: unknown, fileName: string): Record<string, string> {
  const object = asObject(json, `the 'column_mapping' of ${fileName}`);
  for (const [key, value] of Object.entries(object)) {
    if (!isString(value)) {
      throw new CaseFileError(`Key 'column_mapping.${key}' of ${fileName} must be a string.`);
    }
  }
  return object as Record<string, string>;
}

function asObject(json: unknown, what: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CaseFileError(`${what[0].toUpperCase()}${what.slice(1)} is not a JSON object.`);
  }
  return json as Record<string, unknown>;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
