import { InvalidMarkupError, UndefinedResultError } from '../../../errors.js';
import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext } from '../context.js';
import { formatDouble, toNumber } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseGaussianProcessModel } from '../parse/gaussian-process-model.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { GaussianProcessKernel, GaussianProcessModel } from '../schema/gaussian-process-model.js';
import { MISSING } from '../values.js';

type Vector = Float64Array;
type Kernel = (x: Vector, z: Vector) => number;

/**
 * The kernel functions of PMML 4.4 Gaussian Process Models, without the noise term (which only the training
 * matrix carries):
 * RadialBasisKernel k(x, z) = γ·exp(−‖x − z‖² / (2λ²));
 * ARDSquaredExponentialKernel k(x, z) = γ·exp(−½·Σ (x_i − z_i)² / λ_i²);
 * AbsoluteExponentialKernel k(x, z) = γ·exp(−Σ |x_i − z_i| / λ_i);
 * GeneralizedExponentialKernel k(x, z) = γ·exp(−Σ |x_i − z_i|^degree / λ_i).
 */
export function compileGaussianKernel(kernel: GaussianProcessKernel, dimension: number): Kernel {
  const { gamma } = kernel;
  if (kernel.kind !== 'RadialBasisKernel' && kernel.Lambda.length !== dimension) {
    throw new InvalidMarkupError(
      `<Lambda> of <${kernel.kind}> has ${kernel.Lambda.length} values but the model has ${dimension} input fields (line ${kernel.line}).`,
      kernel.kind,
      kernel.line,
    );
  }
  switch (kernel.kind) {
    case 'RadialBasisKernel': {
      const scale = 2 * kernel.lambda * kernel.lambda;
      return (x, z) => {
        let sum = 0;
        for (let i = 0; i < x.length; i++) sum += (x[i] - z[i]) ** 2;
        return gamma * Math.exp(-sum / scale);
      };
    }
    case 'ARDSquaredExponentialKernel': {
      const lambda = kernel.Lambda;
      return (x, z) => {
        let sum = 0;
        for (let i = 0; i < x.length; i++) sum += ((x[i] - z[i]) / lambda[i]) ** 2;
        return gamma * Math.exp(-0.5 * sum);
      };
    }
    case 'AbsoluteExponentialKernel': {
      const lambda = kernel.Lambda;
      return (x, z) => {
        let sum = 0;
        for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - z[i]) / lambda[i];
        return gamma * Math.exp(-sum);
      };
    }
    case 'GeneralizedExponentialKernel': {
      const { Lambda: lambda, degree } = kernel;
      return (x, z) => {
        let sum = 0;
        for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - z[i]) ** degree / lambda[i];
        return gamma * Math.exp(-sum);
      };
    }
  }
}

/** Lower-triangular L with A = L·Lᵀ (row-major, n × n); `undefined` when A is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return l;
}

/** Solves L·y = b in place of a copy (forward substitution). */
function forward(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) y[i] -= l[i * n + k] * y[k];
    y[i] /= l[i * n + i];
  }
  return y;
}

/** Solves Lᵀ·x = y (backward substitution). */
function backward(l: Float64Array, n: number, y: Float64Array): Float64Array {
  const x = Float64Array.from(y);
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) x[i] -= l[k * n + i] * x[k];
    x[i] /= l[i * n + i];
  }
  return x;
}

function trainingData(model: GaussianProcessModel, inputs: readonly string[], target: string): { x: Vector[]; y: Float64Array } {
  const { InstanceFields, InlineTable, line } = model.TrainingInstances;
  const column = (field: string) => {
    const instance = InstanceFields.find((f) => f.field === field);
    if (instance === undefined) {
      throw new InvalidMarkupError(`<TrainingInstances> has no <InstanceField> for '${field}' (line ${line}).`, 'TrainingInstances', line);
    }
    return instance.column;
  };
  const cell = (row: ReadonlyMap<string, string>, name: string, index: number): number => {
    const value = Number(row.get(name));
    if (!Number.isFinite(value)) {
      throw new InvalidMarkupError(`Training instance ${index + 1} has no number in column '${name}' (line ${InlineTable.line}).`, 'InlineTable', InlineTable.line);
    }
    return value;
  };
  const inputColumns = inputs.map(column);
  const targetColumn = column(target);
  const rows = InlineTable.rows;
  if (rows.length === 0) throw new InvalidMarkupError(`<TrainingInstances> holds no instances (line ${line}).`, 'TrainingInstances', line);
  return {
    x: rows.map((row, r) => Float64Array.from(inputColumns, (c) => cell(row, c, r))),
    y: Float64Array.from(rows, (row, r) => cell(row, targetColumn, r)),
  };
}

export function compileGaussianProcessModel(model: GaussianProcessModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope, target } = mc;
  if (target.name === undefined) {
    throw new InvalidMarkupError(`<GaussianProcessModel> has no target field in its <MiningSchema> (line ${model.line}).`, model.element, model.line);
  }
  const inputs = model.TrainingInstances.InstanceFields.filter((f) => f.field !== target.name);
  const readers = inputs.map((f) => env.resolve(scope, f.field, 'InstanceField', f.line).get);
  const { x, y } = trainingData(
    model,
    inputs.map((f) => f.field),
    target.name,
  );
  const n = x.length;
  const kernel = compileGaussianKernel(model.kernel, inputs.length);
  // PMML 4.4 Gaussian Process Models: the predictive mean μ(x|D) = kᵀ(K + σ²I)⁻¹y and variance
  // σ²(x|D) = k(x, x) − kᵀ(K + σ²I)⁻¹k, σ² being the noise variance. K + σ²I is factorised once, at load.
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const value = kernel(x[i], x[j]) + (i === j ? model.kernel.noiseVariance : 0);
      matrix[i * n + j] = value;
      matrix[j * n + i] = value;
    }
  }
  const l = cholesky(matrix, n);
  if (l === undefined) {
    throw new InvalidMarkupError(
      `The kernel matrix of <GaussianProcessModel> over its ${n} training instances is not positive definite (line ${model.line}).`,
      model.element,
      model.line,
    );
  }
  const alpha = backward(l, n, forward(l, n, y));
  const dataType = target.dataType === 'float' ? 'float' : 'double';
  return (ctx) => {
    const point = new Float64Array(readers.length);
    for (let i = 0; i < readers.length; i++) {
      const value = readers[i](ctx);
      if (value === MISSING) return MISSING_PREDICTION;
      point[i] = toNumber(value);
    }
    const k = Float64Array.from(x, (xi) => kernel(xi, point));
    let mean = 0;
    for (let i = 0; i < n; i++) mean += k[i] * alpha[i];
    const v = forward(l, n, k);
    let explained = 0;
    for (let i = 0; i < n; i++) explained += v[i] * v[i];
    const variance = kernel(point, point) - explained;
    if (variance < -1e-9 * Math.abs(kernel(point, point))) {
      throw new UndefinedResultError(`The predictive variance of the Gaussian process is negative (${variance}).`);
    }
    return {
      value: { dataType, value: dataType === 'float' ? Math.fround(mean) : mean },
      extras: { standardDeviation: Math.sqrt(Math.max(variance, 0)) },
    };
  };
}

function kernelText(kernel: GaussianProcessKernel): string {
  const lambda = kernel.kind === 'RadialBasisKernel' ? formatDouble(kernel.lambda) : kernel.Lambda.map(formatDouble).join(', ');
  const degree = kernel.kind === 'GeneralizedExponentialKernel' ? `, degree ${formatDouble(kernel.degree)}` : '';
  return `${kernel.kind} (γ ${formatDouble(kernel.gamma)}, noise variance ${formatDouble(kernel.noiseVariance)}, λ ${lambda}${degree})`;
}

export function describeGaussianProcessModel(model: GaussianProcessModel): ModelStructure {
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Kernel', value: kernelText(model.kernel) },
      { label: 'Training instances', value: String(model.TrainingInstances.InlineTable.rows.length) },
      { label: 'Instance fields', value: model.TrainingInstances.InstanceFields.map((f) => f.field).join(', ') },
      ...(model.optimizer === undefined ? [] : [{ label: 'Optimizer', value: model.optimizer }]),
    ],
  };
}

export const gaussianProcessModelKind: ModelKind<GaussianProcessModel> = {
  element: 'GaussianProcessModel',
  parse: parseGaussianProcessModel,
  compile: compileGaussianProcessModel,
  describe: describeGaussianProcessModel,
};
