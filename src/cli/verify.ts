/**
 * `modelport score --verify <model>`: runs a PMML document's embedded ModelVerification records (its own
 * self-test: inputs with the results the producing tool computed) and reports every record that differs.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isEngineError } from '../engine/errors.js';
import { formatResultValue, loadPmml, verifyModel, type VerificationResult } from '../engine/formats/pmml/index.js';
import type { Command } from './args.js';
import { CliError, describeError } from './cli-error.js';

type VerifyCommand = Extract<Command, { name: 'verify' }>;

/** Resolves with the exit status: 0 when every record matches (or there is nothing to verify), 1 when one does not. */
export async function runVerify(command: VerifyCommand, print: (line: string) => void): Promise<number> {
  const fileName = basename(command.model);
  const bytes = await readFile(command.model);
  let result: VerificationResult | undefined;
  try {
    result = verifyModel(loadPmml(bytes, { fileName }));
  } catch (error) {
    // Only loading can fail here (a record that cannot be scored is reported as a failed record): name the file.
    throw isEngineError(error) ? new CliError(`${fileName}: ${describeError(error)}`, { cause: error }) : error;
  }
  if (result === undefined) {
    print(`${fileName} has no ModelVerification element: there are no records to verify.`);
    return 0;
  }
  for (const line of reportLines(fileName, result)) print(line);
  return result.passed ? 0 : 1;
}

/** The report: what is compared and how, each failure in record order, then the counts. */
export function reportLines(fileName: string, result: VerificationResult): string[] {
  const fields = result.comparedFields.map((f) => `'${f.field}' (precision ${f.precision}, zeroThreshold ${f.zeroThreshold})`);
  const lines = [
    `${fileName}: ${plural(result.recordCount, 'ModelVerification record')}, comparing ${fields.length === 0 ? 'no result fields' : fields.join(', ')}.`,
  ];
  const failures: { row: number; text: string }[] = [
    ...result.errors.map((e) => ({ row: e.row, text: `FAIL record ${e.row}: could not be scored: ${e.message}` })),
    ...result.mismatches.map((m) => ({
      row: m.row,
      text: `FAIL record ${m.row}, field '${m.field}': expected ${m.expected.trim() === '' ? 'missing' : `'${m.expected}'`}, actual ${m.actual === null ? 'missing' : formatResultValue(m.actual)}`,
    })),
  ];
  // Errors and mismatches come in two lists; a stable sort by record keeps each record's fields in order.
  failures.sort((a, b) => a.row - b.row);
  lines.push(...failures.map((f) => f.text));
  const failed = new Set(failures.map((f) => f.row)).size;
  lines.push(`${plural(result.recordCount - failed, 'record')} passed, ${failed} failed.`);
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
