import type { ModelScorer } from './model-scorer.js';
import { onnxScorer } from './onnx-score.js';
import { pmmlScorer } from './pmml-score.js';

/** Every format `modelport score` handles, tried in this order (see {@link ModelScorer}). */
export const modelScorers: readonly ModelScorer[] = [pmmlScorer, onnxScorer];
