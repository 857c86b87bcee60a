import type { XmlElement } from '../xml-reader.js';
import type { ParseContext } from './reader.js';

/**
 * PMML Model Composition ("Multiple Models", PMML 3.x and deprecated in 4.x): a MiningModel without Segmentation
 * holds a sequence of embedded models — `<Regression>` for RegressionModel and `<DecisionTree>` for TreeModel,
 * defeatured copies without a MiningSchema. Model sequencing passes each model's results, named by its
 * `<ResultField>`s, to the models after it, and the last model's result is the MiningModel's. Model selection puts
 * an embedded model inside a DecisionTree Node; when the tree's decision ends in that Node, the embedded model
 * computes the result.
 *
 * Both map onto the 4.x Segmentation that replaced them, the way a 3.x→4.x import filter rewrites a document: the
 * sequence becomes a `modelChain` of segments with a `<True/>` predicate, each embedded model becomes its standalone
 * element with an empty MiningSchema (a nested model sees its parent's fields) and its ResultFields as
 * OutputFields. A DecisionTree that selects models becomes a chain of the tree, which reports the id of the Node it
 * reaches, and a `selectFirst` Segmentation keyed on that id.
 */

const EMBEDDED = new Set(['Regression', 'DecisionTree']);

function element(name: string, line: number, attributes: Record<string, string> = {}, children: XmlElement[] = []): XmlElement {
  return { name, attributes, children, text: '', line };
}

/** A Segmentation equivalent to the MiningModel's embedded models, or undefined when it holds none. */
export function embeddedModelSegmentation(miningModel: XmlElement, ctx: ParseContext): XmlElement | undefined {
  const embedded = miningModel.children.filter((c) => EMBEDDED.has(c.name));
  if (embedded.length === 0) return undefined;
  const composer = new Composer(ctx);
  const segments = embedded.map((model) => segment(model.line, trueElement(model.line), composer.standalone(model)));
  return element('Segmentation', embedded[0].line, { multipleModelMethod: 'modelChain' }, segments);
}

function trueElement(line: number): XmlElement {
  return element('True', line);
}

function segment(line: number, predicate: XmlElement, model: XmlElement): XmlElement {
  return element('Segment', line, {}, [predicate, model]);
}

/** ResultField (name, displayName, optype, dataType, feature, value) has the attributes of an OutputField. */
function outputOf(resultFields: readonly XmlElement[], line: number): XmlElement[] {
  if (resultFields.length === 0) return [];
  return [element('Output', line, {}, resultFields.map((f) => element('OutputField', f.line, { ...f.attributes })))];
}

class Composer {
  /** Numbers the hidden fields that carry a selecting tree's Node id and score, unique within the document. */
  private trees = 0;

  constructor(private readonly ctx: ParseContext) {}

  /** The standalone 4.x model element that an embedded Regression or DecisionTree stands for. */
  standalone(embedded: XmlElement): XmlElement {
    const resultFields = embedded.children.filter((c) => c.name === 'ResultField');
    const rest = embedded.children.filter((c) => c.name !== 'ResultField');
    const schema = element('MiningSchema', embedded.line);
    if (embedded.name === 'Regression') {
      return element('RegressionModel', embedded.line, { ...embedded.attributes }, [schema, ...outputOf(resultFields, embedded.line), ...rest]);
    }
    const selections: { id: string; model: XmlElement }[] = [];
    let position = 0;
    // Node ids follow the tree parser's rule: a Node without an id is known by its depth-first position.
    const strip = (node: XmlElement): XmlElement => {
      position++;
      const id = node.attributes.id ?? String(position);
      const children: XmlElement[] = [];
      for (const child of node.children) {
        if (EMBEDDED.has(child.name)) selections.push({ id, model: child });
        else if (child.name === 'Node') children.push(strip(child));
        else children.push(child);
      }
      return element('Node', node.line, { ...node.attributes }, children);
    };
    const body = rest.map((c) => (c.name === 'Node' ? strip(c) : c));
    const tree = (output: XmlElement[]): XmlElement => element('TreeModel', embedded.line, { ...embedded.attributes }, [schema, ...output, ...body]);
    if (selections.length === 0) return tree(outputOf(resultFields, embedded.line));
    return this.selection(embedded, resultFields, tree, selections);
  }

  private selection(
    embedded: XmlElement,
    resultFields: readonly XmlElement[],
    tree: (output: XmlElement[]) => XmlElement,
    selections: readonly { id: string; model: XmlElement }[],
  ): XmlElement {
    const line = embedded.line;
    const functionName = embedded.attributes.functionName ?? 'regression';
    const n = ++this.trees;
    const nodeField = `embedded-tree-${n}-node`;
    const scoreField = `embedded-tree-${n}-score`;
    const selecting = tree([
      element('Output', line, {}, [
        element('OutputField', line, { name: nodeField, feature: 'entityId', dataType: 'string', optype: 'categorical' }),
        element('OutputField', line, { name: scoreField, feature: 'predictedValue' }),
      ]),
    ]);
    const choices = selections.map(({ id, model }) =>
      segment(model.line, element('SimplePredicate', model.line, { field: nodeField, operator: 'equal', value: id }), this.standalone(model)),
    );
    // A Node without an embedded model keeps the tree's own score. Only a numeric score can be passed on through a
    // model (a RegressionModel of coefficient 1); a classification tree's distribution cannot.
    if (functionName === 'regression') {
      const identity = element('RegressionModel', line, { functionName: 'regression' }, [
        element('MiningSchema', line),
        element('RegressionTable', line, { intercept: '0' }, [element('NumericPredictor', line, { name: scoreField, coefficient: '1' })]),
      ]);
      choices.push(segment(line, trueElement(line), identity));
    } else {
      this.ctx.unsupportedElement(
        embedded,
        `Model selection by a <DecisionTree> with functionName '${functionName}' (embedded models inside its Nodes) is not supported; only regression trees select models (line ${line}).`,
      );
    }
    const chooser = element('MiningModel', line, { functionName }, [
      element('MiningSchema', line),
      element('Segmentation', line, { multipleModelMethod: 'selectFirst' }, choices),
    ]);
    return element('MiningModel', line, { functionName }, [
      element('MiningSchema', line),
      ...outputOf(resultFields, line),
      element('Segmentation', line, { multipleModelMethod: 'modelChain' }, [segment(line, trueElement(line), selecting), segment(line, trueElement(line), chooser)]),
    ]);
  }
}
