import { cas } from './cas.js';
import { casFunction } from './casFunction.js';
import { casCertificate, spotCheck, type Certificate } from './Certificate.js';
import { expression, type Expression } from './Expression.js';
import type { Objective } from '@jepa-dynamics/core';
import { seededUniform } from './seededUniform.js';

/** Steps 1–3 of the pipeline: loss → flow → conservation → balanced reduction. */
export interface FlowDerivation {
  /**
   * Per-feature population loss ℓ(v, w_a, R_a) with `R_a = Π_{b≠a} w_b` (so w̄ = w_a R_a):
   * ℓ depends on layer a only through the product, which makes one generic layer stand
   * for all L of them. JEPA: `W` is the StopGrad copy of w̄.
   */
  readonly populationLoss: Expression;
  /** dv/dt = −∂ℓ/∂v, then W := w̄. */
  readonly dvdt: Expression;
  /** dw_a/dt = −∂ℓ/∂w_a (R_a held fixed), then W := w̄; the same for every layer a. */
  readonly dwdt: Expression;
  /** du/dt after v = w_a = u (R_a = u^{L−1}). */
  readonly dudt: Expression;
  /** dw̄/dt = Σ_a R_a dw_a/dt after v = w_a = u (w̄ = u^L). */
  readonly dwbardt: Expression;
  /** The certificates of steps 1–3, in order. */
  readonly certificates: readonly Certificate[];
}

const SPOT_POINTS = 10;

/** The depth-independent part of steps 1–2 for one objective. */
interface GenericLayer {
  readonly loss: string;
  readonly dv: string;
  readonly dw: string;
  readonly flowIdentity: string;
  readonly flowReduced: string;
  readonly consIdentity: string;
  readonly consReduced: string;
}

const genericLayers = new Map<Objective, GenericLayer>();

/**
 * Loss, flow and conservation for a generic layer a (w̄ = w_a R_a): they do not depend on L,
 * so the CAS runs them once per objective.
 */
function genericLayer(objective: Objective): GenericLayer {
  const hit = genericLayers.get(objective);
  if (hit !== undefined) return hit;
  const wbar = '(wa*Ra)';
  // docs/math.md §1: JEPA ½E(v w̄ x − sg(w̄) y)², MAE ½E(v w̄ x − y)²; sg(w̄) is the separate symbol W
  const target = objective === 'jepa' ? 'W*y' : 'y';
  const sample = cas(`expand((v*${wbar}*x - ${target})^2/2)`);
  // population moments: E[x²] = σ², E[xy] = λ, E[y²] = σ_y²
  const loss = cas(`coeff(coeff(${sample},x,2),y,0)*s2 + coeff(coeff(${sample},x,1),y,1)*lam + coeff(coeff(${sample},x,0),y,2)*s2y`);
  // StopGrad: W is differentiated as a constant and only then identified with w̄
  const sg = (e: string): string => (objective === 'jepa' ? cas(`subst(${wbar}, W, ${e})`) : e);
  const dv = sg(cas(`-d(${loss}, v)`));
  const dw = sg(cas(`-d(${loss}, wa)`));
  // the table of docs/math.md §2
  const paperDv = objective === 'jepa' ? `${wbar}^2*(lam - s2*v)` : `${wbar}*(lam - s2*v*${wbar})`;
  const paperDw = objective === 'jepa' ? `${wbar}^2/wa*v*(lam - s2*v)` : `${wbar}/wa*v*(lam - s2*v*${wbar})`;
  // independent multipliers k0, k1: "k0 e0 + k1 e1 = 0" as a polynomial means e0 = e1 = 0
  const flowIdentity = `expand(k0*((${dv}) - (${paperDv})) + k1*((${dw}) - (${paperDw})))`;
  // conservation: d/dt(v² − w_a²) = 2v dv/dt − 2w_a dw_a/dt
  const consIdentity = `expand(2*v*(${dv}) - 2*wa*(${dw}))`;
  const result: GenericLayer = {
    loss,
    dv,
    dw,
    flowIdentity,
    flowReduced: cas(flowIdentity),
    consIdentity,
    consReduced: cas(consIdentity),
  };
  genericLayers.set(objective, result);
  return result;
}

/**
 * Derives the per-feature gradient flow of docs/math.md §2 from the loss by symbolic
 * differentiation, shows `d/dt(v² − w_a²) = 0`, and reduces the flow to the balanced
 * manifold `v = w_a = u`. Internal step of {@link derive}.
 *
 * Route: layer a enters the loss only through `w̄ = w_a R_a`, `R_a = Π_{b≠a} w_b`, so the
 * CAS differentiates with respect to a generic w_a at fixed R_a (cost independent of L);
 * the depth enters at the balanced reduction `R_a = u^{L−1}`. The spot checks use the
 * full L-layer product: central differences of the loss in v and in every w_a.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param L - depth (validated by the caller).
 * @returns the expressions and their certificates.
 */
export function deriveFlow(objective: Objective, L: number): FlowDerivation {
  const wbar = '(wa*Ra)';
  const { loss, dv, dw, flowIdentity, flowReduced, consIdentity, consReduced } = genericLayer(objective);
  const rand = seededUniform(objective === 'jepa' ? 1000 + L : 2000 + L);
  const points = Array.from({ length: SPOT_POINTS }, () => ({
    v: 0.5 + rand(),
    lam: 0.2 + rand(),
    s2: 0.2 + rand(),
    s2y: 1 + rand(),
    w: Array.from({ length: L }, () => 0.6 + 0.8 * rand()),
  }));
  const product = (w: readonly number[]): number => w.reduce((acc, x) => acc * x, 1);
  const certificates: Certificate[] = [];

  // 1. the derived flow equals the table of docs/math.md §2
  const lossF = casFunction(loss);
  const dvF = casFunction(dv);
  const dwF = casFunction(dw);
  // spot check on the full product: −∂ℓ/∂v and −∂ℓ/∂w_a by central differences, W = w̄ held fixed
  // (ℓ is quadratic in each single variable, so the central difference is exact up to rounding)
  const fdPairs: [number, number][] = [];
  for (const pt of points) {
    const W = product(pt.w);
    const lossAt = (v: number, w: readonly number[], a: number): number =>
      lossF({ lam: pt.lam, s2: pt.s2, s2y: pt.s2y, W, v, wa: w[a], Ra: product(w) / w[a] });
    const h = 1e-3;
    fdPairs.push([
      dvF({ lam: pt.lam, s2: pt.s2, v: pt.v, wa: pt.w[0], Ra: W / pt.w[0] }),
      -(lossAt(pt.v + h, pt.w, 0) - lossAt(pt.v - h, pt.w, 0)) / (2 * h),
    ]);
    for (let a = 0; a < L; a++) {
      const plus = pt.w.map((x, b) => (b === a ? x + h : x));
      const minus = pt.w.map((x, b) => (b === a ? x - h : x));
      const fd = -(lossAt(pt.v, plus, a) - lossAt(pt.v, minus, a)) / (2 * h);
      fdPairs.push([dwF({ lam: pt.lam, s2: pt.s2, v: pt.v, wa: pt.w[a], Ra: W / pt.w[a] }), fd]);
    }
  }
  certificates.push(
    casCertificate(
      'flow',
      objective === 'jepa'
        ? 'dv/dt = w̄²(λ − σ²v) and dw_a/dt = (w̄²/w_a) v(λ − σ²v): −∂ℓ/∂θ with the StopGrad copy W set to w̄ after differentiating (docs/math.md §2)'
        : 'dv/dt = w̄(λ − σ²v w̄) and dw_a/dt = (w̄/w_a) v(λ − σ²v w̄): −∂ℓ/∂θ (docs/math.md §2)',
      flowIdentity,
      flowReduced,
      spotCheck(fdPairs, 1e-8, 'relative'),
    ),
  );

  // 2. conservation: d/dt(v² − w_a²) = 2v dv/dt − 2w_a dw_a/dt = 0 (for every a: the layer is generic)
  const consPairs: [number, number][] = [];
  for (const pt of points) {
    const W = product(pt.w);
    // λ − σ²v(w̄) may nearly cancel, so compare on the scale of the separate terms
    const scale = 2 * pt.v * (objective === 'jepa' ? W * W * (pt.lam + pt.s2 * pt.v) : W * (pt.lam + pt.s2 * pt.v * W));
    for (let a = 0; a < L; a++) {
      const scope = { lam: pt.lam, s2: pt.s2, v: pt.v, wa: pt.w[a], Ra: W / pt.w[a] };
      consPairs.push([(2 * pt.v * dvF(scope)) / scale, (2 * pt.w[a] * dwF(scope)) / scale]);
    }
  }
  certificates.push(
    casCertificate(
      'conservation',
      'd/dt (v² − w_a²) = 0 for every layer a, so balanced initialisation stays balanced',
      consIdentity,
      consReduced,
      spotCheck(consPairs, 1e-13, 'absolute'),
    ),
  );

  // 3. balanced reduction v = w_a = u, R_a = u^{L−1}
  const toU = (e: string): string => cas(`subst(u, v, subst(u, wa, subst(u^${L - 1}, Ra, ${e})))`);
  const dudt = toU(dv);
  const layerAgrees = toU(`(${dw}) - (${dv})`);
  // dw̄/dt = Σ_a (∂w̄/∂w_a) dw_a/dt; on the manifold all L terms are equal
  const dwbardt = cas(`${L}*(${toU(`d(${wbar}, wa)`)})*(${toU(dw)})`);
  const paperDu = objective === 'jepa' ? `s2*u^${2 * L}*(lam/s2 - u)` : `s2*u^${L}*(lam/s2 - u^${L + 1})`;
  // docs/math.md §2 end-to-end: L(λ w̄^{3−1/L} − (λ/ρ) w̄³) (JEPA), L(λ w̄^{2−1/L} − (λ/ρ) w̄³) (MAE), w̄ = u^L, λ/ρ = σ²
  const paperDwbar = objective === 'jepa' ? `${L}*(lam*u^${3 * L - 1} - s2*u^${3 * L})` : `${L}*(lam*u^${2 * L - 1} - s2*u^${3 * L})`;
  const balIdentity = `expand(k0*((${dudt}) - (${paperDu})) + k1*((${dwbardt}) - (${paperDwbar})) + k2*(${layerAgrees}))`;
  const duF = casFunction(dudt);
  const dwbarF = casFunction(dwbardt);
  const balPairs: [number, number][] = [];
  for (const pt of points) {
    const u = pt.w[0];
    const rho = pt.lam / pt.s2;
    const scope = { u, lam: pt.lam, s2: pt.s2 };
    const direct = objective === 'jepa' ? pt.s2 * u ** (2 * L) * (rho - u) : pt.s2 * u ** L * (rho - u ** (L + 1));
    balPairs.push([duF(scope), direct]);
    // chain rule on w̄ = u^L: dw̄/dt = L u^{L−1} du/dt
    balPairs.push([dwbarF(scope), L * u ** (L - 1) * direct]);
  }
  certificates.push(
    casCertificate(
      'balanced-reduction',
      objective === 'jepa'
        ? `v = w_a = u: dw_a/dt = dv/dt = du/dt = σ² u^${2 * L}(ρ − u), and dw̄/dt = L(λ w̄^{3−1/L} − (λ/ρ) w̄³)`
        : `v = w_a = u: dw_a/dt = dv/dt = du/dt = σ² u^${L}(ρ − u^${L + 1}), and dw̄/dt = L(λ w̄^{2−1/L} − (λ/ρ) w̄³)`,
      balIdentity,
      cas(balIdentity),
      spotCheck(balPairs, 1e-12, 'relative'),
    ),
  );

  return {
    populationLoss: expression(loss),
    dvdt: expression(dv),
    dwdt: expression(dw),
    dudt: expression(dudt),
    dwbardt: expression(dwbardt),
    certificates,
  };
}
