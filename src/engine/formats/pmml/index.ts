import { FormatError } from '../../errors.js';
import type { FieldSpec, ModelDescription } from '../../model/description.js';
import type { ModelFormat } from '../model-format.js';
import { compileDocument } from './compile-document.js';
import { EvaluationContext, type RawValue } from './context.js';
import { toJs } from './convert.js';
import { describePmml, inputFieldSpec, type ResultFieldSpec } from './describe.js';
import { MODEL_KINDS } from './evaluators/index.js';
import type { OutputBinding } from './model-kind.js';
import { parsePmml } from './parse/document.js';
import type { ModelExplanation, Prediction, RankedEntity, SegmentOutcome, TermContribution } from './prediction.js';
import type { ResultValue } from './result-value.js';
import type { AssociationModel } from './schema/association-model.js';
import type { TimeSeriesModel } from './schema/time-series-model.js';
import { horizonField } from './evaluators/time-series-model.js';
import type { ModelElement } from './schema/model.js';
import type { ModelVerification } from './schema/model-verification.js';
import { runVerification, type VerificationResult } from './verify.js';
import { readXml } from './xml-reader.js';

export type { ResultFieldSpec } from './describe.js';
export { formatResultValue, isValueList, parseValueListText, type ResultScalar, type ResultValue, type ValueList } from './result-value.js';
export type { ModelExplanation, RankedEntity } from './prediction.js';
export type { VerificationMismatch, VerificationResult, VerifiedField } from './verify.js';

/** What a model's evaluation explains about its result: the top model's trace and each segment's carry it. */
export interface ExplainedResult {
  readonly contributions?: readonly TermContribution[];
  readonly probabilities?: ReadonlyMap<string, number>;
  /** The winning entity: a tree node, cluster, neighbour, rule or output neuron id. */
  readonly entityId?: string;
  /** Clusters or neighbours best first, with their distance or similarity to the record. */
  readonly ranking?: readonly RankedEntity[];
  /** Scorecard reason codes, the first ranked first. */
  readonly reasonCodes?: readonly string[];
  /** Neuron activations, matched scorecard attributes, fired rules, machine votes, naive Bayes evidence. */
  readonly explanation?: ModelExplanation;
}

/** One segment of an ensemble as the trace shows it, with what its own model explained. */
export interface SegmentTrace extends ExplainedResult {
  readonly id: string;
  readonly weight: number;
  /**
   * The segment model's result, after its own Targets. An ensemble's value is its segments' values combined by
   * its multipleModelMethod and then passed through its Target (a boosted sum adds `rescaleConstant`).
   */
  readonly value: string | number | boolean | null;
  readonly decisionPath?: readonly string[];
  readonly segments?: readonly SegmentTrace[];
}

/** What a traced evaluation saw on the way: derived values, segment results, and the top model's explanation. */
export interface EvaluationTrace extends ExplainedResult {
  readonly derived: ReadonlyMap<string, string | number | boolean | null>;
  readonly segments?: readonly SegmentTrace[];
}

/** The result of scoring one record. */
export interface PmmlResult {
  /**
   * Every produced result field by name; null = missing. Integers are numbers. Multi-valued OutputFields and
   * association `antecedent`/`consequent` features hold lists.
   */
  readonly values: ReadonlyMap<string, ResultValue>;
  /** TreeModel: node ids root→leaf of the winning node. */
  readonly decisionPath?: readonly string[];
  /** With `trace`: derived field values, per-segment results and regression term contributions. */
  readonly trace?: EvaluationTrace;
}

/** A loaded PMML document, compiled once, ready to score records. */
export interface PmmlModel {
  readonly description: ModelDescription;
  /** Active fields, in MiningSchema order. */
  readonly inputFields: readonly FieldSpec[];
  /** Targets first, then OutputFields, with document names. */
  readonly resultFields: readonly ResultFieldSpec[];
  /**
   * The MiningSchema's `group` field (transactional AssociationModel input): callers score one record per
   * group value, whose active field holds the list of that group's items.
   */
  readonly groupField?: string;
  /**
   * Scores one record. Strings are converted with the DataDictionary dataType; `null`/`undefined` is missing.
   * A document that uses `Lag` remembers earlier records, so its results depend on the order of calls.
   * @throws InvalidValueError / MissingValueError / UndefinedResultError for data problems (with the field).
   */
  evaluate(record: Readonly<Record<string, RawValue>>, options?: { trace?: boolean }): PmmlResult;
}

function decode(source: string | Uint8Array, fileName?: string): string {
  if (typeof source === 'string') return source;
  const head = new TextDecoder('latin1').decode(source.subarray(0, 200));
  let label = 'utf-8';
  if (source[0] === 0xff && source[1] === 0xfe) label = 'utf-16le';
  else if (source[0] === 0xfe && source[1] === 0xff) label = 'utf-16be';
  else {
    const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head);
    if (declared !== null) label = declared[1].toLowerCase();
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(source);
  } catch (error) {
    throw new FormatError(`The file${fileName ? ` '${fileName}'` : ''} is not text in the '${label}' encoding it declares.`, fileName, {
      cause: error,
    });
  }
}

function segmentTraces(segments: readonly SegmentOutcome[] | undefined): SegmentTrace[] | undefined {
  // An ensemble traces hundreds of segments per record, so this stays lean: a tree's explanation is its decision
  // path alone (reading and copying the other fields of every tree's prediction doubled the cost of a trace).
  return segments?.map((s): SegmentTrace => {
    const p = s.prediction;
    const value = toJs(p.value);
    if (p.decisionPath !== undefined) return { id: s.id, weight: s.weight, value, decisionPath: p.decisionPath };
    return { id: s.id, weight: s.weight, value, segments: segmentTraces(p.segments), ...explained(p) };
  });
}

/** The parts of a model's prediction that explain it, for the trace of the top model or of a segment. */
function explained(p: Prediction): ExplainedResult {
  let probabilities: Map<string, number> | undefined;
  if (p.probabilities !== undefined) {
    probabilities = new Map();
    for (const [category, share] of p.probabilities) probabilities.set(String(category), share);
  }
  return { contributions: p.contributions, probabilities, entityId: p.entityId, ranking: p.ranking, reasonCodes: p.reasonCodes, explanation: p.explanation };
}

function traceOf(prediction: Prediction, derived: ReadonlyMap<string, import('./values.js').Value>): EvaluationTrace {
  const values = new Map<string, string | number | boolean | null>();
  for (const [name, value] of derived) values.set(name, toJs(value));
  return { derived: values, segments: segmentTraces(prediction.segments), ...explained(prediction) };
}

/**
 * Parses and compiles a PMML 3.0–4.4 document.
 * @throws FormatError when the bytes are not (complete) XML or not PMML; MarkupError subclasses for
 *   invalid, missing or unsupported markup — all unsupported features are listed in one error.
 */
export function loadPmml(source: string | Uint8Array, options: { fileName?: string } = {}): PmmlModel {
  const root = readXml(decode(source, options.fileName), {
    fileName: options.fileName,
    skip: new Set(['Extension']),
    // A pre-4.2 continuous BayesInput travels in an Extension of BayesInputs (see parse/naive-bayes-model.ts).
    keepSkippedUnder: new Set(['BayesInputs']),
  });
  const { pmml, unsupported } = parsePmml(root, MODEL_KINDS, options.fileName);
  const { model, compiled, slotCount, predictionCount, afterRecord } = compileDocument(pmml, MODEL_KINDS, unsupported);
  const dataFields = new Map(pmml.DataDictionary.DataField.map((f) => [f.name, f]));

  const groupField = model.MiningSchema.MiningField.find((f) => f.usageType === 'group')?.name;
  const stats = new Map(model.ModelStats?.UnivariateStats.map((s) => [s.field, s]));
  const horizon = model.element === 'TimeSeriesModel' ? horizonField(model as TimeSeriesModel)?.name : undefined;
  const inputFields = model.MiningSchema.MiningField.filter((f) => (f.usageType === 'active' || f.name === horizon) && dataFields.has(f.name)).map((f) => {
    const spec = transactionalItems(inputFieldSpec(dataFields.get(f.name)!, f.missingValueTreatment === 'returnInvalid', stats.get(f.name)), model, groupField);
    return f.name === horizon ? forecastHorizon(spec) : spec;
  });
  const finalOutputs = compiled.outputs.filter(({ field }) => field.isFinalResult);
  // JPMML returns a model without targets under a "default target"; a document that also declares no final
  // OutputField (a bare ClusteringModel or AssociationModel) would otherwise give the person no result at all.
  const defaultTarget = compiled.targetNames.length === 0 && finalOutputs.length === 0 ? unusedName('prediction', dataFields) : undefined;
  const targetNames = defaultTarget === undefined ? compiled.targetNames : [defaultTarget];
  const resultFields: ResultFieldSpec[] = [
    ...targetNames.map((name): ResultFieldSpec => {
      const field = dataFields.get(name);
      return {
        name,
        displayName: field?.displayName,
        dataType: field?.dataType ?? compiled.target.dataType,
        opType: field?.optype ?? compiled.target.optype,
        values: field === undefined ? undefined : inputFieldSpec(field, false).values,
        kind: 'target',
        isFinalResult: true,
      };
    }),
    ...[...compiled.outputs, ...compiled.exposedOutputs].map(({ field, binding }): ResultFieldSpec => ({
      name: field.name,
      displayName: field.displayName,
      dataType: binding.dataType,
      opType: binding.optype,
      kind: 'output',
      isFinalResult: field.isFinalResult,
      feature: field.feature,
    })),
  ];
  const description = describePmml(pmml, model, inputFields, resultFields, MODEL_KINDS);

  const loaded: PmmlModel = {
    description,
    inputFields,
    resultFields,
    groupField,
    evaluate(record, evaluateOptions) {
      const trace = evaluateOptions?.trace === true ? { derived: new Map() } : undefined;
      const ctx = new EvaluationContext(record, slotCount, predictionCount, trace);
      const prediction = compiled.evaluate(ctx);
      const values = new Map<string, ResultValue>();
      for (const name of targetNames) {
        const own = prediction.targets?.get(name) ?? prediction;
        values.set(name, toJs(own.value));
      }
      for (const output of [...compiled.outputs, ...compiled.exposedOutputs]) values.set(output.field.name, outputValue(output, ctx));
      afterRecord?.(ctx);
      return {
        values,
        decisionPath: prediction.decisionPath,
        trace: trace === undefined ? undefined : traceOf(prediction, trace.derived),
      };
    },
  };
  if (model.ModelVerification !== undefined) verifications.set(loaded, model.ModelVerification);
  return loaded;
}

/** An OutputField's result: its list where it has one (floats as their decimal text, as `toJs` gives them). */
function outputValue({ binding, list }: OutputBinding, ctx: EvaluationContext): ResultValue {
  if (list === undefined) return toJs(binding.get(ctx));
  const values = list(ctx);
  return values === null ? null : values;
}

/** `base`, or `base` with a numeric suffix when the document already names a field so. */
/**
 * The active field of a transactional AssociationModel takes the transaction's items, not one value: "the
 * MiningField with usageType="group" ... all records with the same value of this field form one transaction"
 * (PMML 4.4 Association Rules). Its choices are the model's Items when the DataDictionary lists no values.
 */
function transactionalItems(spec: FieldSpec, model: ModelElement, groupField: string | undefined): FieldSpec {
  if (groupField === undefined || model.element !== 'AssociationModel') return spec;
  const items = [...new Set((model as AssociationModel).Item.map((item) => (item.field === undefined ? item.value : (item.category ?? item.value))))];
  return { ...spec, isMultiValued: true, values: spec.values ?? (items.length > 0 ? items : undefined) };
}

/**
 * A TimeSeriesModel's input is the forecast horizon, a number of steps from 1 up (evaluators/time-series-model.ts
 * `horizonField`), also when the producer marks it `supplementary` (R's pmml package does); without declared
 * intervals of its own it is described as [1, ∞), so a form starts it at a valid 1.
 */
function forecastHorizon(spec: FieldSpec): FieldSpec {
  if (spec.intervals !== undefined || spec.values !== undefined) return spec;
  return { ...spec, intervals: [{ closure: 'closedOpen', leftMargin: 1 }] };
}

function unusedName(base: string, taken: ReadonlyMap<string, unknown>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  return name;
}

const verifications = new WeakMap<PmmlModel, ModelVerification>();

/**
 * Runs the document's embedded ModelVerification records against the loaded model (a self-test for when a
 * model is opened); `undefined` when the document has none.
 */
export function verifyModel(model: PmmlModel): VerificationResult | undefined {
  const verification = verifications.get(model);
  return verification === undefined ? undefined : runVerification(model, verification);
}

const PMML_HEAD = /<(?:[A-Za-z_][\w.-]*:)?PMML[\s>]/;

/** PMML as a registered format: `.pmml`/`.xml` files whose first bytes contain a `<PMML` element. */
export const pmmlFormat: ModelFormat<PmmlModel> = {
  id: 'pmml',
  extensions: ['.pmml', '.xml'],
  match(head) {
    return PMML_HEAD.test(new TextDecoder('latin1').decode(head));
  },
  open(file) {
    return Promise.resolve().then(() => loadPmml(file.bytes, { fileName: file.fileName }));
  },
};
