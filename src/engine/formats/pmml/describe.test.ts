import { describe, expect, it } from 'vitest';
import type { TreeNodeSpec } from '../../model/description.js';
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

  it('carries header information', () => {
    const model = load([dataField('x'), dataField('y')], identityRegression());
    expect(model.description).toMatchObject({ format: 'pmml', kind: 'RegressionModel', formatVersion: '4.4' });
  });
});
