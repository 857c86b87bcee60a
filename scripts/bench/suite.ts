/**
 * The bench is a list of suites (ONNX runtime overhead, ONNX memory, and whatever other formats add); each
 * measures what it measures and returns tables, which `scripts/bench.ts` prints.
 */

/** A printed result: a title, column headers and rows of cells. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines printed under the table (what the ratios mean, what was skipped). */
  readonly notes?: readonly string[];
}

/** One suite of measurements. To add one, export a `BenchSuite` from `scripts/bench/<name>.ts` and list it in `scripts/bench.ts`. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<readonly BenchTable[]>;
}

/** The table as aligned text: first column left-aligned, the others right-aligned. */
export function formatTable(table: BenchTable): string {
  const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
  return [
    table.title,
    line(table.columns),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...table.rows.map(line),
    ...(table.notes ?? []),
  ].join('\n');
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds with precision that suits their size. */
export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
