import { InvalidMarkupError, MissingMarkupError } from '../../../errors.js';
import type { ModelElement } from '../schema/model.js';
import type {
  KernelType,
  SupportVectorMachine,
  SupportVectorMachineModel,
  VectorDictionary,
  VectorField,
  VectorInstance,
} from '../schema/support-vector-machine-model.js';
import type { XmlElement } from '../xml-reader.js';
import { splitArrayContent } from './predicates.js';
import {
  booleanAttr,
  childNamed,
  childrenNamed,
  enumAttr,
  numberAttr,
  optionalAttr,
  requiredAttr,
  requiredChild,
  type ParseContext,
} from './reader.js';

const KERNELS = ['LinearKernelType', 'PolynomialKernelType', 'RadialBasisKernelType', 'SigmoidKernelType'];

/** PMML 4.4 SVM kernel types; every parameter defaults to 1 ("gamma … default 1", "coef0 … default 1", "degree … default 1"). */
function parseKernel(model: XmlElement): KernelType {
  const element = model.children.find((c) => KERNELS.includes(c.name));
  if (element === undefined) {
    throw new MissingMarkupError(
      `Element <SupportVectorMachineModel> has no kernel (one of ${KERNELS.map((k) => `<${k}>`).join(', ')}) (line ${model.line}).`,
      model.name,
      model.line,
    );
  }
  const gamma = numberAttr(element, 'gamma') ?? 1;
  const coef0 = numberAttr(element, 'coef0') ?? 1;
  switch (element.name) {
    case 'LinearKernelType':
      return { kind: 'linear' };
    case 'PolynomialKernelType':
      return { kind: 'polynomial', gamma, coef0, degree: numberAttr(element, 'degree') ?? 1 };
    case 'RadialBasisKernelType':
      return { kind: 'radialBasis', gamma };
    default:
      return { kind: 'sigmoid', gamma, coef0 };
  }
}

function numbersOf(element: XmlElement, text: string): number[] {
  return splitArrayContent(text).map((token) => {
    const value = Number(token);
    if (Number.isNaN(value) && token !== 'NaN') {
      throw new InvalidMarkupError(`<${element.name}> holds '${token}', which is not a number (line ${element.line}).`, element.name, element.line);
    }
    return value;
  });
}

/** PMML 4.4 REAL-SparseArray: "Indices … 1-based positions of the entries"; every other position holds `defaultValue` (0). */
function expandSparse(element: XmlElement, size: number): number[] {
  const n = numberAttr(element, 'n') ?? size;
  const values = new Array<number>(n).fill(numberAttr(element, 'defaultValue') ?? 0);
  const indicesElement = childNamed(element, 'Indices');
  const entriesElement = childNamed(element, 'REAL-Entries');
  const indices = indicesElement === undefined ? [] : numbersOf(indicesElement, indicesElement.text);
  const entries = entriesElement === undefined ? [] : numbersOf(entriesElement, entriesElement.text);
  if (indices.length !== entries.length) {
    throw new InvalidMarkupError(
      `<REAL-SparseArray> has ${indices.length} indices but ${entries.length} entries (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  indices.forEach((index, i) => {
    if (!Number.isInteger(index) || index < 1 || index > n) {
      throw new InvalidMarkupError(`<REAL-SparseArray> index ${index} lies outside 1…${n} (line ${element.line}).`, element.name, element.line);
    }
    values[index - 1] = entries[i];
  });
  return values;
}

function parseVectorInstance(element: XmlElement, size: number): VectorInstance {
  const id = requiredAttr(element, 'id');
  const array = childNamed(element, 'Array');
  const sparse = childNamed(element, 'REAL-SparseArray');
  let values: number[];
  if (array !== undefined) values = numbersOf(array, array.text);
  else if (sparse !== undefined) values = expandSparse(sparse, size);
  else {
    throw new MissingMarkupError(`<VectorInstance> '${id}' has neither <Array> nor <REAL-SparseArray> (line ${element.line}).`, element.name, element.line);
  }
  if (values.length !== size) {
    throw new InvalidMarkupError(
      `<VectorInstance> '${id}' has ${values.length} coordinates but <VectorFields> declares ${size} (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  return { id, values, line: element.line };
}

function parseVectorDictionary(element: XmlElement, ctx: ParseContext): VectorDictionary {
  const fieldsElement = requiredChild(element, 'VectorFields');
  const fields: VectorField[] = [];
  for (const child of fieldsElement.children) {
    if (child.name === 'FieldRef') fields.push({ kind: 'FieldRef', field: requiredAttr(child, 'field'), line: child.line });
    else if (child.name === 'CategoricalPredictor') {
      fields.push({
        kind: 'CategoricalPredictor',
        name: requiredAttr(child, 'name'),
        value: requiredAttr(child, 'value'),
        coefficient: numberAttr(child, 'coefficient') ?? 1,
        line: child.line,
      });
    } else ctx.unsupportedElement(child, `<${child.name}> inside <VectorFields> is not supported (line ${child.line}).`);
  }
  return {
    VectorFields: fields,
    VectorInstance: childrenNamed(element, 'VectorInstance').map((v) => parseVectorInstance(v, fields.length)),
    line: element.line,
  };
}

function parseSupportVectorMachine(element: XmlElement): SupportVectorMachine {
  const coefficients = requiredChild(element, 'Coefficients');
  const vectors = childNamed(element, 'SupportVectors');
  return {
    targetCategory: optionalAttr(element, 'targetCategory'),
    alternateTargetCategory: optionalAttr(element, 'alternateTargetCategory'),
    threshold: numberAttr(element, 'threshold'),
    SupportVectors: vectors === undefined ? [] : childrenNamed(vectors, 'SupportVector').map((v) => requiredAttr(v, 'vectorId')),
    Coefficients: {
      absoluteValue: numberAttr(coefficients, 'absoluteValue') ?? 0,
      Coefficient: childrenNamed(coefficients, 'Coefficient').map((c) => numberAttr(c, 'value') ?? 0),
    },
    line: element.line,
  };
}

export function parseSupportVectorMachineModel(element: XmlElement, common: ModelElement, ctx: ParseContext): SupportVectorMachineModel {
  const method = optionalAttr(element, 'classificationMethod');
  return {
    ...common,
    element: 'SupportVectorMachineModel',
    threshold: numberAttr(element, 'threshold') ?? 0,
    svmRepresentation: enumAttr(element, 'svmRepresentation', ['SupportVectors', 'Coefficients'] as const, 'SupportVectors'),
    classificationMethod: method === undefined ? undefined : enumAttr(element, 'classificationMethod', ['OneAgainstAll', 'OneAgainstOne'] as const, 'OneAgainstAll'),
    maxWins: booleanAttr(element, 'maxWins', false),
    alternateBinaryTargetCategory: optionalAttr(element, 'alternateBinaryTargetCategory'),
    kernel: parseKernel(element),
    VectorDictionary: parseVectorDictionary(requiredChild(element, 'VectorDictionary'), ctx),
    SupportVectorMachine: childrenNamed(element, 'SupportVectorMachine').map(parseSupportVectorMachine),
    line: element.line,
  };
}
