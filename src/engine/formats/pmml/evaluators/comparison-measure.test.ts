import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('y'), dataField('z')];

/** A one-cluster model centered at `center`; the output `d` is the record's affinity to that cluster. */
function measured(measure: string, center: string, options: { kind?: string; fields?: string; weights?: string; compare?: string } = {}): ReturnType<typeof load> {
  const fields = options.fields ?? '<ClusteringField field="x"/><ClusteringField field="y"/><ClusteringField field="z"/>';
  return load(
    FIELDS,
    `<ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="1">
      <MiningSchema><MiningField name="x"/><MiningField name="y"/><MiningField name="z"/></MiningSchema>
      <Output><OutputField name="d" feature="affinity" value="only"/></Output>
      <ComparisonMeasure kind="${options.kind ?? 'distance'}" ${options.compare ?? ''}>${measure}</ComparisonMeasure>
      ${fields}
      ${options.weights ?? ''}
      <Cluster id="only"><Array type="real">${center}</Array></Cluster>
    </ClusteringModel>`,
  );
}

describe('ComparisonMeasure distances', () => {
  const record = { x: 1, y: 5, z: -2 };
  // Differences from the center (0, 1, 2): 1, 4, -4.
  it('euclidean is the root of the summed squared differences', () => {
    expectClose(score(measured('<euclidean/>', '0 1 2'), record).d, Math.sqrt(1 + 16 + 16));
  });

  it('squaredEuclidean is the summed squared differences', () => {
    expectClose(score(measured('<squaredEuclidean/>', '0 1 2'), record).d, 33);
  });

  it('cityBlock sums absolute differences', () => {
    expectClose(score(measured('<cityBlock/>', '0 1 2'), record).d, 9);
  });

  it('chebychev takes the largest absolute difference', () => {
    expectClose(score(measured('<chebychev/>', '0 1 2'), record).d, 4);
  });

  it('minkowski uses its p-parameter as inner and outer power', () => {
    expectClose(score(measured('<minkowski p-parameter="3"/>', '0 1 2'), record).d, Math.cbrt(1 + 64 + 64));
  });

  it('weights each field by its fieldWeight', () => {
    const fields = '<ClusteringField field="x" fieldWeight="2"/><ClusteringField field="y" fieldWeight="0.5"/><ClusteringField field="z"/>';
    expectClose(score(measured('<squaredEuclidean/>', '0 1 2', { fields }), record).d, 2 * 1 + 0.5 * 16 + 16);
  });

  it('scales the sum for missing values by the share of present fields', () => {
    // "adjustM = sum(q_i) / sum(q_i * nonmissing_i)" with q = 1: 3 fields, 2 present.
    expectClose(score(measured('<squaredEuclidean/>', '0 1 2'), { x: 1, y: 5, z: null }).d, (1 + 16) * (3 / 2));
  });

  it('uses MissingValueWeights in the missing-value adjustment', () => {
    const weights = '<MissingValueWeights><Array type="real">1 2 3</Array></MissingValueWeights>';
    expectClose(score(measured('<squaredEuclidean/>', '0 1 2', { weights }), { x: 1, y: 5, z: null }).d, (1 + 16) * (6 / 3));
  });
});

describe('ComparisonMeasure compare functions', () => {
  it('gaussSim is exp(-ln 2 · z² / s²)', () => {
    const fields = '<ClusteringField field="x" compareFunction="gaussSim" similarityScale="2"/>';
    const model = measured('<cityBlock/>', '0', { fields });
    expectClose(score(model, { x: 3, y: 0, z: 0 }).d, Math.exp((-Math.log(2) * 9) / 4));
  });

  it('delta is 0 for equal values and 1 otherwise', () => {
    const fields = '<ClusteringField field="x"/><ClusteringField field="y"/>';
    const model = measured('<cityBlock/>', '2 3', { fields, compare: 'compareFunction="delta"' });
    expect(score(model, { x: 2, y: 7, z: 0 }).d).toBe(1);
  });

  it('equal is 1 for equal values and 0 otherwise', () => {
    const fields = '<ClusteringField field="x"/><ClusteringField field="y"/>';
    const model = measured('<cityBlock/>', '2 3', { fields, compare: 'compareFunction="equal"' });
    expect(score(model, { x: 2, y: 7, z: 0 }).d).toBe(1);
  });
});

describe('ComparisonMeasure binary similarities', () => {
  // Record (1, 1, 0) against center (1, 0, 0): a11 = 1, a10 = 1, a01 = 0, a00 = 1.
  const record = { x: 1, y: 1, z: 0 };
  it('simpleMatching is (a11 + a00) / all', () => {
    expectClose(score(measured('<simpleMatching/>', '1 0 0', { kind: 'similarity' }), record).d, 2 / 3);
  });

  it('jaccard is a11 / (a11 + a10 + a01)', () => {
    expectClose(score(measured('<jaccard/>', '1 0 0', { kind: 'similarity' }), record).d, 1 / 2);
  });

  it('tanimoto doubles the mismatches in the denominator', () => {
    expectClose(score(measured('<tanimoto/>', '1 0 0', { kind: 'similarity' }), record).d, 2 / (1 + 2 + 1));
  });

  it('binarySimilarity weighs the four counts with its c and d parameters', () => {
    const measure =
      '<binarySimilarity c00-parameter="1" c01-parameter="0" c10-parameter="0" c11-parameter="2" d00-parameter="1" d01-parameter="1" d10-parameter="1" d11-parameter="1"/>';
    expectClose(score(measured(measure, '1 0 0', { kind: 'similarity' }), record).d, (2 * 1 + 1 * 1) / (1 + 1 + 0 + 1));
  });

  it('rejects values other than 0 and 1', () => {
    expect(() => score(measured('<jaccard/>', '1 0 0', { kind: 'similarity' }), { x: 2, y: 1, z: 0 })).toThrow(InvalidValueError);
  });
});
