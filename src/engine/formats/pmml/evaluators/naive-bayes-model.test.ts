import { describe, expect, it } from 'vitest';
import { UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [
  dataField('colour', 'string', 'categorical', values('red', 'blue', 'green')),
  dataField('size'),
  dataField('label', 'string', 'categorical', values('yes', 'no')),
];
const OUTPUT = `<Output><OutputField name="p_yes" feature="probability" value="yes"/><OutputField name="p_no" feature="probability" value="no"/></Output>`;
const counts = (yes: number, no: number): string =>
  `<TargetValueCounts><TargetValueCount value="yes" count="${yes}"/><TargetValueCount value="no" count="${no}"/></TargetValueCounts>`;
const COLOUR = `<BayesInput fieldName="colour">
  <PairCounts value="red">${counts(6, 1)}</PairCounts>
  <PairCounts value="blue">${counts(2, 3)}</PairCounts>
  <PairCounts value="green">${counts(0, 4)}</PairCounts>
</BayesInput>`;
const gaussian = (yes: [number, number], no: [number, number]): string => `<BayesInput fieldName="size"><TargetValueStats>
  <TargetValueStat value="yes"><GaussianDistribution mean="${yes[0]}" variance="${yes[1]}"/></TargetValueStat>
  <TargetValueStat value="no"><GaussianDistribution mean="${no[0]}" variance="${no[1]}"/></TargetValueStat>
</TargetValueStats></BayesInput>`;

function naiveBayes(inputs: string, threshold = '0.01'): string {
  return `<NaiveBayesModel functionName="classification" threshold="${threshold}">
    <MiningSchema><MiningField name="label" usageType="target"/><MiningField name="colour"/><MiningField name="size"/></MiningSchema>
    ${OUTPUT}
    <BayesInputs>${inputs}</BayesInputs>
    <BayesOutput fieldName="label">${counts(8, 8)}</BayesOutput>
  </NaiveBayesModel>`;
}

/** Normalises unnormalised class likelihoods [yes, no] into P(yes). */
const share = (yes: number, no: number): number => yes / (yes + no);
const normal = (x: number, mean: number, variance: number): number => Math.exp(-((x - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);

describe('NaiveBayesModel', () => {
  it('multiplies the prior count by count(value, class) / count(class) for a categorical input', () => {
    const result = score(load(FIELDS, naiveBayes(COLOUR)), { colour: 'blue', size: null });
    // P(blue | yes) = 2/8, P(blue | no) = 3/8, equal priors.
    expectClose(result.p_yes, share(8 * (2 / 8), 8 * (3 / 8)));
    expect(result.label).toBe('no');
  });

  it('a traced record keeps each input\'s log-likelihood per class, and null for a missing input', () => {
    const model = load(FIELDS, naiveBayes(`${COLOUR}${gaussian([10, 4], [12, 9])}`));
    const bayes = model.evaluate({ colour: 'blue', size: null }, { trace: true }).trace?.explanation?.bayes;
    expect(bayes?.classes).toEqual(['yes', 'no']);
    expect(bayes?.prior).toEqual([Math.log(8), Math.log(8)]);
    expect(bayes?.inputs[1]).toBeNull();
    expectClose(bayes?.inputs[0]?.[0], Math.log(2 / 8));
    expectClose(bayes?.inputs[0]?.[1], Math.log(3 / 8));
  });

  it('uses the threshold in place of a zero count', () => {
    const result = score(load(FIELDS, naiveBayes(COLOUR, '0.05')), { colour: 'green', size: null });
    expectClose(result.p_yes, share(8 * 0.05, 8 * (4 / 8)));
  });

  it('multiplies by the Gaussian density of a continuous input', () => {
    const result = score(load(FIELDS, naiveBayes(gaussian([10, 4], [12, 9]))), { colour: null, size: 11 });
    expectClose(result.p_yes, share(normal(11, 10, 4), normal(11, 12, 9)));
  });

  it('raises a density below the threshold to the threshold', () => {
    const result = score(load(FIELDS, naiveBayes(gaussian([10, 1], [30, 1]), '0.001')), { colour: null, size: 10 });
    expectClose(result.p_yes, share(normal(10, 10, 1), 0.001));
  });

  it('skips a Gaussian distribution whose variance is not positive', () => {
    const result = score(load(FIELDS, naiveBayes(gaussian([10, 0], [12, 9]))), { colour: null, size: 11 });
    expectClose(result.p_yes, share(1, normal(11, 12, 9)));
  });

  it('multiplies by the Poisson probability of the integer part of the value', () => {
    const input = `<BayesInput fieldName="size"><TargetValueStats>
      <TargetValueStat value="yes"><PoissonDistribution mean="2"/></TargetValueStat>
      <TargetValueStat value="no"><PoissonDistribution mean="5"/></TargetValueStat>
    </TargetValueStats></BayesInput>`;
    const poisson = (k: number, lambda: number): number => (lambda ** k * Math.exp(-lambda)) / [1, 1, 2, 6][k];
    const result = score(load(FIELDS, naiveBayes(input)), { colour: null, size: 3.7 });
    expectClose(result.p_yes, share(poisson(3, 2), poisson(3, 5)));
  });

  it('reads a BayesInput wrapped in an Extension of BayesInputs (pre-4.2 continuous inputs) as a regular input', () => {
    const wrapped = score(load(FIELDS, naiveBayes(`${COLOUR}<Extension>${gaussian([5, 1], [7, 1])}</Extension>`)), { colour: 'red', size: 6.5 });
    const plain = score(load(FIELDS, naiveBayes(`${COLOUR}${gaussian([5, 1], [7, 1])}`)), { colour: 'red', size: 6.5 });
    const colourOnly = score(load(FIELDS, naiveBayes(COLOUR)), { colour: 'red', size: 6.5 });
    expectClose(wrapped.p_yes, plain.p_yes as number);
    expect(Math.abs((wrapped.p_yes as number) - (colourOnly.p_yes as number))).toBeGreaterThan(0.01);
  });

  it('ignores missing inputs and values without PairCounts, leaving the priors', () => {
    const model = load(FIELDS, naiveBayes(COLOUR + gaussian([10, 4], [12, 9])));
    expectClose(score(model, { colour: null, size: null }).p_yes, 0.5);
    const fields = [dataField('colour', 'string', 'categorical'), FIELDS[1], FIELDS[2]];
    expectClose(score(load(fields, naiveBayes(COLOUR)), { colour: 'purple', size: null }).p_yes, 0.5);
  });

  it('combines several inputs as a product of likelihoods', () => {
    const result = score(load(FIELDS, naiveBayes(COLOUR + gaussian([10, 4], [12, 9]))), { colour: 'red', size: 11 });
    expectClose(result.p_yes, share((6 / 8) * normal(11, 10, 4), (1 / 8) * normal(11, 12, 9)));
    expect(result.label).toBe('yes');
  });

  it('maps a continuous input onto PairCounts values through its Discretize DerivedField', () => {
    const input = `<BayesInput fieldName="size">
      <DerivedField optype="categorical" dataType="string">
        <Discretize field="size"><DiscretizeBin binValue="small"><Interval closure="openOpen" rightMargin="5"/></DiscretizeBin>
          <DiscretizeBin binValue="large"><Interval closure="closedOpen" leftMargin="5"/></DiscretizeBin></Discretize>
      </DerivedField>
      <PairCounts value="small">${counts(1, 3)}</PairCounts><PairCounts value="large">${counts(3, 1)}</PairCounts>
    </BayesInput>`;
    const model = load(FIELDS, naiveBayes(input));
    expectClose(score(model, { colour: null, size: 7 }).p_yes, 0.75);
    expectClose(score(model, { colour: null, size: 2 }).p_yes, 0.25);
  });

  it('reports distributions other than Gaussian and Poisson as unsupported when the model loads', () => {
    const input = `<BayesInput fieldName="size"><TargetValueStats>
      <TargetValueStat value="yes"><UniformDistribution lower="0" upper="1"/></TargetValueStat>
    </TargetValueStats></BayesInput>`;
    expect(() => load(FIELDS, naiveBayes(input))).toThrow(UnsupportedMarkupError);
  });

  it('describes classes, threshold and inputs for the summary and evidence views', () => {
    const structure = load(FIELDS, naiveBayes(COLOUR + gaussian([10, 4], [12, 9]))).description.structure;
    expect(structure).toEqual({
      kind: 'other',
      element: 'NaiveBayesModel',
      summary: [
        { label: 'Classes', value: 'yes: 8, no: 8' },
        { label: 'Threshold', value: '0.01' },
        { label: 'Per-class likelihoods', value: 'colour (counts of 3 values), size (Gaussian)' },
      ],
      naiveBayes: {
        classes: [{ value: 'yes', count: 8 }, { value: 'no', count: 8 }],
        inputs: [{ field: 'colour', evidence: 'counts of 3 values' }, { field: 'size', evidence: 'Gaussian' }],
        threshold: 0.01,
      },
    });
  });
});
