import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { detectFormat, FORMATS, openModelFile, type FormatRegistration } from './detect.js';
import { MAX_PEEK_BYTES, type ModelFormat } from './model-format.js';

const conformance = new URL('../../../../shared/conformance/', import.meta.url);
const real = (path: string) => new Uint8Array(readFileSync(new URL(path, conformance)));
const text = (value: string) => new TextEncoder().encode(value);

/**
 * Real files nobody on this project wrote, with the format they must open as (netron's models.json), and files
 * that are not models with the error code they must give. `as` renames a file to test extension handling.
 */
const OPENS: readonly { readonly file: string; readonly as?: string; readonly format: 'pmml' | 'onnx' }[] = [
  { file: 'pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml', format: 'pmml' },
  { file: 'pmml/cases/jpmml-evaluator.rattle/RegressionAuto/model.pmml', format: 'pmml' },
  { file: 'pmml/cases/jpmml-sklearn/sklearn-extension.ClassificationTreeIris/model.pmml', format: 'pmml' },
  { file: 'pmml/models-only/pmml4s.dmg-examples/regression/dmg_regression_logistic.xml', format: 'pmml' },
  { file: 'pmml/models-only/pmml4s.dmg-examples/tree/single_iris_dectree.xml', format: 'pmml' },
  { file: 'pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml', as: 'iris-tree.txt', format: 'pmml' },
  { file: 'onnx/mnist-8-cntk/model.onnx', format: 'onnx' },
  { file: 'onnx/sklearn-logreg-iris-zipmap/model.onnx', format: 'onnx' },
  { file: 'onnx/sklearn-onnx-treecl/model.onnx', format: 'onnx' },
  { file: 'onnx/onnx-node-ai_onnx_ml_label_encoder_string_int/model.onnx', format: 'onnx' },
  { file: 'onnx/mnist-8-cntk/model.onnx', as: 'mnist.bin', format: 'onnx' },
  { file: 'pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml', as: 'mislabelled.onnx', format: 'pmml' },
];

const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...text('model.pkl')]);
const noise = Uint8Array.from({ length: 2_000 }, (_, i) => (i * 7919 + 13) % 251);
const irisPmml = real('pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml');

const FAILS: readonly { readonly name: string; readonly bytes: Uint8Array; readonly code: string; readonly mentions?: string }[] = [
  { name: 'case.json', bytes: real('pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/case.json'), code: 'format.unsupported', mentions: 'JSON' },
  { name: 'model.zip', bytes: zip, code: 'format.unsupported', mentions: 'ZIP archive' },
  { name: 'keras.h5', bytes: new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]), code: 'format.unsupported', mentions: 'HDF5' },
  { name: 'random.bin', bytes: noise, code: 'format.unsupported' },
  { name: 'empty.pmml', bytes: new Uint8Array(0), code: 'format.unsupported', mentions: 'empty' },
  { name: 'page.html', bytes: text('<!doctype html><html><body>Not found</body></html>'), code: 'format.unsupported', mentions: 'not <PMML>' },
  { name: 'truncated.pmml', bytes: irisPmml.subarray(0, Math.floor(irisPmml.length / 2)), code: 'format.corrupt' },
  { name: 'random.onnx', bytes: noise, code: 'format.corrupt' },
];

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

describe('format detection over real files', () => {
  for (const { file, as, format } of OPENS) {
    const fileName = as ?? file.split('/').slice(-2).join('-');
    it(`opens ${file}${as ? ` named ${as}` : ''} as ${format}`, async () => {
      const opened = await openModelFile({ fileName, bytes: real(file) });
      expect(opened.format).toBe(format);
      expect(opened.model.description.format).toBe(format);
    });
  }

  for (const { name, bytes, code, mentions } of FAILS) {
    it(`refuses ${name} with ${code}`, async () => {
      const error = await failure(openModelFile({ fileName: name, bytes }));
      expect(error.code).toBe(code);
      expect(error.message).toContain(name);
      if (mentions) expect(error.message).toContain(mentions);
    });
  }
});

describe('format table', () => {
  it('lists the same extensions as each format module', async () => {
    for (const entry of FORMATS) {
      const format = await entry.load();
      expect(format.id).toBe(entry.id);
      expect([...format.extensions]).toEqual([...entry.extensions]);
    }
  });

  it('detects the format without opening the file', async () => {
    expect(await detectFormat({ fileName: 'x.onnx', bytes: real('onnx/sklearn-logreg-iris-zipmap/model.onnx') })).toBe('onnx');
    expect(await detectFormat({ fileName: 'notes.txt', bytes: text('hello') })).toBeUndefined();
  });

  it('peeks at no more than MAX_PEEK_BYTES and loads formats whose extension fits first', async () => {
    const seen: { id: string; length: number }[] = [];
    const spy = (id: 'pmml' | 'onnx', extensions: string[]): FormatRegistration => ({
      id,
      extensions,
      load: async (): Promise<ModelFormat<unknown>> => ({
        id,
        extensions,
        match: (head) => (seen.push({ id, length: head.length }), id === 'onnx'),
        open: async () => ({ description: { format: id } }),
      }),
    });
    const table = [spy('pmml', ['.pmml']), spy('onnx', ['.onnx'])];
    await openModelFile({ fileName: 'big.onnx', bytes: new Uint8Array(MAX_PEEK_BYTES * 3) }, table);
    expect(seen).toEqual([{ id: 'onnx', length: MAX_PEEK_BYTES }]);
  });

  it('tries the next matching format when the first cannot open the file', async () => {
    const failing: FormatRegistration = {
      id: 'onnx',
      extensions: ['.onnx'],
      load: async () => ({ id: 'onnx', extensions: ['.onnx'], match: () => true, open: () => Promise.reject(new Error('bad protobuf')) }),
    };
    const opened = await openModelFile({ fileName: 'iris.onnx', bytes: irisPmml }, [failing, FORMATS[0]]);
    expect(opened.format).toBe('pmml');
  });

  it('wraps a non-engine error from a format as format.corrupt naming the file', async () => {
    const failing: FormatRegistration = {
      id: 'onnx',
      extensions: ['.onnx'],
      load: async () => ({ id: 'onnx', extensions: ['.onnx'], match: () => true, open: () => Promise.reject(new RangeError('offset out of bounds')) }),
    };
    const error = await failure(openModelFile({ fileName: 'bad.onnx', bytes: noise }, [failing]));
    expect(error.code).toBe('format.corrupt');
    expect(error.message).toBe("The file 'bad.onnx' could not be read: offset out of bounds");
  });
});

describe('demo gallery (public/samples)', () => {
  const samplesDir = new URL('../../../public/samples/', import.meta.url);
  const index = JSON.parse(readFileSync(new URL('index.json', samplesDir), 'utf8')) as {
    samples: { file: string; format: 'pmml' | 'onnx'; exampleInputs: Record<string, string> }[];
  };

  for (const sample of index.samples) {
    it(`opens ${sample.file} as ${sample.format} with its example inputs among the model's inputs`, async () => {
      const opened = await openModelFile({ fileName: sample.file, bytes: new Uint8Array(readFileSync(new URL(sample.file, samplesDir))) });
      expect(opened.format).toBe(sample.format);
      const description = opened.model.description;
      const inputs = [...description.inputFields.map((f) => f.name), ...description.inputTensors.map((t) => t.name)];
      for (const name of Object.keys(sample.exampleInputs)) expect(inputs).toContain(name);
    });
  }
});
