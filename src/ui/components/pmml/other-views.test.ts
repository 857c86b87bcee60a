import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { ModelStructure } from '../../../engine/model/description.js';
import { descriptionOf } from '../structure/fixtures.js';
import StructureView from '../structure/StructureView.svelte';
import type { StructurePrediction } from '../structure/types.js';

function html(structure: ModelStructure, result?: StructurePrediction): string {
  return render(StructureView, { props: { description: descriptionOf(structure), result } }).body;
}

describe('views of PMML elements without a structure kind of their own', () => {
  it('draws a neural network with its layers and the activation of each neuron', () => {
    const body = html(
      {
        kind: 'other',
        element: 'NeuralNetwork',
        summary: [],
        layers: [
          { label: 'Inputs', neurons: [{ id: 'i', label: 'x', inputs: [] }] },
          { label: 'Output layer', activation: 'logistic', neurons: [{ id: 'o', label: 'y', bias: 0.25, inputs: [{ from: 'i', weight: 2 }] }] },
        ],
      },
      { trace: { activations: new Map([['i', 3], ['o', 0.9]]) } },
    );
    expect(body).toContain('Output layer');
    expect(body).toContain('1 × logistic');
    expect(body).toContain('bias 0.25');
    expect(body).toContain('activation 0.9');
  });

  it('draws a scorecard with the matched attribute and the ranked reason codes', () => {
    const body = html(
      {
        kind: 'other',
        element: 'Scorecard',
        summary: [],
        scorecard: {
          initialScore: 10,
          reasonCodeAlgorithm: 'pointsAbove',
          characteristics: [{ name: 'ageBand', baselineScore: 0, reasonCode: 'RC9', attributes: [{ predicate: 'age < 30', partialScore: 5 }] }],
        },
      },
      { trace: { attributes: [{ index: 0, points: 5 }], reasonCodes: ['RC9'] } },
    );
    expect(body).toContain('ageBand');
    expect(body).toContain('Reason codes, ranked');
    expect(body).toMatch(/class="[^"]*\bmatched\b/);
  });

  it('draws clusters with the assigned one', () => {
    const body = html(
      {
        kind: 'other',
        element: 'ClusteringModel',
        summary: [],
        clustering: { fields: ['x'], measureKind: 'distance', measure: 'euclidean', clusters: [{ id: '1', name: 'alpha', center: [0] }] },
      },
      { trace: { ranking: [{ id: '1', affinity: 0.5 }] } },
    );
    expect(body).toContain('Record assigned to');
    expect(body).toContain('alpha');
  });

  it('draws rules with the winner', () => {
    const body = html(
      {
        kind: 'other',
        element: 'RuleSetModel',
        summary: [],
        ruleSet: { selectionMethods: ['firstHit'], rules: [{ kind: 'simple', id: 'r1', predicate: 'x < 1', score: 'a', confidence: 1, weight: 1 }] },
      },
      { trace: { firedRules: ['r1'], entityId: 'r1' } },
    );
    expect(body).toContain('1 rule fired');
    expect(body).toContain('wins');
  });

  it('draws the nearest neighbours of the record', () => {
    const body = html(
      {
        kind: 'other',
        element: 'NearestNeighborModel',
        summary: [],
        neighbors: { numberOfNeighbors: 1, instanceCount: 3, measureKind: 'distance', measure: 'euclidean', inputs: ['x'], instanceFields: ['x', 'y'] },
      },
      { trace: { neighbors: [{ id: 'n7', affinity: 0.5, values: { x: '1', y: 'yes' } }] } },
    );
    expect(body).toContain('k = 1 of 3 training instances');
    expect(body).toContain('n7');
  });

  it('keeps the summary table for the other elements', () => {
    expect(html({ kind: 'other', element: 'BaselineModel', summary: [{ label: 'Test', value: 'zValue' }] })).toContain('no dedicated drawing');
  });
});
