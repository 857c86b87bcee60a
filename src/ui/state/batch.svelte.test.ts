import { describe, expect, it } from 'vitest';
import type { BatchReply } from '../workers/engine-protocol.js';
import { BatchState } from './batch.svelte.js';
import type { BatchScoreOptions, BatchScorer } from './batch-scorer.js';

const REPLY: BatchReply = { header: ['x'], resultNames: ['y'], missingFields: [], matchedFields: ['x'], rowCount: 1, failed: 0, preview: [], csv: 'x,y\n1,2', ms: 1 };
const file = (text = 'x\n1\n') => new File([text], 'rows.csv');

/** A scorer whose call stays pending until the test settles it, as the PMML worker's one-step scoring does. */
function manualScorer() {
  const calls: { options?: BatchScoreOptions; resolve: (reply: BatchReply) => void; reject: (error: unknown) => void }[] = [];
  const scorer: BatchScorer = {
    inputHint: 'A CSV',
    scoreCsv: (_text, options) => new Promise((resolve, reject) => calls.push({ options, resolve, reject })),
  };
  return { scorer, calls };
}

/** Lets the state read the file and call the scorer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BatchState', () => {
  it('shows the progress the scorer reports while it runs', async () => {
    const { scorer, calls } = manualScorer();
    const batch = new BatchState(scorer);
    const scoring = batch.score(file());
    await settle();
    calls[0].options?.onProgress?.({ done: 256, total: 1000 });
    expect(batch.progress).toEqual({ done: 256, total: 1000 });
    calls[0].resolve(REPLY);
    await scoring;
    expect(batch.reply).toBe(REPLY);
    expect(batch.progress).toBeNull();
  });

  it('drops the result of a scorer that finishes after a cancel', async () => {
    const { scorer, calls } = manualScorer();
    const batch = new BatchState(scorer);
    const scoring = batch.score(file());
    await settle();
    batch.cancel();
    await scoring;
    calls[0].resolve(REPLY);
    await settle();
    expect(batch).toMatchObject({ reply: null, isRunning: false, wasCancelled: true, error: null });
    expect(calls[0].options?.signal?.aborted).toBe(true);
  });

  it('keeps the error of a file that cannot be scored, naming the file', async () => {
    const { scorer, calls } = manualScorer();
    const batch = new BatchState(scorer);
    const scoring = batch.score(file());
    await settle();
    calls[0].reject({ code: 'value.invalid', message: "Row 3, column 2 ('b') holds \"x\", which is not a number." });
    await scoring;
    expect(batch.error).toMatchObject({ code: 'value.invalid', fileName: 'rows.csv' });
    expect(batch.wasCancelled).toBe(false);
  });
});
