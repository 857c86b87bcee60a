import type { DiscrStats, ModelStats, UnivariateStats } from '../schema/model-stats.js';
import type { XmlElement } from '../xml-reader.js';
import { parseArray } from './predicates.js';
import { childNamed, childrenNamed, numberAttr, optionalAttr } from './reader.js';

/** Parses a model's ModelStats; a UnivariateStats without `field` (allowed by the schema) describes no input and is dropped. */
export function parseModelStats(element: XmlElement): ModelStats {
  const stats: UnivariateStats[] = [];
  for (const u of childrenNamed(element, 'UnivariateStats')) {
    const field = optionalAttr(u, 'field');
    if (field === undefined) continue;
    const numeric = childNamed(u, 'NumericInfo');
    const discrete = childNamed(u, 'DiscrStats');
    stats.push({
      field,
      NumericInfo:
        numeric === undefined
          ? undefined
          : {
              minimum: numberAttr(numeric, 'minimum'),
              maximum: numberAttr(numeric, 'maximum'),
              mean: numberAttr(numeric, 'mean'),
              median: numberAttr(numeric, 'median'),
            },
      DiscrStats: discrete === undefined ? undefined : parseDiscrStats(discrete),
      line: u.line,
    });
  }
  return { UnivariateStats: stats, line: element.line };
}

/**
 * PMML 4.4 DiscrStats: "the first array contains the categorical values, the second array contains the
 * corresponding frequencies". A further (modalValue, …) Array is not used.
 */
function parseDiscrStats(element: XmlElement): DiscrStats | undefined {
  const [values, counts] = childrenNamed(element, 'Array').map(parseArray);
  if (values === undefined || counts === undefined) return undefined;
  return { values: values.values, counts: counts.values.map(Number) };
}
