import type { EvaluationTrace } from '../../engine/formats/pmml/index.js';
import type { StructurePrediction } from '../components/structure/types.js';
import { PredictionState } from './prediction.svelte.js';
import type { OpenedModel } from './session.svelte.js';
import { toStructureTrace } from './structure-trace.js';
import { TabularForm } from './tabular-form.svelte.js';
import { TensorForm } from './tensor-form.svelte.js';

/** The record as the structure views read it: a list of items (a transaction) reads as `a, b`. */
function shownInputs(record: Readonly<Record<string, string | number | readonly string[] | null>>): Record<string, string | number | null> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value as string | number | null)]));
}

/**
 * The model page's working set for one opened version: the input form built from its schema and the live
 * prediction fed by it. Created when a version is shown, disposed when it goes.
 */
export class Workbench {
  readonly prediction: PredictionState;
  readonly tabular?: TabularForm;
  readonly tensor?: TensorForm;

  /** The current prediction in the shape the structure views take. */
  readonly structureResult: StructurePrediction | undefined = $derived.by(() => {
    const result = this.prediction.result;
    if (!result) return undefined;
    return {
      inputs: this.tabular ? shownInputs(this.tabular.record()) : undefined,
      values: Object.fromEntries(result.fields.map((f) => [f.name, f.value])),
      decisionPath: result.decisionPath,
      trace: this.opened.reply.format === 'pmml' ? toStructureTrace(result.trace as EvaluationTrace | undefined, this.opened.reply.description.structure) : undefined,
    };
  });

  constructor(readonly opened: OpenedModel) {
    const { description } = opened.reply;
    const request = () => this.prediction.request();
    if (opened.onnx) {
      const form = new TensorForm(description.inputTensors, request);
      this.tensor = form;
      this.prediction = new PredictionState(opened.onnx.predictor, () => form.collect());
    } else {
      const form = new TabularForm(description.inputFields, request);
      this.tabular = form;
      this.prediction = new PredictionState(opened.predictor!, () => ({ ok: true, inputs: form.record() }));
    }
    const initial = opened.initialInputs ?? {};
    if (this.tabular) this.tabular.preset(initial);
    for (const [name, text] of Object.entries(initial)) this.tensor?.preset(name, text);
    void this.prediction.run();
  }

  dispose(): void {
    this.prediction.dispose();
  }
}
