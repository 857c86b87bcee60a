import { parseLabelList } from '../../engine/formats/onnx/labels.js';
import type { AppError } from './app-error.js';
import type { PredictionOutcome } from './predictor.js';

/**
 * Names the classes of an outcome's class bars with labels a person added, when there is one label per class.
 * Labels from the model itself (ZipMap classes, metadata) give way to them: the person chose the file.
 */
export function withClassLabels(outcome: PredictionOutcome | null, labels: readonly string[] | undefined): PredictionOutcome | null {
  const bars = outcome?.probabilities;
  if (!outcome || !bars || !labels || labels.length !== bars.length) return outcome;
  return { ...outcome, probabilities: bars.map((bar, i) => ({ ...bar, label: labels[i] })) };
}

/**
 * Reads a labels file (one label a line, comma-separated, a JSON array or a JSON {index: name} object, as
 * ImageNet's `synset`/`labels.txt` and exporters' `classes.json` are written) for a model that scores
 * `classCount` classes.
 */
export function readClassLabels(text: string, fileName: string, classCount: number): { labels: string[] } | { error: AppError } {
  const labels = parseLabelList(text);
  if (labels.length === 0) return { error: { code: 'labels.empty', message: 'The file holds no labels: write one label a line, or a JSON array of labels.', fileName } };
  if (labels.length !== classCount) {
    return {
      error: {
        code: 'labels.count',
        message: `The file has ${labels.length} ${labels.length === 1 ? 'label' : 'labels'}, but the model scores ${classCount} classes: it needs one label per class, in class order.`,
        fileName,
      },
    };
  }
  return { labels };
}
