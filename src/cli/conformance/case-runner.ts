/**
 * The port between the conformance suite and one model format. The suite walks a folder, asks each registered
 * runner whether a folder is one of its cases, runs the case, and reports the outcome.
 */

/** What running one case came to. */
export interface CaseOutcome {
  /** Stable, readable id of the case, e.g. `jpmml-sklearn/DecisionTreeIris` (what `--filter` matches too). */
  readonly id: string;
  readonly passed: boolean;
  /**
   * One line for a failure: the first differing row and column with expected and actual values, or the
   * error the engine threw. Absent when the case passed.
   */
  readonly message?: string;
  /** How many compared rows matched and how many there were, when the case got as far as comparing. */
  readonly rows?: { readonly matched: number; readonly total: number };
  /**
   * Keys the report groups pass counts by (PMML: `source`, `element`); runners choose their own.
   * @example { source: 'jpmml-sklearn', element: 'TreeModel' }
   */
  readonly groups?: Readonly<Record<string, string>>;
}

/**
 * Runs the cases of one format. Runners are listed once in `runners.ts`; the suite tries them in order and the
 * first whose {@link CaseRunner.detect} accepts a folder runs it (folders inside an accepted one are not searched).
 *
 * To add a format, write `<format>-case-runner.ts` in this folder exporting a `CaseRunner`, and add it to the
 * `caseRunners` table in `runners.ts` — one line; nothing else in the suite changes.
 *
 * @example
 * export const onnxCaseRunner: CaseRunner = {
 *   format: 'onnx',
 *   detect: (caseDir) => existsSync(join(caseDir, 'model.onnx')),
 *   run: async (caseDir) => ({ id: basename(caseDir), passed: true }),
 * };
 */
export interface CaseRunner {
  /** The suite this runner's cases count towards (a key of `conformance-ratchet.json`). */
  readonly format: string;
  /** True when `caseDir` is a case of this runner. Looks at file names only: it runs for every folder walked. */
  detect(caseDir: string): boolean;
  /**
   * Runs the case and compares with its expectations. A problem with the model or its data is a failed outcome
   * with a message; if the promise rejects anyway, the suite counts the case as failed with the error's message.
   */
  run(caseDir: string): Promise<CaseOutcome>;
}
