import { isEngineError } from '../engine/errors.js';

/** A problem the CLI reports itself (a bad argument, an unreadable CSV or case file); its message names the file. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The command line is wrong; the CLI prints the message and the usage, and exits with status 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
}

/** A row of the input could not be scored; `modelport score` stops there and exits with status 1. */
export class ScoringError extends CliError {
  override name = 'ScoringError';
}

/**
 * One line for an error shown by the CLI. Engine errors are expected (a bad model, unsupported markup, bad data)
 * and print as their class and message, as do the CLI's own and the file system's (`ENOENT: no such file …`);
 * anything else is a bug somewhere and says so.
 */
export function describeError(error: unknown): string {
  if (isEngineError(error)) {
    return `${error.name}: ${error.message}`;
  }
  if (error instanceof CliError || isSystemError(error)) {
    return error.message;
  }
  if (error instanceof Error) {
    return `Unexpected ${error.name}: ${error.message}`;
  }
  return `Unexpected error: ${String(error)}`;
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
