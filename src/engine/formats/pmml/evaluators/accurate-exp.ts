/**
 * exp(x) rounded correctly in all but rare cases, as C libraries (glibc) compute it. V8's `Math.exp` (fdlibm)
 * errs by up to one unit in the last place, which is enough to miss 1e-13 agreement when a kernel sum
 * cancels: scikit-learn's one-class SVM decision values are such sums.
 *
 * Method: x = k·ln2 + r with r carried as a double-double (Cody–Waite reduction); s = r/2⁶ and e^s − 1 as a
 * double-double (s + s²/2 exactly, the Taylor tail s³/3! + … in plain double); e^r − 1 by squaring six times
 * ((1 + E)² − 1 = 2E + E²), then 1 + E scaled by 2^k. The result before the final rounding is good to about
 * 1e-22 relative, so the final rounding is the correct one except for values within that distance of a tie.
 */

const LOG2E = 1.4426950408889634;
// ln 2 split so that k·LN2_HI is exact for |k| < 2^20 (LN2_HI has 32 significant bits).
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SPLITTER = 134217729; // 2^27 + 1

/** Error-free product: a·b = p + e (Dekker, with Veltkamp splitting). */
function twoProduct(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ((ah * bh - p + ah * bl + al * bh) + al * bl);
}

/** Taylor coefficients 1/3! … 1/10! for the tail of e^s − 1, |s| ≤ ln2/128. */
const TAIL = [1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320, 1 / 362880, 1 / 3628800];
const HALVINGS = 6;
/** 2^k for k = −1023 … 1023, exact. */
const POWERS_OF_TWO = Float64Array.from({ length: 2047 }, (_, i) => Math.pow(2, i - 1023));

export function accurateExp(x: number): number {
  // Outside this range the result overflows, underflows into subnormals or is NaN: Math.exp is exact enough there.
  if (!(x > -700 && x < 700)) return Math.exp(x);
  if (x === 0) return 1;
  const k = Math.round(x * LOG2E);
  const t = x - k * LN2_HI;
  const u = k * LN2_LO;
  const uError = twoProduct(k, LN2_LO, u);
  // r = t − u as a double-double (rh, rl), |r| ≤ ln2/2; then s = r / 2⁶, exact.
  const rh = t - u;
  const rl = t - rh - u - uError;
  const sh = rh / 64;
  const sl = rl / 64;
  // E = e^s − 1 = s + s²/2 + tail, as a double-double (eh, el).
  let tail = TAIL[TAIL.length - 1];
  for (let i = TAIL.length - 2; i >= 0; i--) tail = tail * sh + TAIL[i];
  tail *= sh * sh * sh;
  const square = sh * sh;
  const half = square / 2;
  const head = sh + half;
  // e^(sh + sl) − 1 ≈ (e^sh − 1) + sl·(1 + sh): the cross term matters at this precision.
  const low = half - (head - sh) + (sl + sl * sh) + twoProduct(sh, sh, square) / 2 + tail;
  // Normalised, so that el² stays negligible in the squarings below.
  let eh = head + low;
  let el = low - (eh - head);
  // e^(2s) − 1 = 2E + E², six times: E becomes e^r − 1 without losing the low-order bits.
  for (let i = 0; i < HALVINGS; i++) {
    const p = eh * eh;
    const pl = twoProduct(eh, eh, p) + 2 * eh * el;
    const a = 2 * eh;
    const sum = a + p;
    const sumError = a - (sum - (sum - a)) + (p - (sum - a));
    eh = sum;
    el = sumError + 2 * el + pl;
    const renormalised = eh + el;
    el -= renormalised - eh;
    eh = renormalised;
  }
  const one = 1 + eh;
  const oneError = eh - (one - 1);
  return (one + (oneError + el)) * POWERS_OF_TWO[k + 1023];
}
