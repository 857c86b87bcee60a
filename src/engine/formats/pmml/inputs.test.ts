import { describe, expect, it } from 'vitest';
import { InvalidValueError, MissingValueError } from '../../errors.js';
import { dataField, identityRegression, load, score, values } from './test-helpers.js';

/** y = x, with the MiningField of x given by `attributes` and x declared by `xField`. */
function modelWith(attributes: string, xField = dataField('x', 'double', 'continuous', '<Interval closure="closedClosed" leftMargin="0" rightMargin="10"/>')) {
  const model = identityRegression().replace('<MiningField name="x"/>', `<MiningField name="x" ${attributes}/>`);
  return load([xField, dataField('y')], model);
}

describe('input preparation', () => {
  it('converts input text with the DataField dataType', () => {
    expect(score(modelWith('invalidValueTreatment="asIs"'), { x: '2.5' })).toEqual({ y: 2.5 });
  });

  it('treats null as missing, which makes the regression missing', () => {
    expect(score(modelWith(''), { x: null })).toEqual({ y: null });
  });

  it('replaces missing values with missingValueReplacement', () => {
    expect(score(modelWith('missingValueReplacement="4"'), { x: null })).toEqual({ y: 4 });
  });

  it('fails on missing values when missingValueTreatment is returnInvalid', () => {
    expect(() => score(modelWith('missingValueTreatment="returnInvalid"'), { x: null })).toThrow(MissingValueError);
  });

  it('rejects values outside the Intervals by default (returnInvalid)', () => {
    expect(() => score(modelWith(''), { x: 11 })).toThrow(InvalidValueError);
  });

  it('names the field in an invalid-value error', () => {
    try {
      score(modelWith(''), { x: 'abc' });
    } catch (error) {
      expect((error as InvalidValueError).field).toBe('x');
      return;
    }
    throw new Error('expected an InvalidValueError');
  });

  it('keeps invalid values with asIs', () => {
    expect(score(modelWith('invalidValueTreatment="asIs"'), { x: 11 })).toEqual({ y: 11 });
  });

  it('turns invalid values into missing ones with asMissing, then applies the missing replacement', () => {
    expect(score(modelWith('invalidValueTreatment="asMissing" missingValueReplacement="3"'), { x: 11 })).toEqual({ y: 3 });
  });

  it('replaces invalid values with invalidValueReplacement under asValue', () => {
    expect(score(modelWith('invalidValueTreatment="asValue" invalidValueReplacement="7"'), { x: -1 })).toEqual({ y: 7 });
  });

  it('clamps outliers to lowValue/highValue with asExtremeValues', () => {
    const model = modelWith('outliers="asExtremeValues" lowValue="2" highValue="8"');
    expect([score(model, { x: 1 }), score(model, { x: 9 }), score(model, { x: 5 })]).toEqual([{ y: 2 }, { y: 8 }, { y: 5 }]);
  });

  it('makes outliers missing with asMissingValues', () => {
    expect(score(modelWith('outliers="asMissingValues" lowValue="2" highValue="8"'), { x: 9 })).toEqual({ y: null });
  });

  it('treats values declared with property="missing" as missing', () => {
    const field = dataField('x', 'double', 'continuous', '<Value value="-999" property="missing"/>');
    expect(score(modelWith('missingValueReplacement="1"', field), { x: '-999' })).toEqual({ y: 1 });
  });

  it('classifies categorical values outside the declared Values as invalid', () => {
    const fields = [dataField('c', 'string', 'categorical', values('a', 'b')), dataField('y')];
    const model = `<RegressionModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/>
      <MiningField name="c" invalidValueTreatment="asMissing"/></MiningSchema>
      <RegressionTable intercept="1"><CategoricalPredictor name="c" value="a" coefficient="1"/></RegressionTable></RegressionModel>`;
    const pmml = load(fields, model);
    expect(score(pmml, { c: 'a' })).toEqual({ y: 2 });
    expect(score(pmml, { c: 'z' })).toEqual({ y: null });
  });

  it('reads TRUE/FALSE text as 1/0 in numeric fields', () => {
    expect(score(modelWith('invalidValueTreatment="asIs"'), { x: 'TRUE' })).toEqual({ y: 1 });
  });
});
