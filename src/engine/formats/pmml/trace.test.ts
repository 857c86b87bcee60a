import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPmml, type SegmentTrace } from './index.js';
import { dataField, expectClose, identityRegression, load, values } from './test-helpers.js';

const FIELDS = [dataField('x'), dataField('y')];

/** A regression tree over x: `x ≤ threshold` → low, else high. Node ids differ per tree so paths tell trees apart. */
function tree(id: string, threshold: number, low: number, high: number): string {
  return `<TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
    <Node id="${id}"><True/>
      <Node id="${id}L" score="${low}"><SimplePredicate field="x" operator="lessOrEqual" value="${threshold}"/></Node>
      <Node id="${id}H" score="${high}"><SimplePredicate field="x" operator="greaterThan" value="${threshold}"/></Node>
    </Node></TreeModel>`;
}

const TREES = [tree('a', 1, -1, 2), tree('b', 2, 0.5, -3), tree('c', 3, 4, 0.25)];
const RESCALE = 0.125;

/** modelChain( sum(trees) with a Target rescaleConstant, then 2 × that sum ): an ensemble inside an ensemble. */
const NESTED = `<MiningModel functionName="regression">
  <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
  <Segmentation multipleModelMethod="modelChain">
    <Segment id="boost"><True/>
      <MiningModel functionName="regression">
        <MiningSchema><MiningField name="x"/></MiningSchema>
        <Output><OutputField name="boosted" feature="predictedValue" isFinalResult="false"/></Output>
        <Targets><Target rescaleConstant="${RESCALE}"/></Targets>
        <Segmentation multipleModelMethod="sum">
          ${TREES.map((t, i) => `<Segment id="t${i + 1}"><True/>${t}</Segment>`).join('')}
        </Segmentation>
      </MiningModel>
    </Segment>
    <Segment id="scale"><True/>
      <RegressionModel functionName="regression"><MiningSchema><MiningField name="boosted"/></MiningSchema>
        <RegressionTable intercept="0"><NumericPredictor name="boosted" coefficient="2"/></RegressionTable></RegressionModel>
    </Segment>
  </Segmentation>
</MiningModel>`;

/** The same tree as a document of its own, with y as its target. */
function alone(treeMarkup: string) {
  return load(FIELDS, treeMarkup.replace('<MiningSchema>', '<MiningSchema><MiningField name="y" usageType="target"/>'));
}

describe('evaluation trace of a nested ensemble', () => {
  const model = load(FIELDS, NESTED);

  it.each([0, 1.5, 2.5, 5])('traces each inner segment with the value and path it has on its own (x = %s)', (x) => {
    const result = model.evaluate({ x }, { trace: true });
    const boost = result.trace?.segments?.find((s) => s.id === 'boost');
    const inner = boost?.segments ?? [];
    expect(inner.map((s) => s.id)).toEqual(['t1', 't2', 't3']);
    TREES.forEach((markup, i) => {
      const own = alone(markup).evaluate({ x });
      expect(inner[i].value).toBe(own.values.get('y'));
      expect(inner[i].decisionPath).toEqual(own.decisionPath);
    });
  });

  it('traces inner values that add up, with the Target rescaleConstant, to the traced parent value', () => {
    for (const x of [0, 1.5, 2.5, 5]) {
      const result = model.evaluate({ x }, { trace: true });
      const [boost, scale] = result.trace?.segments ?? [];
      const sum = (boost.segments ?? []).reduce((s, t: SegmentTrace) => s + (t.value as number), 0);
      expectClose(boost.value, sum + RESCALE);
      expectClose(scale.value, 2 * (boost.value as number));
      expectClose(result.values.get('y'), scale.value as number);
    }
  });

  it('gives the same result with and without a trace', () => {
    for (const x of [0, 1.5, 2.5, 5]) {
      expect(model.evaluate({ x }, { trace: true }).values).toEqual(model.evaluate({ x }).values);
    }
  });
});

describe('evaluation trace of a real boosted-trees-then-logistic-regression chain', () => {
  // jpmml-sklearn GBDTLRVersicolor: 11 gradient-boosted trees (a sum with Target rescaleConstant) feed a logistic
  // regression. Most of the trees are identical (the data is easy to split), so most inner values are equal; the
  // trees that differ must show their own leaf.
  const dir = resolve('../shared/conformance/pmml/cases/jpmml-sklearn/GBDTLRVersicolor');
  const model = loadPmml(readFileSync(`${dir}/model.pmml`));
  const [header, ...rows] = readFileSync(`${dir}/input.csv`, 'utf8').trim().split('\n');
  const record = (row: string) => Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
  const rescaleConstant = Number(/<Target rescaleConstant="([^"]+)"/.exec(readFileSync(`${dir}/model.pmml`, 'utf8'))![1]);

  it('traces the trees that differ with their own leaves, and the leaves add up to the boosted sum', () => {
    const trace = model.evaluate(record(rows[50]), { trace: true }).trace;
    const boost = trace?.segments?.[0];
    const inner = boost?.segments ?? [];
    expect(inner).toHaveLength(11);
    expect(new Set(inner.map((s) => s.decisionPath?.join('>'))).size).toBeGreaterThan(1);
    const sum = inner.reduce((s, t) => s + (t.value as number), 0);
    expectClose(boost?.value, sum + rescaleConstant, 1e-13);
  });
});

describe('evaluation trace of a classification RegressionModel', () => {
  const model = load(
    [dataField('x'), dataField('c', 'string', 'categorical', values('u', 'v')), dataField('y', 'string', 'categorical', values('a', 'b', 'z'))],
    `<RegressionModel functionName="classification" normalizationMethod="softmax">
      <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/><MiningField name="c"/></MiningSchema>
      <RegressionTable targetCategory="a" intercept="1"><NumericPredictor name="x" coefficient="2"/><CategoricalPredictor name="c" value="u" coefficient="0.5"/></RegressionTable>
      <RegressionTable targetCategory="b" intercept="0"><NumericPredictor name="x" coefficient="-3"/><CategoricalPredictor name="c" value="u" coefficient="4"/></RegressionTable>
      <RegressionTable targetCategory="z" intercept="0"/>
    </RegressionModel>`,
  );

  it('names the target category of the RegressionTable each term contribution belongs to', () => {
    const contributions = model.evaluate({ x: 2, c: 'u' }, { trace: true }).trace?.contributions;
    expect(contributions).toEqual([
      { table: 'a', label: 'x', value: 4 },
      { table: 'a', label: 'c=u', value: 0.5 },
      { table: 'b', label: 'x', value: -6 },
      { table: 'b', label: 'c=u', value: 4 },
    ]);
  });

  it('labels a categorical contribution with the document\'s category text, as the description labels its term', () => {
    const numeric = load(
      [dataField('k', 'integer', 'categorical', values('1', '2')), dataField('y')],
      `<RegressionModel functionName="regression">
        <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="k"/></MiningSchema>
        <RegressionTable intercept="0"><CategoricalPredictor name="k" value="01" coefficient="3"/></RegressionTable>
      </RegressionModel>`,
    );
    const labels = numeric.description.structure.kind === 'regression' ? numeric.description.structure.tables[0].terms.map((t) => t.label) : [];
    expect(labels).toEqual(['k=01']);
    expect(numeric.evaluate({ k: '1' }, { trace: true }).trace?.contributions).toEqual([{ label: 'k=01', value: 3 }]);
    expect(numeric.evaluate({ k: '2' }, { trace: true }).trace?.contributions).toEqual([{ label: 'k=2', value: 0 }]);
  });

  it('leaves the table out for a regression table without a targetCategory', () => {
    const regression = load(FIELDS, identityRegression());
    expect(regression.evaluate({ x: 3 }, { trace: true }).trace?.contributions).toEqual([{ label: 'x', value: 3 }]);
    expect(regression.evaluate({ x: 3 }, { trace: true }).trace?.contributions?.[0]).not.toHaveProperty('table');
  });
});
