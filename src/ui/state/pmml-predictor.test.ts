import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../workers/engine-client.js';
import { PmmlPredictor, probabilities } from './pmml-predictor.js';

describe('probabilities', () => {
  it('labels probability outputs by their OutputField value', () => {
    const bars = probabilities(
      [
        { name: 'Predicted_Species', dataType: 'string', feature: 'predictedValue' },
        { name: 'Probability_setosa', dataType: 'double', feature: 'probability', value: 'setosa' },
        { name: 'Probability_virginica', dataType: 'double', feature: 'probability', value: 'virginica' },
      ],
      new Map<string, string | number | null>([['Predicted_Species', 'setosa'], ['Probability_setosa', 0.9], ['Probability_virginica', 0.1]]),
    );
    expect(bars).toEqual([{ label: 'setosa', probability: 0.9 }, { label: 'virginica', probability: 0.1 }]);
  });

  it('falls back to probability(<class>) names when the feature is not known', () => {
    const bars = probabilities([{ name: 'probability(yes)', dataType: 'double' }], new Map([['probability(yes)', 0.4]]));
    expect(bars).toEqual([{ label: 'yes', probability: 0.4 }]);
  });

  it('draws nothing for a regression', () => {
    expect(probabilities([{ name: 'y', dataType: 'double', feature: 'predictedValue' }], new Map([['y', 3]]))).toBeUndefined();
  });
});

describe('PmmlPredictor results', () => {
  it('keeps a multi-valued result as its list of items and a scalar as its value', async () => {
    const engine = {
      evaluate: () => Promise.resolve({ values: new Map<string, unknown>([['Recommendation', ['1', '3']], ['Top', '1']]), latencyMs: 1 }),
    } as unknown as EngineClient;
    const outcome = await new PmmlPredictor(engine, 1, []).predict({});
    expect(outcome.fields).toEqual([
      { name: 'Recommendation', value: null, list: ['1', '3'] },
      { name: 'Top', value: '1' },
    ]);
  });
});
