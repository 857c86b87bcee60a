import { describe, expect, it } from 'vitest';
import { UndefinedResultError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';

const FIELDS = [dataField('age'), dataField('income'), dataField('score')];
const OUTPUT = `<Output>
  <OutputField name="rc1" feature="reasonCode" rank="1"/>
  <OutputField name="rc2" feature="reasonCode" rank="2"/>
  <OutputField name="rc3" feature="reasonCode" rank="3"/>
</Output>`;

function scorecard(attributes: string, characteristics: string): ReturnType<typeof load> {
  return load(
    FIELDS,
    `<Scorecard functionName="regression" ${attributes}>
      <MiningSchema><MiningField name="score" usageType="target"/><MiningField name="age"/><MiningField name="income"/></MiningSchema>
      ${OUTPUT}
      <Characteristics>${characteristics}</Characteristics>
    </Scorecard>`,
  );
}

const AGE = `<Characteristic name="age" reasonCode="AGE" baselineScore="10">
  <Attribute partialScore="5"><SimplePredicate field="age" operator="lessThan" value="30"/></Attribute>
  <Attribute partialScore="15"><SimplePredicate field="age" operator="lessThan" value="60"/></Attribute>
  <Attribute partialScore="20"><True/></Attribute>
</Characteristic>`;
const INCOME = `<Characteristic name="income" reasonCode="INC" baselineScore="8">
  <Attribute partialScore="2"><SimplePredicate field="income" operator="lessThan" value="1000"/></Attribute>
  <Attribute partialScore="12"><True/></Attribute>
</Characteristic>`;

describe('Scorecard', () => {
  it('adds the partial score of the first true Attribute of each Characteristic to initialScore', () => {
    expectClose(score(scorecard('initialScore="100"', AGE + INCOME), { age: 25, income: 5000 }).score, 100 + 5 + 12);
  });

  it('ranks reason codes by baselineScore − partialScore under pointsBelow (the default)', () => {
    // AGE: 10 − 5 = 5; INC: 8 − 2 = 6.
    const result = score(scorecard('', AGE + INCOME), { age: 25, income: 500 });
    expect([result.rc1, result.rc2, result.rc3]).toEqual(['INC', 'AGE', null]);
  });

  it('ranks reason codes by partialScore − baselineScore under pointsAbove', () => {
    // AGE: 15 − 10 = 5; INC: 12 − 8 = 4.
    const result = score(scorecard('reasonCodeAlgorithm="pointsAbove"', AGE + INCOME), { age: 40, income: 5000 });
    expect([result.rc1, result.rc2]).toEqual(['AGE', 'INC']);
  });

  it('drops reason codes with negative points', () => {
    // AGE: 10 − 20 = −10 is no reason; INC: 8 − 2 = 6.
    const result = score(scorecard('', AGE + INCOME), { age: 70, income: 500 });
    expect([result.rc1, result.rc2]).toEqual(['INC', null]);
  });

  it('keeps document order for reason codes with equal points', () => {
    // AGE: 10 − 5 = 5; INC: 8 − 3 = 5.
    const income = INCOME.replace('partialScore="2"', 'partialScore="3"');
    const result = score(scorecard('', AGE + income), { age: 20, income: 500 });
    expect([result.rc1, result.rc2]).toEqual(['AGE', 'INC']);
  });

  it("uses the Scorecard's baselineScore for a Characteristic without one, and an Attribute's own reasonCode", () => {
    const income = INCOME.replace(' baselineScore="8"', '').replace('<Attribute partialScore="2">', '<Attribute partialScore="2" reasonCode="LOW">');
    // AGE: 10 − 5 = 5; LOW: 30 − 2 = 28.
    const result = score(scorecard('baselineScore="30"', AGE + income), { age: 20, income: 500 });
    expect([result.rc1, result.rc2]).toEqual(['LOW', 'AGE']);
  });

  it('computes a ComplexPartialScore from the record', () => {
    const complex = `<Characteristic name="income" reasonCode="INC" baselineScore="0">
      <Attribute><True/><ComplexPartialScore><Apply function="*"><FieldRef field="income"/><Constant>0.01</Constant></Apply></ComplexPartialScore></Attribute>
    </Characteristic>`;
    expectClose(score(scorecard('useReasonCodes="false"', complex), { age: 1, income: 3000 }).score, 30);
  });

  it('has no score when no Attribute of a Characteristic is true', () => {
    const partial = `<Characteristic name="age" reasonCode="AGE" baselineScore="0">
      <Attribute partialScore="5"><SimplePredicate field="age" operator="lessThan" value="30"/></Attribute>
    </Characteristic>`;
    expect(() => score(scorecard('', partial), { age: 40, income: 0 })).toThrow(UndefinedResultError);
  });
});
