import { InvalidMarkupError, MissingValueError, UndefinedResultError } from '../../../errors.js';
import type { EvaluationContext } from '../context.js';
import { formatDouble, toNumber, valuesEqual, type ValueKey } from '../convert.js';
import type { ModelStructure } from '../../../model/description.js';
import { looseValue } from '../expressions.js';
import type { MathContext, ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseSupportVectorMachineModel } from '../parse/support-vector-machine-model.js';
import type { Prediction } from '../prediction.js';
import type { KernelType, SupportVectorMachine, SupportVectorMachineModel } from '../schema/support-vector-machine-model.js';
import { MISSING } from '../values.js';
import { accurateExp } from './accurate-exp.js';

type Vector = Float64Array;
type Kernel = (x: Vector, v: Vector) => number;
/** One SupportVectorMachine compiled to its decision function f(x). */
type DecisionFunction = (x: Vector) => number;

/**
 * PMML 4.4 SVM kernel functions. `r` rounds every operation under `x-mathContext="float"`, as jpmml's float
 * arithmetic does.
 */
export function compileKernel(kernel: KernelType, math: MathContext): Kernel {
  const r = math.round;
  const dot = (x: Vector, v: Vector): number => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum = r(sum + r(x[i] * v[i]));
    return sum;
  };
  switch (kernel.kind) {
    // "LinearKernelType: K(x,y) = <x,y>"
    case 'linear':
      return dot;
    // "PolynomialKernelType: K(x,y) = (gamma*<x,y> + coef0)^degree"
    case 'polynomial': {
      const { gamma, coef0, degree } = kernel;
      return (x, v) => r(Math.pow(r(r(gamma * dot(x, v)) + coef0), degree));
    }
    // "RadialBasisKernelType: K(x,y) = exp(-gamma*||x - y||^2)". Correctly rounded exp in double precision, as the C
    // libraries of LibSVM, scikit-learn and R compute it: their decision sums often cancel to a small value.
    case 'radialBasis': {
      const { gamma } = kernel;
      if (!math.isFloat) {
        // The double-precision loop without rounding calls: the hot path of kernel models.
        return (x, v) => {
          let sum = 0;
          for (let i = 0; i < x.length; i++) {
            const d = x[i] - v[i];
            sum += d * d;
          }
          return accurateExp(-sum * gamma);
        };
      }
      return (x, v) => {
        let sum = 0;
        for (let i = 0; i < x.length; i++) {
          const d = r(x[i] - v[i]);
          sum = r(sum + r(d * d));
        }
        return r(Math.exp(r(-sum * gamma)));
      };
    }
    // "SigmoidKernelType: K(x,y) = tanh(gamma*<x,y> + coef0)"
    case 'sigmoid': {
      const { gamma, coef0 } = kernel;
      return (x, v) => r(Math.tanh(r(r(gamma * dot(x, v)) + coef0)));
    }
  }
}

/** Reads the VectorFields of a record into one input vector x; a missing field fails the record (jpmml). */
function compileInput(model: SupportVectorMachineModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Vector {
  const { env, scope, math } = mc;
  const readers = model.VectorDictionary.VectorFields.map((field): ((ctx: EvaluationContext) => number) => {
    if (field.kind === 'FieldRef') {
      const get = env.resolve(scope, field.field, 'FieldRef', field.line).get;
      return (ctx) => {
        const value = get(ctx);
        if (value === MISSING) throw new MissingValueError(`Field '${field.field}' is missing, but the support vector machine needs it.`, field.field);
        return math.round(toNumber(value));
      };
    }
    const binding = env.resolve(scope, field.name, 'CategoricalPredictor', field.line);
    const category = looseValue(field.value, binding.dataType);
    const coefficient = field.coefficient;
    // PMML 4.4 VectorFields: a CategoricalPredictor "is 1 if the field has the given value, 0 otherwise" (times its coefficient).
    return (ctx) => {
      const value = binding.get(ctx);
      if (value === MISSING) throw new MissingValueError(`Field '${field.name}' is missing, but the support vector machine needs it.`, field.name);
      return valuesEqual(value, category) ? coefficient : 0;
    };
  });
  return (ctx) => {
    const x = new Float64Array(readers.length);
    for (let i = 0; i < readers.length; i++) x[i] = readers[i](ctx);
    return x;
  };
}

function compileMachine(machine: SupportVectorMachine, model: SupportVectorMachineModel, vectors: ReadonlyMap<string, Vector>, kernel: Kernel, mc: ModelCompileContext): DecisionFunction {
  const r = mc.math.round;
  const coefficients = machine.Coefficients.Coefficient.map(r);
  const b = r(machine.Coefficients.absoluteValue);
  if (model.svmRepresentation === 'Coefficients') {
    // PMML 4.4 SVM: "svmRepresentation Coefficients … for a linear kernel, one coefficient per VectorField: f(x) = Σ c_i·x_i + b".
    const size = model.VectorDictionary.VectorFields.length;
    if (coefficients.length !== size) {
      throw new InvalidMarkupError(
        `<SupportVectorMachine> has ${coefficients.length} coefficients but <VectorFields> declares ${size} fields (line ${machine.line}).`,
        'SupportVectorMachine',
        machine.line,
      );
    }
    return (x) => {
      let sum = 0;
      for (let i = 0; i < size; i++) sum = r(sum + r(coefficients[i] * x[i]));
      return r(sum + b);
    };
  }
  if (coefficients.length !== machine.SupportVectors.length) {
    throw new InvalidMarkupError(
      `<SupportVectorMachine> has ${machine.SupportVectors.length} support vectors but ${coefficients.length} coefficients (line ${machine.line}).`,
      'SupportVectorMachine',
      machine.line,
    );
  }
  const support = machine.SupportVectors.map((id) => {
    const vector = vectors.get(id);
    if (vector === undefined) {
      throw new InvalidMarkupError(`<SupportVector> refers to vector '${id}', which <VectorDictionary> does not hold (line ${machine.line}).`, 'SupportVector', machine.line);
    }
    return vector;
  });
  // PMML 4.4 SVM: "f(x) = Sum_(i=1)^n αi*K(x,xi) + b", b being Coefficients@absoluteValue.
  return (x) => {
    let sum = 0;
    for (let i = 0; i < support.length; i++) sum = r(sum + r(coefficients[i] * kernel(x, support[i])));
    return r(sum + b);
  };
}

/**
 * The classification method: the attribute when present; otherwise inferred as jpmml does, because older
 * producers omit it: `alternateBinaryTargetCategory` or `alternateTargetCategory` mean OneAgainstOne.
 */
function classificationMethod(model: SupportVectorMachineModel): 'OneAgainstAll' | 'OneAgainstOne' {
  if (model.classificationMethod !== undefined) return model.classificationMethod;
  if (model.alternateBinaryTargetCategory !== undefined) return 'OneAgainstOne';
  return model.SupportVectorMachine.some((m) => m.alternateTargetCategory !== undefined) ? 'OneAgainstOne' : 'OneAgainstAll';
}

function requireCategory(machine: SupportVectorMachine, attribute: 'targetCategory' | 'alternateTargetCategory'): string {
  const category = machine[attribute];
  if (category === undefined) {
    throw new InvalidMarkupError(
      `<SupportVectorMachine> of a classification model has no '${attribute}' attribute (line ${machine.line}).`,
      'SupportVectorMachine',
      machine.line,
    );
  }
  return category;
}

export function compileSupportVectorMachineModel(model: SupportVectorMachineModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { target, math } = mc;
  const r = math.round;
  if (model.svmRepresentation === 'Coefficients' && model.kernel.kind !== 'linear') {
    mc.env.unsupportedFeature(
      'SupportVectorMachineModel',
      model.line,
      `svmRepresentation 'Coefficients' needs a linear kernel, but this model uses '${model.kernel.kind}' (line ${model.line}).`,
      'svmRepresentation',
      'Coefficients',
    );
  }
  const vectors = new Map<string, Vector>();
  for (const instance of model.VectorDictionary.VectorInstance) vectors.set(instance.id, Float64Array.from(instance.values, r));
  const kernel = compileKernel(model.kernel, math);
  const input = compileInput(model, mc);
  const machines = model.SupportVectorMachine.map((m) => ({ machine: m, f: compileMachine(m, model, vectors, kernel, mc) }));
  if (machines.length === 0) {
    throw new InvalidMarkupError(`<SupportVectorMachineModel> has no <SupportVectorMachine> (line ${model.line}).`, model.element, model.line);
  }

  if (model.functionName === 'regression') {
    const f = machines[0].f;
    return (ctx) => {
      const value = f(input(ctx));
      const prediction: Prediction = { value: { dataType: math.dataType, value } };
      return ctx.trace === undefined ? prediction : { ...prediction, explanation: { machines: [{ decision: value }] } };
    };
  }

  const key = (category: string): ValueKey => looseValue(category, target.dataType).value;
  const maxWins = model.maxWins;
  if (classificationMethod(model) === 'OneAgainstAll') {
    const categories = machines.map(({ machine }) => key(requireCategory(machine, 'targetCategory')));
    // PMML 4.4 SVM: "Depending on the model attribute maxWins, the SVM with the largest or the smallest value determines the predicted class label."
    return (ctx) => {
      const x = input(ctx);
      let best: ValueKey | undefined;
      let bestValue = 0;
      const decisions = machines.map(({ f }, i) => {
        const value = f(x);
        if (best === undefined || (maxWins ? value > bestValue : value < bestValue)) {
          best = categories[i];
          bestValue = value;
        }
        return value;
      });
      const prediction: Prediction = { value: best === undefined ? MISSING : { dataType: target.dataType, value: best } };
      if (ctx.trace === undefined) return prediction;
      return { ...prediction, explanation: { machines: decisions.map((decision, i) => ({ decision, vote: String(categories[i]) })) } };
    };
  }

  const binary = model.alternateBinaryTargetCategory;
  const voters = machines.map(({ machine, f }) => {
    const first = key(requireCategory(machine, 'targetCategory'));
    if (binary !== undefined) {
      const alternate = key(binary);
      // PMML 4.4 SVM: "A rounded value of 1 corresponds to the targetCategory …, a rounded value of 0 to the alternateBinaryTargetCategory".
      return { f, decide: (value: number): ValueKey => {
        const rounded = Math.round(value);
        if (rounded === 1) return first;
        if (rounded === 0) return alternate;
        throw new UndefinedResultError(`The binary support vector machine (line ${machine.line}) predicted ${value}, which does not round to 0 or 1.`);
      } };
    }
    const second = key(requireCategory(machine, 'alternateTargetCategory'));
    const threshold = machine.threshold ?? model.threshold;
    // PMML 4.4 SVM: "If maxWins is true and the prediction is larger than the threshold or maxWins is false and the prediction
    // is smaller than the threshold, the class label is the targetCategory attribute, otherwise, it is the alternateTargetCategory".
    return { f, decide: (value: number): ValueKey => ((maxWins ? value > threshold : value < threshold) ? first : second) };
  });
  // "The predicted class label is determined based on a voting scheme in which the category with the maximum number of votes
  // wins. In case of a tie, the predicted class label is the first category with maximal number of votes."
  return (ctx) => {
    const x = input(ctx);
    const votes = new Map<ValueKey, number>();
    const ballots = voters.map(({ f, decide }) => {
      const decision = f(x);
      const label = decide(decision);
      votes.set(label, (votes.get(label) ?? 0) + 1);
      return { decision, vote: String(label) };
    });
    let best: ValueKey | undefined;
    let bestVotes = 0;
    for (const [label, count] of votes) {
      if (count > bestVotes) {
        best = label;
        bestVotes = count;
      }
    }
    const probabilities = new Map<ValueKey, number>();
    for (const [label, count] of votes) probabilities.set(label, count / voters.length);
    const prediction: Prediction = { value: best === undefined ? MISSING : { dataType: target.dataType, value: best }, probabilities };
    return ctx.trace === undefined ? prediction : { ...prediction, explanation: { machines: ballots } };
  };
}

function kernelText(kernel: KernelType): string {
  switch (kernel.kind) {
    case 'linear':
      return 'linear: ⟨x, v⟩';
    case 'polynomial':
      return `polynomial: (${formatDouble(kernel.gamma)}·⟨x, v⟩ + ${formatDouble(kernel.coef0)})^${formatDouble(kernel.degree)}`;
    case 'radialBasis':
      return `radial basis: exp(−${formatDouble(kernel.gamma)}·‖x − v‖²)`;
    case 'sigmoid':
      return `sigmoid: tanh(${formatDouble(kernel.gamma)}·⟨x, v⟩ + ${formatDouble(kernel.coef0)})`;
  }
}

/** The generic summary view: kernel, voting scheme, machines and the size of the vector dictionary. */
export function describeSupportVectorMachine(model: SupportVectorMachineModel): ModelStructure {
  const fields = model.VectorDictionary.VectorFields.map((f) => (f.kind === 'FieldRef' ? f.field : `${f.name}=${f.value}`));
  const summary = [
    { label: 'Kernel', value: kernelText(model.kernel) },
    { label: 'Representation', value: model.svmRepresentation },
    { label: 'Support vectors', value: String(model.VectorDictionary.VectorInstance.length) },
    { label: 'Vector fields', value: fields.join(', ') },
    { label: 'Machines', value: String(model.SupportVectorMachine.length) },
  ];
  if (model.functionName === 'classification') {
    summary.splice(2, 0, { label: 'Classification', value: `${classificationMethod(model)}${model.maxWins ? ' (max wins)' : ''}` });
    const pairs = model.SupportVectorMachine.map((m) =>
      m.alternateTargetCategory === undefined ? (m.targetCategory ?? '?') : `${m.targetCategory ?? '?'} vs ${m.alternateTargetCategory}`,
    );
    summary.push({ label: 'Categories', value: pairs.join('; ') });
  }
  const isClassification = model.functionName === 'classification';
  const method = isClassification ? classificationMethod(model) : undefined;
  const svm = {
    functionName: isClassification ? ('classification' as const) : ('regression' as const),
    kernel: kernelText(model.kernel),
    ...(method === undefined ? {} : { classificationMethod: method }),
    maxWins: model.maxWins,
    vectorFields: fields,
    vectorCount: model.VectorDictionary.VectorInstance.length,
    machines: model.SupportVectorMachine.map((m) => ({
      ...(m.targetCategory === undefined ? {} : { targetCategory: m.targetCategory }),
      ...((m.alternateTargetCategory ?? model.alternateBinaryTargetCategory) === undefined ? {} : { alternateCategory: m.alternateTargetCategory ?? model.alternateBinaryTargetCategory }),
      supportVectorCount: model.svmRepresentation === 'Coefficients' ? 0 : m.SupportVectors.length,
      bias: m.Coefficients.absoluteValue,
      ...(method === 'OneAgainstOne' && model.alternateBinaryTargetCategory === undefined ? { threshold: m.threshold ?? model.threshold } : {}),
    })),
  };
  return { kind: 'other', element: model.element, summary, svm };
}

export const supportVectorMachineModelKind: ModelKind<SupportVectorMachineModel> = {
  element: 'SupportVectorMachineModel',
  parse: parseSupportVectorMachineModel,
  compile: compileSupportVectorMachineModel,
  describe: describeSupportVectorMachine,
};
