import type { DataDictionary, DataField, Interval } from '../schema/data-dictionary.js';
import type { MiningField, MiningSchema, Targets } from '../schema/mining-schema.js';
import type { Output, OutputField, ResultFeature } from '../schema/output.js';
import type { XmlElement } from '../xml-reader.js';
import {
  booleanAttr,
  childNamed,
  childrenNamed,
  dataTypeAttr,
  enumAttr,
  numberAttr,
  optionalAttr,
  requiredAttr,
  type ParseContext,
} from './reader.js';
import { isExpressionElement, parseExpression } from './transformations.js';

const OPTYPES = ['continuous', 'categorical', 'ordinal'] as const;
const CLOSURES = ['openClosed', 'openOpen', 'closedOpen', 'closedClosed'] as const;

export function parseDataDictionary(element: XmlElement): DataDictionary {
  return { DataField: childrenNamed(element, 'DataField').map(parseDataField), line: element.line };
}

function parseDataField(element: XmlElement): DataField {
  return {
    name: requiredAttr(element, 'name'),
    displayName: optionalAttr(element, 'displayName'),
    optype: enumAttr(element, 'optype', OPTYPES, 'continuous'),
    dataType: dataTypeAttr(element) ?? 'string',
    isCyclic: element.attributes.isCyclic === '1',
    Value: childrenNamed(element, 'Value').map((v) => ({
      value: requiredAttr(v, 'value'),
      displayValue: optionalAttr(v, 'displayValue'),
      property: enumAttr(v, 'property', ['valid', 'invalid', 'missing'] as const, 'valid'),
      line: v.line,
    })),
    Interval: childrenNamed(element, 'Interval').map(parseInterval),
    line: element.line,
  };
}

export function parseInterval(element: XmlElement): Interval {
  return {
    closure: enumAttr(element, 'closure', CLOSURES, 'closedClosed'),
    leftMargin: numberAttr(element, 'leftMargin'),
    rightMargin: numberAttr(element, 'rightMargin'),
    line: element.line,
  };
}

export function parseMiningSchema(element: XmlElement): MiningSchema {
  return { MiningField: childrenNamed(element, 'MiningField').map(parseMiningField), line: element.line };
}

function parseMiningField(element: XmlElement): MiningField {
  return {
    name: requiredAttr(element, 'name'),
    usageType: enumAttr(
      element,
      'usageType',
      ['active', 'predicted', 'target', 'supplementary', 'group', 'order', 'frequencyWeight', 'analysisWeight'] as const,
      'active',
    ),
    optype: element.attributes.optype === undefined ? undefined : enumAttr(element, 'optype', OPTYPES, 'continuous'),
    importance: numberAttr(element, 'importance'),
    outliers: enumAttr(element, 'outliers', ['asIs', 'asMissingValues', 'asExtremeValues'] as const, 'asIs'),
    lowValue: numberAttr(element, 'lowValue'),
    highValue: numberAttr(element, 'highValue'),
    missingValueReplacement: optionalAttr(element, 'missingValueReplacement'),
    missingValueTreatment:
      element.attributes.missingValueTreatment === undefined
        ? undefined
        : enumAttr(element, 'missingValueTreatment', ['asIs', 'asMean', 'asMode', 'asMedian', 'asValue', 'returnInvalid'] as const, 'asIs'),
    invalidValueTreatment: enumAttr(element, 'invalidValueTreatment', ['returnInvalid', 'asIs', 'asMissing', 'asValue'] as const, 'returnInvalid'),
    invalidValueReplacement: optionalAttr(element, 'invalidValueReplacement'),
    line: element.line,
  };
}

export function parseTargets(element: XmlElement): Targets {
  return {
    Target: childrenNamed(element, 'Target').map((t) => ({
      field: optionalAttr(t, 'field'),
      optype: t.attributes.optype === undefined ? undefined : enumAttr(t, 'optype', OPTYPES, 'continuous'),
      castInteger: t.attributes.castInteger === undefined ? undefined : enumAttr(t, 'castInteger', ['round', 'ceiling', 'floor'] as const, 'round'),
      min: numberAttr(t, 'min'),
      max: numberAttr(t, 'max'),
      rescaleConstant: numberAttr(t, 'rescaleConstant') ?? 0,
      rescaleFactor: numberAttr(t, 'rescaleFactor') ?? 1,
      TargetValue: childrenNamed(t, 'TargetValue').map((v) => ({
        value: optionalAttr(v, 'value'),
        displayValue: optionalAttr(v, 'displayValue'),
        priorProbability: numberAttr(v, 'priorProbability'),
        defaultValue: numberAttr(v, 'defaultValue'),
        line: v.line,
      })),
      line: t.line,
    })),
    line: element.line,
  };
}

const FEATURES: readonly ResultFeature[] = [
  'predictedValue',
  'predictedDisplayValue',
  'transformedValue',
  'decision',
  'probability',
  'affinity',
  'residual',
  'standardError',
  'standardDeviation',
  'clusterId',
  'clusterAffinity',
  'entityId',
  'entityAffinity',
  'warning',
  'ruleValue',
  'reasonCode',
  'antecedent',
  'consequent',
  'rule',
  'ruleId',
  'confidence',
  'support',
  'lift',
  'leverage',
];

// Ranked entities (entityId, affinity, entityAffinity, clusterAffinity) are read from Prediction.ranking.
const RANKED_PREDICTIONS: ReadonlySet<ResultFeature> = new Set<ResultFeature>([
  'predictedValue',
  'predictedDisplayValue',
  'probability',
  'confidence',
  'clusterId',
]);

export function parseOutput(element: XmlElement, ctx: ParseContext): Output {
  return { OutputField: childrenNamed(element, 'OutputField').map((f) => parseOutputField(f, ctx)), line: element.line };
}

function parseOutputField(element: XmlElement, ctx: ParseContext): OutputField {
  const expression = element.children.find(isExpressionElement);
  const decisions = childNamed(element, 'Decisions');
  const featureText = element.attributes.feature ?? 'predictedValue';
  // Vendor features (`x-report`, …) are valid PMML; compiling reports the ones without a reader as unsupported.
  const isKnown = (FEATURES as readonly string[]).includes(featureText) || featureText.startsWith('x-');
  const feature = isKnown ? (featureText as ResultFeature) : enumAttr(element, 'feature', FEATURES, 'predictedValue');
  // Ranked predictions (the 2nd most probable class, …) are not implemented; the features whose rank picks a
  // rule or reason code (ruleValue, reasonCode) belong to their model types.
  const rank = element.attributes.rank;
  if (rank !== undefined && rank !== '1' && RANKED_PREDICTIONS.has(feature)) ctx.unsupportedAttribute(element, 'rank', rank);
  // PMML 4.4 OutputField: a multi-valued field returns all of the ranked values, which is what rank="0" asks for;
  // a multi-valued field at one rank has no defined meaning. Compiling checks the model can rank its results.
  const multiValued = element.attributes.isMultiValued;
  if (multiValued !== undefined && multiValued !== '0' && multiValued !== 'false' && rank !== '0') {
    ctx.unsupportedAttribute(element, 'isMultiValued', multiValued);
  }
  return {
    name: requiredAttr(element, 'name'),
    displayName: optionalAttr(element, 'displayName'),
    optype: element.attributes.optype === undefined ? undefined : enumAttr(element, 'optype', OPTYPES, 'continuous'),
    dataType: dataTypeAttr(element),
    targetField: optionalAttr(element, 'targetField'),
    feature,
    value: optionalAttr(element, 'value'),
    ruleFeature: optionalAttr(element, 'ruleFeature'),
    algorithm: optionalAttr(element, 'algorithm'),
    rank: numberAttr(element, 'rank') ?? 1,
    rankBasis: optionalAttr(element, 'rankBasis'),
    rankOrder: optionalAttr(element, 'rankOrder'),
    isMultiValued: optionalAttr(element, 'isMultiValued'),
    segmentId: optionalAttr(element, 'segmentId'),
    reportField: optionalAttr(element, 'x-reportField'),
    isFinalResult: booleanAttr(element, 'isFinalResult', true),
    Decisions:
      decisions === undefined
        ? undefined
        : {
            businessProblem: optionalAttr(decisions, 'businessProblem'),
            description: optionalAttr(decisions, 'description'),
            Decision: childrenNamed(decisions, 'Decision').map((d) => ({
              value: requiredAttr(d, 'value'),
              displayValue: optionalAttr(d, 'displayValue'),
              description: optionalAttr(d, 'description'),
            })),
            line: decisions.line,
          },
    expression: expression === undefined ? undefined : parseExpression(expression, ctx),
    line: element.line,
  };
}
