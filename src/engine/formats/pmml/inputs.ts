import { InvalidValueError, MissingValueError } from '../../errors.js';
import type { Expr, RawValue } from './context.js';
import { formatValue, parseValue, toNumber, valueKey, type ValueKey } from './convert.js';
import { intervalContains } from './intervals.js';
import type { DataField } from './schema/data-dictionary.js';
import type { MiningField } from './schema/mining-schema.js';
import { MISSING, type DataType, type TypedValue, type Value } from './values.js';

/**
 * Input preparation (PMML 4.4 MiningSchema): every value that enters a model is classified as valid,
 * invalid or missing against its DataField, then the MiningField's outlier, invalid and missing value
 * treatments are applied. This module is the only place those rules live.
 */

type Validity = 'valid' | 'invalid' | 'missing';

interface Classifier {
  readonly missingTexts: ReadonlySet<string>;
  classify(value: TypedValue): Validity;
}

function classifierFor(field: DataField | undefined): Classifier {
  if (field === undefined) return { missingTexts: new Set(), classify: () => 'valid' };
  const declared = new Map<ValueKey, Validity>();
  const missingTexts = new Set<string>();
  let hasValid = false;
  for (const v of field.Value) {
    if (v.property === 'missing') missingTexts.add(v.value);
    const parsed = parseValue(v.value, field.dataType);
    if (parsed === undefined) continue;
    declared.set(valueKey(parsed), v.property);
    if (v.property === 'valid') hasValid = true;
  }
  const isCategorical = field.optype !== 'continuous';
  const intervals = field.Interval;
  return {
    missingTexts,
    classify(value) {
      const property = declared.get(valueKey(value));
      if (property !== undefined) return property;
      // PMML 4.4 DataField: If a categorical or ordinal field has valid values listed, all other values are invalid.
      if (isCategorical) return hasValid ? 'invalid' : 'valid';
      // PMML 4.4 DataField: for continuous fields, values outside of all Intervals are invalid.
      if (intervals.length === 0) return 'valid';
      const x = toNumber(value);
      for (const interval of intervals) if (intervalContains(interval, x)) return 'valid';
      return 'invalid';
    },
  };
}

function parseReplacement(text: string | undefined, dataType: DataType): Value {
  if (text === undefined) return MISSING;
  return parseValue(text, dataType) ?? { dataType: 'string', value: text };
}

/** Turns a classified value into the value the model sees, per the MiningField's treatments. */
function treatmentsFor(name: string, dataType: DataType, optype: string, miningField: MiningField | undefined) {
  const missingReplacement = parseReplacement(miningField?.missingValueReplacement, dataType);
  const invalidReplacement = parseReplacement(miningField?.invalidValueReplacement, dataType);
  const invalidTreatment = miningField?.invalidValueTreatment ?? 'asIs';
  const missingTreatment = miningField?.missingValueTreatment;
  const outliers = optype === 'continuous' ? (miningField?.outliers ?? 'asIs') : 'asIs';
  const low = miningField?.lowValue ?? -Infinity;
  const high = miningField?.highValue ?? Infinity;

  const onMissing = (): Value => {
    // PMML 4.4 MiningField: missingValueTreatment=returnInvalid: … a missing value is treated as an invalid value.
    if (missingTreatment === 'returnInvalid' && missingReplacement === MISSING) {
      throw new MissingValueError(`Field '${name}' is missing and its missingValueTreatment is 'returnInvalid'.`, name);
    }
    return missingReplacement;
  };
  const onInvalid = (value: TypedValue | string): Value => {
    switch (invalidTreatment) {
      case 'returnInvalid': {
        const text = typeof value === 'string' ? value : formatValue(value);
        throw new InvalidValueError(`Field '${name}' has an invalid value '${text}'.`, name);
      }
      case 'asMissing':
        return onMissing();
      case 'asValue':
        return invalidReplacement;
      case 'asIs':
        return typeof value === 'string' ? onMissing() : value;
    }
  };
  const onValid = (value: TypedValue): Value => {
    if (outliers === 'asIs') return value;
    const x = toNumber(value);
    if (x >= low && x <= high) return value;
    // PMML 4.4 MiningField@outliers: asExtremeValues: … values are changed to the lowValue or highValue.
    if (outliers === 'asMissingValues') return onMissing();
    return { dataType: value.dataType, value: x < low ? low : high };
  };
  return { onMissing, onInvalid, onValid };
}

/** Reads a top-level DataField from the caller's record: converts its raw cell with the dataType, then prepares it. */
export function compileRecordInput(field: DataField, miningField: MiningField | undefined): Expr {
  const { name, dataType } = field;
  const classifier = classifierFor(field);
  const { onMissing, onInvalid, onValid } = treatmentsFor(name, dataType, miningField?.optype ?? field.optype, miningField);
  const missingTexts = classifier.missingTexts;
  return (ctx) => {
    const raw: RawValue = ctx.record[name];
    if (raw === null || raw === undefined) return onMissing();
    let value: TypedValue | undefined;
    if (typeof raw === 'string') {
      if (missingTexts.has(raw)) return onMissing();
      value = parseValue(raw, dataType);
      if (value === undefined) return onInvalid(raw);
    } else if (typeof raw === 'number') {
      if (Number.isNaN(raw)) return onMissing();
      value = dataType === 'string' ? { dataType, value: String(raw) } : parseValue(String(raw), dataType);
      if (value === undefined) return onInvalid(String(raw));
    } else {
      value = parseValue(String(raw), dataType);
      if (value === undefined) return onInvalid(String(raw));
    }
    switch (classifier.classify(value)) {
      case 'valid':
        return onValid(value);
      case 'invalid':
        return onInvalid(value);
      case 'missing':
        return onMissing();
    }
  };
}

/**
 * Prepares a value a nested model receives from its parent. The parent already classified and treated it
 * (an `asIs` invalid value stays as it is), so only the nested MiningField's replacements and outliers apply.
 */
export function compileNestedInput(source: Expr, dataType: DataType, optype: string, miningField: MiningField): Expr {
  const needsWork =
    miningField.missingValueReplacement !== undefined || miningField.missingValueTreatment === 'returnInvalid' || miningField.outliers !== 'asIs';
  if (!needsWork) return source;
  const { onMissing, onValid } = treatmentsFor(miningField.name, dataType, miningField.optype ?? optype, miningField);
  return (ctx) => {
    const value = source(ctx);
    return value === MISSING ? onMissing() : onValid(value);
  };
}
