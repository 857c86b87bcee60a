import { lookupBuiltin } from '../functions/index.js';
import type { RegressionNormalizationMethod } from '../schema/regression-model.js';

const STD_NORMAL_CDF = lookupBuiltin('stdNormalCDF');

/** Standard normal CDF Φ, shared with the `stdNormalCDF` built-in so both agree to the last bit. */
export function stdNormalCdf(x: number): number {
  const result = STD_NORMAL_CDF?.apply([{ dataType: 'double', value: x }]);
  return result === null || result === undefined ? NaN : (result.value as number);
}

/**
 * PMML 4.4 Regression "normalizationMethod" applied to one score: the inverse link functions.
 * `r` rounds every intermediate result (Math.fround under `x-mathContext="float"`).
 */
export function inverseLink(method: RegressionNormalizationMethod, y: number, r: (x: number) => number): number {
  switch (method) {
    case 'none':
      return y;
    case 'softmax':
    case 'logit':
      return r(1 / r(1 + r(Math.exp(-y))));
    case 'exp':
      return r(Math.exp(y));
    case 'probit':
      return r(stdNormalCdf(y));
    case 'cloglog':
      return r(1 - r(Math.exp(-r(Math.exp(y)))));
    case 'loglog':
      return r(Math.exp(-r(Math.exp(-y))));
    case 'cauchit':
      return r(0.5 + r(r(Math.atan(y)) / Math.PI));
    case 'simplemax':
      return y;
  }
}
