import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MissingMarkupError } from '../../../errors.js';
import { loadPmml } from '../index.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';
import { averagePathLength, isolationForestScore } from './anomaly-detection-model.js';

/** The DMG's own PMML 4.4 anomaly detection examples, kept with the shared conformance files. */
const EXAMPLES = new URL('../../../../../../shared/conformance/pmml/models-only/pmml4s.dmg-examples/anomaly/', import.meta.url);
const example = (name: string) => loadPmml(new Uint8Array(readFileSync(new URL(name, EXAMPLES))), { fileName: name });

const C5 = 2 * (Math.log(4) + 0.5772156649) - 8 / 5;

describe('isolation forest normalisation', () => {
  it('estimates c(n) with the harmonic number ln(n − 1) + γ', () => {
    expectClose(averagePathLength(5), C5);
    expectClose(averagePathLength(256), 2 * (Math.log(255) + 0.5772156649) - 510 / 256);
  });

  it('sets c(2) to 1 and c(1) to 0, as the isolation forest paper does', () => {
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(1)).toBe(0);
  });

  it('scores a path length equal to c(n) as 0.5', () => {
    expectClose(isolationForestScore(averagePathLength(100), 100), 0.5);
  });
});

describe('AnomalyDetectionModel', () => {
  it('turns the forest average path length into 2^(−E(h)/c(sampleDataSize)) (DMG iforest example)', () => {
    const model = example('dmg_anomaly_iforest.xml');
    // Tree 1 ends at Seg1_Nod_1.1.2 (4), tree 2 at Seg2_Nod_1.1.1.1 (5): E(h) = 4.5.
    const result = score(model, { sepal_length: 5, sepal_width: 3.4, petal_length: 1.5, petal_width: 0.2 });
    expectClose(result.anomalyScore, Math.pow(2, -4.5 / C5), 1e-6);
  });

  it('computes the decision output from the anomaly score (DMG iforest example: anomalyScore < 0.422)', () => {
    const model = example('dmg_anomaly_iforest.xml');
    // Tree 1 ends at Seg1_Nod_1.2.2 (4.1544313298030655), tree 2 at Seg2_Nod_1.2 (3).
    const result = score(model, { sepal_length: 6, sepal_width: 3, petal_length: 5, petal_width: 2 });
    const expected = Math.pow(2, -((4.1544313298030655 + 3) / 2) / C5);
    expectClose(result.anomalyScore, expected, 1e-6);
    expect(result.anomaly).toBe(expected < 0.422);
  });

  it('returns the one-class SVM decision value as the anomaly score (DMG ocsvm example)', () => {
    const model = example('dmg_anomaly_ocsvm.xml');
    // Linear kernel: 0.5·⟨x, (5.5 4.2 1.4 0.2)⟩ + 0.499·⟨x, (4.4 3.0 1.3 0.2)⟩ − 8.33.
    const result = score(model, { sepal_length: 5.5, sepal_width: 4.2, petal_length: 1.4, petal_width: 0.2 });
    expectClose(result.anomalyScore, 0.5 * 49.89 + 0.499 * 38.66 - 8.33, 1e-6);
    expect(result.anomaly).toBe(false);
  });

  it('divides the distance to the nearest cluster by its mean cluster distance (DMG clusterMeanDist example)', () => {
    const model = example('dmg_anomaly_cluster.xml');
    const x = [(5 - 4.3) / 3.6, (3.4 - 2) / 2.4, (1.5 - 1) / 5.9, (0.2 - 0.1) / 2.4];
    const center = [0.196111, 0.590833, 0.0786441, 0.06];
    const distance = Math.sqrt(x.reduce((sum, v, i) => sum + (v - center[i]) ** 2, 0));
    const result = score(model, { sepal_length: 5, sepal_width: 3.4, petal_length: 1.5, petal_width: 0.2 });
    expectClose(result.anomalyScore, distance / 0.165, 1e-6);
    expect(result.anomaly).toBe(false);
  });

  it('rejects an isolation forest without sampleDataSize when the model loads', () => {
    const markup = `<AnomalyDetectionModel functionName="regression" algorithmType="iforest">
      <MiningSchema><MiningField name="x"/></MiningSchema>
      <MiningModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
        <Segmentation multipleModelMethod="average"><Segment><True/>
          <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema><Node score="1"><True/></Node></TreeModel>
        </Segment></Segmentation></MiningModel>
    </AnomalyDetectionModel>`;
    expect(() => load([dataField('x')], markup)).toThrow(MissingMarkupError);
  });

  it('scores as a segment of a MiningModel', () => {
    const forest = (leaf: number) => `<AnomalyDetectionModel functionName="regression" algorithmType="iforest" sampleDataSize="2">
      <MiningSchema><MiningField name="x"/></MiningSchema>
      <MiningModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
        <Segmentation multipleModelMethod="average"><Segment><True/>
          <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema><Node score="${leaf}"><True/></Node></TreeModel>
        </Segment></Segmentation></MiningModel>
    </AnomalyDetectionModel>`;
    const markup = `<MiningModel functionName="regression">
      <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
      <Segmentation multipleModelMethod="sum">
        <Segment id="a"><True/>${forest(1)}</Segment>
        <Segment id="b"><True/>${forest(2)}</Segment>
      </Segmentation></MiningModel>`;
    // c(2) = 1: 2^−1 + 2^−2.
    expectClose(score(load([dataField('x'), dataField('y')], markup), { x: 0 }).y, 0.75);
  });
});
