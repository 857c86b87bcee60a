import { describe, expect, it } from 'vitest';
import type { TreeNodeSpec } from '../../model/description.js';
import { readableNumber } from './describe-models.js';
import { dataField, identityRegression, load, values } from './test-helpers.js';

describe('describePmml', () => {
  it('describes a tree with node ids that match decision paths and readable predicates', () => {
    const model = load(
      [dataField('a'), dataField('c', 'string', 'categorical', values('u', 'v', 'w')), dataField('y')],
      `<TreeModel functionName="regression" modelName="t"><MiningSchema><MiningField name="y" usageType="target"/>
        <MiningField name="a"/><MiningField name="c"/></MiningSchema>
        <Node score="0"><True/>
          <Node score="1"><CompoundPredicate booleanOperator="and"><SimplePredicate field="a" operator="lessOrEqual" value="42.5"/>
            <SimpleSetPredicate field="c" booleanOperator="isIn"><Array type="string">u v</Array></SimpleSetPredicate></CompoundPredicate></Node>
          <Node score="2"><True/></Node>
        </Node></TreeModel>`,
    );
    const structure = model.description.structure;
    expect(structure.kind).toBe('tree');
    const root = (structure as { root: TreeNodeSpec }).root;
    expect(root.children.map((c) => [c.id, c.predicate, c.score])).toEqual([
      ['2', 'a ≤ 42.5 and c ∈ {u, v}', '1'],
      ['3', 'true', '2'],
    ]);
    expect(model.evaluate({ a: 50, c: 'u' }).decisionPath).toEqual(['1', '3']);
    expect(model.description.name).toBe('t');
  });

  it('describes regression coefficients and derived fields with readable expressions', () => {
    const local = `<LocalTransformations><DerivedField name="d" dataType="double" optype="continuous">
      <Apply function="log10"><Apply function="+"><FieldRef field="x"/><Constant>1</Constant></Apply></Apply></DerivedField></LocalTransformations>`;
    const model = load([dataField('x'), dataField('y')], identityRegression(local, 'normalizationMethod="exp"'));
    expect(model.description.structure).toEqual({
      kind: 'regression',
      tables: [{ targetCategory: undefined, intercept: 0, terms: [{ label: 'x', coefficient: 1 }] }],
      normalization: 'exp',
    });
    expect(model.description.derivedFields).toEqual([{ name: 'd', dataType: 'double', opType: 'continuous', expression: 'log10((x + 1))' }]);
  });

  it('describes ensembles segment by segment', () => {
    const segment = (id: string) => `<Segment id="${id}" weight="2"><SimplePredicate field="x" operator="greaterThan" value="0"/>
      <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema><Node score="1"><True/></Node></TreeModel></Segment>`;
    const model = load(
      [dataField('x'), dataField('y')],
      `<MiningModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Segmentation multipleModelMethod="average">${segment('s1')}${segment('s2')}</Segmentation></MiningModel>`,
    );
    const structure = model.description.structure;
    expect(structure.kind).toBe('ensemble');
    if (structure.kind !== 'ensemble') return;
    expect(structure.method).toBe('average');
    expect(structure.segments.map((s) => [s.id, s.weight, s.predicate, s.modelElement, s.structure.kind])).toEqual([
      ['s1', 2, 'x > 0', 'TreeModel', 'tree'],
      ['s2', 2, 'x > 0', 'TreeModel', 'tree'],
    ]);
  });

  it('keeps each segment model\'s own transformations with the segment', () => {
    const model = load(
      [dataField('x'), dataField('y')],
      `<MiningModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Segmentation multipleModelMethod="sum"><Segment id="1"><True/>
          <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
            <LocalTransformations><DerivedField name="x2" optype="continuous" dataType="double"><Apply function="*"><FieldRef field="x"/><Constant>2</Constant></Apply></DerivedField></LocalTransformations>
            <Node score="1"><True/></Node></TreeModel></Segment></Segmentation></MiningModel>`,
    );
    const structure = model.description.structure;
    expect(structure.kind === 'ensemble' && structure.segments[0].derivedFields).toEqual([{ name: 'x2', dataType: 'double', opType: 'continuous', expression: '(x * 2)' }]);
    expect(model.description.derivedFields).toEqual([]);
  });

  it('carries header information', () => {
    const model = load([dataField('x'), dataField('y')], identityRegression());
    expect(model.description).toMatchObject({ format: 'pmml', kind: 'RegressionModel', formatVersion: '4.4' });
  });
});

describe('readable numbers in descriptions', () => {
  it.each([
    ['2.45000000000000018', '2.45'],
    ['-0.10000000000000001', '-0.1'],
    ['1.2999999999999999E-5', '0.000013'],
    ['0.47450839878409956', '0.47450839878409956'],
    ['1.0000000180025095E-35', '1.0000000180025095E-35'],
    ['42.5', '42.5'],
    ['1.50', '1.50'],
    ['007', '007'],
    ['red', 'red'],
  ])('writes %s as %s', (text, readable) => {
    expect(readableNumber(text)).toBe(readable);
  });

  it('shortens long doubles in tree predicates, set predicates and leaf scores', () => {
    const model = load(
      [dataField('a'), dataField('n', 'integer'), dataField('y')],
      `<TreeModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/>
        <MiningField name="a"/><MiningField name="n"/></MiningSchema>
        <Node score="0"><True/>
          <Node score="0.30000000000000004"><SimplePredicate field="a" operator="lessOrEqual" value="2.45000000000000018"/></Node>
          <Node score="2"><SimpleSetPredicate field="a" booleanOperator="isIn"><Array type="real">1.5 2.60000000000000009</Array></SimpleSetPredicate></Node>
        </Node></TreeModel>`,
    );
    const root = (model.description.structure as { root: TreeNodeSpec }).root;
    expect(root.children.map((c) => [c.predicate, c.score])).toEqual([
      ['a ≤ 2.45', '0.30000000000000004'],
      ['a ∈ {1.5, 2.6}', '2'],
    ]);
  });

  it('shortens long doubles in derived-field expressions', () => {
    const local = `<LocalTransformations><DerivedField name="d" dataType="double" optype="continuous">
      <Apply function="*"><FieldRef field="x"/><Constant dataType="double">0.69999999999999996</Constant></Apply></DerivedField>
      <DerivedField name="e" dataType="double" optype="continuous"><NormDiscrete field="x" value="3.00000000000000000001"/></DerivedField>
      <DerivedField name="s" dataType="string" optype="categorical"><Constant dataType="string">0.69999999999999996</Constant></DerivedField>
      </LocalTransformations>`;
    const model = load([dataField('x'), dataField('y')], identityRegression(local));
    expect(model.description.derivedFields?.map((f) => f.expression)).toEqual(['(x * 0.7)', 'x = 3 ? 1 : 0', '"0.69999999999999996"']);
  });
});
