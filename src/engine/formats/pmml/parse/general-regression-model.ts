import type { BaselineCell, GeneralRegressionModel, Predictor } from '../schema/general-regression-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import {
  childNamed,
  childrenNamed,
  enumAttr,
  numberAttr,
  optionalAttr,
  requiredAttr,
  requiredNumberAttr,
  type ParseContext,
} from './reader.js';

const MODEL_TYPES = ['regression', 'generalLinear', 'multinomialLogistic', 'ordinalMultinomial', 'generalizedLinear', 'CoxRegression'] as const;
const LINKS = ['cloglog', 'identity', 'log', 'logc', 'logit', 'loglog', 'negbin', 'oddspower', 'power', 'probit', 'cauchit'] as const;
const CUMULATIVE_LINKS = ['logit', 'probit', 'cloglog', 'loglog', 'cauchit'] as const;

function predictors(parent: XmlElement | undefined, ctx: ParseContext): Predictor[] {
  return (parent === undefined ? [] : childrenNamed(parent, 'Predictor')).map((p) => {
    const matrix = childNamed(p, 'Matrix');
    if (matrix !== undefined) {
      ctx.unsupportedElement(matrix, `Contrast <Matrix> of GeneralRegressionModel predictor '${p.attributes.name}' is not supported (line ${matrix.line}).`);
    }
    return { name: requiredAttr(p, 'name'), contrastMatrixType: optionalAttr(p, 'contrastMatrixType'), line: p.line };
  });
}

function baselineCells(parent: XmlElement): BaselineCell[] {
  return childrenNamed(parent, 'BaselineCell').map((c) => ({
    time: requiredNumberAttr(c, 'time'),
    cumHazard: requiredNumberAttr(c, 'cumHazard'),
    line: c.line,
  }));
}

export function parseGeneralRegressionModel(element: XmlElement, common: ModelElement, ctx: ParseContext): GeneralRegressionModel {
  const tables = childNamed(element, 'BaseCumHazardTables');
  const optionalEnum = <T extends string>(name: string, allowed: readonly T[]): T | undefined =>
    element.attributes[name] === undefined ? undefined : enumAttr(element, name, allowed, allowed[0]);
  return {
    ...common,
    element: 'GeneralRegressionModel',
    modelType: enumAttr(element, 'modelType', MODEL_TYPES, 'regression'),
    targetReferenceCategory: optionalAttr(element, 'targetReferenceCategory'),
    cumulativeLink: optionalEnum('cumulativeLink', CUMULATIVE_LINKS),
    linkFunction: optionalEnum('linkFunction', LINKS),
    linkParameter: numberAttr(element, 'linkParameter'),
    trialsVariable: optionalAttr(element, 'trialsVariable'),
    trialsValue: numberAttr(element, 'trialsValue'),
    distribution: optionalAttr(element, 'distribution'),
    distParameter: numberAttr(element, 'distParameter'),
    offsetVariable: optionalAttr(element, 'offsetVariable'),
    offsetValue: numberAttr(element, 'offsetValue'),
    endTimeVariable: optionalAttr(element, 'endTimeVariable'),
    baselineStrataVariable: optionalAttr(element, 'baselineStrataVariable'),
    ParameterList: childrenNamed(childNamed(element, 'ParameterList') ?? element, 'Parameter').map((p) => ({
      name: requiredAttr(p, 'name'),
      label: optionalAttr(p, 'label'),
      referencePoint: numberAttr(p, 'referencePoint') ?? 0,
      line: p.line,
    })),
    FactorList: predictors(childNamed(element, 'FactorList'), ctx),
    CovariateList: predictors(childNamed(element, 'CovariateList'), ctx),
    PPMatrix: childrenNamed(childNamed(element, 'PPMatrix') ?? element, 'PPCell').map((c) => ({
      value: requiredAttr(c, 'value'),
      predictorName: requiredAttr(c, 'predictorName'),
      parameterName: requiredAttr(c, 'parameterName'),
      targetCategory: optionalAttr(c, 'targetCategory'),
      line: c.line,
    })),
    ParamMatrix: childrenNamed(childNamed(element, 'ParamMatrix') ?? element, 'PCell').map((c) => ({
      targetCategory: optionalAttr(c, 'targetCategory'),
      parameterName: requiredAttr(c, 'parameterName'),
      beta: requiredNumberAttr(c, 'beta'),
      df: numberAttr(c, 'df'),
      line: c.line,
    })),
    BaseCumHazardTables:
      tables === undefined
        ? undefined
        : {
            maxTime: numberAttr(tables, 'maxTime'),
            BaselineStratum: childrenNamed(tables, 'BaselineStratum').map((s) => ({
              value: requiredAttr(s, 'value'),
              maxTime: requiredNumberAttr(s, 'maxTime'),
              BaselineCell: baselineCells(s),
            })),
            BaselineCell: baselineCells(tables),
            line: tables.line,
          },
  };
}
