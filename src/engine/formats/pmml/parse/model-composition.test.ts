import { describe, expect, it } from 'vitest';
import { UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';

const FIELDS = [dataField('age'), dataField('income'), dataField('weight')];
const SCHEMA = '<MiningSchema><MiningField name="age"/><MiningField name="income"/><MiningField name="weight" usageType="target"/></MiningSchema>';

/** Model sequencing: the Regression's result, named `term` by its ResultField, is an input of the DecisionTree. */
const SEQUENCE = `<MiningModel functionName="regression">${SCHEMA}
  <Regression functionName="regression">
    <ResultField name="term" feature="predictedValue"/>
    <RegressionTable intercept="2"><NumericPredictor name="income" coefficient="0.5"/></RegressionTable>
  </Regression>
  <DecisionTree functionName="regression">
    <Node score="0"><True/>
      <Node score="10"><SimplePredicate field="term" operator="lessThan" value="42"/></Node>
      <Node score="20"><SimplePredicate field="term" operator="greaterOrEqual" value="42"/></Node>
    </Node>
  </DecisionTree>
</MiningModel>`;

/** Model selection: the Node the tree ends in computes the result with its embedded Regression, if it has one. */
function selection(functionName = 'regression'): string {
  return `<MiningModel functionName="${functionName}">${SCHEMA}
  <DecisionTree functionName="${functionName}">
    <Node score="0"><True/>
      <Node score="1"><SimplePredicate field="age" operator="lessOrEqual" value="50"/>
        <Regression functionName="regression"><RegressionTable intercept="1"><NumericPredictor name="income" coefficient="0.1"/></RegressionTable></Regression>
      </Node>
      <Node id="old" score="2"><SimplePredicate field="age" operator="lessOrEqual" value="80"/>
        <Regression functionName="regression"><RegressionTable intercept="-1"><NumericPredictor name="age" coefficient="2"/></RegressionTable></Regression>
      </Node>
      <Node score="99"><True/></Node>
    </Node>
  </DecisionTree>
</MiningModel>`;
}

describe('Model Composition (MiningModel with embedded Regression and DecisionTree)', () => {
  it('passes an embedded model’s ResultField to the next model and predicts the last model’s result', () => {
    const model = load(FIELDS, SEQUENCE);
    // term = 2 + 0.5 × income
    expect(score(model, { age: 1, income: 10 })).toEqual({ weight: 10 });
    expect(score(model, { age: 1, income: 80 })).toEqual({ weight: 20 });
  });

  it('keeps the hidden fields of the composition out of the result fields', () => {
    expect(load(FIELDS, SEQUENCE).resultFields.map((f) => f.name)).toEqual(['weight']);
    expect(load(FIELDS, selection()).resultFields.map((f) => f.name)).toEqual(['weight']);
  });

  it('scores the embedded model of the Node a DecisionTree selects', () => {
    const model = load(FIELDS, selection());
    expectClose(score(model, { age: 30, income: 200 }).weight, 1 + 0.1 * 200);
    expectClose(score(model, { age: 60, income: 200 }).weight, -1 + 2 * 60);
  });

  it('keeps the tree’s score when the selected Node embeds no model', () => {
    expect(score(load(FIELDS, selection()), { age: 90, income: 200 })).toEqual({ weight: 99 });
  });

  it('reports a MiningModel with neither a Segmentation nor embedded models at load', () => {
    expect(() => load(FIELDS, `<MiningModel functionName="regression">${SCHEMA}</MiningModel>`)).toThrow(
      /<MiningModel> has neither a <Segmentation> nor embedded <Regression>\/<DecisionTree> models/,
    );
  });

  it('reports model selection by a classification DecisionTree as unsupported at load', () => {
    const fields = [dataField('age'), dataField('income'), dataField('weight', 'string', 'categorical')];
    expect(() => load(fields, selection('classification'))).toThrow(UnsupportedMarkupError);
    expect(() => load(fields, selection('classification'))).toThrow(/Model selection by a <DecisionTree> with functionName 'classification'/);
  });
});
