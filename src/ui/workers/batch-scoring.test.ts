import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPmml } from '../../engine/formats/pmml/index.js';
import { scoreCsv } from './batch-scoring.js';

const LINEAR = `<?xml version="1.0"?>
<PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4">
  <Header/>
  <DataDictionary>
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="y" optype="continuous" dataType="double"/>
  </DataDictionary>
  <RegressionModel functionName="regression">
    <MiningSchema>
      <MiningField name="x"/>
      <MiningField name="y" usageType="target"/>
    </MiningSchema>
    <RegressionTable intercept="1">
      <NumericPredictor name="x" coefficient="2"/>
    </RegressionTable>
  </RegressionModel>
</PMML>`;

describe('scoreCsv', () => {
  const model = loadPmml(LINEAR, { fileName: 'linear.pmml' });

  it('scores each row and writes inputs, results and an error column', () => {
    const reply = scoreCsv(model, 'x\n1\n2.5\n', ['y']);
    expect(reply.rowCount).toBe(2);
    expect(reply.preview.map((r) => r.values[0])).toEqual([3, 6]);
    expect(reply.csv.split(/\r?\n/)).toEqual(['x,y,error', '1,3,', '2.5,6,']);
  });

  it('reads NA and empty cells as missing, and names the input fields the file lacks', () => {
    const reply = scoreCsv(model, 'z\nNA\n', ['y']);
    expect(reply.missingFields).toEqual(['x']);
    expect(reply.preview[0].inputs).toEqual([null]);
  });

  it('keeps going past a row the model cannot score', () => {
    const reply = scoreCsv(model, 'x\nabc\n4\n', ['y']);
    expect(reply.rowCount).toBe(2);
    expect(reply.preview[1].values).toEqual([9]);
    expect(reply.failed).toBe(1);
    expect(reply.preview[0].error).toMatch(/'x'/);
  });
});

describe('scoreCsv with list results', () => {
  // jpmml's CategoricalSchemaTest: one T/F column per item, multi-valued recommendation outputs.
  const file = new URL('../../../../shared/conformance/pmml/models-only/jpmml-evaluator.unit/association/CategoricalSchemaTest.pmml', import.meta.url);
  const model = loadPmml(readFileSync(file, 'utf8'), { fileName: 'CategoricalSchemaTest.pmml' });

  it('keeps a list in the preview and writes it to the CSV as the CLI does, [a, b]', () => {
    const reply = scoreCsv(model, 'Banana,Coke,Cracker,Nachos,Pear,Water\nF,T,T,F,F,F\n', ['Recommendation', 'Rule_Association']);
    expect(reply.preview[0].values).toEqual([['1', '3'], ['3']]);
    expect(reply.csv.split(/\r?\n/)[1]).toBe('F,T,T,F,F,F,"[1, 3]",[3],');
  });
});

describe('scoreCsv with transactional input', () => {
  const file = new URL('../../../../shared/conformance/pmml/cases/jpmml-evaluator.rattle/AssociationRulesShopping/model.pmml', import.meta.url);
  const model = loadPmml(readFileSync(file, 'utf8'), { fileName: 'AssociationRulesShopping.pmml' });

  it('scores the rows of one transaction together, one output row per transaction', () => {
    const reply = scoreCsv(model, 'transaction,item\n1,cannedveg\n2,beer\n1,frozenmeal\n', ['ruleId']);
    expect(reply.rowCount).toBe(2);
    expect(reply.preview.map((r) => r.inputs)).toEqual([['1', ['cannedveg', 'frozenmeal']], ['2', ['beer']]]);
    expect(reply.csv.split(/\r?\n/)[1]).toBe('1,"[cannedveg, frozenmeal]",3,');
  });
});
