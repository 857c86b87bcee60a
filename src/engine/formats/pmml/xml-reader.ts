import { SaxesParser } from 'saxes';
import { FormatError } from '../../errors.js';

/** One XML element with the line it starts on; names are local (any `prefix:` dropped). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Concatenated character data directly inside the element (not of its children). */
  text: string;
  /** 1-based line of the element's start tag. */
  readonly line: number;
}

export interface ReadXmlOptions {
  readonly fileName?: string;
  /** Elements whose whole subtree is dropped while reading (PMML `Extension`). */
  readonly skip?: ReadonlySet<string>;
  /** Parents inside which a `skip` element is read after all (PMML `BayesInputs`, whose Extension may wrap a BayesInput). */
  readonly keepSkippedUnder?: ReadonlySet<string>;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Streams an XML document through saxes into an element tree (no DOM). Skipped subtrees are never
 * materialised, which keeps large vendor extensions out of memory.
 */
/**
 * saxes reports `line:column: what.` (`47:57: unclosed tag: Node`); a person reads `line 47, column 57: unclosed
 * tag <Node>` better. Messages in another shape pass through unchanged.
 */
export function readableXmlError(message: string): string {
  const match = /^(\d+):(\d+): (.*?)\.?$/s.exec(message);
  if (match === null) return message;
  const what = match[3].replace(/^(unclosed tag|unexpected close tag): (\S+)$/, '$1 <$2>');
  return `line ${match[1]}, column ${match[2]}: ${what}.`;
}

export function readXml(text: string, options: ReadXmlOptions = {}): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const skip = options.skip ?? new Set<string>();
  const keepUnder = options.keepSkippedUnder ?? new Set<string>();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let skipDepth = 0;
  let startLine = 1;

  parser.on('opentagstart', () => {
    // The event fires once the name is read; a newline right after the name has already advanced the line.
    startLine = parser.column === 0 ? parser.line - 1 : parser.line;
  });
  parser.on('opentag', (tag) => {
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth++;
      return;
    }
    const name = localName(tag.name);
    if (stack.length > 0 && skip.has(name) && !keepUnder.has(stack[stack.length - 1].name)) {
      if (!tag.isSelfClosing) skipDepth = 1;
      return;
    }
    const element: XmlElement = { name, attributes: tag.attributes as Record<string, string>, children: [], text: '', line: startLine };
    if (stack.length === 0) root = element;
    else stack[stack.length - 1].children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    stack.pop();
  });
  const onText = (data: string): void => {
    if (skipDepth === 0 && stack.length > 0) stack[stack.length - 1].text += data;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const where = options.fileName ? ` '${options.fileName}'` : '';
  try {
    parser.write(text).close();
  } catch (error) {
    const detail = error instanceof Error ? readableXmlError(error.message) : String(error);
    throw new FormatError(`The file${where} is not well-formed XML: ${detail}`, options.fileName, { cause: error });
  }
  if (root === undefined) throw new FormatError(`The file${where} contains no XML element.`, options.fileName);
  return root;
}
