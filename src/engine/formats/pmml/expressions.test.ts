import { describe, expect, it } from 'vitest';
import { InvalidMarkupError, UndefinedResultError } from '../../errors.js';
import { dataField, expectClose, identityRegression, load, score } from './test-helpers.js';

const FIELDS = [dataField('x'), dataField('y'), dataField('s', 'string', 'categorical'), dataField('t', 'string', 'categorical')];

/** Evaluates an expression as a transformedValue OutputField over a record. */
function evaluate(expression: string, record: Record<string, string | number | null>, extra = '', dataType = ''): unknown {
  const output = `<Output><OutputField name="out" feature="transformedValue" ${dataType}>${expression}</OutputField></Output>`;
  return score(load(FIELDS, identityRegression(output), extra), { x: 0, ...record }).out;
}

describe('Constant', () => {
  it('has its declared dataType', () => {
    expect(evaluate('<Constant dataType="integer">3</Constant>', {})).toBe(3);
    expect(evaluate('<Constant dataType="string">3</Constant>', {})).toBe('3');
  });

  it('is missing when missing="true"', () => {
    expect(evaluate('<Constant missing="true" dataType="double"/>', {})).toBeNull();
  });
});

describe('FieldRef', () => {
  it('maps a missing value to mapMissingTo', () => {
    expect(evaluate('<FieldRef field="s" mapMissingTo="none"/>', { s: null })).toBe('none');
    expect(evaluate('<FieldRef field="s" mapMissingTo="none"/>', { s: 'a' })).toBe('a');
  });
});

describe('NormContinuous', () => {
  const norm = (attributes = '') =>
    `<NormContinuous field="x" ${attributes}><LinearNorm orig="0" norm="0"/><LinearNorm orig="10" norm="1"/><LinearNorm orig="20" norm="3"/></NormContinuous>`;

  it('interpolates between LinearNorm points', () => {
    expectClose(evaluate(norm(), { x: 5 }), 0.5);
    expectClose(evaluate(norm(), { x: 15 }), 2);
  });

  it('extrapolates outliers from the outer segments by default', () => {
    expectClose(evaluate(norm(), { x: 30 }), 5);
    expectClose(evaluate(norm(), { x: -10 }), -1);
  });

  it('clamps outliers with asExtremeValues and drops them with asMissingValues', () => {
    expectClose(evaluate(norm('outliers="asExtremeValues"'), { x: 30 }), 3);
    expect(evaluate(norm('outliers="asMissingValues"'), { x: 30 })).toBeNull();
  });

  it('maps missing input to mapMissingTo', () => {
    const model = load(FIELDS, identityRegression(`<Output><OutputField name="out" feature="transformedValue">${norm('mapMissingTo="-1"')}</OutputField></Output>`));
    expect(model.evaluate({ x: null }).values.get('out')).toBe(-1);
  });
});

describe('NormDiscrete', () => {
  it('is 1 for the value and 0 otherwise', () => {
    expect(evaluate('<NormDiscrete field="s" value="a"/>', { s: 'a' })).toBe(1);
    expect(evaluate('<NormDiscrete field="s" value="a"/>', { s: 'b' })).toBe(0);
    expect(evaluate('<NormDiscrete field="s" value="a" mapMissingTo="0.5"/>', { s: null })).toBe(0.5);
  });
});

describe('Discretize', () => {
  const discretize = `<Discretize field="x" mapMissingTo="none" defaultValue="other" dataType="string">
    <DiscretizeBin binValue="low"><Interval closure="openClosed" rightMargin="1"/></DiscretizeBin>
    <DiscretizeBin binValue="high"><Interval closure="openOpen" leftMargin="1" rightMargin="5"/></DiscretizeBin>
  </Discretize>`;

  it('returns the bin whose interval holds the value, respecting closures', () => {
    expect(evaluate(discretize, { x: 1 })).toBe('low');
    expect(evaluate(discretize, { x: 1.5 })).toBe('high');
  });

  it('returns defaultValue outside every bin and mapMissingTo for missing input', () => {
    expect(evaluate(discretize, { x: 5 })).toBe('other');
    expect(evaluate(discretize.replace('field="x"', 'field="y"'), { y: null })).toBe('none');
  });
});

describe('MapValues', () => {
  const table = `<MapValues outputColumn="data:out" mapMissingTo="?" defaultValue="-">
    <FieldColumnPair field="s" column="data:a"/><FieldColumnPair field="t" column="b"/>
    <InlineTable>
      <row><data:a xmlns:data="urn:d">x</data:a><b>1</b><data:out xmlns:data="urn:d">x1</data:out></row>
      <row><a>x</a><b>2</b><out>x2</out></row>
    </InlineTable>
  </MapValues>`;

  it('looks up rows by several columns', () => {
    expect(evaluate(table, { s: 'x', t: '2' })).toBe('x2');
    expect(evaluate(table, { s: 'x', t: '1' })).toBe('x1');
  });

  it('returns defaultValue for unknown keys and mapMissingTo for missing inputs', () => {
    expect(evaluate(table, { s: 'y', t: '1' })).toBe('-');
    expect(evaluate(table, { s: null, t: '1' })).toBe('?');
  });
});

describe('Apply', () => {
  it('calls built-in functions', () => {
    expect(evaluate('<Apply function="+"><FieldRef field="x"/><Constant dataType="double">2</Constant></Apply>', { x: 1.5 })).toBe(3.5);
  });

  it('returns missing when an argument is missing, or mapMissingTo when given', () => {
    const apply = (attributes: string) => `<Apply function="*" ${attributes}><FieldRef field="y"/><Constant>2</Constant></Apply>`;
    expect(evaluate(apply(''), { y: null })).toBeNull();
    expect(evaluate(apply('mapMissingTo="0"'), { y: null })).toBe(0);
  });

  it('evaluates only the branch that `if` takes', () => {
    const apply = `<Apply function="if"><Apply function="greaterThan"><FieldRef field="x"/><Constant>0</Constant></Apply>
      <Constant dataType="string">positive</Constant><Apply function="/"><FieldRef field="x"/><Constant>0</Constant></Apply></Apply>`;
    expect(evaluate(apply, { x: 1 })).toBe('positive');
  });

  it('turns an undefined result into missing with invalidValueTreatment="asMissing"', () => {
    const divide = (treatment: string) => `<Apply function="/" invalidValueTreatment="${treatment}"><FieldRef field="x"/><Constant>0</Constant></Apply>`;
    expect(evaluate(divide('asMissing'), { x: 1 })).toBeNull();
    expect(() => evaluate(divide('returnInvalid'), { x: 1 })).toThrow(/zero/);
  });

  it('returns defaultValue when the result is missing', () => {
    const divide = '<Apply function="/" invalidValueTreatment="asMissing" defaultValue="-1"><FieldRef field="x"/><Constant>0</Constant></Apply>';
    expect(evaluate(divide, { x: 1 })).toBe(-1);
  });

  it('calls DefineFunctions with their parameters and casts the result', () => {
    const dictionary = `<TransformationDictionary><DefineFunction name="twice" dataType="integer" optype="continuous">
      <ParameterField name="v"/><Apply function="*"><FieldRef field="v"/><Constant>2</Constant></Apply></DefineFunction></TransformationDictionary>`;
    expect(evaluate('<Apply function="twice"><FieldRef field="x"/></Apply>', { x: 2.6 }, dictionary)).toBe(5);
  });

  // POW(x, n) = x * POW(x, n - 1) while n > 1, with the test held in a DerivedField local to the function.
  const power = `<TransformationDictionary><DefineFunction name="POW" dataType="double">
    <ParameterField name="b" dataType="double"/><ParameterField name="n" dataType="integer"/>
    <DerivedField name="recurse" optype="categorical" dataType="boolean">
      <Apply function="greaterThan"><FieldRef field="n"/><Constant dataType="integer">1</Constant></Apply></DerivedField>
    <Apply function="if"><FieldRef field="recurse"/>
      <Apply function="*"><Apply function="POW"><FieldRef field="b"/>
        <Apply function="-"><FieldRef field="n"/><Constant dataType="integer">1</Constant></Apply></Apply><FieldRef field="b"/></Apply>
      <FieldRef field="b"/></Apply>
  </DefineFunction></TransformationDictionary>`;
  const callPower = '<Apply function="POW"><FieldRef field="x"/><FieldRef field="y"/></Apply>';

  it('evaluates a recursive DefineFunction whose DerivedFields are recomputed on each call', () => {
    expect(evaluate(callPower, { x: 2, y: 1 }, power)).toBe(2);
    expect(evaluate(callPower, { x: 2, y: 5 }, power)).toBe(32);
    // Exactly the call limit deep: the JavaScript stack must hold out until the limit does.
    expect(evaluate(callPower, { x: 1, y: 500 }, power)).toBe(1);
  });

  it('fails a DefineFunction recursion deeper than the call limit with an error naming the function', () => {
    const output = `<Output><OutputField name="out" feature="transformedValue">${callPower}</OutputField></Output>`;
    const model = load(FIELDS, identityRegression(output), power);
    expect(() => score(model, { x: 1, y: 501 })).toThrow(UndefinedResultError);
    expect(() => score(model, { x: 1, y: 100000 })).toThrow(/Function 'POW' \(DefineFunction, line \d+\) nests deeper than 500 calls/);
    // The depth counter unwinds with the error, so the model's next record scores normally.
    expect(score(model, { x: 3, y: 2 }).out).toBe(9);
  });

  it('casts DerivedField values to their dataType', () => {
    const dictionary = `<TransformationDictionary><DerivedField name="d" dataType="string" optype="categorical">
      <FieldRef field="x"/></DerivedField></TransformationDictionary>`;
    expect(evaluate('<FieldRef field="d"/>', { x: 2 }, dictionary)).toBe('2.0');
  });
});

describe('TextIndex', () => {
  const index = (attributes: string, term: string) => `<TextIndex textField="s" ${attributes}>
    <TextIndexNormalization><InlineTable><row><string>colour</string><stem>color</stem></row></InlineTable></TextIndexNormalization>
    <Constant dataType="string">${term}</Constant></TextIndex>`;

  it('counts term occurrences after normalization, ignoring case', () => {
    expect(evaluate(index('', 'color'), { s: 'Colour and color, COLOR!' })).toBe(3);
  });

  it('weighs counts with localTermWeights', () => {
    expect(evaluate(index('localTermWeights="binary"', 'color'), { s: 'color color' })).toBe(1);
    expectClose(evaluate(index('localTermWeights="logarithmic"', 'color'), { s: 'color color' }), Math.log10(3));
  });

  it('matches within maxLevenshteinDistance', () => {
    expect(evaluate(index('maxLevenshteinDistance="1"', 'colr'), { s: 'color colors' })).toBe(1);
  });

  it('finds words with the x-wordRE vendor pattern', () => {
    expect(evaluate(index('x-wordRE="\\w+"', 'b'), { s: 'a-b-b' })).toBe(2);
  });

  it('keeps each setting and each record apart when several TextIndex elements read the same text', () => {
    const field = (name: string, expression: string) => `<OutputField name="${name}" feature="transformedValue">${expression}</OutputField>`;
    const plain = (attributes: string, term: string) =>
      `<TextIndex textField="s" ${attributes}><Constant dataType="string">${term}</Constant></TextIndex>`;
    const output = `<Output>${[
      field('normalized', index('', 'color')),
      field('raw', plain('', 'colour')),
      field('phrase', index('', 'red color')),
      field('cased', plain('isCaseSensitive="true"', 'Colour')),
      field('fuzzy', plain('maxLevenshteinDistance="1" countHits="bestHits"', 'colour')),
    ].join('')}</Output>`;
    const model = load(FIELDS, identityRegression(output));
    expect(score(model, { x: 0, s: 'Red colour, red color and a colour red' })).toMatchObject({
      normalized: 3,
      raw: 2,
      phrase: 2,
      cased: 0,
      fuzzy: 2,
    });
    expect(score(model, { x: 0, s: 'Colour red colours' })).toMatchObject({ normalized: 1, raw: 1, phrase: 0, cased: 1, fuzzy: 1 });
  });

  it('indexes a different term on each call of a function that takes the term as a parameter', () => {
    const functions = `<TransformationDictionary><DefineFunction name="tf" optype="continuous" dataType="double">
      <ParameterField name="text"/><ParameterField name="term"/>
      <TextIndex textField="text"><FieldRef field="term"/></TextIndex></DefineFunction></TransformationDictionary>`;
    const call = (term: string) => `<Apply function="tf"><FieldRef field="s"/><Constant dataType="string">${term}</Constant></Apply>`;
    const output = `<Output><OutputField name="a" feature="transformedValue">${call('good')}</OutputField>
      <OutputField name="b" feature="transformedValue">${call('not good')}</OutputField>
      <OutputField name="c" feature="transformedValue">${call('bad')}</OutputField></Output>`;
    const model = load(FIELDS, identityRegression(output), functions);
    expect(score(model, { x: 0, s: 'good, not good, not bad' })).toMatchObject({ a: 2, b: 1, c: 1 });
  });
});

describe('Lag', () => {
  it('reads earlier records in call order and aggregates them', () => {
    const output = `<Output><OutputField name="previous" feature="transformedValue"><Lag field="x"/></OutputField>
      <OutputField name="mean" feature="transformedValue"><Lag field="x" n="2" aggregate="avg"/></OutputField></Output>`;
    const model = load(FIELDS, identityRegression(output));
    const results = [1, 2, 4].map((x) => score(model, { x }));
    expect(results.map((r) => r.previous)).toEqual([null, 1, 2]);
    expect(results.map((r) => r.mean)).toEqual([null, 1, 1.5]);
  });
});

describe('evaluation errors', () => {
  it('name the derived field whose function failed', () => {
    const local = `<LocalTransformations><DerivedField name="ratio" dataType="double" optype="continuous">
      <Apply function="/"><FieldRef field="x"/><Constant>0</Constant></Apply></DerivedField></LocalTransformations>`;
    const model = load(FIELDS, identityRegression(local + '<Output><OutputField name="r" feature="transformedValue"><FieldRef field="ratio"/></OutputField></Output>'));
    try {
      model.evaluate({ x: 1 });
    } catch (error) {
      expect(error).toBeInstanceOf(UndefinedResultError);
      expect((error as UndefinedResultError).field).toBe('ratio');
      return;
    }
    throw new Error('expected an UndefinedResultError');
  });
});

describe('built-in calls checked at load', () => {
  it('rejects a wrong number of arguments, naming the line', () => {
    expect(() => evaluate('<Apply function="abs"><FieldRef field="x"/><FieldRef field="x"/></Apply>', { x: 1 })).toThrow(/abs.*line \d+/);
  });

  it('rejects an invalid constant regular expression', () => {
    expect(() => evaluate('<Apply function="matches"><FieldRef field="s"/><Constant dataType="string">a(b</Constant></Apply>', { s: 'a' })).toThrow(
      InvalidMarkupError,
    );
  });
});
