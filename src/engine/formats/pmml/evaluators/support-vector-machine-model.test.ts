import { describe, expect, it } from 'vitest';
import { InvalidMarkupError, MissingValueError, UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const X = [dataField('x1'), dataField('x2')];
const VECTORS = `<VectorDictionary numberOfVectors="2">
  <VectorFields numberOfFields="2"><FieldRef field="x1"/><FieldRef field="x2"/></VectorFields>
  <VectorInstance id="a"><Array n="2" type="real">1 2</Array></VectorInstance>
  <VectorInstance id="b"><REAL-SparseArray n="2"><Indices>2</Indices><REAL-Entries>-1</REAL-Entries></REAL-SparseArray></VectorInstance>
</VectorDictionary>`;
const MACHINE = (attributes = '', a = 0.5, b = -2, intercept = 0.25): string => `<SupportVectorMachine ${attributes}>
  <SupportVectors><SupportVector vectorId="a"/><SupportVector vectorId="b"/></SupportVectors>
  <Coefficients absoluteValue="${intercept}"><Coefficient value="${a}"/><Coefficient value="${b}"/></Coefficients>
</SupportVectorMachine>`;

function regression(kernel: string, vectors = VECTORS, machine = MACHINE()): string {
  return `<SupportVectorMachineModel functionName="regression">
    <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x1"/><MiningField name="x2"/></MiningSchema>
    ${kernel}${vectors}${machine}
  </SupportVectorMachineModel>`;
}

/** f(x) = 0.5·K(x, (1, 2)) − 2·K(x, (0, −1)) + 0.25, the model every kernel test scores. */
function expected(kernel: (x: number[], v: number[]) => number, x: number[]): number {
  return 0.5 * kernel(x, [1, 2]) - 2 * kernel(x, [0, -1]) + 0.25;
}
const dot = (x: number[], v: number[]): number => x[0] * v[0] + x[1] * v[1];
const FIELDS = [...X, dataField('y')];

describe('SupportVectorMachineModel kernels', () => {
  const x = [0.3, -1.2];
  const record = { x1: x[0], x2: x[1] };

  it('linear kernel: K(x, v) = ⟨x, v⟩', () => {
    expectClose(score(load(FIELDS, regression('<LinearKernelType/>')), record).y, expected(dot, x));
  });

  it('polynomial kernel: (gamma·⟨x, v⟩ + coef0)^degree', () => {
    const model = load(FIELDS, regression('<PolynomialKernelType gamma="0.5" coef0="2" degree="3"/>'));
    expectClose(score(model, record).y, expected((a, b) => Math.pow(0.5 * dot(a, b) + 2, 3), x));
  });

  it('polynomial kernel defaults gamma, coef0 and degree to 1', () => {
    const model = load(FIELDS, regression('<PolynomialKernelType/>'));
    expectClose(score(model, record).y, expected((a, b) => dot(a, b) + 1, x));
  });

  it('radial basis kernel: exp(−gamma·‖x − v‖²)', () => {
    const model = load(FIELDS, regression('<RadialBasisKernelType gamma="0.7"/>'));
    const rbf = (a: number[], b: number[]): number => Math.exp(-0.7 * ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2));
    expectClose(score(model, record).y, expected(rbf, x));
  });

  it('sigmoid kernel: tanh(gamma·⟨x, v⟩ + coef0)', () => {
    const model = load(FIELDS, regression('<SigmoidKernelType gamma="0.2" coef0="-0.5"/>'));
    expectClose(score(model, record).y, expected((a, b) => Math.tanh(0.2 * dot(a, b) - 0.5), x));
  });
});

describe('SupportVectorMachineModel vector dictionary', () => {
  it('reads CategoricalPredictor vector fields as 1/0 indicators of their category', () => {
    const fields = [dataField('colour', 'string', 'categorical', values('red', 'blue')), dataField('y')];
    const vectors = `<VectorDictionary>
      <VectorFields><CategoricalPredictor name="colour" value="red" coefficient="1"/><CategoricalPredictor name="colour" value="blue" coefficient="1"/></VectorFields>
      <VectorInstance id="a"><Array type="real">1 0</Array></VectorInstance>
      <VectorInstance id="b"><Array type="real">0 1</Array></VectorInstance>
    </VectorDictionary>`;
    const model = load(
      fields,
      `<SupportVectorMachineModel functionName="regression">
        <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="colour"/></MiningSchema>
        <LinearKernelType/>${vectors}${MACHINE()}
      </SupportVectorMachineModel>`,
    );
    expect(score(model, { colour: 'red' }).y).toBe(0.75);
    expect(score(model, { colour: 'blue' }).y).toBe(-1.75);
  });

  it('scores the Coefficients representation as a linear function of the vector fields', () => {
    const machine = `<SupportVectorMachine><Coefficients absoluteValue="1"><Coefficient value="2"/><Coefficient value="-3"/></Coefficients></SupportVectorMachine>`;
    const vectors = `<VectorDictionary><VectorFields><FieldRef field="x1"/><FieldRef field="x2"/></VectorFields></VectorDictionary>`;
    const model = load(FIELDS, regression('<LinearKernelType/>', vectors, machine).replace('functionName', 'svmRepresentation="Coefficients" functionName'));
    expect(score(model, { x1: 1.5, x2: 2 }).y).toBe(-2);
  });

  it('rejects a vector instance whose length differs from VectorFields when the model loads', () => {
    const vectors = VECTORS.replace('1 2</Array>', '1 2 3</Array>');
    expect(() => load(FIELDS, regression('<LinearKernelType/>', vectors))).toThrow(InvalidMarkupError);
    expect(() => load(FIELDS, regression('<LinearKernelType/>', vectors))).toThrow(/'a' has 3 coordinates but <VectorFields> declares 2/);
  });

  it('rejects a support vector that the dictionary does not hold', () => {
    expect(() => load(FIELDS, regression('<LinearKernelType/>', VECTORS, MACHINE().replace('"b"', '"c"')))).toThrow(/vector 'c'/);
  });

  it('reports the Coefficients representation with a non-linear kernel as unsupported', () => {
    const text = regression('<RadialBasisKernelType/>').replace('functionName', 'svmRepresentation="Coefficients" functionName');
    expect(() => load(FIELDS, text)).toThrow(UnsupportedMarkupError);
  });

  it('fails a record whose vector field is missing with a MissingValueError naming the field', () => {
    const model = load(FIELDS, regression('<LinearKernelType/>'));
    expect(() => score(model, { x1: 1, x2: null })).toThrow(MissingValueError);
    expect(() => score(model, { x1: 1, x2: null })).toThrow(/'x2'/);
  });
});

const CLASS_FIELDS = [...X, dataField('y', 'string', 'categorical', values('A', 'B', 'C'))];
const OUTPUT = `<Output>
  <OutputField name="p_A" feature="probability" value="A"/><OutputField name="p_B" feature="probability" value="B"/><OutputField name="p_C" feature="probability" value="C"/>
</Output>`;

/** Three machines over the linear kernel; machine i decides on Coefficient·x1, so x1's sign steers each vote. */
function classifier(attributes: string, machines: string[]): string {
  return `<SupportVectorMachineModel functionName="classification" ${attributes}>
    <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x1"/><MiningField name="x2"/></MiningSchema>
    ${OUTPUT}<LinearKernelType/>${VECTORS}${machines.join('')}
  </SupportVectorMachineModel>`;
}

/** A machine whose decision value is `slope`·x1 (vector a is (1, 2), vector b never counts). */
const linear = (attributes: string, slope: number, threshold = ''): string => MACHINE(`${attributes} ${threshold}`, slope, 0, 0);

/** OneAgainstOne over A, B, C: machines A|B and A|C decide on +x1, B|C on −x1 (below 0 votes for the first). */
const threeVoters = () =>
  load(
    CLASS_FIELDS,
    classifier('classificationMethod="OneAgainstOne"', [
      linear('targetCategory="A" alternateTargetCategory="B"', 1),
      linear('targetCategory="A" alternateTargetCategory="C"', 1),
      linear('targetCategory="B" alternateTargetCategory="C"', -1),
    ]),
  );

describe('SupportVectorMachineModel classification', () => {
  it('OneAgainstOne: a value below the threshold votes for targetCategory, and probabilities are vote shares', () => {
    const model = threeVoters();
    // x1 = −1, x2 = 0: values −1, −1, +1 → votes A, A, C.
    expect(score(model, { x1: -1, x2: 0 })).toMatchObject({ y: 'A', p_A: 2 / 3, p_B: 0, p_C: 1 / 3 });
    // x1 = 1: values 1, 1, −1 → votes B, C, B.
    expect(score(model, { x1: 1, x2: 0 })).toMatchObject({ y: 'B', p_A: 0, p_B: 2 / 3, p_C: 1 / 3 });
  });

  it('a traced record keeps each machine\'s decision value and vote, and the structure lists the machines', () => {
    const model = threeVoters();
    expect(model.evaluate({ x1: -1, x2: 0 }, { trace: true }).trace?.explanation?.machines).toEqual([
      { decision: -1, vote: 'A' },
      { decision: -1, vote: 'A' },
      { decision: 1, vote: 'C' },
    ]);
    expect(model.evaluate({ x1: -1, x2: 0 }).trace).toBeUndefined();
    const structure = model.description.structure;
    expect(structure.kind === 'other' && structure.svm).toMatchObject({
      classificationMethod: 'OneAgainstOne',
      vectorFields: ['x1', 'x2'],
      machines: [
        { targetCategory: 'A', alternateCategory: 'B', supportVectorCount: 2, threshold: 0 },
        { targetCategory: 'A', alternateCategory: 'C' },
        { targetCategory: 'B', alternateCategory: 'C' },
      ],
    });
  });

  it('OneAgainstOne: a tie goes to the first category that reached the maximal vote count', () => {
    const model = load(
      CLASS_FIELDS,
      classifier('classificationMethod="OneAgainstOne"', [
        linear('targetCategory="B" alternateTargetCategory="C"', -1),
        linear('targetCategory="C" alternateTargetCategory="A"', -1),
        linear('targetCategory="A" alternateTargetCategory="B"', -1),
      ]),
    );
    // x1 = 1: every value is −1 < 0, so the votes are B, C, A: one each, and B voted first.
    expect(score(model, { x1: 1, x2: 0 })).toMatchObject({ y: 'B', p_A: 1 / 3, p_B: 1 / 3, p_C: 1 / 3 });
    // x1 = −1: every value is 1 ≥ 0, so the votes are C, A, B: C voted first.
    expect(score(model, { x1: -1, x2: 0 }).y).toBe('C');
  });

  it('OneAgainstOne: a machine threshold overrides the model threshold', () => {
    const machines = [linear('targetCategory="A" alternateTargetCategory="B"', 1, 'threshold="2"')];
    const model = load(CLASS_FIELDS, classifier('classificationMethod="OneAgainstOne" threshold="-5"', machines));
    expect(score(model, { x1: 1, x2: 0 }).y).toBe('A');
    expect(score(model, { x1: 3, x2: 0 }).y).toBe('B');
  });

  it('OneAgainstOne with maxWins: a value above the threshold votes for targetCategory', () => {
    const machines = [linear('targetCategory="A" alternateTargetCategory="B"', 1)];
    const model = load(CLASS_FIELDS, classifier('classificationMethod="OneAgainstOne" maxWins="true"', machines));
    expect(score(model, { x1: 1, x2: 0 }).y).toBe('A');
    expect(score(model, { x1: -1, x2: 0 }).y).toBe('B');
  });

  it('alternateBinaryTargetCategory: a value rounding to 1 is targetCategory, to 0 the alternate', () => {
    const machines = [linear('targetCategory="A"', 1)];
    const model = load(CLASS_FIELDS, classifier('alternateBinaryTargetCategory="C"', machines));
    expect(score(model, { x1: 0.7, x2: 0 }).y).toBe('A');
    expect(score(model, { x1: 0.2, x2: 0 }).y).toBe('C');
    expect(() => score(model, { x1: 3, x2: 0 })).toThrow(/does not round to 0 or 1/);
  });

  it('OneAgainstAll: the machine with the smallest value wins, or the largest under maxWins', () => {
    const machines = [linear('targetCategory="A"', 1), linear('targetCategory="B"', -1), linear('targetCategory="C"', 0.5)];
    expect(score(load(CLASS_FIELDS, classifier('classificationMethod="OneAgainstAll"', machines)), { x1: 1, x2: 0 }).y).toBe('B');
    expect(score(load(CLASS_FIELDS, classifier('classificationMethod="OneAgainstAll" maxWins="true"', machines)), { x1: 1, x2: 0 }).y).toBe('A');
  });

  it('infers OneAgainstOne when classificationMethod is absent but machines name an alternateTargetCategory', () => {
    const machines = [linear('targetCategory="A" alternateTargetCategory="B"', 1)];
    expect(score(load(CLASS_FIELDS, classifier('', machines)), { x1: 1, x2: 0 })).toMatchObject({ y: 'B', p_B: 1 });
  });

  it('scores inside a MiningModel segment', () => {
    const inner = classifier('classificationMethod="OneAgainstOne"', [linear('targetCategory="A" alternateTargetCategory="B"', 1)]).replace(OUTPUT, '');
    const model = load(
      CLASS_FIELDS,
      `<MiningModel functionName="classification">
        <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x1"/><MiningField name="x2"/></MiningSchema>
        <Segmentation multipleModelMethod="selectFirst"><Segment id="svm"><True/>${inner}</Segment></Segmentation>
      </MiningModel>`,
    );
    expect(score(model, { x1: -1, x2: 0 }).y).toBe('A');
  });

  it('describes kernel, voting scheme and machines for the summary view', () => {
    const model = load(CLASS_FIELDS, classifier('classificationMethod="OneAgainstOne"', [linear('targetCategory="A" alternateTargetCategory="B"', 1)]));
    const structure = model.description.structure;
    expect(structure.kind).toBe('other');
    if (structure.kind !== 'other') return;
    expect(structure.summary).toContainEqual({ label: 'Kernel', value: 'linear: ⟨x, v⟩' });
    expect(structure.summary).toContainEqual({ label: 'Classification', value: 'OneAgainstOne' });
    expect(structure.summary).toContainEqual({ label: 'Categories', value: 'A vs B' });
  });
});
