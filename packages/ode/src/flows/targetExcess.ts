import type { Objective } from '@jepa-dynamics/core';

/** Result registers of the double-double helpers below: the value is `dd[0] + dd[1]`. */
const dd = new Float64Array(2);

/** 2^27 + 1: Veltkamp's constant, splitting a double into two halves of 26 significant bits. */
const SPLITTER = 134_217_729;

/** `a·b = dd[0] + dd[1]` exactly (Dekker's product; JavaScript has no fused multiply–add), for |a|, |b| < 1e300. */
function twoProduct(a: number, b: number): void {
  const p = a * b;
  let c = SPLITTER * a;
  const aHigh = c - (c - a);
  const aLow = a - aHigh;
  c = SPLITTER * b;
  const bHigh = c - (c - b);
  const bLow = b - bHigh;
  dd[0] = p;
  dd[1] = aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

/** `(aHigh + aLow)·(bHigh + bLow)` in double-double into `dd` (relative error a few 1e-32). */
function ddMultiply(aHigh: number, aLow: number, bHigh: number, bLow: number): void {
  twoProduct(aHigh, bHigh);
  const low = dd[1] + (aHigh * bLow + aLow * bHigh);
  const sum = dd[0] + low;
  dd[1] = low - (sum - dd[0]);
  dd[0] = sum;
}

/** `x^n` (integer n ≥ 0) in double-double into `dd`, by binary exponentiation. */
function ddPower(x: number, n: number): void {
  let rHigh = 1;
  let rLow = 0;
  let bHigh = x;
  let bLow = 0;
  for (let k = n; k > 0; k >>>= 1) {
    if ((k & 1) === 1) {
      ddMultiply(rHigh, rLow, bHigh, bLow);
      rHigh = dd[0];
      rLow = dd[1];
    }
    if (k > 1) {
      ddMultiply(bHigh, bLow, bHigh, bLow);
      bHigh = dd[0];
      bLow = dd[1];
    }
  }
  dd[0] = rHigh;
  dd[1] = rLow;
}

/**
 * `p·w̄∞ − ε`, the distance of the start below the critical time's target, to about 1e-16
 * relative of itself when ε is close to the target (ε ≥ p·w̄∞/2 assumed). Kernel helper of
 * `criticalGap` (internal, no validation).
 *
 * The target rounded to a double carries up to L+1 ulps (MAE: `(ρ^{1/(L+1)})^L`), i.e. about
 * `L·1e-16/δ` relative in the difference when ε is a fraction δ below it. Here `w̄∞` is
 * formed in double-double (docs/math.md §3): JEPA `ρ^L` by binary exponentiation; MAE the root
 * `w` of `w^{L+1} = ρ^L` by one Newton step from `Math.pow(ρ, L/(L+1))` with the residual in
 * double-double (the step's error is the square of the start's, below 1e-28). Then
 * `p·w̄∞ = hi + lo` exactly enough, and `(hi − ε) + lo` has only the final rounding (`hi − ε`
 * is exact by Sterbenz). Where an intermediate overflows (targets beyond ~1e300) it returns the
 * plain `wbarTarget − ε`.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param rho - ρ > 0.
 * @param depth - L ≥ 1.
 * @param fraction - p in (0, 1).
 * @param epsilon - ε, with p·w̄∞/2 ≤ ε < p·w̄∞.
 * @param wbarTarget - the target `p·w̄∞` as a double (the fallback's).
 * @returns `p·w̄∞ − ε`.
 */
export function targetExcess(
  objective: Objective,
  rho: number,
  depth: number,
  fraction: number,
  epsilon: number,
  wbarTarget: number,
): number {
  let high: number;
  let low: number;
  switch (objective) {
    case 'jepa': {
      ddPower(rho, depth);
      const powerLow = dd[1];
      twoProduct(fraction, dd[0]);
      high = dd[0];
      low = dd[1] + fraction * powerLow;
      break;
    }
    case 'mae': {
      const w = Math.pow(rho, depth / (depth + 1));
      ddPower(w, depth + 1);
      const wHigh = dd[0];
      const wLow = dd[1];
      ddPower(rho, depth);
      // residual of w^{L+1} = ρ^L (the highs agree to ~L ulps, so their difference is exact)
      const residual = wHigh - dd[0] + (wLow - dd[1]);
      const correction = (-residual * w) / ((depth + 1) * wHigh); // −F/F′ with F′ = (L+1)w^L
      twoProduct(fraction, w);
      high = dd[0];
      low = dd[1] + fraction * correction;
      break;
    }
    default: {
      const never: never = objective;
      return never;
    }
  }
  const excess = high - epsilon + low;
  return Number.isFinite(excess) ? excess : wbarTarget - epsilon;
}
