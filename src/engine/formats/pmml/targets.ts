import type { MathContext, TargetInfo } from './model-kind.js';
import { toNumber, type ValueKey } from './convert.js';
import { looseValue } from './expressions.js';
import { classificationResult, type Prediction } from './prediction.js';
import type { Target } from './schema/mining-schema.js';
import type { ModelElement } from './schema/model.js';
import { MISSING } from './values.js';

export function targetFor(model: ModelElement, target: TargetInfo): Target | undefined {
  const targets = model.Targets?.Target ?? [];
  return targets.find((t) => t.field !== undefined && t.field === target.name) ?? targets.find((t) => t.field === undefined);
}

/**
 * PMML 4.4 Targets: post-processing of a model's raw prediction — clamping, rescaling, integer casting and
 * default values for regression; priors and display values for classification. `undefined` when there is
 * nothing to do, so that the pipeline skips the step.
 */
export function compileTargets(
  model: ModelElement,
  target: TargetInfo,
  math: MathContext,
  isAffineTaken = false,
): ((p: Prediction) => Prediction) | undefined {
  const spec = targetFor(model, target);
  const round = math.round;
  if (model.functionName === 'regression') {
    const resultType = math.isFloat ? 'float' : target.dataType === 'float' ? 'float' : 'double';
    if (spec === undefined) {
      // Double results need nothing; float results are rounded once more in case the evaluator computed in double.
      if (resultType === 'double') return undefined;
      return (p) => {
        const v = p.value;
        if (v === MISSING || typeof v.value !== 'number') return p;
        return v.dataType === resultType && round(v.value) === v.value ? p : { ...p, value: { dataType: resultType, value: round(v.value) } };
      };
    }
    const { min, max, castInteger } = spec;
    const rescaleFactor = isAffineTaken ? 1 : spec.rescaleFactor;
    const rescaleConstant = isAffineTaken ? 0 : spec.rescaleConstant;
    const defaultValue = spec.TargetValue.find((v) => v.defaultValue !== undefined)?.defaultValue;
    return (p) => {
      if (p.value === MISSING) {
        // PMML 4.4 TargetValue: defaultValue: … the predicted value when the model cannot produce a prediction.
        return defaultValue === undefined ? p : { ...p, value: { dataType: resultType, value: defaultValue } };
      }
      let x = toNumber(p.value);
      // PMML 4.4 Target: min and max are applied before rescaleFactor and rescaleConstant.
      if (min !== undefined && x < min) x = min;
      if (max !== undefined && x > max) x = max;
      if (rescaleFactor !== 1) x = round(x * rescaleFactor);
      if (rescaleConstant !== 0) x = round(x + rescaleConstant);
      if (castInteger === 'round') x = Math.round(x);
      else if (castInteger === 'ceiling') x = Math.ceil(x);
      else if (castInteger === 'floor') x = Math.floor(x);
      return { ...p, value: { dataType: castInteger === undefined ? resultType : 'integer', value: round(x) } };
    };
  }
  if (spec === undefined) return undefined;
  const priors = new Map<ValueKey, number>();
  const display = new Map<ValueKey, string>();
  for (const tv of spec.TargetValue) {
    if (tv.value === undefined) continue;
    const key = looseValue(tv.value, target.dataType).value;
    if (tv.priorProbability !== undefined) priors.set(key, tv.priorProbability);
    if (tv.displayValue !== undefined) display.set(key, tv.displayValue);
  }
  return (p) => {
    // PMML 4.4 TargetValue: priorProbability … is used when the model cannot compute a prediction.
    const result = p.value === MISSING && priors.size > 0 ? classificationResult(new Map(priors), target.dataType) : p;
    if (display.size === 0 || result.value === MISSING) return result;
    const shown = display.get(result.value.value);
    return shown === undefined ? result : { ...result, displayValue: shown };
  };
}
