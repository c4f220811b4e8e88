/**
 * The constants of RADAU5 (Hairer & Wanner, *Solving ODEs II*, 2nd ed., 1996, §IV.8):
 * the Radau IIA collocation nodes of order 5, the eigen-decomposition of the inverse
 * of its Runge–Kutta matrix that splits each Newton step into one real and one complex
 * linear system, and the weights of the embedded error estimate. Every number is
 * checked against its definition in packages/ode/test/solver/radau5Tableau.test.ts.
 *
 * @module
 */

const SQRT6 = Math.sqrt(6);

/**
 * Radau IIA (s = 3, order 5): nodes `c = ((4 − √6)/10, (4 + √6)/10, 1)`, the zeros of
 * the Radau polynomial `d²/dx² (x²(x − 1)³)`; the stage values are the collocation
 * polynomial's values there.
 *
 * Simplified Newton for the stage increments `Z = (Z₁, Z₂, Z₃)` solves
 * `(h⁻¹A⁻¹ ⊗ I − I ⊗ J) ΔW = …` in the transformed variables `W = (T⁻¹ ⊗ I) Z`, where
 * `T⁻¹ A⁻¹ T = [[γ, 0, 0], [0, α, −β], [0, β, α]]`: one real system with
 * `γ/h · I − J` and one complex system with `(α + iβ)/h · I − J` (Hairer–Wanner IV.8.
 * (8.16)–(8.18)). γ = `u1`, α, β are the eigenvalues of A⁻¹, the roots of
 * `z³ − 9z² + 36z − 60` (the denominator of the method's stability function).
 *
 * The error estimate (IV.8.19–8.20) is `(γ/h · I − J)⁻¹ (f(t, y) + (dd1 Z₁ + dd2 Z₂ + dd3 Z₃)/h)`,
 * an order-3 difference of the order-5 solution and an embedded one.
 */
export const RADAU5_TABLEAU = {
  /** First node (4 − √6)/10. */
  c1: (4 - SQRT6) / 10,
  /** Second node (4 + √6)/10. */
  c2: (4 + SQRT6) / 10,
  /** Error-estimate weights (−(13 + 7√6)/3, (−13 + 7√6)/3, −1/3). */
  dd1: -(13 + 7 * SQRT6) / 3,
  dd2: (-13 + 7 * SQRT6) / 3,
  dd3: -1 / 3,
  /**
   * γ, the real eigenvalue of A⁻¹: `30/(6 + 81^{1/3} − 9^{1/3})`. Given as the
   * correctly rounded double (what Hairer's Fortran computes at compile time) so that
   * no engine's `Math.pow` rounding enters.
   */
  u1: 3.6378342527444962,
  /** α, the real part of the complex eigenvalues of A⁻¹: `α̃/(α̃² + β̃²)` with `α̃ = (12 − 81^{1/3} + 9^{1/3})/60`. */
  alpha: 2.6810828736277523,
  /** β, their imaginary part: `β̃/(α̃² + β̃²)` with `β̃ = (81^{1/3} + 9^{1/3})√3/60`. */
  beta: 3.0504301992474105,
  /** T, the eigenvector matrix (row-major, `t32 = 1`, `t33 = 0`), with Hairer's published digits. */
  t11: 9.1232394870892942792e-2,
  t12: -0.14125529502095420843,
  t13: -3.0029194105147424492e-2,
  t21: 0.24171793270710701896,
  t22: 0.20412935229379993199,
  t23: 0.38294211275726193779,
  t31: 0.96604818261509293619,
  /** T⁻¹ (row-major), with Hairer's published digits. */
  ti11: 4.325579890063155351,
  ti12: 0.33919925181580986954,
  ti13: 0.54177053993587487119,
  ti21: -4.1787185915519047273,
  ti22: -0.32768282076106238708,
  ti23: 0.47662355450055045196,
  ti31: -0.50287263494578687595,
  ti32: 2.5719269498556054292,
  ti33: -0.59603920482822492497,
} as const;

/**
 * The settings of Hairer's `radau5.f` at its defaults (WORK and IWORK zero), which
 * RADAU5 here uses as they are; the step controller's SAFE, FACL, FACR are the
 * method's defaults of `options.safety`, `facMin` (= 1/FACL) and `facMax` (= 1/FACR).
 */
export const RADAU5_SETTINGS = {
  /** Rounding unit WORK(1) (Hairer's 1e-16); enters the finite-difference increments and the Newton safeguards. */
  uround: 1e-16,
  /** Largest number of Newton iterations per step, IWORK(3). */
  maxNewton: 7,
  /** Newton contraction factor up to which the Jacobian is kept, WORK(3): above it, the next step forms a new one. */
  jacobianReuseRate: 0.001,
  /** Keep h (and the LU) when the proposal h_new/h lies in [quot1, quot2], WORK(5), WORK(6). */
  quot1: 1,
  quot2: 1.2,
  /** Initial step when the caller gives none (Hairer's H = 0 → 1e-6). */
  firstStep: 1e-6,
  /** Singular iteration matrices after which the integration stops (Hairer's NSING ≥ 5). */
  maxSingular: 5,
} as const;
