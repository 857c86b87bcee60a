/**
 * `modelport score <model> <input.csv>`: picks the scorer by the model file's first bytes and streams its
 * results to standard output or to `--output`.
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { isEngineError, UnsupportedFormatError } from '../engine/errors.js';
import { MAX_PEEK_BYTES } from '../engine/formats/model-format.js';
import type { Command } from './args.js';
import { CliError, describeError } from './cli-error.js';
import { modelScorers } from './scorers.js';

type ScoreCommand = Extract<Command, { name: 'score' }>;

/** Scores the command's CSV; resolves with the exit status (0) or throws (see `main.ts` for the status). */
export async function runScore(command: ScoreCommand, stdout: Writable, stderr: Writable): Promise<number> {
  const fileName = basename(command.model);
  const head = await peekFile(command.model);
  const scorer = modelScorers.find((candidate) => candidate.match(head, fileName));
  if (scorer === undefined) {
    const formats = modelScorers.map((candidate) => candidate.format.toUpperCase()).join(' or ');
    throw new UnsupportedFormatError(`'${fileName}' is not a model the CLI can score (${formats}).`, fileName);
  }
  const started = performance.now();
  const sink = command.output === undefined ? undefined : await openOutput(command.output);
  const output = sink ?? stdout;
  try {
    const { rows } = await scorer.score({
      modelPath: command.model,
      inputPath: command.input,
      separator: command.separator,
      includeAll: command.all,
      write: (chunk) => (output.write(chunk) ? Promise.resolve() : once(output, 'drain').then(() => undefined)),
      warn: (line) => stderr.write(`Warning: ${line}\n`),
    });
    if (sink !== undefined) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      stderr.write(`Scored ${rows} rows with ${scorer.format.toUpperCase()} in ${seconds} s; wrote ${command.output}.\n`);
    }
  } catch (error) {
    // Engine errors here are about the model file (row errors arrive as ScoringError): name the file.
    throw isEngineError(error) ? new CliError(`${fileName}: ${describeError(error)}`, { cause: error }) : error;
  } finally {
    if (sink !== undefined) {
      sink.end();
      await once(sink, 'close');
    }
  }
  return 0;
}

/** The first bytes of a file, for format detection; never more than `MAX_PEEK_BYTES`. */
async function peekFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(MAX_PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_PEEK_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Opens the output file before scoring starts, so that a bad path fails at once with the file system's message. */
async function openOutput(path: string): Promise<Writable> {
  const handle = await open(path, 'w');
  return handle.createWriteStream();
}
