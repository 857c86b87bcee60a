import type { ModelStructure } from '../../../model/description.js';
import { UndefinedResultError } from '../../../errors.js';
import { expressionText, predicateText } from '../describe-models.js';
import type { EvaluationContext, Expr } from '../context.js';
import { toNumber } from '../convert.js';
import { compileExpression } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseScorecard } from '../parse/scorecard.js';
import { compilePredicate, type CompiledPredicate } from '../predicates.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { Characteristic, Scorecard } from '../schema/scorecard.js';
import { MISSING } from '../values.js';

interface CompiledAttribute {
  readonly test: CompiledPredicate;
  /** The partial score, or `undefined` when a ComplexPartialScore evaluates to a missing value. */
  readonly points: (ctx: EvaluationContext) => number | undefined;
  /** Reason code points: "pointsAbove: partialScore − baselineScore", "pointsBelow: baselineScore − partialScore". */
  readonly reasonCode?: string;
}

function characteristicLabel(characteristic: Characteristic): string {
  return characteristic.name === undefined ? `the <Characteristic> on line ${characteristic.line}` : `Characteristic '${characteristic.name}'`;
}

/**
 * Scorecard (PMML 4.4 "Scorecard"): the score is `initialScore` plus, for every Characteristic, the partial score
 * of its first Attribute whose predicate is true. With `useReasonCodes`, each Characteristic's points difference
 * from its baseline is summed per reason code and the codes are ranked by points, ties in document order (jpmml).
 */
export function compileScorecard(model: Scorecard, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope, target, math } = mc;
  const r = math.round;
  if (model.functionName !== 'regression') {
    env.unsupportedFeature('Scorecard', model.line, `A <Scorecard> with functionName '${model.functionName}' is not supported; only regression is (line ${model.line}).`, 'functionName', model.functionName);
  }
  const characteristics = model.Characteristics.map((characteristic) => {
    // "baselineScore … can be defined at the Characteristic level; if not, the Scorecard's baselineScore is used".
    const baseline = characteristic.baselineScore ?? model.baselineScore;
    if (model.useReasonCodes && baseline === undefined) {
      env.unsupportedFeature('Characteristic', characteristic.line, `${characteristicLabel(characteristic)} has no baselineScore, which reason codes need (line ${characteristic.line}).`);
    }
    const attributes = characteristic.Attribute.map((attribute): CompiledAttribute => {
      const reasonCode = attribute.reasonCode ?? characteristic.reasonCode;
      if (model.useReasonCodes && reasonCode === undefined) {
        env.unsupportedFeature('Attribute', attribute.line, `The <Attribute> on line ${attribute.line} has no reasonCode, nor has its Characteristic.`);
      }
      let points: CompiledAttribute['points'];
      if (attribute.ComplexPartialScore !== undefined) {
        const get: Expr = compileExpression(attribute.ComplexPartialScore, scope, env).get;
        points = (ctx) => {
          const value = get(ctx);
          return value === MISSING ? undefined : toNumber(value);
        };
      } else if (attribute.partialScore !== undefined) {
        const score = attribute.partialScore;
        points = () => score;
      } else {
        env.unsupportedFeature('Attribute', attribute.line, `The <Attribute> on line ${attribute.line} has neither a partialScore nor a ComplexPartialScore.`);
        points = () => undefined;
      }
      return { test: compilePredicate(attribute.predicate, scope, env), points, reasonCode };
    });
    return { characteristic, baseline: baseline ?? 0, attributes };
  });
  const isAbove = model.reasonCodeAlgorithm === 'pointsAbove';
  return (ctx) => {
    let score = model.initialScore;
    const reasonPoints = model.useReasonCodes ? new Map<string, number>() : undefined;
    const matched = ctx.trace === undefined ? undefined : new Array<{ index: number; points: number }>();
    for (const { characteristic, baseline, attributes } of characteristics) {
      const index = attributes.findIndex((a) => a.test(ctx) === true);
      const hit = index < 0 ? undefined : attributes[index];
      // "If not even a single Attribute evaluates to true for a given Characteristic, the scorecard as a whole
      // returns an invalid value."
      if (hit === undefined) throw new UndefinedResultError(`No Attribute of ${characteristicLabel(characteristic)} matches the record, so the Scorecard has no score.`);
      const points = hit.points(ctx);
      // jpmml: a ComplexPartialScore that is missing makes the whole score missing (the target's default).
      if (points === undefined) return MISSING_PREDICTION;
      score = r(score + points);
      matched?.push({ index, points });
      if (reasonPoints !== undefined && hit.reasonCode !== undefined) {
        const difference = isAbove ? points - baseline : baseline - points;
        reasonPoints.set(hit.reasonCode, (reasonPoints.get(hit.reasonCode) ?? 0) + difference);
      }
    }
    const prediction: Prediction = {
      value: { dataType: target.dataType === 'float' ? 'float' : 'double', value: score },
      explanation: matched === undefined ? undefined : { attributes: matched },
    };
    if (reasonPoints === undefined) return prediction;
    // Codes with negative points are not reasons; the rest rank by points, highest first (stable sort keeps
    // the order in which codes first appeared for equal points).
    const ranked = [...reasonPoints].filter(([, p]) => p >= 0).sort((a, b) => b[1] - a[1]);
    return { ...prediction, reasonCodes: ranked.map(([code]) => code) };
  };
}

export function describeScorecard(model: Scorecard): ModelStructure {
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Initial score', value: String(model.initialScore) },
      { label: 'Reason codes', value: model.useReasonCodes ? `${model.reasonCodeAlgorithm} (baseline ${model.baselineMethod})` : 'not used' },
      ...model.Characteristics.map((c, i) => ({
        label: c.name ?? `Characteristic ${i + 1}`,
        value: `${c.Attribute.length} attributes${c.baselineScore === undefined ? '' : `, baseline ${c.baselineScore}`}${c.reasonCode === undefined ? '' : `, reason ${c.reasonCode}`}`,
      })),
    ],
    scorecard: {
      initialScore: model.initialScore,
      reasonCodeAlgorithm: model.useReasonCodes ? model.reasonCodeAlgorithm : undefined,
      characteristics: model.Characteristics.map((c, i) => ({
        name: c.name ?? `Characteristic ${i + 1}`,
        baselineScore: c.baselineScore ?? model.baselineScore,
        reasonCode: c.reasonCode,
        attributes: c.Attribute.map((a) => ({
          predicate: predicateText(a.predicate),
          partialScore: a.ComplexPartialScore === undefined ? a.partialScore : undefined,
          partialScoreExpression: a.ComplexPartialScore === undefined ? undefined : expressionText(a.ComplexPartialScore),
          reasonCode: a.reasonCode,
        })),
      })),
    },
  };
}

export const scorecardKind: ModelKind<Scorecard> = {
  element: 'Scorecard',
  parse: parseScorecard,
  compile: compileScorecard,
  describe: describeScorecard,
};
