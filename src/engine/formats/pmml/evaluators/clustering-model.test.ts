import { describe, expect, it } from 'vitest';
import { UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('y')];
const OUTPUT = `<Output>
  <OutputField name="cluster" feature="predictedValue" dataType="string"/>
  <OutputField name="name" feature="predictedDisplayValue"/>
  <OutputField name="index" feature="clusterId"/>
  <OutputField name="entity" feature="entityId"/>
  <OutputField name="second" feature="entityId" rank="2"/>
  <OutputField name="best" feature="entityAffinity"/>
  <OutputField name="toB" feature="clusterAffinity" value="b"/>
</Output>`;

function clustering(clusters: string, kind = 'distance', measure = '<squaredEuclidean/>', modelClass = 'centerBased'): ReturnType<typeof load> {
  return load(
    FIELDS,
    `<ClusteringModel functionName="clustering" modelClass="${modelClass}" numberOfClusters="3">
      <MiningSchema><MiningField name="x"/><MiningField name="y"/></MiningSchema>
      ${OUTPUT}
      <ComparisonMeasure kind="${kind}">${measure}</ComparisonMeasure>
      <ClusteringField field="x"/><ClusteringField field="y"/>
      ${clusters}
    </ClusteringModel>`,
  );
}

const THREE = `<Cluster id="a" name="left"><Array type="real">0 0</Array></Cluster>
<Cluster id="b" name="right"><Array type="real">10 0</Array></Cluster>
<Cluster id="c" name="top"><Array type="real">0 10</Array></Cluster>`;

describe('ClusteringModel', () => {
  it('predicts the id of the nearest center, with its name, 1-based index and distance', () => {
    const result = score(clustering(THREE), { x: 8, y: 1 });
    expect(result).toMatchObject({ cluster: 'b', name: 'right', index: 2, entity: 'b', second: 'a' });
    expectClose(result.best, 4 + 1);
    expectClose(result.toB, 4 + 1);
  });

  it("names a cluster without an id by its 1-based position", () => {
    const model = clustering('<Cluster name="p"><Array type="real">0 0</Array></Cluster><Cluster name="q"><Array type="real">5 5</Array></Cluster>');
    expect(score(model, { x: 4, y: 4 }).cluster).toBe('2');
  });

  it('keeps the first cluster in document order on a tie', () => {
    const model = clustering('<Cluster id="p"><Array type="real">0 0</Array></Cluster><Cluster id="q"><Array type="real">2 0</Array></Cluster>');
    expect(score(model, { x: 1, y: 0 }).cluster).toBe('p');
  });

  it('picks the most similar cluster under a similarity measure', () => {
    const model = clustering(
      '<Cluster id="p"><Array type="real">1 0</Array></Cluster><Cluster id="q"><Array type="real">1 1</Array></Cluster>',
      'similarity',
      '<simpleMatching/>',
    );
    expect(score(model, { x: 1, y: 1 }).cluster).toBe('q');
  });

  it('leaves out a missing field and still predicts', () => {
    expect(score(clustering(THREE), { x: 9, y: null }).cluster).toBe('b');
  });

  it('predicts nothing when every clustering field is missing', () => {
    expect(score(clustering(THREE), { x: null, y: null }).cluster).toBeNull();
  });

  it('reports a distribution-based model as unsupported when it loads', () => {
    expect(() => clustering(THREE, 'distance', '<squaredEuclidean/>', 'distributionBased')).toThrow(UnsupportedMarkupError);
  });

  it('describes its measure, fields and clusters', () => {
    const structure = clustering(THREE).description.structure;
    expect(structure).toMatchObject({ kind: 'other', element: 'ClusteringModel' });
    expect(JSON.stringify(structure)).toContain('squaredEuclidean');
  });
});

describe('ClusteringModel with categorical fields', () => {
  it('compares a string center with the record by delta', () => {
    const model = load(
      [dataField('colour', 'string', 'categorical'), dataField('size')],
      `<ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="2">
        <MiningSchema><MiningField name="colour"/><MiningField name="size"/></MiningSchema>
        <Output><OutputField name="cluster" feature="predictedValue" dataType="string"/><OutputField name="d" feature="entityAffinity"/></Output>
        <ComparisonMeasure kind="distance"><cityBlock/></ComparisonMeasure>
        <ClusteringField field="colour" compareFunction="delta"/><ClusteringField field="size"/>
        <Cluster id="red-small"><Array type="string">red 1</Array></Cluster>
        <Cluster id="blue-big"><Array type="string">blue 9</Array></Cluster>
      </ClusteringModel>`,
    );
    // red-small: 1 (colour differs) + |3 − 1|; blue-big: 0 + |3 − 9|.
    expect(score(model, { colour: 'blue', size: 3 })).toEqual({ cluster: 'red-small', d: 3 });
    expect(score(model, { colour: 'blue', size: 6 })).toEqual({ cluster: 'blue-big', d: 3 });
  });
});

describe('ClusteringModel without targets or outputs', () => {
  it('reports the winning cluster under a default result field', () => {
    const model = load(
      [dataField('x'), dataField('y')],
      `<ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="3">
        <MiningSchema><MiningField name="x"/><MiningField name="y"/></MiningSchema>
        <ComparisonMeasure kind="distance"><squaredEuclidean/></ComparisonMeasure>
        <ClusteringField field="x"/><ClusteringField field="y"/>
        ${THREE}
      </ClusteringModel>`,
    );
    expect(model.resultFields.map((f) => [f.name, f.kind])).toEqual([['prediction', 'target']]);
    expect(model.evaluate({ x: 1, y: 9 }).values.get('prediction')).toBe('c');
  });
});
