import { describe, expect, it } from 'vitest';
import { UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('y'), dataField('label', 'string', 'categorical', values('a', 'b', 'c')), dataField('id', 'string', 'categorical')];

/** Training instances on a line: x = 0..n-1, with the given y and label per instance. */
function instances(rows: [number, number, string][], id = false): string {
  const cells = rows.map(([x, y, label], i) => `<row><x>${x}</x><y>${y}</y><l>${label}</l>${id ? `<id>r${i}</id>` : ''}</row>`).join('');
  return `<TrainingInstances isTransformed="true">
    <InstanceFields><InstanceField field="x" column="x"/><InstanceField field="y" column="y"/><InstanceField field="label" column="l"/>${
      id ? '<InstanceField field="id" column="id"/>' : ''
    }</InstanceFields>
    <InlineTable>${cells}</InlineTable>
  </TrainingInstances>`;
}

function knn(target: 'y' | 'label', rows: [number, number, string][], attributes: string, output = '', id = false): ReturnType<typeof load> {
  return load(
    FIELDS,
    `<NearestNeighborModel functionName="${target === 'y' ? 'regression' : 'classification'}" ${attributes} ${id ? 'instanceIdVariable="id"' : ''}>
      <MiningSchema><MiningField name="${target}" usageType="target"/><MiningField name="x"/></MiningSchema>
      <Output>${output}</Output>
      ${instances(rows, id)}
      <ComparisonMeasure kind="distance"><euclidean/></ComparisonMeasure>
      <KNNInputs><KNNInput field="x"/></KNNInputs>
    </NearestNeighborModel>`,
  );
}

const LINE: [number, number, string][] = [
  [0, 10, 'a'],
  [1, 20, 'a'],
  [2, 60, 'b'],
  [3, 40, 'b'],
  [4, 50, 'c'],
];

describe('NearestNeighborModel continuous scoring', () => {
  it('averages the targets of the k nearest instances', () => {
    expectClose(score(knn('y', LINE, 'numberOfNeighbors="3"'), { x: 1.1 }).y, (20 + 60 + 10) / 3);
  });

  it('takes the median of the k nearest targets', () => {
    const model = knn('y', LINE, 'numberOfNeighbors="3" continuousScoringMethod="median"');
    expectClose(score(model, { x: 1.9 }).y, 40);
  });

  it('weights the average by 1 / (distance + threshold)', () => {
    const model = knn('y', LINE, 'numberOfNeighbors="2" continuousScoringMethod="weightedAverage" threshold="0.5"');
    const w1 = 1 / (0.25 + 0.5);
    const w2 = 1 / (0.75 + 0.5);
    expectClose(score(model, { x: 1.25 }).y, (w1 * 20 + w2 * 60) / (w1 + w2));
  });
});

describe('NearestNeighborModel categorical scoring', () => {
  it('takes the majority vote of the k nearest labels', () => {
    expect(score(knn('label', LINE, 'numberOfNeighbors="3"'), { x: 2.9 }).label).toBe('b');
  });

  it('breaks a vote tie with the label most frequent in the training data', () => {
    const rows: [number, number, string][] = [
      [0, 0, 'c'],
      [1, 0, 'a'],
      [5, 0, 'a'],
      [6, 0, 'a'],
    ];
    expect(score(knn('label', rows, 'numberOfNeighbors="2"'), { x: 0.5 }).label).toBe('a');
  });

  it('breaks a remaining tie with the smallest label', () => {
    const rows: [number, number, string][] = [
      [0, 0, 'c'],
      [1, 0, 'b'],
    ];
    expect(score(knn('label', rows, 'numberOfNeighbors="2"'), { x: 0.5 }).label).toBe('b');
  });

  it('weights votes by 1 / (distance + threshold)', () => {
    const rows: [number, number, string][] = [
      [0, 0, 'a'],
      [3, 0, 'b'],
      [3.5, 0, 'b'],
    ];
    const plain = knn('label', rows, 'numberOfNeighbors="3"');
    const weighted = knn('label', rows, 'numberOfNeighbors="3" categoricalScoringMethod="weightedMajorityVote"');
    expect(score(plain, { x: 0.1 }).label).toBe('b');
    expect(score(weighted, { x: 0.1 }).label).toBe('a');
  });
});

describe('NearestNeighborModel entities', () => {
  const output = '<OutputField name="n1" feature="entityId"/><OutputField name="n2" feature="entityId" rank="2"/><OutputField name="d2" feature="entityAffinity" rank="2"/>';

  it('ranks instances by distance, numbering them from 1 without an instanceIdVariable', () => {
    const result = score(knn('y', LINE, 'numberOfNeighbors="2"', output), { x: 3.2 });
    expect([result.n1, result.n2]).toEqual(['4', '5']);
    expectClose(result.d2, 0.8);
  });

  it('names instances by their instanceIdVariable', () => {
    const result = score(knn('y', LINE, 'numberOfNeighbors="2"', output, true), { x: 3.2 });
    expect([result.n1, result.n2]).toEqual(['r3', 'r4']);
  });

  it('keeps document order among instances at the same distance', () => {
    const result = score(knn('y', LINE, 'numberOfNeighbors="2"', output), { x: 1.5 });
    expect([result.n1, result.n2]).toEqual(['2', '3']);
  });

  it('computes a KNNInput that has no instance column from the instance fields', () => {
    const model = load(
      [dataField('x'), dataField('y')],
      `<NearestNeighborModel functionName="regression" numberOfNeighbors="1">
        <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
        <LocalTransformations><DerivedField name="x2" optype="continuous" dataType="double">
          <Apply function="*"><FieldRef field="x"/><Constant>2</Constant></Apply>
        </DerivedField></LocalTransformations>
        <TrainingInstances><InstanceFields><InstanceField field="x" column="x"/><InstanceField field="y" column="y"/></InstanceFields>
          <InlineTable><row><x>1</x><y>100</y></row><row><x>4</x><y>400</y></row></InlineTable></TrainingInstances>
        <ComparisonMeasure kind="distance"><euclidean/></ComparisonMeasure>
        <KNNInputs><KNNInput field="x2"/></KNNInputs>
      </NearestNeighborModel>`,
    );
    expect(score(model, { x: 3.5 }).y).toBe(400);
  });

  it('scores every target of a multi-target model', () => {
    const model = load(
      FIELDS,
      `<NearestNeighborModel functionName="mixed" numberOfNeighbors="1">
        <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="label" usageType="target"/><MiningField name="x"/></MiningSchema>
        ${instances(LINE)}
        <ComparisonMeasure kind="distance"><euclidean/></ComparisonMeasure>
        <KNNInputs><KNNInput field="x"/></KNNInputs>
      </NearestNeighborModel>`,
    );
    expect(score(model, { x: 3.9 })).toMatchObject({ y: 50, label: 'c' });
  });
});

describe('NearestNeighborModel validation', () => {
  it('reports weighted scoring over a similarity measure when the model loads', () => {
    const model = `<NearestNeighborModel functionName="regression" numberOfNeighbors="1" continuousScoringMethod="weightedAverage">
      <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
      ${instances(LINE)}
      <ComparisonMeasure kind="similarity"><jaccard/></ComparisonMeasure>
      <KNNInputs><KNNInput field="x"/></KNNInputs>
    </NearestNeighborModel>`;
    expect(() => load(FIELDS, model)).toThrow(UnsupportedMarkupError);
  });
});
