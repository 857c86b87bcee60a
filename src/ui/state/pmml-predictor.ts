import { isValueList, type ResultValue as PmmlResultValue } from '../../engine/formats/pmml/result-value.js';
import type { EngineClient } from '../workers/engine-client.js';
import type { BatchReply, RawValue, ResultFieldInfo } from '../workers/engine-protocol.js';
import type { BatchScorer } from './batch-scorer.js';
import type { ClassProbability, PredictionOutcome, Predictor, ResultValue } from './predictor.js';

/** Evaluates a PMML model in the engine worker and shapes the reply for the result panel. */
export class PmmlPredictor implements Predictor, BatchScorer {
  readonly inputHint = 'A CSV with one column per input field';

  constructor(
    private readonly engine: EngineClient,
    private readonly handle: number,
    private readonly resultFields: readonly ResultFieldInfo[],
  ) {}

  async predict(inputs: Readonly<Record<string, unknown>>): Promise<PredictionOutcome> {
    const reply = await this.engine.evaluate(this.handle, inputs as Readonly<Record<string, RawValue>>);
    // Declared result fields in document order; non-final outputs were left out by the worker.
    const names = this.resultFields.length > 0 ? this.resultFields.map((f) => f.name) : [...reply.values.keys()];
    return {
      fields: names.map((name) => resultField(name, reply.values.get(name) ?? null)),
      probabilities: probabilities(this.resultFields, reply.values),
      decisionPath: reply.decisionPath,
      trace: reply.trace,
      latencyMs: reply.latencyMs,
    };
  }

  /** Scores every row of a CSV file in the engine worker, in one go (no progress; a cancel only stops the wait). */
  scoreCsv(text: string): Promise<BatchReply> {
    return this.engine.scoreCsv(this.handle, text);
  }

  dispose(): void {
    this.engine.close(this.handle);
  }
}

/** Probability outputs (OutputField feature="probability" value="<class>"), else names like `probability(x)`. */
export function probabilities(fields: readonly ResultFieldInfo[], values: ReadonlyMap<string, PmmlResultValue>): ClassProbability[] | undefined {
  const bars: ClassProbability[] = [];
  for (const field of fields) {
    const value = values.get(field.name);
    if (typeof value !== 'number') continue;
    const label = field.feature === 'probability' ? field.value ?? labelFromName(field.name) : labelFromName(field.name);
    if (field.feature === 'probability' || (field.feature === undefined && label !== undefined)) {
      if (label !== undefined && !bars.some((b) => b.label === label)) bars.push({ label, probability: value });
    }
  }
  return bars.length > 0 ? bars : undefined;
}

/** One result field for the panel: a list result keeps its items apart, so the panel can draw each. */
function resultField(name: string, value: PmmlResultValue): ResultValue {
  return isValueList(value) ? { name, value: null, list: value } : { name, value };
}

function labelFromName(name: string): string | undefined {
  return /^probability[(_:](.+?)\)?$/i.exec(name)?.[1];
}
