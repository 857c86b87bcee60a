import type { ModelKind } from '../model-kind.js';
import type { ModelElement } from '../schema/model.js';
import type { ModelVerification } from '../schema/model-verification.js';
import type { XmlElement } from '../xml-reader.js';
import { parseMiningSchema, parseOutput, parseTargets } from './fields.js';
import { parseModelStats } from './model-stats.js';
import { booleanAttr, childNamed, childrenNamed, enumAttr, numberAttr, optionalAttr, requiredAttr, requiredChild, type ParseContext } from './reader.js';
import { columnName, parseInlineTable, parseLocalTransformations } from './transformations.js';

/** Every model element of PMML 3.0–4.4, so that one without an evaluator reads as "not supported yet". */
export const PMML_MODEL_ELEMENTS: ReadonlySet<string> = new Set([
  'AnomalyDetectionModel',
  'AssociationModel',
  'BayesianNetworkModel',
  'BaselineModel',
  'ClusteringModel',
  'GaussianProcessModel',
  'GeneralRegressionModel',
  'MiningModel',
  'NaiveBayesModel',
  'NearestNeighborModel',
  'NeuralNetwork',
  'RegressionModel',
  'RuleSetModel',
  'SequenceModel',
  'Scorecard',
  'SupportVectorMachineModel',
  'TextModel',
  'TimeSeriesModel',
  'TreeModel',
]);

const FUNCTIONS = ['regression', 'classification', 'clustering', 'associationRules', 'sequences', 'timeSeries', 'mixed'] as const;

export function isModelElement(element: XmlElement): boolean {
  return PMML_MODEL_ELEMENTS.has(element.name);
}

/** Parses a model element with its ModelKind; reports and skips elements no kind handles. */
export function parseModel(element: XmlElement, ctx: ParseContext, kinds: ReadonlyMap<string, ModelKind>): ModelElement | undefined {
  const kind = kinds.get(element.name);
  if (kind === undefined) {
    ctx.unsupportedElement(element, `Model element <${element.name}> is not supported yet (line ${element.line}).`);
    return undefined;
  }
  const mathContext = optionalAttr(element, 'x-mathContext');
  if (mathContext !== undefined && mathContext !== 'float' && mathContext !== 'double') {
    ctx.unsupportedAttribute(element, 'x-mathContext', mathContext);
  }
  const common: ModelElement = {
    element: element.name,
    modelName: optionalAttr(element, 'modelName'),
    functionName: enumAttr(element, 'functionName', FUNCTIONS, 'regression'),
    algorithmName: optionalAttr(element, 'algorithmName'),
    isScorable: booleanAttr(element, 'isScorable', true),
    mathContext: mathContext === 'float' ? 'float' : 'double',
    MiningSchema: parseMiningSchema(requiredChild(element, 'MiningSchema')),
    Output: optionalChild(element, 'Output', (e) => parseOutput(e, ctx)),
    Targets: optionalChild(element, 'Targets', parseTargets),
    LocalTransformations: optionalChild(element, 'LocalTransformations', (e) => parseLocalTransformations(e, ctx)),
    ModelVerification: optionalChild(element, 'ModelVerification', parseModelVerification),
    ModelStats: optionalChild(element, 'ModelStats', parseModelStats),
    line: element.line,
  };
  return kind.parse(element, common, ctx);
}

function optionalChild<T>(element: XmlElement, name: string, parse: (e: XmlElement) => T): T | undefined {
  const child = childNamed(element, name);
  return child === undefined ? undefined : parse(child);
}

function parseModelVerification(element: XmlElement): ModelVerification {
  const fields = childNamed(element, 'VerificationFields');
  const table = childNamed(element, 'InlineTable');
  return {
    recordCount: numberAttr(element, 'recordCount'),
    VerificationField: (fields === undefined ? [] : childrenNamed(fields, 'VerificationField')).map((f) => {
      const field = requiredAttr(f, 'field');
      return {
        field,
        column: columnName(optionalAttr(f, 'column') ?? field),
        // PMML 4.4 VerificationField: precision defaults to 1E-6, zeroThreshold to 1E-16.
        precision: numberAttr(f, 'precision') ?? 1e-6,
        zeroThreshold: numberAttr(f, 'zeroThreshold') ?? 1e-16,
        line: f.line,
      };
    }),
    InlineTable: table === undefined ? { rows: [], line: element.line } : parseInlineTable(table),
    line: element.line,
  };
}
