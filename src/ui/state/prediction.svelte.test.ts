import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PredictionState } from './prediction.svelte.js';
import type { PredictionOutcome, Predictor } from './predictor.js';

function outcome(value: number): PredictionOutcome {
  return { fields: [{ name: 'y', value }], latencyMs: 1 };
}

/** A predictor whose calls stay pending until the test settles them. */
function manualPredictor() {
  const calls: { inputs: unknown; resolve: (o: PredictionOutcome) => void; reject: (e: unknown) => void }[] = [];
  const predictor: Predictor = {
    predict: (inputs) => new Promise((resolve, reject) => calls.push({ inputs, resolve, reject })),
    dispose: () => undefined,
  };
  return { predictor, calls };
}

describe('PredictionState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('predicts once for a burst of edits', async () => {
    const { predictor, calls } = manualPredictor();
    let x = 0;
    const state = new PredictionState(predictor, () => ({ ok: true, inputs: { x } }));
    for (x = 1; x <= 5; x++) state.request();
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    expect(calls[0].inputs).toEqual({ x: 6 });
  });

  it('folds edits made while a prediction runs into one follow-up with the latest inputs', async () => {
    const { predictor, calls } = manualPredictor();
    let x = 1;
    const state = new PredictionState(predictor, () => ({ ok: true, inputs: { x } }));
    const first = state.run();
    x = 2;
    void state.run();
    x = 3;
    void state.run();
    calls[0].resolve(outcome(10));
    await vi.runAllTimersAsync();
    expect(calls.map((c) => c.inputs)).toEqual([{ x: 1 }, { x: 3 }]);
    calls[1].resolve(outcome(30));
    await first;
    expect(state.result?.fields[0].value).toBe(30);
    expect(state.count).toBe(2);
  });

  it('keeps the last result and reports the error when a prediction fails', async () => {
    const { predictor, calls } = manualPredictor();
    const state = new PredictionState(predictor, () => ({ ok: true, inputs: {} }));
    const first = state.run();
    calls[0].resolve(outcome(1));
    await first;
    const second = state.run();
    calls[1].reject({ code: 'value.invalid', message: "The value 'x' of field 'a' is not valid.", field: 'a' });
    await second;
    expect(state.result?.fields[0].value).toBe(1);
    expect(state.error).toMatchObject({ code: 'value.invalid', field: 'a' });
  });

  it('does not call the model when the inputs cannot be read', async () => {
    const { predictor, calls } = manualPredictor();
    const state = new PredictionState(predictor, () => ({ ok: false, error: { code: 'app.input', message: "'t' is not valid JSON." } }));
    await state.run();
    expect(calls).toHaveLength(0);
    expect(state.error?.code).toBe('app.input');
  });
});
