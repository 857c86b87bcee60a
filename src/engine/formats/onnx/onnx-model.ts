import { FormatError } from '../../errors.js';
import type { ModelDescription } from '../../model/description.js';
import { describeFunctions, describeGraph } from './graph-description.js';
import { int64ToNumber } from './int64.js';
import { findForeignField, scanFields } from './model-proto-scan.js';
import { onnx } from './onnx-proto.generated.js';
import { suggestedShape } from './suggested-shape.js';
import { externalDataReference } from './tensor-proto.js';

/** The ONNX operator set domain a node with an empty `domain` belongs to. */
export const DEFAULT_DOMAIN = 'ai.onnx';

/** An opened ONNX model: its description plus what running it needs. */
export interface OnnxModel {
  readonly description: ModelDescription;
  /** The model file's bytes, as given (initializer views point into them). */
  readonly bytes: Uint8Array;
  /** The decoded protobuf; engine-internal. */
  readonly proto: onnx.ModelProto;
  /** Operator set version per domain (`ai.onnx` for the default domain). */
  readonly opsets: ReadonlyMap<string, number>;
  /** Locations of the external data files the model's tensors refer to, each once. */
  readonly externalDataFiles: readonly string[];
}

/** Options of {@link openOnnxModel}. */
export interface OpenOnnxOptions {
  /** Name of the file, for messages. */
  readonly fileName?: string;
  /** External data files by their `location` in the model; needed only to decode their tensors' values. */
  readonly externalData?: ReadonlyMap<string, Uint8Array>;
}

/**
 * Decodes an ONNX model and describes it. Tensor payloads are not copied: initializers keep views into `bytes`
 * and decode values only when asked.
 *
 * @throws FormatError when the bytes are truncated or corrupt, or are a protobuf that is not an ONNX model.
 */
export function openOnnxModel(bytes: Uint8Array, options: OpenOnnxOptions = {}): OnnxModel {
  const fileName = options.fileName ?? 'model.onnx';
  const proto = decodeModelProto(bytes, fileName);
  const graph = proto.graph;
  const irVersion = int64ToNumber(proto.ir_version);
  if (!graph || irVersion <= 0) {
    throw new FormatError(
      `The file '${fileName}' is a protobuf message but not an ONNX model: it has no ${graph ? 'ir_version' : 'graph'}.`,
      fileName,
    );
  }
  const opsets = new Map<string, number>();
  for (const opset of proto.opset_import ?? []) {
    opsets.set(opset.domain || DEFAULT_DOMAIN, int64ToNumber(opset.version));
  }
  const files = options.externalData ?? new Map<string, Uint8Array>();
  const mainGraph = { ...describeGraph(graph, files), functions: describeFunctions(proto.functions ?? [], files) };
  const description: ModelDescription = {
    format: 'onnx',
    kind: 'ONNX graph',
    ...(graph.name ? { name: graph.name } : {}),
    ...(proto.doc_string || graph.doc_string ? { description: (proto.doc_string || graph.doc_string) ?? '' } : {}),
    ...(proto.producer_name ? { producer: proto.producer_name } : {}),
    ...(proto.producer_version ? { producerVersion: proto.producer_version } : {}),
    formatVersion: String(irVersion),
    metadata: modelMetadata(proto, opsets),
    inputFields: [],
    resultFields: [],
    inputTensors: mainGraph.inputs.map((input) => {
      const suggested = suggestedShape(input, mainGraph);
      return suggested === undefined ? input : { ...input, suggestedShape: suggested };
    }),
    outputTensors: mainGraph.outputs,
    derivedFields: [],
    structure: { kind: 'graph', graph: mainGraph },
  };
  return { description, bytes, proto, opsets, externalDataFiles: listExternalDataFiles(proto) };
}

function decodeModelProto(bytes: Uint8Array, fileName: string): onnx.ModelProto {
  if (bytes.length === 0) {
    throw new FormatError(`The file '${fileName}' is empty.`, fileName);
  }
  const scan = scanFields(bytes);
  const foreign = scan.isComplete ? findForeignField(scan.fields) : undefined;
  if (foreign) {
    throw new FormatError(
      `The file '${fileName}' is a protobuf message but not an ONNX model: ModelProto has no field ${foreign.field} of wire type ${foreign.wireType}.`,
      fileName,
    );
  }
  try {
    return onnx.ModelProto.decode(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FormatError(
      `The file '${fileName}' is not a valid ONNX model: its protobuf data is truncated or corrupt (${detail}).`,
      fileName,
      { cause: error },
    );
  }
}

function modelMetadata(proto: onnx.ModelProto, opsets: ReadonlyMap<string, number>): { key: string; value: string }[] {
  const entries: { key: string; value: string }[] = [];
  for (const [domain, version] of opsets) {
    entries.push({ key: `opset ${domain}`, value: String(version) });
  }
  if (proto.domain) {
    entries.push({ key: 'domain', value: proto.domain });
  }
  if (int64ToNumber(proto.model_version) !== 0) {
    entries.push({ key: 'model_version', value: String(int64ToNumber(proto.model_version)) });
  }
  for (const entry of proto.metadata_props ?? []) {
    entries.push({ key: entry.key ?? '', value: entry.value ?? '' });
  }
  return entries;
}

function listExternalDataFiles(proto: onnx.ModelProto): string[] {
  const locations = new Set<string>();
  const visitGraph = (graph: onnx.IGraphProto | null | undefined): void => {
    for (const tensor of graph?.initializer ?? []) {
      const reference = externalDataReference(tensor);
      if (reference) {
        locations.add(reference.location);
      }
    }
    for (const node of graph?.node ?? []) {
      for (const attribute of node.attribute ?? []) {
        visitGraph(attribute.g);
        attribute.graphs?.forEach(visitGraph);
      }
    }
  };
  visitGraph(proto.graph);
  return [...locations];
}

/**
 * Checks that every external data file the model refers to was given.
 *
 * @throws FormatError naming the missing files.
 */
export function requireExternalData(model: OnnxModel, files: ReadonlyMap<string, Uint8Array>): void {
  const missing = model.externalDataFiles.filter((location) => !files.has(location));
  if (missing.length > 0) {
    const names = missing.map((location) => `'${location}'`).join(', ');
    throw new FormatError(
      `The model keeps weights in external data ${missing.length === 1 ? 'file' : 'files'} ${names}, which ${missing.length === 1 ? 'was' : 'were'} not provided: open ${missing.length === 1 ? 'it' : 'them'} together with the model.`,
    );
  }
}

