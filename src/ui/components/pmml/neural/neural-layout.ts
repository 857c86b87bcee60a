import type { NeuralLayerSpec, NeuronSpec } from '../../../../engine/model/description.js';

/** Layers wider than this are drawn summarised: their first {@link SHOWN_WHEN_SUMMARISED} neurons and a "more" marker. */
export const MAX_DRAWN_NEURONS = 64;
export const SHOWN_WHEN_SUMMARISED = 24;

const COLUMN_GAP = 210;
/** Rows are roomier when few, so a small network does not sit as a speck in the pane. */
const rowGapFor = (rows: number) => (rows <= 10 ? 46 : 34);
const MARGIN_TOP = 70;
const MARGIN_BOTTOM = 28;
/** Room for the input labels left of the first column and the output labels right of the last (approx. px per char at 11.5px). */
const CHAR_WIDTH = 6.6;
const LABEL_ROOM = 110;

export interface PlacedNeuron {
  readonly neuron: NeuronSpec;
  readonly layer: number;
  readonly x: number;
  readonly y: number;
  /** The neuron's value for the current record (input value or activation), when traced. */
  readonly value?: number;
  /** `value` scaled into [-1, 1] against the largest magnitude in its layer, for colouring. */
  readonly intensity?: number;
}

export interface PlacedConnection {
  readonly from: string;
  readonly to: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly weight: number;
  /** |weight| relative to the largest |weight| into the same layer, in [0, 1]. */
  readonly strength: number;
}

export interface PlacedLayer {
  readonly spec: NeuralLayerSpec;
  readonly x: number;
  /** Neurons left out of the drawing (the layer is summarised), and where the marker goes. */
  readonly hidden: number;
  readonly markerY: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly layers: readonly PlacedLayer[];
  readonly neurons: readonly PlacedNeuron[];
  readonly connections: readonly PlacedConnection[];
  /** Connections not drawn because an end is hidden in a summarised layer. */
  readonly hiddenConnections: number;
}

/**
 * Places a network's layers as columns of neurons, each column centred vertically, and the connections between
 * the drawn neurons. With `activations` (a traced prediction) every neuron carries its value for the record.
 */
export function layoutNetwork(layers: readonly NeuralLayerSpec[], activations?: ReadonlyMap<string, number>): NetworkLayout {
  const shown = layers.map((layer) => (layer.neurons.length > MAX_DRAWN_NEURONS ? SHOWN_WHEN_SUMMARISED : layer.neurons.length));
  const rows = Math.max(1, ...shown.map((n, i) => n + (n < layers[i].neurons.length ? 1 : 0)));
  const rowGap = rowGapFor(rows);
  const height = MARGIN_TOP + (rows - 1) * rowGap + MARGIN_BOTTOM;
  const labelWidth = (layer: NeuralLayerSpec | undefined) => Math.max(0, ...(layer?.neurons ?? []).map((n) => (n.label ?? n.id).length)) * CHAR_WIDTH;
  const left = Math.max(80, labelWidth(layers[0]) + LABEL_ROOM);
  const right = Math.max(80, layers.length > 1 ? labelWidth(layers.at(-1)) + LABEL_ROOM : 0);
  const width = left + right + Math.max(0, layers.length - 1) * COLUMN_GAP;
  const positions = new Map<string, PlacedNeuron>();
  const neurons: PlacedNeuron[] = [];
  const placedLayers = layers.map((spec, l): PlacedLayer => {
    const x = left + l * COLUMN_GAP;
    const count = shown[l];
    const hidden = spec.neurons.length - count;
    const slots = count + (hidden > 0 ? 1 : 0);
    const top = MARGIN_TOP + ((rows - slots) * rowGap) / 2;
    const values = activations === undefined ? [] : spec.neurons.slice(0, count).map((n) => activations.get(n.id));
    const scale = Math.max(1e-12, ...values.map((v) => (v === undefined || !Number.isFinite(v) ? 0 : Math.abs(v))));
    spec.neurons.slice(0, count).forEach((neuron, i) => {
      const value = values[i];
      const placed: PlacedNeuron = {
        neuron,
        layer: l,
        x,
        y: top + i * rowGap,
        value,
        intensity: value === undefined || !Number.isFinite(value) ? undefined : value / scale,
      };
      positions.set(neuron.id, placed);
      neurons.push(placed);
    });
    return { spec, x, hidden, markerY: top + count * rowGap };
  });
  const connections: PlacedConnection[] = [];
  let hiddenConnections = 0;
  for (const layer of layers) {
    const maxWeight = Math.max(1e-12, ...layer.neurons.flatMap((n) => n.inputs.map((c) => Math.abs(c.weight))));
    for (const neuron of layer.neurons) {
      const to = positions.get(neuron.id);
      for (const input of neuron.inputs) {
        const from = positions.get(input.from);
        if (to === undefined || from === undefined) {
          hiddenConnections++;
          continue;
        }
        connections.push({
          from: input.from,
          to: neuron.id,
          x1: from.x,
          y1: from.y,
          x2: to.x,
          y2: to.y,
          weight: input.weight,
          strength: Math.abs(input.weight) / maxWeight,
        });
      }
    }
  }
  // Weak connections first, so the strong ones are drawn on top of them.
  connections.sort((a, b) => a.strength - b.strength);
  return { width, height, layers: placedLayers, neurons, connections, hiddenConnections };
}
