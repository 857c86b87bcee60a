import { loadPmml } from '../../engine/formats/pmml/index.js';
import { createNodeOnnxRunner } from '../onnx-runtime.js';
import type { CaseRunner } from './case-runner.js';
import { createOnnxCaseRunner } from './onnx-case-runner.js';
import { createPmmlCaseRunner } from './pmml-case-runner.js';

/** Every format's case runner, tried in this order (see {@link CaseRunner}). */
export const caseRunners: readonly CaseRunner[] = [createPmmlCaseRunner(loadPmml), createOnnxCaseRunner(createNodeOnnxRunner)];
