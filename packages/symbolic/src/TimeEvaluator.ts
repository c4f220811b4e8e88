/**
 * Fast evaluators of the derived closed forms (docs/math.md §3), built from the derived
 * coefficient structure, not from source text: no `eval`, no `new Function`, so
 * they run under a strict Content-Security-Policy. They assume valid input (the
 * kernel half of the validate → kernel split); {@link criticalTimeFormula} is the
 * validating entry point.
 *
 * Units: gradient-flow time t = kη; inputs λ (cross-covariance), ρ = λ/σ², ε (init
 * scale, `w̄(0) = ε`), p (fraction of `w̄∞`).
 */
export interface TimeEvaluator {
  /** Encoder depth L. */
  readonly depth: number;
  /**
   * t(u): the time the balanced per-layer weight takes from `u0 = ε^{1/L}` to `u`.
   * `NaN` when `u` is not on the path from `u0` to the fixed point.
   */
  readonly tOfU: (u: number, lambda: number, rho: number, epsilon: number) => number;
  /**
   * t*_p = t(u*), the time at which `w̄ = p·w̄∞`; `null` when there is none
   * (ρ ≤ 0, or `ε ≥ p·w̄∞`: the start is not below the target).
   */
  readonly tStar: (lambda: number, rho: number, epsilon: number, p: number) => number | null;
}
