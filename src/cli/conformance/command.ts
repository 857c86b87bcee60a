/** `modelport conformance <dir>`: runs the cases, prints each failure as it happens, then the summaries. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from '../args.js';
import { CliError, UsageError } from '../cli-error.js';
import { formatFailure, formatGroups, formatSummary, formatTiming, toJsonReport } from './report.js';
import { caseRunners } from './runners.js';
import { runSuite } from './suite.js';

type ConformanceCommand = Extract<Command, { name: 'conformance' }>;

/** Resolves with the exit status: 0 when every case passed, 1 when one failed. */
export async function runConformance(command: ConformanceCommand, print: (line: string) => void): Promise<number> {
  if (!existsSync(command.dir)) {
    throw new UsageError(`The conformance folder '${command.dir}' does not exist.`);
  }
  const result = await runSuite(command.dir, {
    runners: caseRunners,
    filter: command.filter,
    onOutcome: (outcome) => {
      if (!outcome.passed) {
        print(formatFailure(outcome));
      }
    },
  });
  if (result.outcomes.length === 0) {
    const filter = command.filter === undefined ? '' : ` matching '${command.filter}'`;
    throw new CliError(`No conformance cases${filter} under '${command.dir}'.`);
  }
  if (command.json !== undefined) {
    await writeFile(command.json, toJsonReport(result));
  }
  for (const line of [...formatGroups(result.outcomes), formatTiming(result), formatSummary(result)]) {
    print(line);
  }
  return result.failed > 0 ? 1 : 0;
}
