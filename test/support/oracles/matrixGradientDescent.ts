/**
 * Gradient descent on the deep linear JEPA/MAE network with full (not necessarily
 * diagonal) covariances, written plainly from the matrix gradients of docs/math.md §1 for
 * the tests, independently of the packages; also the static model rotated by θ and a
 * linear solve, to rebuild result 7's covariances and check its modes.
 */
import type { Objective } from '@jepa-dynamics/core';

type M = number[][];
const zeros = (d: number): M => Array.from({ length: d }, () => new Array<number>(d).fill(0));
const eye = (d: number, s = 1): M => zeros(d).map((row, i) => row.map((_, j) => (i === j ? s : 0)));
const mul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
const tr = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const sub = (a: M, b: M): M => a.map((row, i) => row.map((x, j) => x - b[i][j]));

/**
 * Σxx and Σyx of the static model with its signal covariance rotated: Σyx = R diag(λ) Rᵀ,
 * Σxx = Σyx + diag(λ/ρ − λ), R = G_{d−2}(θ)⋯G_0(θ) with G_i the rotation by θ of the plane
 * (e_i, e_{i+1}) (rows i and i+1 of R turn).
 */
export function rotatedStaticModel(features: readonly { lambda: number; rho: number }[], theta: number): { sigmaXX: M; sigmaYX: M } {
  const d = features.length;
  let r = eye(d);
  for (let i = 0; i + 1 < d; i++) {
    const g = eye(d);
    g[i][i] = g[i + 1][i + 1] = Math.cos(theta);
    g[i][i + 1] = -Math.sin(theta);
    g[i + 1][i] = Math.sin(theta);
    r = mul(g, r);
  }
  const sigmaYX = mul(
    mul(
      r,
      features.map((f, i) => eye(d)[i].map((x) => x * f.lambda)),
    ),
    tr(r),
  );
  const sigmaXX = sigmaYX.map((row, i) =>
    row.map((x, j) => (i === j ? x + (features[i].lambda / features[i].rho - features[i].lambda) : x)),
  );
  return { sigmaXX, sigmaYX };
}

/** x with A x = b, by Gaussian elimination with partial pivoting. */
export function solveLinear(a: M, b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i][c]) > Math.abs(m[p][c])) p = i;
    [m[c], m[p]] = [m[p], m[c]];
    for (let i = c + 1; i < n; i++) {
      const f = m[i][c] / m[c][c];
      for (let j = c; j <= n; j++) m[i][j] -= f * m[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) x[i] = (m[i][n] - m[i].slice(i + 1, n).reduce((s, v, j) => s + v * x[i + 1 + j], 0)) / m[i][i];
  return x;
}

/**
 * `steps` steps θ ← θ − η∇θ from W_a = V = ε^{1/L} I (or from `start`), calling `onStep(k, W̄)` at steps 0 … K:
 * R = V W̄ Σxx − T Σyx (T = W̄ for JEPA, I for MAE), ∇V = R W̄ᵀ, ∇W̄ = Vᵀ R,
 * ∇W_a = (W_L⋯W_{a+1})ᵀ ∇W̄ (W_{a−1}⋯W_1)ᵀ.
 */
export function matrixGradientDescent(
  objective: Objective,
  L: number,
  sigmaXX: M,
  sigmaYX: M,
  epsilon: number,
  eta: number,
  steps: number,
  onStep: (k: number, wbar: M) => void,
  start?: { layers: M[]; predictor: M },
): void {
  const d = sigmaXX.length;
  const f = epsilon ** (1 / L);
  let layers = start?.layers ?? Array.from({ length: L }, () => eye(d, f));
  let v = start?.predictor ?? eye(d, f);
  for (let k = 0; ; k++) {
    // prefix[a] = W_a ⋯ W_1 (prefix[0] = I)
    const prefix: M[] = [eye(d)];
    for (const w of layers) prefix.push(mul(w, prefix[prefix.length - 1]));
    const wbar = prefix[L];
    onStep(k, wbar);
    if (k === steps) return;
    const r = sub(mul(mul(v, wbar), sigmaXX), objective === 'jepa' ? mul(wbar, sigmaYX) : sigmaYX);
    const gv = mul(r, tr(wbar));
    const gw = mul(tr(v), r);
    const grads = layers.map((_, a) => {
      let suffix = eye(d);
      for (let b = L - 1; b > a; b--) suffix = mul(suffix, layers[b]);
      return mul(mul(tr(suffix), gw), tr(prefix[a]));
    });
    layers = layers.map((w, a) =>
      sub(
        w,
        grads[a].map((row) => row.map((x) => eta * x)),
      ),
    );
    v = sub(
      v,
      gv.map((row) => row.map((x) => eta * x)),
    );
  }
}
