import { describe, expect, it } from 'vitest';
import type { NeuralLayerSpec } from '../../../../engine/model/description.js';
import { layoutNetwork, MAX_DRAWN_NEURONS, SHOWN_WHEN_SUMMARISED } from './neural-layout.js';

const layers: NeuralLayerSpec[] = [
  { label: 'Inputs', neurons: [{ id: 'a', inputs: [] }, { id: 'b', inputs: [] }] },
  {
    label: 'Output layer',
    activation: 'logistic',
    neurons: [{ id: 'o', bias: 0.5, inputs: [{ from: 'a', weight: 2 }, { from: 'b', weight: -0.5 }] }],
  },
];

describe('layoutNetwork', () => {
  it('puts each layer in its own column, left to right', () => {
    const layout = layoutNetwork(layers);
    const x = (id: string) => layout.neurons.find((n) => n.neuron.id === id)!.x;
    expect(x('a')).toBe(x('b'));
    expect(x('o')).toBeGreaterThan(x('a'));
  });

  it('scales connection strength by the largest weight into the layer', () => {
    const strengths = Object.fromEntries(layoutNetwork(layers).connections.map((c) => [c.from, c.strength]));
    expect(strengths.a).toBeCloseTo(1, 12);
    expect(strengths.b).toBeCloseTo(0.25, 12);
  });

  it('colours neurons by their activation relative to the largest magnitude in the layer', () => {
    const layout = layoutNetwork(layers, new Map([['a', 4], ['b', -2], ['o', 0.7]]));
    const intensity = (id: string) => layout.neurons.find((n) => n.neuron.id === id)!.intensity;
    expect(intensity('a')).toBeCloseTo(1, 12);
    expect(intensity('b')).toBeCloseTo(-0.5, 12);
    expect(intensity('o')).toBeCloseTo(1, 12);
  });

  it('summarises layers too wide to draw and leaves out their hidden connections', () => {
    const wide = Array.from({ length: MAX_DRAWN_NEURONS + 6 }, (_, i) => ({ id: `h${i}`, inputs: [{ from: 'a', weight: 1 }] }));
    const layout = layoutNetwork([layers[0], { label: 'Hidden layer 1', activation: 'rectifier', neurons: wide }]);
    expect(layout.layers[1].hidden).toBe(wide.length - SHOWN_WHEN_SUMMARISED);
    expect(layout.connections).toHaveLength(SHOWN_WHEN_SUMMARISED);
    expect(layout.hiddenConnections).toBe(wide.length - SHOWN_WHEN_SUMMARISED);
  });
});
