/**
 * `modelport score model.onnx input.csv|input.json`: a CSV feeds a model's single [N, F] input (one row per
 * example); a JSON object of named arrays feeds any model. Results are CSV (one row per example) when every
 * output has one row per CSV row, JSON otherwise.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  feedsFromCsvRows,
  feedsFromJson,
  onnxFormat,
  startModelSession,
  tabulateOutputs,
  tensorValues,
  type Feeds,
  type ModelOutput,
  type OnnxModel,
} from '../engine/formats/onnx/index.js';
import { CliError } from './cli-error.js';
import { formatCsvRows, streamCsvBatches } from './csv.js';
import type { ModelScorer, ScoreRequest } from './model-scorer.js';
import { readOnnxModel } from './onnx-files.js';
import { createNodeOnnxRunner } from './onnx-runtime.js';

export const onnxScorer: ModelScorer = {
  format: 'onnx',
  match: (head, fileName) => onnxFormat.match(head, fileName),
  score: scoreOnnx,
};

async function scoreOnnx(request: ScoreRequest): Promise<{ rows: number }> {
  const { model, externalData } = await readOnnxModel(request.modelPath);
  const session = await startModelSession(createNodeOnnxRunner(), model, { externalData, warmUp: false });
  try {
    const isJson = extname(request.inputPath).toLowerCase() === '.json';
    const { feeds, rows } = isJson ? await readJsonFeeds(request.inputPath, model) : await readCsvFeeds(request, model);
    const result = await session.run(feeds);
    for (const skipped of result.skipped) {
      request.warn(skipped.reason);
    }
    const table = rows === undefined ? undefined : tabulateOutputs(result.outputs, rows);
    const csv = table && formatCsvRows([table.header, ...table.rows.map((row) => row.map(String))], ',');
    await request.write(csv ?? `${JSON.stringify(toJson(result.outputs), jsonReplacer, 2)}\n`);
    return { rows: rows ?? 1 };
  } finally {
    await session.release();
  }
}

async function readJsonFeeds(path: string, model: OnnxModel): Promise<{ feeds: Feeds; rows?: number }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${basename(path)} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return { feeds: feedsFromJson(json, model.description.inputTensors) };
}

async function readCsvFeeds(request: ScoreRequest, model: OnnxModel): Promise<{ feeds: Feeds; rows: number }> {
  const rows: string[][] = [];
  for await (const batch of streamCsvBatches(request.inputPath, request.separator)) {
    rows.push(...batch);
  }
  const feeds = feedsFromCsvRows(rows, model.description.inputTensors);
  return { feeds, rows: Object.values(feeds)[0].dims[0] };
}

function toJson(outputs: readonly ModelOutput[]): Record<string, unknown> {
  return Object.fromEntries(
    outputs.map((output) => [
      output.name,
      { type: output.tensor.type, dims: output.tensor.dims, data: tensorValues(output.tensor), ...(output.labels ? { labels: output.labels } : {}) },
    ]),
  );
}

/** 64-bit integers print as JSON numbers when exact, as strings otherwise. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  return value;
}
