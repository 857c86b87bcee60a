/**
 * Records from CSV rows, for both kinds of PMML input: one record per row, or, when the model's MiningSchema names
 * a `group` field (transactional input, e.g. an AssociationModel's baskets), one record per group value.
 */
import type { PmmlModel } from '../engine/formats/pmml/index.js';
import { CliError } from './cli-error.js';
import type { Cell } from './csv.js';

/** What `PmmlModel.evaluate` takes: field name → text, list of texts, or missing. */
export type PmmlRecord = Parameters<PmmlModel['evaluate']>[0];

/** One record: each column's cell under the column's name. */
export function toRecord(header: readonly string[], row: readonly Cell[]): Record<string, Cell> {
  const record: Record<string, Cell> = {};
  header.forEach((name, index) => {
    record[name] = row[index];
  });
  return record;
}

/** A group of rows: the group field's value and every other column's values, for one record. */
export interface GroupedRecord {
  readonly groupValue: Cell;
  readonly record: PmmlRecord;
}

/**
 * Transactional input: rows that share the group field's value form one record in which every other column holds
 * the list of that group's values (missing cells left out), and the group field holds the value itself. Groups
 * keep the order of their first rows. This is JPMML-Evaluator's `EvaluatorUtil.groupRows`, which its batch tests
 * apply to transactional AssociationModel input.
 */
export function groupRecords(header: readonly string[], rows: readonly (readonly Cell[])[], groupField: string): GroupedRecord[] {
  const groupIndex = header.indexOf(groupField);
  if (groupIndex < 0) {
    throw new CliError(`The input has no column for the model's group field '${groupField}'.`);
  }
  const groups = new Map<Cell, string[][]>();
  for (const row of rows) {
    const key = row[groupIndex];
    let columns = groups.get(key);
    if (columns === undefined) {
      columns = header.map(() => []);
      groups.set(key, columns);
    }
    row.forEach((cell, index) => {
      if (cell !== null) {
        columns[index].push(cell);
      }
    });
  }
  return [...groups].map(([groupValue, columns]) => {
    const record: Record<string, Cell | readonly string[]> = {};
    header.forEach((name, index) => {
      record[name] = index === groupIndex ? groupValue : columns[index];
    });
    return { groupValue, record };
  });
}
