import type { OpCategory } from './op-category.js';

/**
 * Header colours per operator category, after netron's palette (layer blue, activation red, pool green,
 * normalization teal, tensor ops brown) with saturation kept readable under white text in light and dark themes.
 */
export const CATEGORY_COLORS: Readonly<Record<OpCategory | 'io', string>> = {
  layer: '#3b6db3',
  activation: '#b0473b',
  pool: '#3d8750',
  normalization: '#2c8479',
  dropout: '#6459a8',
  tensor: '#86654b',
  control: '#7a4ca3',
  ml: '#b9741c',
  quantization: '#9c4f78',
  constant: '#6b7280',
  other: '#4b5563',
  io: '#e5e7eb',
};

export const CATEGORY_LABELS: Readonly<Record<OpCategory | 'io', string>> = {
  layer: 'Layer',
  activation: 'Activation',
  pool: 'Pool',
  normalization: 'Normalization',
  dropout: 'Dropout',
  tensor: 'Tensor',
  control: 'Control flow',
  ml: 'ML operator',
  quantization: 'Quantization',
  constant: 'Constant',
  other: 'Other',
  io: 'Input / output',
};
