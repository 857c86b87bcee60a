import type { ModelElement } from '../schema/model.js';
import type { RegressionModel, RegressionTable } from '../schema/regression-model.js';
import type { XmlElement } from '../xml-reader.js';
import { childrenNamed, enumAttr, numberAttr, optionalAttr, requiredAttr, requiredNumberAttr } from './reader.js';

const METHODS = ['none', 'simplemax', 'softmax', 'logit', 'probit', 'cloglog', 'exp', 'loglog', 'cauchit'] as const;

export function parseRegressionModel(element: XmlElement, common: ModelElement): RegressionModel {
  return {
    ...common,
    element: 'RegressionModel',
    normalizationMethod: enumAttr(element, 'normalizationMethod', METHODS, 'none'),
    RegressionTable: childrenNamed(element, 'RegressionTable').map(parseRegressionTable),
  };
}

export function parseRegressionTable(element: XmlElement): RegressionTable {
  return {
    // PMML 4.4 requires `intercept`; documents from older producers omit it when it is 0 (jpmml reads 0).
    intercept: numberAttr(element, 'intercept') ?? 0,
    targetCategory: optionalAttr(element, 'targetCategory'),
    NumericPredictor: childrenNamed(element, 'NumericPredictor').map((p) => ({
      name: requiredAttr(p, 'name'),
      exponent: numberAttr(p, 'exponent') ?? 1,
      coefficient: requiredNumberAttr(p, 'coefficient'),
      line: p.line,
    })),
    CategoricalPredictor: childrenNamed(element, 'CategoricalPredictor').map((p) => ({
      name: requiredAttr(p, 'name'),
      value: requiredAttr(p, 'value'),
      coefficient: requiredNumberAttr(p, 'coefficient'),
      line: p.line,
    })),
    PredictorTerm: childrenNamed(element, 'PredictorTerm').map((p) => ({
      name: optionalAttr(p, 'name'),
      coefficient: requiredNumberAttr(p, 'coefficient'),
      FieldRef: childrenNamed(p, 'FieldRef').map((f) => ({ field: requiredAttr(f, 'field'), line: f.line })),
      line: p.line,
    })),
    line: element.line,
  };
}
