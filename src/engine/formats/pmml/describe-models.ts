import type { CoefficientTable, DerivedFieldSpec, ModelStructure, TreeNodeSpec } from '../../model/description.js';
import type { GeneralRegressionModel } from './schema/general-regression-model.js';
import type { MiningModel } from './schema/mining-model.js';
import type { ModelElement } from './schema/model.js';
import type { Predicate } from './schema/predicates.js';
import type { RegressionModel } from './schema/regression-model.js';
import type { DerivedField, Expression } from './schema/transformations.js';
import type { Node, TreeModel } from './schema/tree-model.js';

const OPERATORS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessOrEqual: '≤',
  greaterThan: '>',
  greaterOrEqual: '≥',
};

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A number from the document as a person reads it. Converters print doubles with 17 or more significant
 * digits (`2.45000000000000018`); those become the shortest decimal that reads back as the same double (`2.45`).
 * Text that is already short, or is no number, stays as written: a categorical label such as `007` or `1.50`
 * is kept verbatim, and no double needs more than 17 significant digits to be told apart.
 */
export function readableNumber(text: string): string {
  const trimmed = text.trim();
  const literal = DECIMAL.exec(trimmed);
  if (literal === null) return text;
  const significant = literal[1].replace('.', '').replace(/^0+/, '').length;
  if (significant <= 15) return text;
  const shortest = String(Number(trimmed));
  return shortest.length < trimmed.length ? shortest : text;
}

/** A predicate as a person reads it: `age ≤ 42.5`, `colour ∈ {red, blue}`. */
export function predicateText(predicate: Predicate): string {
  switch (predicate.kind) {
    case 'True':
      return 'true';
    case 'False':
      return 'false';
    case 'SimplePredicate':
      if (predicate.operator === 'isMissing') return `${predicate.field} is missing`;
      if (predicate.operator === 'isNotMissing') return `${predicate.field} is not missing`;
      return `${predicate.field} ${OPERATORS[predicate.operator]} ${readableNumber(predicate.value ?? '')}`;
    case 'SimpleSetPredicate':
      return `${predicate.field} ${predicate.booleanOperator === 'isIn' ? '∈' : '∉'} {${predicate.Array.values.map(readableNumber).join(', ')}}`;
    case 'CompoundPredicate': {
      const parts = predicate.predicates.map((p) => (p.kind === 'CompoundPredicate' ? `(${predicateText(p)})` : predicateText(p)));
      return parts.join(` ${predicate.booleanOperator} `);
    }
  }
}

/** An expression as readable text: `log10(x + 1)`, `NormContinuous(x)`, `MapValues(a, b)`. */
export function expressionText(expression: Expression): string {
  switch (expression.kind) {
    case 'Constant':
      return expression.missing ? 'missing' : expression.dataType === 'string' ? `"${expression.value}"` : readableNumber(expression.value);
    case 'FieldRef':
      return expression.field;
    case 'NormContinuous':
      return `normalize(${expression.field})`;
    case 'NormDiscrete':
      return `${expression.field} = ${readableNumber(expression.value)} ? 1 : 0`;
    case 'Discretize':
      return `discretize(${expression.field})`;
    case 'MapValues':
      return `map(${expression.FieldColumnPair.map((p) => p.field).join(', ')})`;
    case 'TextIndex':
      return `termFrequency(${expression.textField}, ${expressionText(expression.term)})`;
    case 'Lag':
      return `lag(${expression.field}, ${expression.n})`;
    case 'Apply': {
      const args = expression.arguments.map(expressionText);
      if (args.length === 2 && /^[-+*/]$|^pow$/.test(expression.function)) {
        return `(${args[0]} ${expression.function === 'pow' ? '^' : expression.function} ${args[1]})`;
      }
      return `${expression.function}(${args.join(', ')})`;
    }
  }
}

function treeNode(node: Node): TreeNodeSpec {
  const total = node.ScoreDistribution.reduce((s, d) => s + (d.recordCount ?? 0), 0);
  return {
    id: node.id,
    predicate: predicateText(node.predicate),
    score: node.score === undefined ? undefined : readableNumber(node.score),
    recordCount: node.recordCount,
    distribution:
      node.ScoreDistribution.length === 0
        ? undefined
        : node.ScoreDistribution.map((d) => ({
            value: d.value,
            recordCount: d.recordCount ?? 0,
            probability: d.probability ?? (total > 0 && d.recordCount !== undefined ? d.recordCount / total : undefined),
          })),
    children: node.Node.map(treeNode),
  };
}

export function describeTree(model: TreeModel): ModelStructure {
  return { kind: 'tree', root: treeNode(model.Node), functionName: model.functionName };
}

export function describeRegression(model: RegressionModel): ModelStructure {
  const tables: CoefficientTable[] = model.RegressionTable.map((t) => ({
    targetCategory: t.targetCategory,
    intercept: t.intercept,
    terms: [
      ...t.NumericPredictor.map((p) => ({ label: p.exponent === 1 ? p.name : `${p.name}^${p.exponent}`, coefficient: p.coefficient })),
      ...t.CategoricalPredictor.map((p) => ({ label: `${p.name}=${p.value}`, coefficient: p.coefficient })),
      ...t.PredictorTerm.map((p) => ({ label: p.name ?? p.FieldRef.map((f) => f.field).join('*'), coefficient: p.coefficient })),
    ],
  }));
  return { kind: 'regression', tables, normalization: model.normalizationMethod };
}

export function derivedFieldSpec(field: DerivedField): DerivedFieldSpec {
  return { name: field.name, dataType: field.dataType ?? 'double', opType: field.optype, expression: expressionText(field.expression) };
}

export function describeMining(model: MiningModel, describeNested: (model: ModelElement) => ModelStructure): ModelStructure {
  const segmentation = model.Segmentation;
  return {
    kind: 'ensemble',
    method: segmentation?.multipleModelMethod ?? 'none',
    segments: (segmentation?.Segment ?? []).map((s) => ({
      id: s.id,
      weight: s.weight,
      predicate: predicateText(s.predicate),
      modelElement: s.model.element,
      derivedFields: (s.model.LocalTransformations?.DerivedField ?? []).map(derivedFieldSpec),
      structure: describeNested(s.model),
    })),
  };
}

/** One coefficient table per target category: β of each parameter, labelled by the parameter's label. */
/**
 * A parameter's term in the notation the UI evaluates for the current record (`c=v`, `x^2`, `a*b`), built from its
 * PPMatrix cells: "a PPCell specifies the value of a predictor for a parameter: for a factor, the category that
 * gives the parameter; for a covariate, the exponent" (PMML 4.4 GeneralRegression, PPMatrix). The document's
 * label (R's `EmploymentPrivate`) names the term but cannot be evaluated, so it is the fallback: for the intercept
 * and for factors coded by a contrast matrix, whose values are not 0/1.
 */
export function parameterTerm(model: GeneralRegressionModel, parameter: string, label: string): string {
  const cells = model.PPMatrix.filter((c) => c.parameterName === parameter);
  const factors = new Map(model.FactorList.map((f) => [f.name, f]));
  if (cells.length === 0 || cells.some((c) => factors.get(c.predictorName)?.Matrix !== undefined)) return label;
  return cells
    .map((c) => (factors.has(c.predictorName) ? `${c.predictorName}=${c.value}` : Number(c.value) === 1 ? c.predictorName : `${c.predictorName}^${c.value}`))
    .join('*');
}

export function describeGeneralRegression(model: GeneralRegressionModel): ModelStructure {
  const labels = new Map(model.ParameterList.map((p) => [p.name, parameterTerm(model, p.name, p.label ?? p.name)]));
  const categories = [...new Set(model.ParamMatrix.map((c) => c.targetCategory))];
  const tables: CoefficientTable[] = categories.map((category) => {
    const cells = model.ParamMatrix.filter((c) => c.targetCategory === category);
    const intercept = cells.find((c) => !model.PPMatrix.some((p) => p.parameterName === c.parameterName));
    return {
      targetCategory: category,
      intercept: intercept?.beta ?? 0,
      terms: cells.filter((c) => c !== intercept).map((c) => ({ label: labels.get(c.parameterName) ?? c.parameterName, coefficient: c.beta })),
    };
  });
  return { kind: 'regression', tables, normalization: model.linkFunction ?? model.cumulativeLink ?? model.modelType };
}
