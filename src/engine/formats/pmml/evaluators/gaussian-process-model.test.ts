import { describe, expect, it } from 'vitest';
import { InvalidMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';
import { cholesky, compileGaussianKernel } from './gaussian-process-model.js';

const FIELDS = [dataField('x1'), dataField('x2'), dataField('y')];

function gp(kernel: string, rows: [number, number, number][]): string {
  const table = rows.map(([x1, x2, y]) => `<row><x1>${x1}</x1><x2>${x2}</x2><y>${y}</y></row>`).join('');
  return `<GaussianProcessModel functionName="regression" optimizer="Max-Likelihood">
    <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="y" usageType="target"/></MiningSchema>
    <Output>
      <OutputField name="mean" feature="predictedValue"/>
      <OutputField name="sd" feature="standardDeviation"/>
    </Output>
    ${kernel}
    <TrainingInstances recordCount="${rows.length}" fieldCount="3">
      <InstanceFields><InstanceField field="x1" column="x1"/><InstanceField field="x2" column="x2"/><InstanceField field="y" column="y"/></InstanceFields>
      <InlineTable>${table}</InlineTable>
    </TrainingInstances>
  </GaussianProcessModel>`;
}

const x = (...values: number[]) => Float64Array.from(values);

describe('Gaussian process kernels', () => {
  it('computes the radial basis kernel γ·exp(−‖x − z‖²/(2λ²))', () => {
    const k = compileGaussianKernel({ kind: 'RadialBasisKernel', gamma: 2, noiseVariance: 0.1, lambda: 3, line: 1 }, 2);
    expectClose(k(x(1, 2), x(2, 4)), 2 * Math.exp(-5 / 18));
  });

  it('scales each dimension by its own length scale in the ARD squared exponential kernel', () => {
    const k = compileGaussianKernel({ kind: 'ARDSquaredExponentialKernel', gamma: 2.489, noiseVariance: 0.011, Lambda: [1.5164, 59.3113], line: 1 }, 2);
    expectClose(k(x(1, 2), x(2, 4)), 2.489 * Math.exp(-0.5 * ((1 / 1.5164) ** 2 + (2 / 59.3113) ** 2)));
  });

  it('sums absolute differences over length scales in the absolute exponential kernel', () => {
    const k = compileGaussianKernel({ kind: 'AbsoluteExponentialKernel', gamma: 1, noiseVariance: 1, Lambda: [2, 4], line: 1 }, 2);
    expectClose(k(x(1, 2), x(2, 4)), Math.exp(-(1 / 2 + 2 / 4)));
  });

  it('raises differences to the degree in the generalized exponential kernel', () => {
    const k = compileGaussianKernel({ kind: 'GeneralizedExponentialKernel', gamma: 1, noiseVariance: 1, degree: 1.5, Lambda: [2, 4], line: 1 }, 2);
    expectClose(k(x(1, 2), x(2, 5)), Math.exp(-(1 / 2 + 3 ** 1.5 / 4)));
  });

  it('rejects a Lambda array whose length differs from the number of inputs', () => {
    expect(() => compileGaussianKernel({ kind: 'AbsoluteExponentialKernel', gamma: 1, noiseVariance: 1, Lambda: [2], line: 7 }, 2)).toThrow(InvalidMarkupError);
  });
});

describe('cholesky', () => {
  it('factors a positive definite matrix into L·Lᵀ', () => {
    const l = cholesky(x(4, 2, 2, 3), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.sqrt(2)]);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(cholesky(x(1, 2, 2, 1), 2)).toBeUndefined();
  });
});

describe('GaussianProcessModel', () => {
  const rbf = '<RadialBasisKernel gamma="2" noiseVariance="0.5" lambda="1"/>';

  it('predicts kᵀ(K + σ²I)⁻¹y and its standard deviation for one training instance', () => {
    const model = load(FIELDS, gp(rbf, [[0, 0, 3]]));
    const k = 2 * Math.exp(-(1 + 4) / 2);
    const result = score(model, { x1: 1, x2: 2 });
    expectClose(result.y, (k * 3) / 2.5);
    expectClose(result.sd, Math.sqrt(2 - (k * k) / 2.5));
  });

  it('inverts the noisy kernel matrix of several training instances', () => {
    const model = load(FIELDS, gp(rbf, [[0, 0, 1], [1, 0, -2]]));
    const k12 = 2 * Math.exp(-0.5);
    const [a, b, c] = [2.5, k12, 2.5];
    const det = a * c - b * b;
    const inverse = [c / det, -b / det, -b / det, a / det];
    const k = [2 * Math.exp(-(0.25 + 1) / 2), 2 * Math.exp(-(0.25 + 1) / 2)];
    const alpha = [inverse[0] * 1 + inverse[1] * -2, inverse[2] * 1 + inverse[3] * -2];
    const variance = 2 - (k[0] * (inverse[0] * k[0] + inverse[1] * k[1]) + k[1] * (inverse[2] * k[0] + inverse[3] * k[1]));
    const result = score(model, { x1: 0.5, x2: 1 });
    expectClose(result.mean, k[0] * alpha[0] + k[1] * alpha[1]);
    expectClose(result.sd, Math.sqrt(variance));
  });

  it('nearly interpolates the training targets when the noise is small', () => {
    const kernel = '<ARDSquaredExponentialKernel gamma="1" noiseVariance="1E-10"><Lambda><Array n="2" type="real">1 1</Array></Lambda></ARDSquaredExponentialKernel>';
    const model = load(FIELDS, gp(kernel, [[0, 0, 1], [3, 0, 5], [0, 3, -1]]));
    const result = score(model, { x1: 3, x2: 0 });
    expectClose(result.y, 5, 1e-6);
    expectClose(result.sd, 0, 1e-4, 1e-4);
  });

  it('predicts a missing value when an input is missing', () => {
    const result = score(load(FIELDS, gp(rbf, [[0, 0, 3]])), { x1: null, x2: 2 });
    expect(result.y).toBeNull();
    expect(result.sd).toBeNull();
  });

  it('reports training rows without a number when the model loads', () => {
    const markup = gp(rbf, [[0, 0, 3]]).replace('<y>3</y>', '<y>three</y>');
    expect(() => load(FIELDS, markup)).toThrow(InvalidMarkupError);
  });

  it('scores as a segment of a MiningModel', () => {
    const inner = gp(rbf, [[0, 0, 3]]).replace(/<Output>[\s\S]*<\/Output>/, '');
    const markup = `<MiningModel functionName="regression">
      <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="y" usageType="target"/></MiningSchema>
      <Segmentation multipleModelMethod="selectFirst"><Segment id="only"><True/>${inner}</Segment></Segmentation>
    </MiningModel>`;
    const k = 2 * Math.exp(-(1 + 4) / 2);
    expectClose(score(load(FIELDS, markup), { x1: 1, x2: 2 }).y, (k * 3) / 2.5);
  });
});
