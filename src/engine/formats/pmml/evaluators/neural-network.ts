import { InvalidMarkupError } from '../../../errors.js';
import type { ModelStructure, NeuralLayerSpec } from '../../../model/description.js';
import type { EvaluationContext, Expr } from '../context.js';
import { toNumber, type ValueKey } from '../convert.js';
import { expressionText } from '../describe-models.js';
import { compileDerivedValue, looseValue } from '../expressions.js';
import type { MathContext, ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseNeuralNetwork } from '../parse/neural-network.js';
import { classificationResult, MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { ActivationFunction, NeuralLayer, NeuralNetwork, NeuralNormalizationMethod, NeuralOutput } from '../schema/neural-network.js';
import type { Expression, LinearNorm } from '../schema/transformations.js';
import { MISSING } from '../values.js';
import { normalizeInPlace } from './layer-normalization.js';

/**
 * PMML 4.4 NeuralNetwork activation functions applied to Z = Sum(w_i · x_i) + bias. `threshold` is the layer's
 * (or network's) threshold; `r` rounds under `x-mathContext="float"`.
 */
export function activation(fn: Exclude<ActivationFunction, 'radialBasis'>, threshold: number, r: (x: number) => number): (z: number) => number {
  switch (fn) {
    // "threshold: 1 if Z > threshold, 0 otherwise"
    case 'threshold':
      return (z) => (z > threshold ? 1 : 0);
    // "logistic: 1/(1+exp(-Z))"
    case 'logistic':
      return (z) => r(1 / r(1 + r(Math.exp(-z))));
    case 'tanh':
      return (z) => r(Math.tanh(z));
    case 'identity':
      return (z) => z;
    case 'exponential':
      return (z) => r(Math.exp(z));
    // "reciprocal: 1/Z"
    case 'reciprocal':
      return (z) => r(1 / z);
    case 'square':
      return (z) => r(z * z);
    // "Gauss: exp(-(Z*Z))"
    case 'Gauss':
      return (z) => r(Math.exp(-r(z * z)));
    case 'sine':
      return (z) => r(Math.sin(z));
    case 'cosine':
      return (z) => r(Math.cos(z));
    // "Elliott: Z/(1+|Z|)"
    case 'Elliott':
      return (z) => r(z / r(1 + Math.abs(z)));
    // "arctan: 2 * arctan(Z)/Pi"
    case 'arctan':
      return (z) => r(r(2 * r(Math.atan(z))) / Math.PI);
    // "rectifier: max(0, Z)"
    case 'rectifier':
      return (z) => (z > 0 ? z : 0);
  }
}

/** One neuron compiled to slot indices: its inputs, weights and the slot its output goes to. */
interface CompiledNeuron {
  readonly slot: number;
  readonly from: Int32Array;
  readonly weights: Float64Array;
  readonly bias: number;
  /** radialBasis only: 2·width² and fan-in · ln(altitude). */
  readonly denominator: number;
  readonly altitudeTerm: number;
}

interface CompiledLayer {
  readonly neurons: readonly CompiledNeuron[];
  /** `undefined` for radialBasis, whose neurons compute their own output. */
  readonly activate?: (z: number) => number;
  readonly normalization: NeuralNormalizationMethod;
}

function compileLayers(model: NeuralNetwork, slots: Map<string, number>, math: MathContext): CompiledLayer[] {
  const r = math.round;
  return model.NeuralLayer.map((layer: NeuralLayer) => {
    const fn = layer.activationFunction ?? model.activationFunction;
    const width = layer.width ?? model.width;
    const altitude = layer.altitude ?? model.altitude;
    const neurons = layer.Neuron.map((neuron): CompiledNeuron => {
      const from = Int32Array.from(neuron.Con, (c) => {
        const slot = slots.get(c.from);
        if (slot === undefined) {
          throw new InvalidMarkupError(
            `<Con> of neuron '${neuron.id}' comes from '${c.from}', which is no NeuralInput or neuron of an earlier layer (line ${c.line}).`,
            'Con',
            c.line,
          );
        }
        return slot;
      });
      let denominator = 1;
      let altitudeTerm = 0;
      if (fn === 'radialBasis') {
        const w = neuron.width ?? width;
        if (w === undefined) {
          throw new InvalidMarkupError(
            `Neuron '${neuron.id}' uses the radialBasis activation but neither it, its layer nor the network sets 'width' (line ${neuron.line}).`,
            'Neuron',
            neuron.line,
          );
        }
        const a = neuron.altitude ?? altitude;
        denominator = r(r(w * w) * 2);
        // PMML 4.4 NeuralNetwork radialBasis: "output = exp(f * log(altitude) - Z)", f being the neuron's fan-in.
        altitudeTerm = a === 1 ? 0 : r(r(Math.log(a)) * neuron.Con.length);
      }
      const compiled: CompiledNeuron = {
        slot: slots.size,
        from,
        weights: Float64Array.from(neuron.Con, (c) => r(c.weight)),
        bias: r(neuron.bias ?? 0),
        denominator,
        altitudeTerm,
      };
      slots.set(neuron.id, compiled.slot);
      return compiled;
    });
    return {
      neurons,
      activate: fn === 'radialBasis' ? undefined : activation(fn, layer.threshold ?? model.threshold, r),
      normalization: layer.normalizationMethod ?? model.normalizationMethod,
    };
  });
}

/** Runs the layers over `values` (inputs already in their slots); every neuron writes its output to its slot. */
function propagate(layers: readonly CompiledLayer[], values: Float64Array, r: (x: number) => number): void {
  for (const layer of layers) {
    const outputs = new Float64Array(layer.neurons.length);
    layer.neurons.forEach((neuron, k) => {
      const { from, weights } = neuron;
      let z = 0;
      if (layer.activate === undefined) {
        // PMML 4.4 radialBasis: "Z = Sum[i]((x_i - w_i)^2) / (2 * width^2)"; the bias is not used.
        for (let i = 0; i < from.length; i++) {
          const d = r(values[from[i]] - weights[i]);
          z = r(z + r(d * d));
        }
        outputs[k] = r(Math.exp(r(r(-z / neuron.denominator) + neuron.altitudeTerm)));
      } else {
        for (let i = 0; i < from.length; i++) z = r(z + r(weights[i] * values[from[i]]));
        outputs[k] = layer.activate(r(z + neuron.bias));
      }
    });
    // PMML 4.4 NeuralLayer@normalizationMethod: applied to the outputs of all neurons of the layer.
    normalizeInPlace(outputs, layer.normalization, r);
    layer.neurons.forEach((neuron, k) => (values[neuron.slot] = outputs[k]));
  }
}

/**
 * The inverse of NormContinuous, mapping an output neuron's value back to the target's scale (jpmml
 * `NormalizationUtil.denormalize`): the segment is found by norm values, and values beyond the ends extrapolate.
 */
export function denormalize(points: readonly LinearNorm[], y: number, r: (x: number) => number): number {
  const sorted = [...points].sort((a, b) => a.orig - b.orig);
  let start = 0;
  for (let i = 1; i < sorted.length - 1 && y >= sorted[i].norm; i++) start = i;
  const a = sorted[start];
  const b = sorted[start + 1] ?? a;
  return r(r(r(r(y - a.norm) / r(b.norm - a.norm)) * r(b.orig - a.orig)) + a.orig);
}

/**
 * The expression that maps an output neuron to its target. A FieldRef to a LocalTransformations DerivedField
 * stands for that field's expression (older producers normalise the target there), as in jpmml.
 */
function outputExpression(output: NeuralOutput, model: NeuralNetwork): Expression {
  const e = output.DerivedField.expression;
  if (e.kind !== 'FieldRef') return e;
  return model.LocalTransformations?.DerivedField.find((f) => f.name === e.field)?.expression ?? e;
}

/** The target a NeuralOutput feeds, read from its expression (FieldRef, NormContinuous or NormDiscrete). */
function outputTarget(output: NeuralOutput, model: NeuralNetwork): string | undefined {
  const e = outputExpression(output, model);
  return e.kind === 'FieldRef' || e.kind === 'NormContinuous' || e.kind === 'NormDiscrete' ? e.field : undefined;
}

export function compileNeuralNetwork(model: NeuralNetwork, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope, target, math } = mc;
  const r = math.round;
  const slots = new Map<string, number>();
  const inputs: Expr[] = model.NeuralInputs.map((input) => {
    slots.set(input.id, slots.size);
    const field = input.DerivedField;
    return compileDerivedValue(field.expression, field.dataType, scope, env);
  });
  const inputCount = inputs.length;
  const layers = compileLayers(model, slots, math);
  const size = slots.size;
  const slotOf = (output: NeuralOutput): number => {
    const slot = slots.get(output.outputNeuron);
    if (slot === undefined || slot < inputCount) {
      throw new InvalidMarkupError(`<NeuralOutput> refers to neuron '${output.outputNeuron}', which no NeuralLayer holds (line ${output.line}).`, 'NeuralOutput', output.line);
    }
    return slot;
  };

  /** Traced evaluations only: every input's and neuron's value by id, for the live network view. */
  const explain = (prediction: Prediction, values: Float64Array): Prediction => ({
    ...prediction,
    explanation: { activations: new Map([...slots].map(([id, slot]) => [id, values[slot]])) },
  });

  /** Scores the network; `undefined` when an input is missing (then Targets supply a default, as in jpmml). */
  const run = (ctx: EvaluationContext): Float64Array | undefined => {
    const values = new Float64Array(size);
    for (let i = 0; i < inputCount; i++) {
      const value = inputs[i](ctx);
      if (value === MISSING) return undefined;
      values[i] = r(toNumber(value));
    }
    propagate(layers, values, r);
    return values;
  };

  if (model.functionName === 'regression') {
    const targetNames = model.MiningSchema.MiningField.filter((f) => f.usageType === 'target' || f.usageType === 'predicted').map((f) => f.name);
    const names = targetNames.length > 0 ? targetNames : [target.name ?? ''];
    const readers = names.map((name) => {
      const output = model.NeuralOutputs.find((o) => outputTarget(o, model) === name) ?? (names.length === 1 ? model.NeuralOutputs[0] : undefined);
      if (output === undefined) {
        throw new InvalidMarkupError(`<NeuralNetwork> has no <NeuralOutput> for target '${name}' (line ${model.line}).`, model.element, model.line);
      }
      const slot = slotOf(output);
      const expression = outputExpression(output, model);
      if (expression.kind === 'NormContinuous') {
        const points = expression.LinearNorm;
        return { name, read: (values: Float64Array) => denormalize(points, values[slot], r) };
      }
      if (expression.kind !== 'FieldRef') {
        env.unsupportedFeature(
          'NeuralOutput',
          output.line,
          `<NeuralOutput> of a regression network maps its neuron through <${expression.kind}>; only FieldRef and NormContinuous are supported (line ${output.line}).`,
        );
      }
      return { name, read: (values: Float64Array) => values[slot] };
    });
    return (ctx) => {
      const values = run(ctx);
      if (values === undefined) return MISSING_PREDICTION;
      const predictions = readers.map(({ read }): Prediction => ({ value: { dataType: math.dataType, value: read(values) } }));
      const prediction = readers.length === 1 ? predictions[0] : { ...predictions[0], targets: new Map(readers.map(({ name }, i) => [name, predictions[i]])) };
      return ctx.trace === undefined ? prediction : explain(prediction, values);
    };
  }

  const categories = model.NeuralOutputs.map((output) => {
    const expression = outputExpression(output, model);
    if (expression.kind !== 'NormDiscrete') {
      throw new InvalidMarkupError(
        `<NeuralOutput> of a classification network must map its neuron with <NormDiscrete>, not <${expression.kind}> (line ${output.line}).`,
        'NeuralOutput',
        output.line,
      );
    }
    return { key: looseValue(expression.value, target.dataType).value, slot: slotOf(output), neuron: output.outputNeuron };
  });
  // PMML 4.4 NeuralNetwork: "the probability of a category is the value of the output neuron that NormDiscrete maps it to".
  return (ctx) => {
    const values = run(ctx);
    if (values === undefined) return MISSING_PREDICTION;
    const probabilities = new Map<ValueKey, number>();
    const neurons = new Map<ValueKey, string>();
    for (const { key, slot, neuron } of categories) {
      probabilities.set(key, values[slot]);
      neurons.set(key, neuron);
    }
    const result = classificationResult(probabilities, target.dataType);
    const prediction = result.value === MISSING ? result : { ...result, entityId: neurons.get(result.value.value) };
    return ctx.trace === undefined ? prediction : explain(prediction, values);
  };
}

/** What a NeuralOutput predicts, as text: the target, or `target=category` for a class output. */
function outputLabel(output: NeuralOutput, model: NeuralNetwork): string {
  const e = outputExpression(output, model);
  return e.kind === 'NormDiscrete' ? `${e.field}=${e.value}` : (outputTarget(output, model) ?? output.outputNeuron);
}

/** The summary for the generic view, and the layers (inputs first) for a view that draws the network. */
export function describeNeuralNetwork(model: NeuralNetwork): ModelStructure {
  const outputLabels = new Map(model.NeuralOutputs.map((o) => [o.outputNeuron, outputLabel(o, model)]));
  const last = model.NeuralLayer.length - 1;
  const layers: NeuralLayerSpec[] = [
    {
      label: 'Inputs',
      neurons: model.NeuralInputs.map((input) => ({ id: input.id, label: expressionText(input.DerivedField.expression), inputs: [] })),
    },
    ...model.NeuralLayer.map((layer, i): NeuralLayerSpec => {
      const normalization = layer.normalizationMethod ?? model.normalizationMethod;
      return {
        label: i === last ? 'Output layer' : `Hidden layer ${i + 1}`,
        activation: layer.activationFunction ?? model.activationFunction,
        normalization: normalization === 'none' ? undefined : normalization,
        neurons: layer.Neuron.map((n) => ({
          id: n.id,
          label: outputLabels.get(n.id),
          bias: n.bias,
          inputs: n.Con.map((c) => ({ from: c.from, weight: c.weight })),
        })),
      };
    }),
  ];
  const connections = model.NeuralLayer.reduce((sum, layer) => sum + layer.Neuron.reduce((s, n) => s + n.Con.length, 0), 0);
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Inputs', value: String(model.NeuralInputs.length) },
      ...layers.slice(1).map((layer) => ({
        label: layer.label,
        value: `${layer.neurons.length} × ${layer.activation ?? ''}${layer.normalization === undefined ? '' : `, ${layer.normalization}`}`,
      })),
      { label: 'Connections', value: String(connections) },
      { label: 'Outputs', value: model.NeuralOutputs.map((o) => outputLabel(o, model)).join(', ') },
    ],
    layers,
  };
}

export const neuralNetworkKind: ModelKind<NeuralNetwork> = {
  element: 'NeuralNetwork',
  parse: parseNeuralNetwork,
  compile: compileNeuralNetwork,
  describe: describeNeuralNetwork,
};
