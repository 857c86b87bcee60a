/**
 * Reads an ONNX conformance case folder (shared/conformance/onnx): `model.onnx`, data sets `test_data_set_N`
 * (upstream) or `ref_ortnode_set_N` (onnxruntime-node's outputs) of `input_K.pb` / `output_K.pb`, optional
 * `expected_labels.json`, and what the folder's `../manifest.json` recorded onnxruntime-web 1.30 doing with it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { InferenceError } from '../../engine/errors.js';
import { decodeTensorFile, type TestValue } from '../../engine/formats/onnx/index.js';
import type { TensorSpec } from '../../engine/model/description.js';
import { CliError } from '../cli-error.js';

/** One data set: named inputs and the expected values of the outputs it has. */
export interface OnnxDataSet {
  readonly name: string;
  readonly inputs: ReadonlyMap<string, TestValue>;
  readonly outputs: ReadonlyMap<string, TestValue>;
}

/** Ground-truth labels (`expected_labels.json`). */
export type ExpectedLabels =
  | { readonly how: 'direct'; readonly output: string; readonly labels: readonly (number | string)[] }
  | { readonly how: 'argmax'; readonly output: string; readonly labelsPerSet: readonly number[] };

/** What the case must come to: matching outputs, or an InferenceError with one of `codes` before running. */
export type CaseExpectation =
  | { readonly kind: 'match' }
  | { readonly kind: 'error'; readonly codes: readonly InferenceError['code'][]; readonly why: string };

const DATA_SET = /^(test_data_set|ref_ortnode_set)_\d+$/;

/** The data set folders of a case, in name order. */
export async function listDataSets(caseDir: string): Promise<string[]> {
  const entries = await readdir(caseDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && DATA_SET.test(entry.name)).map((entry) => entry.name).sort(compareNatural);
}

function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Reads one data set. `input_K.pb` is the K-th graph input and `output_K.pb` the K-th graph output, except in
 * `ref_ortnode_set_*`, whose `ref.json` names the inputs and the outputs written (non-tensor outputs skipped).
 */
export async function readDataSet(dir: string, inputs: readonly TensorSpec[], outputs: readonly TensorSpec[]): Promise<OnnxDataSet> {
  const refFile = join(dir, 'ref.json');
  const ref = existsSync(refFile) ? (JSON.parse(await readFile(refFile, 'utf8')) as { inputs?: string[]; outputs_written?: string[] }) : {};
  const inputNames = ref.inputs ?? inputs.map((spec) => spec.name);
  const outputNames = ref.outputs_written ?? outputs.map((spec) => spec.name);
  const read = async (prefix: string, names: readonly string[], specs: readonly TensorSpec[]) => {
    const values = new Map<string, TestValue>();
    for (const [index, name] of names.entries()) {
      const file = join(dir, `${prefix}_${index}.pb`);
      if (!existsSync(file)) {
        continue;
      }
      const spec = specs.find((candidate) => candidate.name === name);
      const isSequence = spec?.type.startsWith('seq(') ?? false;
      values.set(name, decodeTensorFile(new Uint8Array(await readFile(file)), isSequence, `${basename(dir)}/${prefix}_${index}.pb`));
    }
    return values;
  };
  return { name: basename(dir), inputs: await read('input', inputNames, inputs), outputs: await read('output', outputNames, outputs) };
}

/** `expected_labels.json`, when the case has one. */
export async function readExpectedLabels(caseDir: string): Promise<ExpectedLabels | undefined> {
  const file = join(caseDir, 'expected_labels.json');
  if (!existsSync(file)) {
    return undefined;
  }
  const json = JSON.parse(await readFile(file, 'utf8')) as { how?: string; output?: string; labels?: (number | string)[]; labels_per_set?: number[] };
  if (json.how === 'argmax' && json.output && json.labels_per_set) {
    return { how: 'argmax', output: json.output, labelsPerSet: json.labels_per_set };
  }
  if (json.how === 'direct' && json.output && json.labels) {
    return { how: 'direct', output: json.output, labels: json.labels };
  }
  throw new CliError(`${file} has neither { how: 'direct', labels } nor { how: 'argmax', labels_per_set }.`);
}

interface ManifestCase {
  readonly name: string;
  readonly kind?: string;
  readonly ortweb_1_30_wasm?: { readonly status: string; readonly detail?: unknown; readonly error?: string };
}

/** The case's entry in `../manifest.json`, when the folder sits in a suite that has one. */
export async function readManifestEntry(caseDir: string): Promise<ManifestCase | undefined> {
  const file = join(dirname(caseDir), 'manifest.json');
  if (!existsSync(file)) {
    return undefined;
  }
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { cases?: ManifestCase[] };
  return manifest.cases?.find((entry) => entry.name === basename(caseDir));
}

/**
 * The expectation the suite's README sets from the manifest: `LOAD_FAIL` cases (bfloat16/float8 types, custom
 * operators, newer opsets) must end in a clear InferenceError naming the cause; a `FAIL` because a sequence input
 * "cannot be fed from JS" must end in a non-tensor InferenceError; every other case must match its outputs (the
 * `cast_FLOAT_to_STRING` difference is absorbed by comparing numeric strings as numbers).
 */
export function caseExpectation(entry: ManifestCase | undefined): CaseExpectation {
  const status = entry?.ortweb_1_30_wasm;
  if (status?.status === 'LOAD_FAIL') {
    return {
      kind: 'error',
      codes: ['inference.unsupportedType', 'inference.customOp', 'inference.opset'],
      why: `onnxruntime-web 1.30 cannot load it (${status.error ?? 'load failure'})`,
    };
  }
  if (status?.status === 'FAIL' && /non-tensor|cannot be fed/i.test(JSON.stringify(status.detail ?? ''))) {
    return { kind: 'error', codes: ['inference.nonTensor'], why: 'a non-tensor input cannot be fed from JavaScript' };
  }
  return { kind: 'match' };
}
