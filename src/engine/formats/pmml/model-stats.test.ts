import { describe, expect, it } from 'vitest';
import { dataField, load, score, values } from './test-helpers.js';

const STATS = `<ModelStats>
  <UnivariateStats field="age">
    <Counts totalFreq="10" missingFreq="0" invalidFreq="0"/>
    <NumericInfo minimum="17" maximum="83" mean="38.3" standardDeviation="13.0" median="37" interQuartileRange="19"/>
  </UnivariateStats>
  <UnivariateStats field="job">
    <Counts totalFreq="10"/>
    <DiscrStats><Array type="string">Clerk "Self Employed" Farmer</Array><Array type="int">2 7 1</Array></DiscrStats>
  </UnivariateStats>
  <UnivariateStats field="y"><NumericInfo mean="5"/></UnivariateStats>
</ModelStats>`;

function modelWithStats(stats: string) {
  return load(
    [dataField('age'), dataField('job', 'string', 'categorical', values('Clerk', 'Self Employed', 'Farmer')), dataField('hours'), dataField('y')],
    `<RegressionModel functionName="regression">
      <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="age"/><MiningField name="job"/><MiningField name="hours"/></MiningSchema>
      ${stats}
      <RegressionTable intercept="0"><NumericPredictor name="age" coefficient="1"/></RegressionTable>
    </RegressionModel>`,
  );
}

describe('ModelStats in the input field specs', () => {
  it('gives a continuous input the NumericInfo minimum, maximum, mean and median', () => {
    const age = modelWithStats(STATS).description.inputFields.find((f) => f.name === 'age');
    expect(age?.statistics).toEqual({ minimum: 17, maximum: 83, mean: 38.3, median: 37, mode: undefined });
  });

  it('gives a categorical input the most frequent DiscrStats value as its mode, quoted values included', () => {
    const job = modelWithStats(STATS).description.inputFields.find((f) => f.name === 'job');
    expect(job?.statistics?.mode).toBe('Self Employed');
  });

  it('leaves a field without UnivariateStats, and a document without ModelStats, without statistics', () => {
    expect(modelWithStats(STATS).description.inputFields.find((f) => f.name === 'hours')?.statistics).toBeUndefined();
    expect(modelWithStats('').description.inputFields.every((f) => f.statistics === undefined)).toBe(true);
  });

  it('does not change scoring', () => {
    expect(score(modelWithStats(STATS), { age: 40, job: 'Clerk', hours: 1 })).toEqual(score(modelWithStats(''), { age: 40, job: 'Clerk', hours: 1 }));
  });
});
