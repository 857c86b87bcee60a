import type { BaselineCell, GeneralRegressionModel, Predictor } from '../schema/general-regression-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { parseArray } from './predicates.js';
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

/** PMML 4.4 Matrix: rows as `Array` elements, or sparse `MatCell`s (1-based row/col) over a default of 0. */
function parseMatrix(element: XmlElement, ctx: ParseContext): number[][] {
  const rows = childrenNamed(element, 'Array').map((a) => parseArray(a).values.map(Number));
  if (rows.length > 0) return rows;
  const rowCount = numberAttr(element, 'nbRows') ?? 0;
  const columnCount = numberAttr(element, 'nbCols') ?? 0;
  const kind = optionalAttr(element, 'kind') ?? 'any';
  if (kind !== 'any') ctx.unsupportedAttribute(element, 'kind', kind);
  const matrix = Array.from({ length: rowCount }, () => new Array<number>(columnCount).fill(0));
  for (const cell of childrenNamed(element, 'MatCell')) {
    matrix[requiredNumberAttr(cell, 'row') - 1][requiredNumberAttr(cell, 'col') - 1] = Number(cell.text.trim());
  }
  return matrix;
}

function predictors(parent: XmlElement | undefined, ctx: ParseContext): Predictor[] {
  return (parent === undefined ? [] : childrenNamed(parent, 'Predictor')).map((p) => {
    const matrix = childNamed(p, 'Matrix');
    const categories = childNamed(p, 'Categories');
    return {
      name: requiredAttr(p, 'name'),
      contrastMatrixType: optionalAttr(p, 'contrastMatrixType'),
      Categories: categories === undefined ? undefined : childrenNamed(categories, 'Category').map((c) => requiredAttr(c, 'value')),
      Matrix: matrix === undefined ? undefined : parseMatrix(matrix, ctx),
      line: p.line,
    };
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
