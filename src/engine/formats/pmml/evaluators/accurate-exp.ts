/**
 * exp(x) rounded correctly in all but vanishingly rare cases. V8's `Math.exp` (fdlibm) errs by up to one unit in
 * the last place, and glibc (behind LibSVM, scikit-learn and R) by much less, which is enough to miss 1e-13
 * agreement when a kernel sum cancels: scikit-learn's one-class SVM decision values are such sums.
 *
 * Method (table-driven, as in Tang's algorithm): x = (64k + j)·ln2/64 + r with r carried as a double-double
 * (Cody–Waite reduction), |r| ≤ ln2/128; e^r − 1 = r + r²/2 as a double-double plus the Taylor tail r³/3! + …
 * in plain double; times 2^(j/64) from a double-double table, times 2^k. The result before the final rounding is
 * good to about 1e-23 relative.
 */

const SPLITTER = 134217729; // 2^27 + 1
// ln 2 split so that n·LN2_HI is exact for |n| < 2^20 (LN2_HI has 32 significant bits).
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TABLE_BITS = 6;
const TABLE_SIZE = 1 << TABLE_BITS;
const INV_LN2_SCALED = TABLE_SIZE / Math.LN2;
const STEP_HI = LN2_HI / TABLE_SIZE;
const STEP_LO = LN2_LO / TABLE_SIZE;

/** The rounding error of the product p = fl(a·b), exactly: a·b = p + error (Dekker, Veltkamp splitting). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Taylor coefficients 1/3! … 1/9! of the tail of e^r − 1. */
const TAIL = [1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320, 1 / 362880];

/** e^r − 1 as a double-double [high, low] for r = rh + rl, |r| ≤ ln2/128 and |rl| below half an ulp of rh. */
function expm1Small(rh: number, rl: number, into: Float64Array): void {
  let tail = TAIL[TAIL.length - 1];
  for (let i = TAIL.length - 2; i >= 0; i--) tail = tail * rh + TAIL[i];
  tail *= rh * rh * rh;
  const square = rh * rh;
  const half = square / 2;
  const head = rh + half;
  // e^(rh + rl) − 1 ≈ (e^rh − 1) + rl·(1 + rh).
  const low = half - (head - rh) + productError(rh, rh, square) / 2 + (rl + rl * rh) + tail;
  into[0] = head + low;
  into[1] = low - (into[0] - head);
}

/**
 * 2^(j/64) for j = 0 … 63 as double-doubles, computed once: e^(j·ln2/64) = (e^(j·ln2/8192))^128, by squaring the
 * double-double seven times ((1 + E)² − 1 = 2E + E²).
 */
const TABLE_HI = new Float64Array(TABLE_SIZE);
const TABLE_LO = new Float64Array(TABLE_SIZE);
{
  const e = new Float64Array(2);
  for (let j = 0; j < TABLE_SIZE; j++) {
    // r = j·ln2/8192 as a normalised double-double, so that its low part is below half an ulp of its high part.
    const high = (j * STEP_HI) / (2 * TABLE_SIZE);
    const low = (j * STEP_LO) / (2 * TABLE_SIZE);
    const rh = high + low;
    expm1Small(rh, low - (rh - high), e);
    let [eh, el] = e;
    for (let i = 0; i <= TABLE_BITS; i++) {
      const p = eh * eh;
      const pl = productError(eh, eh, p) + 2 * eh * el;
      const a = 2 * eh;
      const sum = a + p;
      const b = sum - a;
      el = a - (sum - b) + (p - b) + 2 * el + pl;
      eh = sum + el;
      el -= eh - sum;
    }
    TABLE_HI[j] = 1 + eh;
    TABLE_LO[j] = eh - (TABLE_HI[j] - 1) + el;
  }
}

/** 2^k for k = −1023 … 1023, exact. */
const POWERS_OF_TWO = Float64Array.from({ length: 2047 }, (_, i) => Math.pow(2, i - 1023));
const scratch = new Float64Array(2);

export function accurateExp(x: number): number {
  // Outside this range the result overflows, underflows into subnormals or is NaN: Math.exp is exact enough there.
  if (!(x > -700 && x < 700)) return Math.exp(x);
  const n = Math.round(x * INV_LN2_SCALED);
  const j = n & (TABLE_SIZE - 1);
  const k = (n - j) / TABLE_SIZE;
  // r = x − n·ln2/64 as a double-double (rh, rl): n·STEP_HI is exact and so is its subtraction from x.
  const t = x - n * STEP_HI;
  const u = n * STEP_LO;
  const rh = t - u;
  const rl = t - rh - u - productError(n, STEP_LO, u);
  expm1Small(rh, rl, scratch);
  const eh = scratch[0];
  const th = TABLE_HI[j];
  // 2^(j/64)·(1 + E) = th + th·E + tl·(1 + E), the leading sum kept exact.
  const p = th * eh;
  const low = productError(th, eh, p) + th * scratch[1] + TABLE_LO[j] * (1 + eh);
  const s = th + p;
  const e = p - (s - th);
  return (s + (e + low)) * POWERS_OF_TWO[k + 1023];
}
