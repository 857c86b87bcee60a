import { FormatError, MissingMarkupError, UnsupportedMarkupError, type UnsupportedFeature } from '../../../errors.js';
import type { ModelKind } from '../model-kind.js';
import type { ModelElement } from '../schema/model.js';
import type { Header, PMML } from '../schema/pmml.js';
import type { XmlElement } from '../xml-reader.js';
import { parseDataDictionary } from './fields.js';
import { isModelElement, parseModel } from './model.js';
import { childNamed, childrenNamed, optionalAttr, ParseContext } from './reader.js';
import { parseTransformationDictionary } from './transformations.js';

/**
 * PMML 3.0 … 4.4 namespaces: `http://www.dmg.org/PMML-3_0` … `http://www.dmg.org/PMML-4_4`. Some producers (SAS
 * among them) write the same URIs over `https`; jpmml's PMMLFilter accepts any `https://www.dmg.org/PMML-`
 * namespace as PMML too, so both schemes are read.
 */
const DMG_NAMESPACE = /^https?:\/\/www\.dmg\.org\/PMML-[34]_\d$/;

function parseHeader(element: XmlElement): Header {
  const application = childNamed(element, 'Application');
  return {
    copyright: optionalAttr(element, 'copyright'),
    description: optionalAttr(element, 'description'),
    modelVersion: optionalAttr(element, 'modelVersion'),
    Application: application === undefined ? undefined : { name: optionalAttr(application, 'name') ?? '', version: optionalAttr(application, 'version') },
    Timestamp: childNamed(element, 'Timestamp')?.text.trim(),
    Annotation: childrenNamed(element, 'Annotation').map((a) => a.text.trim()),
    line: element.line,
  };
}

/** A parsed document and the unsupported features found while reading it (compiling may add more). */
export interface ParsedPmml {
  readonly pmml: PMML;
  readonly unsupported: readonly UnsupportedFeature[];
}

/**
 * Reads the whole document into schema objects, collecting every unsupported feature instead of stopping at
 * the first. Throws an UnsupportedMarkupError right away only when no model element can be scored at all.
 */
export function parsePmml(root: XmlElement, kinds: ReadonlyMap<string, ModelKind>, fileName?: string): ParsedPmml {
  const where = fileName === undefined ? 'The document' : `'${fileName}'`;
  if (root.name !== 'PMML') {
    throw new FormatError(`${where} is XML but not PMML: its root element is <${root.name}>, not <PMML>.`, fileName);
  }
  const namespace = root.attributes.xmlns;
  if (namespace !== undefined && !DMG_NAMESPACE.test(namespace)) {
    throw new FormatError(`${where} uses the namespace '${namespace}', which is not a DMG PMML namespace.`, fileName);
  }
  const ctx = new ParseContext();
  ctx.parseModel = (element) => parseModel(element, ctx, kinds);
  const dictionary = childNamed(root, 'DataDictionary');
  if (dictionary === undefined) {
    throw new MissingMarkupError(`<PMML> has no <DataDictionary> (line ${root.line}).`, 'PMML', root.line);
  }
  const transformations = childNamed(root, 'TransformationDictionary');
  const header = childNamed(root, 'Header');
  const models: ModelElement[] = [];
  for (const child of root.children) {
    if (!isModelElement(child)) continue;
    const model = ctx.parseModel(child);
    if (model !== undefined) models.push(model);
  }
  const pmml: PMML = {
    version: optionalAttr(root, 'version') ?? '',
    namespace,
    Header: header === undefined ? undefined : parseHeader(header),
    DataDictionary: parseDataDictionary(dictionary),
    TransformationDictionary: transformations === undefined ? undefined : parseTransformationDictionary(transformations, ctx),
    models,
    line: root.line,
  };
  if (models.length === 0) {
    if (ctx.unsupported.length > 0) throw new UnsupportedMarkupError(ctx.unsupported);
    throw new MissingMarkupError(`<PMML> contains no model element (line ${root.line}).`, 'PMML', root.line);
  }
  return { pmml, unsupported: ctx.unsupported };
}
