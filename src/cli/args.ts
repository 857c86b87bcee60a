/**
 * The command line: `modelport <command> [arguments] [options]`, parsed with `node:util` `parseArgs` (strict, so an
 * unknown option or a missing value is a usage error rather than silently ignored).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error.js';

export type Command =
  | { readonly name: 'help' }
  | {
      readonly name: 'score';
      readonly model: string;
      readonly input: string;
      readonly output?: string;
      /** Write every result field, not only the final results. */
      readonly all: boolean;
      readonly separator: string;
      readonly debug: boolean;
    }
  | {
      readonly name: 'conformance';
      readonly dir: string;
      readonly filter?: string;
      readonly json?: string;
      readonly debug: boolean;
    }
  | { readonly name: 'ratchet'; readonly debug: boolean }
  /** `score --verify <model>`: run the document's embedded ModelVerification records instead of a CSV. */
  | { readonly name: 'verify'; readonly model: string; readonly debug: boolean };

export const USAGE = `Usage: modelport <command> [arguments] [options]

Commands:
  score <model> <input.csv>   Score every row of a CSV file with a model (PMML; ONNX where supported).
      --output <file>         Write the results there instead of to standard output.
      --all                   Write every result field, not only the final results.
      --separator <char>      The input's cell separator: one character, or 'tab' (default ',').
                              Cells 'NA', 'N/A' and empty cells are missing values.
  score --verify <model>      Run the PMML document's own ModelVerification records and report each mismatch.
  conformance <dir>           Run every conformance case under <dir> (folders found recursively).
      --filter <text>         Run only the cases whose folder path contains <text>.
      --json <file>           Also write each case's outcome to <file> as JSON.
  ratchet                     Run the suites named in conformance-ratchet.json and raise their pass counts.

Options for every command:
  --debug                     Print stack traces with errors.
  -h, --help                  Print this help.

Exit status: 0 success, 1 some rows or cases failed, 2 a usage error or an error before any result.`;

const commonOptions = {
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

/** Parses the arguments after `node main.ts`; throws {@link UsageError} with a sentence when they are wrong. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    return { name: 'help' };
  }
  switch (name) {
    case 'score': {
      const { values, positionals } = parse(rest, {
        output: { type: 'string' },
        all: { type: 'boolean', default: false },
        separator: { type: 'string', default: ',' },
        verify: { type: 'boolean', default: false },
      });
      if (values.help) {
        return { name: 'help' };
      }
      if (values.verify) {
        const [model] = expectPositionals(positionals, ['model'], 'score --verify');
        return { name: 'verify', model, debug: values.debug };
      }
      const [model, input] = expectPositionals(positionals, ['model', 'input.csv'], name);
      return {
        name,
        model,
        input,
        output: values.output,
        all: values.all,
        separator: readSeparator(values.separator),
        debug: values.debug,
      };
    }
    case 'conformance': {
      const { values, positionals } = parse(rest, { filter: { type: 'string' }, json: { type: 'string' } });
      if (values.help) {
        return { name: 'help' };
      }
      const [dir] = expectPositionals(positionals, ['dir'], name);
      return { name, dir, filter: values.filter, json: values.json, debug: values.debug };
    }
    case 'ratchet': {
      const { values, positionals } = parse(rest, {});
      if (values.help) {
        return { name: 'help' };
      }
      expectPositionals(positionals, [], name);
      return { name, debug: values.debug };
    }
    default:
      throw new UsageError(`Unknown command '${name}'; the commands are 'score', 'conformance' and 'ratchet'.`);
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs reports wrong options with a TypeError whose code starts with ERR_PARSE_ARGS.
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function expectPositionals(positionals: readonly string[], names: readonly string[], command: string): string[] {
  if (positionals.length !== names.length) {
    const expected = names.length === 0 ? 'no arguments' : names.map((n) => `<${n}>`).join(' ');
    throw new UsageError(
      `'${command}' takes ${expected}, but got ${positionals.length === 0 ? 'none' : positionals.map((p) => `'${p}'`).join(' ')}.`,
    );
  }
  return [...positionals];
}

function readSeparator(text: string): string {
  const separator = text === 'tab' || text === '\\t' ? '\t' : text;
  if (separator.length !== 1 || separator === '"' || separator === '\n' || separator === '\r') {
    throw new UsageError(`The separator must be one character other than a quote or a line break, or 'tab'; got '${text}'.`);
  }
  return separator;
}
