import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPmml } from '../index.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('y')];

/** A segment whose model predicts `x + value` (so a missing x makes it missing). */
function segment(id: string, value: number, weight = 1, predicate = '<True/>', outputs = '') {
  return `<Segment id="${id}" weight="${weight}">${predicate}
    <RegressionModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>${outputs}
      <RegressionTable intercept="${value}"><NumericPredictor name="x" coefficient="1"/></RegressionTable></RegressionModel></Segment>`;
}

function ensemble(method: string, segments: string, attributes = '', outputs = '') {
  return load(
    FIELDS,
    `<MiningModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
      ${outputs}<Segmentation multipleModelMethod="${method}" ${attributes}>${segments}</Segmentation></MiningModel>`,
  );
}

const THREE = segment('1', 1, 1) + segment('2', 2, 2) + segment('3', 6, 1);

describe('MiningModel, regression', () => {
  it.each([
    ['sum', 9],
    ['weightedSum', 11],
    ['average', 3],
    ['weightedAverage', 11 / 4],
    ['median', 2],
    ['weightedMedian', 2],
    ['max', 6],
    ['selectFirst', 1],
    ['modelChain', 6],
  ])('%s combines the segment predictions', (method, expected) => {
    expectClose(score(ensemble(method, THREE), { x: 0 }).y, expected);
  });

  it("gives the selected segment's output fields as results of a selectFirst ensemble", () => {
    const out = '<Output><OutputField name="doubled" feature="transformedValue"><Apply function="*"><FieldRef field="x"/><Constant>2</Constant></Apply></OutputField></Output>';
    const plain = (id: string) => segment(id, 0, 1, '<SimplePredicate field="x" operator="greaterThan" value="5"/>', out.replace('*', '+'));
    const model = ensemble('selectFirst', plain('1') + segment('2', 0, 1, '<True/>', out));
    expect(model.resultFields.map((f) => f.name)).toEqual(['y', 'doubled']);
    expect(model.evaluate({ x: 7 }).values.get('doubled')).toBe(9);
    expect(model.evaluate({ x: 3 }).values.get('doubled')).toBe(6);
  });

  it('only evaluates segments whose predicate is true', () => {
    const segments = segment('1', 1, 1, '<SimplePredicate field="x" operator="greaterThan" value="5"/>') + segment('2', 2);
    expect(score(ensemble('selectFirst', segments), { x: 0 }).y).toBe(2);
  });

  it('returnMissing makes the result missing when a segment is missing', () => {
    expect(score(ensemble('sum', THREE, 'missingPredictionTreatment="returnMissing"'), { x: null }).y).toBeNull();
  });

  it('skipSegment leaves missing segments out', () => {
    const segments = segment('1', 1) + `<Segment id="2"><True/><RegressionModel functionName="regression"><MiningSchema/>
      <RegressionTable intercept="4"/></RegressionModel></Segment>`;
    expect(score(ensemble('average', segments, 'missingPredictionTreatment="skipSegment"'), { x: null }).y).toBe(4);
  });

  it('continue returns missing once the missing weight passes missingThreshold', () => {
    const segments = segment('1', 1) + `<Segment id="2"><True/><RegressionModel functionName="regression"><MiningSchema/>
      <RegressionTable intercept="4"/></RegressionModel></Segment>`;
    expect(score(ensemble('average', segments, 'missingPredictionTreatment="continue" missingThreshold="0.4"'), { x: null }).y).toBeNull();
    expect(score(ensemble('average', segments, 'missingPredictionTreatment="continue" missingThreshold="0.6"'), { x: null }).y).toBe(4);
  });

  it('feeds the output fields of a modelChain segment to later segments', () => {
    const first = segment('1', 10, 1, '<True/>', '<Output><OutputField name="first" feature="predictedValue"/></Output>');
    const second = `<Segment id="2"><True/><RegressionModel functionName="regression"><MiningSchema><MiningField name="first"/></MiningSchema>
      <RegressionTable intercept="0"><NumericPredictor name="first" coefficient="2"/></RegressionTable></RegressionModel></Segment>`;
    expect(score(ensemble('modelChain', first + second), { x: 1 }).y).toBe(22);
  });

  it('reads one segment\'s result through OutputField@segmentId', () => {
    const outputs = '<Output><OutputField name="second" feature="predictedValue" segmentId="2"/></Output>';
    expect(score(ensemble('sum', THREE, '', outputs), { x: 0 })).toEqual({ y: 9, second: 2 });
  });

  it('evaluates nested segmentations', () => {
    const nested = `<Segment id="n"><True/><MiningModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
      <Segmentation multipleModelMethod="sum">${THREE}</Segmentation></MiningModel></Segment>`;
    expect(score(ensemble('average', nested + segment('2', 1)), { x: 0 }).y).toBe(5);
  });

  it('reports every target of an x-multiModelChain', () => {
    const target = (name: string, value: number) => `<Segment id="${name}"><True/><RegressionModel functionName="regression">
      <MiningSchema><MiningField name="${name}" usageType="target"/><MiningField name="x"/></MiningSchema>
      <RegressionTable intercept="${value}"><NumericPredictor name="x" coefficient="1"/></RegressionTable></RegressionModel></Segment>`;
    const model = load(
      [dataField('x'), dataField('t1'), dataField('t2')],
      `<MiningModel functionName="regression"><MiningSchema><MiningField name="t1" usageType="target"/><MiningField name="t2" usageType="target"/>
        <MiningField name="x"/></MiningSchema><Segmentation multipleModelMethod="x-multiModelChain">${target('t1', 1)}${target('t2', 2)}</Segmentation></MiningModel>`,
    );
    expect(score(model, { x: 1 })).toEqual({ t1: 2, t2: 3 });
  });

  it('keeps per-segment results in the trace', () => {
    const trace = ensemble('sum', THREE).evaluate({ x: 0 }, { trace: true }).trace;
    expect(trace?.segments?.map((s) => [s.id, s.value])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 6],
    ]);
  });
});

const CLASS_FIELDS = [dataField('x'), dataField('y', 'string', 'categorical', values('a', 'b'))];

/** A classification segment predicting `a` with probability p. */
function vote(id: string, p: number, weight = 1) {
  return `<Segment id="${id}" weight="${weight}"><True/><RegressionModel functionName="classification" normalizationMethod="none">
    <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
    <RegressionTable intercept="${p}" targetCategory="a"/><RegressionTable intercept="0" targetCategory="b"/></RegressionModel></Segment>`;
}

function classifier(method: string, segments: string) {
  return load(
    CLASS_FIELDS,
    `<MiningModel functionName="classification"><MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
      <Output><OutputField name="p_a" feature="probability" value="a"/></Output>
      <Segmentation multipleModelMethod="${method}">${segments}</Segmentation></MiningModel>`,
  );
}

const VOTES = vote('1', 0.9, 1) + vote('2', 0.4, 1) + vote('3', 0.3, 3);

describe('MiningModel, classification', () => {
  it('majorityVote counts predicted categories', () => {
    const result = score(classifier('majorityVote', VOTES), { x: 0 });
    expect(result.y).toBe('b');
    expectClose(result.p_a, 1 / 3);
  });

  it('weightedMajorityVote counts segment weights', () => {
    expectClose(score(classifier('weightedMajorityVote', VOTES), { x: 0 }).p_a, 1 / 5);
  });

  it('average averages the probabilities', () => {
    const result = score(classifier('average', VOTES), { x: 0 });
    expectClose(result.p_a, (0.9 + 0.4 + 0.3) / 3);
    expect(result.y).toBe('a');
  });

  it('weightedAverage weighs the probabilities', () => {
    expectClose(score(classifier('weightedAverage', VOTES), { x: 0 }).p_a, (0.9 + 0.4 + 0.9) / 5);
  });

  it('max takes the segment most confident in its prediction', () => {
    expectClose(score(classifier('max', VOTES), { x: 0 }).p_a, 0.9);
  });
});

describe('MiningModel against jpmml MissingPredictionTest (three voting trees)', () => {
  const text = readFileSync(resolve('../shared/conformance/pmml/models-only/jpmml-evaluator.unit/mining/MissingPredictionTest.pmml'), 'utf8');
  const vote = (threshold: number, x: number | null, noTrueChild = 'returnNullPrediction') => {
    const document = text
      .replace('x-missingThreshold="0.5"', `x-missingThreshold="${threshold}"`)
      .replaceAll('noTrueChildStrategy="returnNullPrediction"', `noTrueChildStrategy="${noTrueChild}"`);
    return loadPmml(document).evaluate({ x }).values.get('y');
  };

  it('returns missing once the missing share passes missingThreshold', () => {
    expect([0, 1, 2, 3, 4].map((x) => vote(0.25, x))).toEqual([null, null, null, 1, 1]);
    expect([1, 2, 3].map((x) => vote(0.5, x))).toEqual([null, 1, 1]);
  });

  it('lets missing predictions vote for a missing pseudo-category', () => {
    expect([1, 2, 3].map((x) => vote(0.75, x))).toEqual([null, 1, 1]);
  });

  it('counts fallback predictions as ordinary votes', () => {
    expect([null, 1, 2, 3].map((x) => vote(0.75, x, 'returnLastPrediction'))).toEqual([null, 0, 1, 1]);
  });
});

describe('MiningModel field scopes (jpmml FieldScopeTest)', () => {
  it('computes TransformationDictionary fields from the inputs as the referring segment prepared them', () => {
    const text = readFileSync(resolve('../shared/conformance/pmml/models-only/jpmml-evaluator.unit/mining/FieldScopeTest.pmml'), 'utf8');
    const model = loadPmml(text);
    // Segment 1 replaces a missing input by 50, so squaredInput is 2500; segment 2 clamps it to 1000.
    expect(model.evaluate({ input: null }).values.get('prediction')).toBe(1000);
    expect(model.evaluate({ input: 1 }).values.get('prediction')).toBe(1);
  });
});

describe('MiningModel model chains with several targets (jpmml ModelChainSimpleTest)', () => {
  const text = readFileSync(resolve('../shared/conformance/pmml/models-only/jpmml-evaluator.unit/mining/ModelChainSimpleTest.pmml'), 'utf8');

  it('gives each declared target the prediction of the segment that predicts it', () => {
    const values = loadPmml(text).evaluate({ petal_length: 1.4, petal_width: 0.2, temperature: 0, cloudiness: 0 }).values;
    expect(values.get('Class')).toBe('Iris-setosa');
    expectClose(values.get('PollenIndex'), 0.8 + 0.3);
  });

  it("exposes the last segment's output fields as results of the chain", () => {
    expect(loadPmml(text).resultFields.map((f) => [f.name, f.kind, f.isFinalResult])).toEqual([
      ['Class', 'target', true],
      ['PollenIndex', 'target', true],
      ['Pollen Index', 'output', false],
    ]);
  });
});
