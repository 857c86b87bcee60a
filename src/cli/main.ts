/**
 * `modelport`: Node commands over the engine (`npm run score -- …`, `npm run conformance -- …`).
 * Exit status: 0 success, 1 some rows or cases failed, 2 a usage error or an error before any result.
 */
import { parseCommandLine, USAGE, type Command } from './args.js';
import { describeError, ScoringError, UsageError } from './cli-error.js';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Commands load their modules when run, so that help and usage errors never wait for (or trip over) the engine. */
async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      print(USAGE);
      return 0;
    case 'score': {
      const { runScore } = await import('./score.js');
      return runScore(command, process.stdout, process.stderr);
    }
    case 'verify': {
      const { runVerify } = await import('./verify.js');
      return runVerify(command, print);
    }
    case 'conformance': {
      const { runConformance } = await import('./conformance/command.js');
      return runConformance(command, print);
    }
    case 'ratchet': {
      const [{ runRatchet }, { caseRunners }] = await Promise.all([
        import('./conformance/ratchet.js'),
        import('./conformance/runners.js'),
      ]);
      return runRatchet(caseRunners, print);
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const isDebug = argv.includes('--debug');
  try {
    return await run(parseCommandLine(argv));
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n`);
    if (error instanceof UsageError) {
      process.stderr.write(`Run 'modelport --help' for usage.\n`);
    } else if (isDebug) {
      for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
        process.stderr.write(`${cause.stack ?? cause.message}\n`);
      }
    }
    return error instanceof ScoringError ? 1 : 2;
  }
}

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
