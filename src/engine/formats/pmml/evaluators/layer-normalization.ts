/**
 * Normalisation of a vector of scores in place, shared by NeuralNetwork layers and NaiveBayesModel.
 * Follows jpmml's ValueUtil: softmax subtracts the maximum before exponentiating (no overflow), and
 * a sum of exactly 1 leaves the values untouched.
 */
export function normalizeInPlace(values: Float64Array | number[], method: 'none' | 'simplemax' | 'softmax', r: (x: number) => number): void {
  const n = values.length;
  if (method === 'none' || n === 0) return;
  if (method === 'softmax') {
    let max = values[0];
    for (let i = 1; i < n; i++) if (values[i] > max) max = values[i];
    // PMML 4.4 NeuralNetwork: "softmax: Pj = exp(Yj) / Sum[i](exp(Yi))" (shifting by the maximum cancels out).
    for (let i = 0; i < n; i++) values[i] = r(Math.exp(r(values[i] - max)));
  }
  // "simplemax: Pj = Yj / Sum[i](Yi)"
  let sum = values[0];
  for (let i = 1; i < n; i++) sum = r(sum + values[i]);
  if (sum === 1) return;
  for (let i = 0; i < n; i++) values[i] = r(values[i] / sum);
}
