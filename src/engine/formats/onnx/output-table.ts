import type { ModelOutput } from './model-session.js';
import { tensorValues } from './tensor-data.js';

/** One cell of an output table: one element of an output tensor. */
export type OutputCell = number | bigint | string | boolean;

/** A run's outputs as a table: one row per example. */
export interface OutputTable {
  /**
   * One column per output that holds one value per example (a classifier's label); an output with several per
   * example (class probabilities [N, C]) gets one column each, named `output[label]`, or `output[index]` when its
   * classes have no labels.
   */
  readonly header: readonly string[];
  readonly rows: readonly (readonly OutputCell[])[];
}

/**
 * Lays out the outputs of a run over `rows` examples as a table, as `modelport score` prints them and the app's
 * batch scoring downloads them; `undefined` when an output's first dimension is not `rows` (it is not per example).
 *
 * @example tabulateOutputs(result.outputs, 2) // { header: ['output_label', 'output_probability[0]', …], rows: [[0n, 0.9, …], …] }
 */
export function tabulateOutputs(outputs: readonly ModelOutput[], rows: number): OutputTable | undefined {
  if (outputs.some((output) => output.tensor.dims[0] !== rows)) {
    return undefined;
  }
  const header = outputs.flatMap((output) => columnNames(output, rows));
  const values = outputs.map((output) => tensorValues(output.tensor));
  const table: OutputCell[][] = [];
  for (let row = 0; row < rows; row++) {
    table.push(values.flatMap((cells) => {
      const width = cells.length / rows;
      return cells.slice(row * width, (row + 1) * width);
    }));
  }
  return { header, rows: table };
}

function columnNames(output: ModelOutput, rows: number): string[] {
  const width = output.tensor.data.length / rows;
  if (width === 1) {
    return [output.name];
  }
  return Array.from({ length: width }, (_, index) => `${output.name}[${output.labels?.[index] ?? index}]`);
}
