import { describe, expect, it } from 'vitest';
import { dataField, load, values } from './test-helpers.js';

const neural = load(
  [dataField('x'), dataField('y')],
  `<NeuralNetwork functionName="regression" activationFunction="logistic">
    <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
    <NeuralInputs><NeuralInput id="0"><DerivedField optype="continuous" dataType="double"><FieldRef field="x"/></DerivedField></NeuralInput></NeuralInputs>
    <NeuralLayer><Neuron id="1" bias="0.5"><Con from="0" weight="2"/></Neuron></NeuralLayer>
    <NeuralLayer activationFunction="identity"><Neuron id="2" bias="1"><Con from="1" weight="3"/></Neuron></NeuralLayer>
    <NeuralOutputs><NeuralOutput outputNeuron="2"><DerivedField optype="continuous" dataType="double"><FieldRef field="y"/></DerivedField></NeuralOutput></NeuralOutputs>
  </NeuralNetwork>`,
);

const scorecard = load(
  [dataField('age'), dataField('score')],
  `<Scorecard functionName="regression" initialScore="10" useReasonCodes="true" reasonCodeAlgorithm="pointsAbove" baselineScore="0">
    <MiningSchema><MiningField name="age"/><MiningField name="score" usageType="target"/></MiningSchema>
    <Characteristics>
      <Characteristic name="ageBand" reasonCode="RC1">
        <Attribute partialScore="5"><SimplePredicate field="age" operator="lessThan" value="30"/></Attribute>
        <Attribute partialScore="7"><True/></Attribute>
      </Characteristic>
    </Characteristics>
  </Scorecard>`,
);

const rules = load(
  [dataField('x'), dataField('c', 'string', 'categorical', values('a', 'b'))],
  `<RuleSetModel functionName="classification">
    <MiningSchema><MiningField name="x"/><MiningField name="c" usageType="target"/></MiningSchema>
    <RuleSet defaultScore="b">
      <RuleSelectionMethod criterion="firstHit"/>
      <SimpleRule id="low" score="a"><SimplePredicate field="x" operator="lessThan" value="1"/></SimpleRule>
      <CompoundRule><True/><SimpleRule score="b"><True/></SimpleRule></CompoundRule>
    </RuleSet>
  </RuleSetModel>`,
);

const neighbors = load(
  [dataField('x'), dataField('y')],
  `<NearestNeighborModel functionName="regression" numberOfNeighbors="2" instanceIdVariable="id">
    <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
    <TrainingInstances>
      <InstanceFields><InstanceField field="id" column="id"/><InstanceField field="x" column="x"/><InstanceField field="y" column="y"/></InstanceFields>
      <InlineTable>
        <row><id>a</id><x>0</x><y>1</y></row>
        <row><id>b</id><x>5</x><y>2</y></row>
        <row><id>c</id><x>1</x><y>3</y></row>
      </InlineTable>
    </TrainingInstances>
    <ComparisonMeasure kind="distance"><euclidean/></ComparisonMeasure>
    <KNNInputs><KNNInput field="x"/></KNNInputs>
  </NearestNeighborModel>`,
);

describe('traced evaluations explain the model', () => {
  it('keeps every neuron activation of a neural network by id', () => {
    const activations = neural.evaluate({ x: 1 }, { trace: true }).trace?.explanation?.activations;
    const hidden = 1 / (1 + Math.exp(-2.5));
    expect(activations?.get('0')).toBe(1);
    expect(activations?.get('1')).toBeCloseTo(hidden, 12);
    expect(activations?.get('2')).toBeCloseTo(3 * hidden + 1, 12);
  });

  it('leaves the explanation out of untraced evaluations', () => {
    expect(neural.evaluate({ x: 1 }).trace).toBeUndefined();
  });

  it('names the matched attribute and its points per scorecard characteristic, with the reason codes', () => {
    const trace = scorecard.evaluate({ age: 40 }, { trace: true }).trace;
    expect(trace?.explanation?.attributes).toEqual([{ index: 1, points: 7 }]);
    expect(trace?.reasonCodes).toEqual(['RC1']);
  });

  it('lists the fired rules in document order, ids by depth-first position when absent', () => {
    const trace = rules.evaluate({ x: 0 }, { trace: true }).trace;
    expect(trace?.explanation?.firedRules).toEqual(['low', '2']);
    expect(trace?.entityId).toBe('low');
  });

  it('describes rules nested under compound rules with the same entity ids', () => {
    const structure = rules.description.structure;
    const ruleSet = structure.kind === 'other' ? structure.ruleSet : undefined;
    expect(ruleSet?.selectionMethods).toEqual(['firstHit']);
    expect(ruleSet?.rules[1]).toMatchObject({ kind: 'compound', predicate: 'true', rules: [{ kind: 'simple', id: '2', score: 'b' }] });
  });

  it('describes scorecard characteristics with attribute predicates and partial scores', () => {
    const structure = scorecard.description.structure;
    const characteristics = structure.kind === 'other' ? structure.scorecard?.characteristics : undefined;
    expect(characteristics?.[0]).toMatchObject({ name: 'ageBand', baselineScore: 0, reasonCode: 'RC1' });
    expect(characteristics?.[0].attributes.map((a) => [a.predicate, a.partialScore])).toEqual([
      ['age < 30', 5],
      ['true', 7],
    ]);
  });

  it('lists the k nearest training instances with their distances and values', () => {
    const nearest = neighbors.evaluate({ x: 0.8 }, { trace: true }).trace?.explanation?.neighbors;
    expect(nearest?.map((n) => n.id)).toEqual(['c', 'a']);
    expect(nearest?.[0].affinity).toBeCloseTo(0.2, 12);
    expect(nearest?.[1].values).toEqual({ id: 'a', x: '0', y: '1' });
  });

  it('describes a nearest-neighbour model without its training instances', () => {
    const structure = neighbors.description.structure;
    expect(structure.kind === 'other' ? structure.neighbors : undefined).toEqual({
      numberOfNeighbors: 2,
      instanceCount: 3,
      measureKind: 'distance',
      measure: 'euclidean',
      inputs: ['x'],
      instanceFields: ['id', 'x', 'y'],
    });
  });
});
