import { describe, expect, it } from 'vitest';
import { InvalidMarkupError, UnsupportedMarkupError } from '../../errors.js';
import { dataField, identityRegression, load, score, values } from './test-helpers.js';

describe('Output', () => {
  it('derives transformedValue fields from earlier output fields', () => {
    const output = `<Output><OutputField name="p" feature="predictedValue"/>
      <OutputField name="double" feature="transformedValue"><Apply function="*"><FieldRef field="p"/><Constant>2</Constant></Apply></OutputField></Output>`;
    expect(score(load([dataField('x'), dataField('y')], identityRegression(output)), { x: 2 })).toEqual({ y: 2, p: 2, double: 4 });
  });

  it('casts output values to their dataType', () => {
    const output = '<Output><OutputField name="asText" feature="predictedValue" dataType="string"/><OutputField name="asInt" dataType="integer"/></Output>';
    expect(score(load([dataField('x'), dataField('y')], identityRegression(output)), { x: 2.7 })).toMatchObject({ asText: '2.7', asInt: 2 });
  });

  it('evaluates decision fields like transformed values', () => {
    const output = `<Output><OutputField name="go" feature="decision" dataType="string">
      <Decisions><Decision value="yes"/><Decision value="no"/></Decisions>
      <Apply function="if"><Apply function="greaterThan"><FieldRef field="x"/><Constant>0</Constant></Apply>
        <Constant dataType="string">yes</Constant><Constant dataType="string">no</Constant></Apply></OutputField></Output>`;
    expect(score(load([dataField('x'), dataField('y')], identityRegression(output)), { x: 1 }).go).toBe('yes');
  });

  it('lists targets first, then output fields, with isFinalResult and feature', () => {
    const output = '<Output><OutputField name="hidden" isFinalResult="false"/><OutputField name="shown" feature="predictedValue"/></Output>';
    const model = load([dataField('x'), dataField('y')], identityRegression(output));
    expect(model.resultFields.map((f) => [f.name, f.kind, f.isFinalResult, f.feature])).toEqual([
      ['y', 'target', true, undefined],
      ['hidden', 'output', false, 'predictedValue'],
      ['shown', 'output', true, 'predictedValue'],
    ]);
  });

  it('reports vendor output features as unsupported at load', () => {
    const output = '<Output><OutputField name="e" feature="x-explanation"/></Output>';
    expect(() => load([dataField('x'), dataField('y')], identityRegression(output))).toThrow(UnsupportedMarkupError);
    expect(() => load([dataField('x'), dataField('y')], identityRegression(output))).toThrow(/x-explanation/);
  });

  it("leaves jpmml's x-report field missing, as jpmml's default evaluator does, beside the field it reports on", () => {
    const output = '<Output><OutputField name="p" feature="predictedValue"/><OutputField name="report(p)" x-reportField="p" feature="x-report"/></Output>';
    const model = load([dataField('x'), dataField('y')], identityRegression(output));
    expect(model.resultFields.find((f) => f.name === 'report(p)')?.feature).toBe('x-report');
    expect(score(model, { x: 3 })).toEqual({ y: 3, p: 3, 'report(p)': null });
  });

  it('rejects an x-report field whose x-reportField names no OutputField', () => {
    const output = '<Output><OutputField name="r" x-reportField="x" feature="x-report"/></Output>';
    expect(() => load([dataField('x'), dataField('y')], identityRegression(output))).toThrow(InvalidMarkupError);
    expect(() => load([dataField('x'), dataField('y')], identityRegression(output))).toThrow(/OutputField 'r' with feature 'x-report' must name an OutputField/);
  });

  it('returns integers as numbers for integer targets', () => {
    const model = load(
      [dataField('x'), dataField('c', 'integer', 'categorical', values('0', '1'))],
      `<TreeModel functionName="classification"><MiningSchema><MiningField name="c" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Output><OutputField name="p1" feature="probability" value="1"/></Output>
        <Node score="1"><True/><ScoreDistribution value="0" recordCount="1"/><ScoreDistribution value="1" recordCount="3"/></Node></TreeModel>`,
    );
    expect(score(model, { x: 0 })).toEqual({ c: 1, p1: 0.75 });
  });
});

describe('Output residual', () => {
  it('is observed minus predicted for regression', () => {
    const model = load([dataField('x'), dataField('y')], identityRegression('<Output><OutputField name="r" feature="residual"/></Output>'));
    expect(score(model, { x: 2, y: 5 }).r).toBe(3);
    expect(score(model, { x: 2, y: null }).r).toBeNull();
  });

  it('is the observed indicator minus the probability for classification', () => {
    const model = load(
      [dataField('x'), dataField('c', 'string', 'categorical', values('a', 'b'))],
      `<TreeModel functionName="classification"><MiningSchema><MiningField name="c" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Output><OutputField name="r" feature="residual"/><OutputField name="rb" feature="residual" value="b"/></Output>
        <Node score="a"><True/><ScoreDistribution value="a" recordCount="3"/><ScoreDistribution value="b" recordCount="1"/></Node></TreeModel>`,
    );
    expect(score(model, { x: 0, c: 'b' })).toMatchObject({ r: 1 - 0.25, rb: 1 - 0.25 });
    expect(score(model, { x: 0, c: 'a' })).toMatchObject({ r: 1 - 0.75, rb: -0.25 });
  });
});

describe('Output predictedDisplayValue', () => {
  it('uses the DataDictionary displayValue of the predicted category', () => {
    const model = load(
      [dataField('x'), dataField('c', 'string', 'categorical', '<Value value="a" displayValue="Alpha"/><Value value="b"/>')],
      `<TreeModel functionName="classification" noTrueChildStrategy="returnLastPrediction">
        <MiningSchema><MiningField name="c" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Output><OutputField name="shown" feature="predictedDisplayValue"/></Output>
        <Node score="a"><True/><Node score="b"><SimplePredicate field="x" operator="greaterThan" value="0"/></Node></Node></TreeModel>`,
    );
    expect(score(model, { x: 1 }).shown).toBe('b');
    expect(score(model, { x: -1 }).shown).toBe('Alpha');
  });
});
