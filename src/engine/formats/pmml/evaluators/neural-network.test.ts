import { describe, expect, it } from 'vitest';
import { InvalidMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('z'), dataField('y')];
const INPUTS = `<NeuralInputs>
  <NeuralInput id="in"><DerivedField optype="continuous" dataType="double"><FieldRef field="x"/></DerivedField></NeuralInput>
</NeuralInputs>`;
const TO_Y = `<NeuralOutputs><NeuralOutput outputNeuron="n"><DerivedField optype="continuous" dataType="double"><FieldRef field="y"/></DerivedField></NeuralOutput></NeuralOutputs>`;

/** A regression network y = f(weight·x + bias) with one neuron `n`. */
function oneNeuron(networkAttributes: string, layerAttributes = '', neuron = '<Neuron id="n" bias="0.5"><Con from="in" weight="2"/></Neuron>', outputs = TO_Y): string {
  return `<NeuralNetwork functionName="regression" ${networkAttributes}>
    <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
    ${INPUTS}<NeuralLayer ${layerAttributes}>${neuron}</NeuralLayer>${outputs}
  </NeuralNetwork>`;
}

describe('NeuralNetwork activation functions', () => {
  const z = 2 * 0.3 + 0.5;
  it.each([
    ['logistic', 1 / (1 + Math.exp(-z))],
    ['tanh', Math.tanh(z)],
    ['identity', z],
    ['exponential', Math.exp(z)],
    ['reciprocal', 1 / z],
    ['square', z * z],
    ['Gauss', Math.exp(-z * z)],
    ['sine', Math.sin(z)],
    ['cosine', Math.cos(z)],
    ['Elliott', z / (1 + Math.abs(z))],
    ['arctan', (2 * Math.atan(z)) / Math.PI],
    ['rectifier', z],
  ])('%s applied to Z = Σ w·x + bias', (fn, expected) => {
    expectClose(score(load(FIELDS, oneNeuron(`activationFunction="${fn}"`)), { x: 0.3 }).y, expected);
  });

  it('rectifier clips negative Z to 0', () => {
    expect(score(load(FIELDS, oneNeuron('activationFunction="rectifier"')), { x: -1 }).y).toBe(0);
  });

  it('threshold gives 1 above the threshold and 0 at or below it, the layer overriding the network', () => {
    const model = load(FIELDS, oneNeuron('activationFunction="threshold" threshold="0"', 'threshold="1.1"'));
    expect(score(model, { x: 0.3 }).y).toBe(0);
    expect(score(model, { x: 0.31 }).y).toBe(1);
  });

  it('a layer activationFunction overrides the network one', () => {
    expectClose(score(load(FIELDS, oneNeuron('activationFunction="tanh"', 'activationFunction="square"')), { x: 0.3 }).y, z * z);
  });

  it('radialBasis: exp(fan-in · ln(altitude) − Σ(x − w)² / (2·width²)), ignoring the bias', () => {
    const inputs = `${INPUTS.replace('</NeuralInputs>', '')}<NeuralInput id="in2"><DerivedField><FieldRef field="z"/></DerivedField></NeuralInput></NeuralInputs>`;
    const neuron = '<Neuron id="n" bias="9" altitude="1.5"><Con from="in" weight="1"/><Con from="in2" weight="-2"/></Neuron>';
    const text = oneNeuron('activationFunction="radialBasis" width="3" altitude="2"', '', neuron).replace(INPUTS, inputs).replace('<MiningField name="x"/>', '<MiningField name="x"/><MiningField name="z"/>');
    const distance = (0.5 - 1) ** 2 + (-1 + 2) ** 2;
    expectClose(score(load(FIELDS, text), { x: 0.5, z: -1 }).y, Math.exp(2 * Math.log(1.5) - distance / (2 * 9)));
  });

  it('rejects a radialBasis neuron without any width when the model loads', () => {
    expect(() => load(FIELDS, oneNeuron('activationFunction="radialBasis"'))).toThrow(/sets 'width'/);
  });
});

const CLASS_FIELDS = [dataField('x'), dataField('species', 'string', 'categorical', values('a', 'b'))];

/** Hidden neuron h = x; output neurons Y_a = h + 1 and Y_b = 2 − h; `normalization` set on the output layer. */
function classifier(normalization: string, activation = 'identity', networkNormalization = 'none'): string {
  const output = (id: string, value: string): string =>
    `<NeuralOutput outputNeuron="${id}"><DerivedField optype="categorical" dataType="string"><NormDiscrete field="species" value="${value}"/></DerivedField></NeuralOutput>`;
  return `<NeuralNetwork functionName="classification" activationFunction="${activation}" normalizationMethod="${networkNormalization}">
    <MiningSchema><MiningField name="species" usageType="target"/><MiningField name="x"/></MiningSchema>
    <Output>
      <OutputField name="p_a" feature="probability" value="a"/><OutputField name="p_b" feature="probability" value="b"/>
      <OutputField name="neuron" feature="entityId"/>
    </Output>
    ${INPUTS}
    <NeuralLayer><Neuron id="h" bias="0"><Con from="in" weight="1"/></Neuron></NeuralLayer>
    <NeuralLayer normalizationMethod="${normalization}"><Neuron id="oa" bias="1"><Con from="h" weight="1"/></Neuron><Neuron id="ob" bias="2"><Con from="h" weight="-1"/></Neuron></NeuralLayer>
    <NeuralOutputs>${output('oa', 'a')}${output('ob', 'b')}</NeuralOutputs>
  </NeuralNetwork>`;
}

describe('NeuralNetwork layers and outputs', () => {
  it('softmax normalises a layer: exp(Y_j) / Σ exp(Y_i), and NormDiscrete outputs become class probabilities', () => {
    const result = score(load(CLASS_FIELDS, classifier('softmax')), { x: 1 });
    // Y_a = 1 + 1 = 2, Y_b = 2 − 1 = 1.
    const pa = Math.exp(2) / (Math.exp(2) + Math.exp(1));
    expectClose(result.p_a, pa);
    expectClose(result.p_b, 1 - pa);
    expect(result.species).toBe('a');
    expect(result.neuron).toBe('oa');
  });

  it('simplemax normalises a layer: Y_j / Σ Y_i', () => {
    const result = score(load(CLASS_FIELDS, classifier('simplemax')), { x: 0.5 });
    // Y_a = 0.5 + 1 = 1.5 and Y_b = 2 − 0.5 = 1.5: equal shares.
    expectClose(result.p_a, 0.5);
    const skewed = score(load(CLASS_FIELDS, classifier('simplemax')), { x: 1 });
    expectClose(skewed.p_a, 2 / 3);
    expectClose(skewed.p_b, 1 / 3);
  });

  it('the network normalizationMethod applies to every layer that sets none of its own', () => {
    // Softmax over the single hidden neuron makes h = 1 whatever x is, so the outputs no longer depend on x.
    const model = load(CLASS_FIELDS, classifier('none', 'identity', 'softmax').replace('normalizationMethod="none"><Neuron id="oa"', '><Neuron id="oa"'));
    const pa = Math.exp(2) / (Math.exp(2) + Math.exp(1));
    expectClose(score(model, { x: 7 }).p_a, pa);
    expectClose(score(model, { x: -3 }).p_a, pa);
  });

  it('without normalisation the output neurons are the probabilities as they are', () => {
    const logistic = (v: number): number => 1 / (1 + Math.exp(-v));
    const result = score(load(CLASS_FIELDS, classifier('none', 'logistic')), { x: -2 });
    expectClose(result.p_a, logistic(logistic(-2) + 1));
    expectClose(result.p_b, logistic(2 - logistic(-2)));
    expect(result.species).toBe('b');
    expect(result.neuron).toBe('ob');
  });

  it('maps a regression output back through the inverse of NormContinuous', () => {
    const outputs = `<NeuralOutputs><NeuralOutput outputNeuron="n"><DerivedField><NormContinuous field="y">
      <LinearNorm orig="10" norm="0"/><LinearNorm orig="20" norm="0.5"/><LinearNorm orig="60" norm="1"/>
    </NormContinuous></DerivedField></NeuralOutput></NeuralOutputs>`;
    const model = load(FIELDS, oneNeuron('activationFunction="identity"', '', '<Neuron id="n"><Con from="in" weight="1"/></Neuron>', outputs));
    expectClose(score(model, { x: 0.25 }).y, 15);
    expectClose(score(model, { x: 0.75 }).y, 40);
    // Beyond the last point the last segment extrapolates.
    expectClose(score(model, { x: 1.5 }).y, 100);
  });

  it('follows a FieldRef output to the LocalTransformations field that normalises the target', () => {
    const outputs = `<NeuralOutputs><NeuralOutput outputNeuron="n"><DerivedField><FieldRef field="normY"/></DerivedField></NeuralOutput></NeuralOutputs>`;
    const transformations = `<LocalTransformations><DerivedField name="normY" optype="continuous" dataType="double">
      <NormContinuous field="y"><LinearNorm orig="0" norm="0"/><LinearNorm orig="50" norm="1"/></NormContinuous>
    </DerivedField></LocalTransformations>`;
    const text = oneNeuron('activationFunction="identity"', '', '<Neuron id="n"><Con from="in" weight="1"/></Neuron>', outputs).replace(INPUTS, `${transformations}${INPUTS}`);
    expectClose(score(load(FIELDS, text), { x: 0.5 }).y, 25);
  });

  it('computes inputs through their DerivedField expressions (NormContinuous, NormDiscrete)', () => {
    const fields = [dataField('x'), dataField('c', 'string', 'categorical', values('u', 'v')), dataField('y')];
    const inputs = `<NeuralInputs>
      <NeuralInput id="in"><DerivedField><NormContinuous field="x"><LinearNorm orig="0" norm="0"/><LinearNorm orig="10" norm="1"/></NormContinuous></DerivedField></NeuralInput>
      <NeuralInput id="isV"><DerivedField><NormDiscrete field="c" value="v"/></DerivedField></NeuralInput>
    </NeuralInputs>`;
    const neuron = '<Neuron id="n" bias="0"><Con from="in" weight="1"/><Con from="isV" weight="100"/></Neuron>';
    const text = oneNeuron('activationFunction="identity"', '', neuron).replace(INPUTS, inputs).replace('<MiningField name="x"/>', '<MiningField name="x"/><MiningField name="c"/>');
    const model = load(fields, text);
    expectClose(score(model, { x: 5, c: 'v' }).y, 100.5);
    expectClose(score(model, { x: 5, c: 'u' }).y, 0.5);
  });

  it('predicts a missing value when an input is missing', () => {
    expect(score(load(FIELDS, oneNeuron('activationFunction="identity"')), { x: null }).y).toBeNull();
  });

  it('gives each target of a multi-target regression network its own output neuron', () => {
    const fields = [dataField('x'), dataField('y1'), dataField('y2')];
    const output = (id: string, field: string): string => `<NeuralOutput outputNeuron="${id}"><DerivedField><FieldRef field="${field}"/></DerivedField></NeuralOutput>`;
    const model = load(
      fields,
      `<NeuralNetwork functionName="regression" activationFunction="identity">
        <MiningSchema><MiningField name="y1" usageType="target"/><MiningField name="y2" usageType="target"/><MiningField name="x"/></MiningSchema>
        ${INPUTS}
        <NeuralLayer><Neuron id="a" bias="1"><Con from="in" weight="2"/></Neuron><Neuron id="b" bias="0"><Con from="in" weight="-1"/></Neuron></NeuralLayer>
        <NeuralOutputs>${output('b', 'y2')}${output('a', 'y1')}</NeuralOutputs>
      </NeuralNetwork>`,
    );
    expect(score(model, { x: 3 })).toEqual({ y1: 7, y2: -3 });
  });

  it('rejects a connection from an unknown neuron when the model loads', () => {
    const text = oneNeuron('activationFunction="identity"', '', '<Neuron id="n"><Con from="ghost" weight="1"/></Neuron>');
    expect(() => load(FIELDS, text)).toThrow(InvalidMarkupError);
    expect(() => load(FIELDS, text)).toThrow(/comes from 'ghost'/);
  });

  it('describes inputs, layers and outputs for the summary view and the network drawing', () => {
    const structure = load(CLASS_FIELDS, classifier('softmax')).description.structure;
    expect(structure.kind).toBe('other');
    if (structure.kind !== 'other') return;
    expect(structure.summary).toEqual([
      { label: 'Inputs', value: '1' },
      { label: 'Hidden layer 1', value: '1 × identity' },
      { label: 'Output layer', value: '2 × identity, softmax' },
      { label: 'Connections', value: '3' },
      { label: 'Outputs', value: 'species=a, species=b' },
    ]);
    expect(structure.layers?.map((l) => l.label)).toEqual(['Inputs', 'Hidden layer 1', 'Output layer']);
    expect(structure.layers?.[0].neurons).toEqual([{ id: 'in', label: 'x', inputs: [] }]);
    expect(structure.layers?.[2].neurons[1]).toEqual({ id: 'ob', label: 'species=b', bias: 2, inputs: [{ from: 'h', weight: -1 }] });
  });
});
