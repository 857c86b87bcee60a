/**
 * Runs an ONNX conformance case: the model's session runs each data set, every expected tensor output is compared
 * (rtol/atol, numeric strings as numbers), ground-truth labels are compared exactly, and cases onnxruntime-web
 * cannot run must end in the InferenceError their manifest entry calls for.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isEngineError } from '../../engine/errors.js';
import { startModelSession, tensorValues, type ModelRunResult, type OnnxRunner, type TensorData } from '../../engine/formats/onnx/index.js';
import { describeError } from '../cli-error.js';
import { readOnnxModel } from '../onnx-files.js';
import type { CaseOutcome, CaseRunner } from './case-runner.js';
import { argmax, compareOutput } from './onnx-compare.js';
import {
  caseExpectation,
  listDataSets,
  readDataSet,
  readExpectedLabels,
  readManifestEntry,
  type CaseExpectation,
  type ExpectedLabels,
  type OnnxDataSet,
} from './onnx-case.js';

/** A case runner for folders holding `model.onnx`, running on `runner`. */
export function createOnnxCaseRunner(runner: () => OnnxRunner): CaseRunner {
  return {
    format: 'onnx',
    detect: (caseDir) => existsSync(join(caseDir, 'model.onnx')),
    run: async (caseDir) => {
      const id = basename(caseDir);
      const entry = await readManifestEntry(caseDir);
      const expectation = caseExpectation(entry);
      const groups = { kind: entry?.kind ?? 'unlisted' };
      try {
        const outcome = await runCase(caseDir, runner(), expectation);
        return { id, groups, ...outcome };
      } catch (error) {
        return { id, groups, ...judgeError(error, expectation) };
      }
    },
  };
}

async function runCase(caseDir: string, runner: OnnxRunner, expectation: CaseExpectation): Promise<Omit<CaseOutcome, 'id'>> {
  const { model, externalData } = await readOnnxModel(join(caseDir, 'model.onnx'));
  const session = await startModelSession(runner, model, { externalData, warmUp: false });
  try {
    if (expectation.kind === 'error') {
      return { passed: false, message: `Expected an InferenceError because ${expectation.why}, but the session was created.` };
    }
    const labels = await readExpectedLabels(caseDir);
    const names = await listDataSets(caseDir);
    let matched = 0;
    let firstFailure: string | undefined;
    for (const [index, name] of names.entries()) {
      const dataSet = await readDataSet(join(caseDir, name), model.description.inputTensors, model.description.outputTensors);
      const result = await session.run(feedsOf(dataSet));
      const failure = compareDataSet(dataSet, result) ?? compareLabels(labels, index, result);
      if (failure === undefined) {
        matched += 1;
      } else {
        firstFailure ??= `${name}: ${failure}`;
      }
    }
    if (names.length === 0) {
      return { passed: false, message: 'The case has no test_data_set_* or ref_ortnode_set_* folder.' };
    }
    return { passed: firstFailure === undefined, rows: { matched, total: names.length }, ...(firstFailure ? { message: firstFailure } : {}) };
  } finally {
    await session.release();
  }
}

function feedsOf(dataSet: OnnxDataSet): Record<string, TensorData> {
  const feeds: Record<string, TensorData> = {};
  for (const [name, value] of dataSet.inputs) {
    if (value.kind === 'tensor') {
      feeds[name] = value.tensor;
    }
  }
  return feeds;
}

function compareDataSet(dataSet: OnnxDataSet, result: ModelRunResult): string | undefined {
  for (const [name, expected] of dataSet.outputs) {
    const actual = result.outputs.find((output) => output.name === name);
    if (!actual) {
      const skipped = result.skipped.find((output) => output.name === name);
      return skipped?.reason ?? `The run returned no output '${name}'.`;
    }
    if (expected.kind !== 'tensor') {
      return `Output '${name}' is expected as a sequence, which the comparison does not support.`;
    }
    const difference = compareOutput(name, expected.tensor, actual.tensor);
    if (difference) {
      return difference;
    }
  }
  return undefined;
}

function compareLabels(labels: ExpectedLabels | undefined, setIndex: number, result: ModelRunResult): string | undefined {
  if (!labels) {
    return undefined;
  }
  const output = result.outputs.find((candidate) => candidate.name === labels.output);
  if (!output) {
    return `The run returned no output '${labels.output}' to compare labels with.`;
  }
  if (labels.how === 'argmax') {
    const want = labels.labelsPerSet[setIndex];
    const got = argmax(output.tensor);
    return want === undefined || want === got ? undefined : `Label (argmax of '${labels.output}') is ${got}, expected ${want}.`;
  }
  if (setIndex > 0) {
    return undefined;
  }
  const got = tensorValues(output.tensor).map(String);
  const index = labels.labels.findIndex((label, i) => String(label) !== got[i]);
  if (index >= 0 || got.length !== labels.labels.length) {
    return `Label ${index >= 0 ? index : got.length} of '${labels.output}' is ${got[index] ?? 'absent'}, expected ${labels.labels[index] ?? 'none'}.`;
  }
  return undefined;
}

function judgeError(error: unknown, expectation: CaseExpectation): Omit<CaseOutcome, 'id'> {
  if (expectation.kind === 'error' && isEngineError(error) && (expectation.codes as readonly string[]).includes(error.code)) {
    return { passed: true };
  }
  const expected = expectation.kind === 'error' ? ` (expected an InferenceError ${expectation.codes.join(' or ')})` : '';
  return { passed: false, message: `${describeError(error)}${expected}` };
}
