import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPmml } from '../engine/formats/pmml/index.js';
import { ScoringError } from './cli-error.js';
import type { ScoreRequest } from './model-scorer.js';
import { scoreWithModel, startsWithMarkup } from './pmml-score.js';
import { runScore } from './score.js';

/** y = 1 + 2x, with a final output field and a non-final one; 'abc' for x is invalid. */
const PMML = `<?xml version="1.0" encoding="UTF-8"?>
<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
  <Header/>
  <DataDictionary>
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="y" optype="continuous" dataType="double"/>
  </DataDictionary>
  <RegressionModel functionName="regression">
    <MiningSchema>
      <MiningField name="x" invalidValueTreatment="returnInvalid"/>
      <MiningField name="y" usageType="target"/>
    </MiningSchema>
    <Output>
      <OutputField name="predicted" feature="predictedValue" dataType="double" optype="continuous"/>
      <OutputField name="hidden" feature="predictedValue" dataType="double" optype="continuous" isFinalResult="false"/>
    </Output>
    <RegressionTable intercept="1">
      <NumericPredictor name="x" coefficient="2"/>
    </RegressionTable>
  </RegressionModel>
</PMML>
`;

const dir = mkdtempSync(join(tmpdir(), 'modelport-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = loadPmml(PMML, { fileName: 'linear.pmml' });

const csvFile = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function score(inputText: string, options: Partial<ScoreRequest> = {}): Promise<{ csv: string; warnings: string[] }> {
  let csv = '';
  const warnings: string[] = [];
  await scoreWithModel(model, {
    modelPath: 'linear.pmml',
    inputPath: csvFile('input.csv', inputText),
    separator: ',',
    includeAll: false,
    write: async (chunk) => {
      csv += chunk;
    },
    warn: (line) => warnings.push(line),
    ...options,
  });
  return { csv, warnings };
}

describe('scoreWithModel', () => {
  it('writes one column per final result field, named as the document names it', async () => {
    expect((await score('x\n1\n2.5\n')).csv).toBe('y,predicted\n3,3\n6,6\n');
  });

  it('writes the non-final output fields too with --all', async () => {
    expect((await score('x\n1\n', { includeAll: true })).csv).toBe('y,predicted,hidden\n3,3,3\n');
  });

  it('reads NA, N/A and empty cells as missing and writes missing results as empty cells', async () => {
    expect((await score('x,other\nNA,a\nN/A,b\n,c\n')).csv).toBe('y,predicted\n,\n,\n,\n');
  });

  it('warns about an input field that has no column', async () => {
    const { warnings } = await score('z\n1\n');
    expect(warnings).toEqual(["input.csv has no column for the input field(s) 'x'; they are missing in every row."]);
  });

  it('stops at a row that cannot be scored, naming the row', async () => {
    await expect(score('x\n1\nabc\n')).rejects.toThrow(ScoringError);
    await expect(score('x\n1\nabc\n')).rejects.toThrow(/^Row 2 of input\.csv could not be scored: InvalidValueError/);
  });

  it('reads a tab-separated input', async () => {
    expect((await score('other\tx\nq\t3\n', { separator: '\t' })).csv).toBe('y,predicted\n7,7\n');
  });
});

/** Transactional input: baskets grouped by 'transaction'; the rule Cracker → Water fires for baskets with Cracker. */
const ASSOCIATION_PMML = `<PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4">
  <Header/>
  <DataDictionary>
    <DataField name="transaction" optype="categorical" dataType="string"/>
    <DataField name="item" optype="categorical" dataType="string"/>
  </DataDictionary>
  <AssociationModel functionName="associationRules" numberOfTransactions="2" minimumSupport="0.1" minimumConfidence="0.1"
      numberOfItems="2" numberOfItemsets="2" numberOfRules="1">
    <MiningSchema>
      <MiningField name="transaction" usageType="group"/>
      <MiningField name="item" usageType="active"/>
    </MiningSchema>
    <Output>
      <OutputField name="rule" feature="ruleValue" ruleFeature="ruleId" rank="1" algorithm="recommendation" dataType="string" optype="categorical"/>
    </Output>
    <Item id="1" value="Cracker"/>
    <Item id="2" value="Water"/>
    <Itemset id="1" numberOfItems="1"><ItemRef itemRef="1"/></Itemset>
    <Itemset id="2" numberOfItems="1"><ItemRef itemRef="2"/></Itemset>
    <AssociationRule id="r1" support="0.5" confidence="1.0" antecedent="1" consequent="2"/>
  </AssociationModel>
</PMML>`;

describe('scoreWithModel on transactional input', () => {
  it('writes one row per group, led by the group value', async () => {
    let csv = '';
    await scoreWithModel(loadPmml(ASSOCIATION_PMML), {
      modelPath: 'rules.pmml',
      inputPath: csvFile('baskets.csv', 'transaction,item\nt1,Coke\nt2,Coke\nt1,Cracker\n'),
      separator: ',',
      includeAll: false,
      write: async (chunk) => {
        csv += chunk;
      },
      warn: () => {},
    });
    expect(csv).toBe('transaction,rule\nt1,r1\nt2,\n');
  });

  it('writes a multi-valued result as a bracketed list, [] when it is empty', async () => {
    const pmml = ASSOCIATION_PMML.replace(
      '</Output>',
      '<OutputField name="all" feature="ruleValue" ruleFeature="ruleId" rank="0" isMultiValued="1" algorithm="recommendation"/></Output>',
    ).replace('</AssociationModel>', '<AssociationRule id="r2" support="0.5" confidence="0.5" antecedent="2" consequent="1"/></AssociationModel>');
    let csv = '';
    await scoreWithModel(loadPmml(pmml), {
      modelPath: 'rules.pmml',
      inputPath: csvFile('baskets-all.csv', 'transaction,item\nt1,Water\nt2,Coke\nt1,Cracker\n'),
      separator: ',',
      includeAll: false,
      write: async (chunk) => {
        csv += chunk;
      },
      warn: () => {},
    });
    expect(csv).toBe('transaction,rule,all\nt1,r1,"[r1, r2]"\nt2,,[]\n');
  });
});

describe('runScore', () => {
  it('detects the PMML model by its content and writes the results to --output', async () => {
    const modelPath = csvFile('linear.model', PMML);
    const output = join(dir, 'out.csv');
    const stderr = new PassThrough();
    const status = await runScore(
      { name: 'score', model: modelPath, input: csvFile('in.csv', 'x\n0\n'), output, all: false, separator: ',', debug: false },
      new PassThrough(),
      stderr,
    );
    expect(status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('y,predicted\n1,1\n');
    expect(String(stderr.read())).toMatch(/^Scored 1 rows with PMML/);
  });
});

describe('runScore errors', () => {
  it('names the model file when the model cannot be loaded', async () => {
    const modelPath = csvFile('broken.pmml', '<PMML version="4.4"><Header/></PMML>');
    const command = { name: 'score', model: modelPath, input: csvFile('in.csv', 'x\n0\n'), all: false, separator: ',', debug: false } as const;
    await expect(runScore(command, new PassThrough(), new PassThrough())).rejects.toThrow(/^broken\.pmml: MissingMarkupError: /);
  });
});

describe('startsWithMarkup', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('accepts XML after a byte order mark and white space', () => {
    expect(startsWithMarkup(bytes('\ufeff\n  <?xml version="1.0"?><PMML/>'))).toBe(true);
  });

  it('rejects binary and text that is not markup', () => {
    expect(startsWithMarkup(new Uint8Array([0x08, 0x07, 0x12, 0x00]))).toBe(false);
    expect(startsWithMarkup(bytes('x,y\n1,2\n'))).toBe(false);
  });
});
