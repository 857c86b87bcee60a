/**
 * PMML 4.4, Built-in Functions, "normalCDF, normalPDF, stdNormalCDF, stdNormalPDF, erf, normalIDF, stdNormalIDF".
 * normal*(x, mu, sigma) are the standard functions of (x − mu) / sigma; every result is a double.
 */
import { UndefinedResultError } from '../../../errors.js';
import type { Value } from '../values.js';
import { strict, type BuiltinFunction } from './builtin.js';
import { asNumber, double, present } from './coerce.js';
import { erf, stdNormalCdf, stdNormalIdf, stdNormalPdf } from './special.js';

function standard(name: string, f: (x: number) => number): BuiltinFunction {
  return strict(name, 1, (args: readonly Value[]) => double(f(asNumber(present(args, 0, name), name))));
}

function readParameters(name: string, args: readonly Value[]): [x: number, mu: number, sigma: number] {
  const [x, mu, sigma] = [0, 1, 2].map((i) => asNumber(present(args, i, name), name));
  if (!(sigma > 0)) throw new UndefinedResultError(`Function '${name}' needs a positive standard deviation, not ${sigma}.`);
  return [x, mu, sigma];
}

function probability(name: string, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new UndefinedResultError(`Function '${name}' needs a probability between 0 and 1, not ${p}.`);
  return p;
}

export const distributionFunctions: readonly BuiltinFunction[] = [
  standard('erf', erf),
  standard('stdNormalCDF', stdNormalCdf),
  standard('stdNormalPDF', stdNormalPdf),
  standard('stdNormalIDF', (p) => stdNormalIdf(probability('stdNormalIDF', p))),
  strict('normalCDF', 3, (args) => {
    const [x, mu, sigma] = readParameters('normalCDF', args);
    return double(stdNormalCdf((x - mu) / sigma));
  }),
  strict('normalPDF', 3, (args) => {
    const [x, mu, sigma] = readParameters('normalPDF', args);
    return double(stdNormalPdf((x - mu) / sigma) / sigma);
  }),
  strict('normalIDF', 3, (args) => {
    const [p, mu, sigma] = readParameters('normalIDF', args);
    return double(mu + sigma * stdNormalIdf(probability('normalIDF', p)));
  }),
];
