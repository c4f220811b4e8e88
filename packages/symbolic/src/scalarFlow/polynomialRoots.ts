/**
 * All roots of a square-free polynomial with real coefficients, by the Aberth–Ehrlich
 * iteration, each with a certified inclusion disk.
 *
 * Inclusion (Braess & Hadeler 1973): for approximations z_1…z_n of the zeros of a degree-n
 * polynomial p with leading coefficient a_n, the Weierstrass corrections
 * W_i = p(z_i) / (a_n Π_{j≠i} (z_i − z_j)) give disks |z − z_i| ≤ n|W_i| whose union holds
 * every zero, and a disk disjoint from all others holds exactly one. |p(z_i)| is bounded
 * above by its computed value plus a rounding bound (Horner's running error, and the
 * rounding of the exact coefficients to doubles), so the radii are upper bounds.
 * A disk that meets the real axis, and whose mirror image meets no other disk, holds a
 * real zero (p has real coefficients, so the mirror of its zero is a zero too).
 *
 * @module
 */

/** A root with its certified inclusion disk. */
export interface CertifiedRoot {
  readonly re: number;
  /** 0 for a root certified real. */
  readonly im: number;
  /** Radius of a disk around (re, im) certified to hold exactly this one root. */
  readonly radius: number;
  /** The root is certified real (`im` is then 0). */
  readonly real: boolean;
}

/** The result of {@link polynomialRoots}. */
export interface PolynomialRoots {
  readonly roots: readonly CertifiedRoot[];
  /** Every disk is disjoint from every other one, and every root is certified real or certified non-real. */
  readonly certified: boolean;
  /** Aberth iterations taken. */
  readonly iterations: number;
}

const EPS = Math.pow(2, -53);

/** p(z) and p′(z) for complex z by Horner, with Σ|a_k||z|^k for the rounding bound. */
function horner(a: Float64Array, re: number, im: number): [number, number, number, number, number] {
  const n = a.length - 1;
  let pr = a[n];
  let pi = 0;
  let dr = 0;
  let di = 0;
  const r = Math.hypot(re, im);
  let abs = Math.abs(a[n]);
  for (let k = n - 1; k >= 0; k--) {
    // p′ ← p′ z + p, p ← p z + a_k
    const ndr = dr * re - di * im + pr;
    const ndi = dr * im + di * re + pi;
    dr = ndr;
    di = ndi;
    const npr = pr * re - pi * im + a[k];
    const npi = pr * im + pi * re;
    pr = npr;
    pi = npi;
    abs = abs * r + Math.abs(a[k]);
  }
  return [pr, pi, dr, di, abs];
}

/** Newton's correction p(z)/p′(z), through the reversed polynomial when |z| > 1 (no overflow). */
function newtonCorrection(a: Float64Array, rev: Float64Array, re: number, im: number): [number, number] {
  const n = a.length - 1;
  const r2 = re * re + im * im;
  if (r2 <= 1) {
    const [pr, pi, dr, di] = horner(a, re, im);
    const d2 = dr * dr + di * di;
    return [(pr * dr + pi * di) / d2, (pi * dr - pr * di) / d2];
  }
  // p(z) = z^n q(w), w = 1/z, q = reversed p: p/p′ = 1 / (n/z − w² q′(w)/q(w))
  const wr = re / r2;
  const wi = -im / r2;
  const [qr, qi, dr, di] = horner(rev, wr, wi);
  const q2 = qr * qr + qi * qi;
  // t = q′/q
  const tr = (dr * qr + di * qi) / q2;
  const ti = (di * qr - dr * qi) / q2;
  // w² t
  const w2r = wr * wr - wi * wi;
  const w2i = 2 * wr * wi;
  const sr = n * wr - (w2r * tr - w2i * ti);
  const si = n * wi - (w2r * ti + w2i * tr);
  const s2 = sr * sr + si * si;
  return [sr / s2, -si / s2];
}

/**
 * Starting points on circles whose radii come from the Newton polygon of the coefficients
 * (Bini 1996): roots of very different sizes start at their own scale.
 */
function initialPoints(a: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = a.length - 1;
  const logs = Array.from(a, (c) => (c === 0 ? Number.NEGATIVE_INFINITY : Math.log(Math.abs(c))));
  // upper convex hull of (k, log|a_k|)
  const hull: number[] = [];
  for (let k = 0; k <= n; k++) {
    if (logs[k] === Number.NEGATIVE_INFINITY) continue;
    while (hull.length >= 2) {
      const i = hull[hull.length - 2];
      const j = hull[hull.length - 1];
      // drop j when it lies on or below the segment i–k
      if ((logs[j] - logs[i]) * (k - i) <= (logs[k] - logs[i]) * (j - i)) hull.pop();
      else break;
    }
    hull.push(k);
  }
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  let index = 0;
  for (let h = 0; h + 1 < hull.length; h++) {
    const i = hull[h];
    const j = hull[h + 1];
    const count = j - i;
    const radius = Math.exp((logs[i] - logs[j]) / count);
    for (let m = 0; m < count; m++) {
      const angle = (2 * Math.PI * m) / count + (2 * Math.PI * h) / n + 0.7;
      re[index] = radius * Math.cos(angle);
      im[index] = radius * Math.sin(angle);
      index++;
    }
  }
  return { re, im };
}

/**
 * The roots of a square-free polynomial with real coefficients, with certified inclusion
 * disks (see the module comment). Cost O(n²) per iteration, typically 10–50 iterations.
 *
 * @param coefficients - a_0 … a_n (lowest degree first), real, a_n ≠ 0, n ≥ 1; a_0 = 0 is allowed (the root 0 is then exact).
 * @param coefficientError - relative error of the coefficients as given (default 2⁻⁵³: exact values rounded to doubles).
 * @returns the roots, real ones first by increasing value, then complex ones with im > 0 before their conjugates.
 * @example
 * // x² − 2: ±√2
 * polynomialRoots(Float64Array.of(-2, 0, 1)).roots.map((r) => r.re); // => ≈ [-1.414213562373095, 1.414213562373095]
 */
export function polynomialRoots(coefficients: Float64Array, coefficientError = EPS): PolynomialRoots {
  let start = 0;
  while (start < coefficients.length - 1 && coefficients[start] === 0) start++;
  const zeros: CertifiedRoot[] = Array.from({ length: start }, () => ({ re: 0, im: 0, radius: 0, real: true }));
  const a = coefficients.slice(start);
  const n = a.length - 1;
  if (n <= 0) return { roots: zeros, certified: true, iterations: 0 };
  const rev = Float64Array.from(a).reverse();
  const { re, im } = n === 1 ? { re: Float64Array.of(-a[0] / a[1]), im: Float64Array.of(0) } : initialPoints(a);
  const done = new Uint8Array(n);
  let iterations = 0;
  for (; iterations < 2000 && n > 1; iterations++) {
    let active = 0;
    for (let i = 0; i < n; i++) {
      if (done[i] === 1) continue;
      const [nr, ni] = newtonCorrection(a, rev, re[i], im[i]);
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const dr = re[i] - re[j];
        const di = im[i] - im[j];
        const d2 = dr * dr + di * di;
        sr += dr / d2;
        si -= di / d2;
      }
      // Aberth: w = N / (1 − N Σ 1/(z_i − z_j))
      const br = 1 - (nr * sr - ni * si);
      const bi = -(nr * si + ni * sr);
      const b2 = br * br + bi * bi;
      const wr = (nr * br + ni * bi) / b2;
      const wi = (ni * br - nr * bi) / b2;
      if (!Number.isFinite(wr) || !Number.isFinite(wi)) {
        done[i] = 1;
        continue;
      }
      re[i] -= wr;
      im[i] -= wi;
      if (Math.hypot(wr, wi) <= 4 * EPS * Math.hypot(re[i], im[i])) done[i] = 1;
      else active++;
    }
    if (active === 0) break;
  }
  const roots = symmetrise(re, im);
  return certify(a, roots, coefficientError, zeros, iterations);
}

/** Makes the approximations symmetric under conjugation: nearly real ones real, the others in conjugate pairs. */
function symmetrise(re: Float64Array, im: Float64Array): { re: number; im: number }[] {
  const n = re.length;
  const used = new Uint8Array(n);
  const out: { re: number; im: number }[] = [];
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => Math.abs(im[i]) - Math.abs(im[j]));
  for (const i of order) {
    if (used[i] === 1) continue;
    used[i] = 1;
    // the nearest unused approximation to the mirror image of z_i
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (used[j] === 1) continue;
      const distance = Math.hypot(re[j] - re[i], im[j] + im[i]);
      if (distance < bestDistance) {
        best = j;
        bestDistance = distance;
      }
    }
    const scale = Math.hypot(re[i], im[i]);
    // a mirror image closer than the distance to the real axis: a conjugate pair; otherwise real
    if (best >= 0 && bestDistance < Math.abs(im[i]) && Math.abs(im[i]) > 1e-10 * scale) {
      used[best] = 1;
      const r = 0.5 * (re[i] + re[best]);
      const m = 0.5 * (Math.abs(im[i]) + Math.abs(im[best]));
      out.push({ re: r, im: m }, { re: r, im: -m });
    } else {
      out.push({ re: re[i], im: 0 });
    }
  }
  return out;
}

function certify(
  a: Float64Array,
  z: { re: number; im: number }[],
  coefficientError: number,
  zeros: CertifiedRoot[],
  iterations: number,
): PolynomialRoots {
  const n = a.length - 1;
  const lead = Math.abs(a[n]);
  const radii = z.map((zi, i) => {
    const [pr, pi, , , abs] = horner(a, zi.re, zi.im);
    // |p(z)| ≤ |fl p(z)| + (rounding of Horner in complex arithmetic + rounding of the coefficients)·Σ|a_k||z|^k
    const bound = Math.hypot(pr, pi) + (8 * (n + 2) * EPS + 2 * coefficientError) * abs;
    let product = lead;
    for (let j = 0; j < n; j++) if (j !== i) product *= Math.hypot(zi.re - z[j].re, zi.im - z[j].im);
    return ((n * bound) / product) * (1 + 8 * n * EPS);
  });
  let certified = radii.every((r) => Number.isFinite(r));
  const overlaps = (cr: number, ci: number, r: number, j: number): boolean => Math.hypot(cr - z[j].re, ci - z[j].im) <= r + radii[j];
  const roots: CertifiedRoot[] = z.map((zi, i) => {
    const r = radii[i];
    for (let j = 0; j < n; j++) if (j !== i && overlaps(zi.re, zi.im, r, j)) certified = false;
    if (zi.im === 0) {
      // real: the mirror disk is the disk itself, which meets no other
      return { re: zi.re, im: 0, radius: r, real: true };
    }
    // non-real: the disk must not meet the real axis
    if (Math.abs(zi.im) <= r) certified = false;
    return { re: zi.re, im: zi.im, radius: r, real: false };
  });
  const real = [...zeros, ...roots.filter((r) => r.real)].sort((x, y) => x.re - y.re);
  const complex = roots.filter((r) => !r.real);
  return { roots: [...real, ...complex], certified, iterations };
}
