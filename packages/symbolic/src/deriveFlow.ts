import { cas } from './cas.js';
import { casFunction } from './casFunction.js';
import { casCertificate, spotCheck, type Certificate } from './Certificate.js';
import { expression, type Expression } from './Expression.js';
import type { Objective } from './Objective.js';
import { seededUniform } from './seededUniform.js';

/** Steps 1–3 of the pipeline: loss → flow → conservation → balanced reduction. */
export interface FlowDerivation {
  /** Per-feature population loss ℓ(v, w_1…w_L) (JEPA: `W` is the StopGrad copy of w̄). */
  readonly populationLoss: Expression;
  /** dv/dt = −∂ℓ/∂v, then W := w̄. */
  readonly dvdt: Expression;
  /** dw_a/dt = −∂ℓ/∂w_a, then W := w̄, for a = 1…L. */
  readonly dwdt: readonly Expression[];
  /** du/dt after v = w_a = u. */
  readonly dudt: Expression;
  /** dw̄/dt = Σ_a (∂w̄/∂w_a) dw_a/dt after v = w_a = u (w̄ = u^L). */
  readonly dwbardt: Expression;
  readonly certificates: readonly Certificate[];
}

const SPOT_POINTS = 10;

/**
 * Derives the per-feature gradient flow of MATH.md §2 from the loss by symbolic
 * differentiation, shows `d/dt(v² − w_a²) = 0` for every layer, and reduces the
 * flow to the balanced manifold `v = w_a = u`. Internal step of {@link derive}.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param L - depth (validated by the caller).
 * @returns the expressions and their certificates.
 */
export function deriveFlow(objective: Objective, L: number): FlowDerivation {
  const ws = Array.from({ length: L }, (_, a) => `w${a + 1}`);
  const wbar = `(${ws.join('*')})`;
  // MATH.md §1: JEPA ½E(v w̄ x − sg(w̄) y)², MAE ½E(v w̄ x − y)²; sg(w̄) is the separate symbol W
  const target = objective === 'jepa' ? 'W*y' : 'y';
  const sample = cas(`expand((v*${wbar}*x - ${target})^2/2)`);
  // population moments: E[x²] = σ², E[xy] = λ, E[y²] = σ_y²
  const loss = cas(
    `coeff(coeff(${sample},x,2),y,0)*s2 + coeff(coeff(${sample},x,1),y,1)*lam + coeff(coeff(${sample},x,0),y,2)*s2y`,
  );
  const sg = (e: string): string => (objective === 'jepa' ? cas(`subst(${wbar}, W, ${e})`) : e);
  const dv = sg(cas(`-d(${loss}, v)`));
  const dw = ws.map((w) => sg(cas(`-d(${loss}, ${w})`)));

  const rand = seededUniform(objective === 'jepa' ? 1000 + L : 2000 + L);
  const points = Array.from({ length: SPOT_POINTS }, () => {
    const scope: Record<string, number> = { v: 0.5 + rand(), lam: 0.2 + rand(), s2: 0.2 + rand(), s2y: 1 + rand() };
    for (const w of ws) scope[w] = 0.6 + 0.8 * rand();
    return scope;
  });
  const wbarOf = (scope: Readonly<Record<string, number>>): number => ws.reduce((acc, w) => acc * scope[w], 1);
  const certificates: Certificate[] = [];

  // 1. the derived flow equals the table of MATH.md §2; spot check: −∂ℓ/∂θ by central differences
  // (ℓ is quadratic in each single variable, so the central difference is exact up to rounding)
  const paperDv = objective === 'jepa' ? `${wbar}^2*(lam - s2*v)` : `${wbar}*(lam - s2*v*${wbar})`;
  const paperDw = (w: string): string =>
    objective === 'jepa' ? `${wbar}^2/${w}*v*(lam - s2*v)` : `${wbar}/${w}*v*(lam - s2*v*${wbar})`;
  // independent multipliers k_a make "Σ k_a e_a = 0" equivalent to every e_a = 0
  const flowIdentity = `expand(k0*((${dv}) - (${paperDv})) + ${ws.map((w, a) => `k${a + 1}*((${dw[a]}) - (${paperDw(w)}))`).join(' + ')})`;
  const lossF = casFunction(loss);
  const dvF = casFunction(dv);
  const dwF = dw.map(casFunction);
  const fdPairs: [number, number][] = [];
  for (const pt of points) {
    const withW: Record<string, number> = { ...pt, W: wbarOf(pt) };
    const h = 1e-3;
    const fd = (name: string): number => {
      const plus = { ...withW, [name]: withW[name] + h };
      const minus = { ...withW, [name]: withW[name] - h };
      return -(lossF(plus) - lossF(minus)) / (2 * h);
    };
    fdPairs.push([dvF(pt), fd('v')]);
    ws.forEach((w, a) => fdPairs.push([dwF[a](pt), fd(w)]));
  }
  certificates.push(
    casCertificate(
      'flow',
      objective === 'jepa'
        ? 'dv/dt = w̄²(λ − σ²v) and dw_a/dt = (w̄²/w_a) v(λ − σ²v): −∂ℓ/∂θ with the StopGrad copy W set to w̄ after differentiating (MATH.md §2)'
        : 'dv/dt = w̄(λ − σ²v w̄) and dw_a/dt = (w̄/w_a) v(λ − σ²v w̄): −∂ℓ/∂θ (MATH.md §2)',
      flowIdentity,
      cas(flowIdentity),
      spotCheck(fdPairs, 1e-8, 'relative'),
    ),
  );

  // 2. conservation: d/dt(v² − w_a²) = 2v dv/dt − 2w_a dw_a/dt = 0 for every a
  const consIdentity = `expand(${ws.map((w, a) => `k${a + 1}*(2*v*(${dv}) - 2*${w}*(${dw[a]}))`).join(' + ')})`;
  const consPairs: [number, number][] = [];
  for (const pt of points) {
    // λ − σ²v(w̄) may nearly cancel, so compare on the scale of the separate terms, not relatively
    const wb = wbarOf(pt);
    const scale = 2 * pt.v * (objective === 'jepa' ? wb * wb * (pt.lam + pt.s2 * pt.v) : wb * (pt.lam + pt.s2 * pt.v * wb));
    ws.forEach((w, a) => {
      consPairs.push([(2 * pt.v * dvF(pt)) / scale, (2 * pt[w] * dwF[a](pt)) / scale]);
    });
  }
  certificates.push(
    casCertificate(
      'conservation',
      'd/dt (v² − w_a²) = 0 for every layer a, so balanced initialisation stays balanced',
      consIdentity,
      cas(consIdentity),
      spotCheck(consPairs, 1e-13, 'absolute'),
    ),
  );

  // 3. balanced reduction v = w_a = u
  const toU = (e: string): string => cas(['v', ...ws].reduce((acc, s) => `subst(u, ${s}, ${acc})`, e));
  const dudt = toU(dv);
  // every dw_a/dt equals dv/dt on the balanced manifold: one substitution of Σ k_a (dw_a − dv)
  const layersAgree = toU(`${dw.map((e, a) => `k${a + 1}*((${e}) - (${dv}))`).join(' + ')}`);
  // dw̄/dt = Σ_a (∂w̄/∂w_a) dw_a/dt, and on the balanced manifold every dw_a/dt is du/dt
  const dwbardt = cas(`(${toU(ws.map((w) => `d(${wbar}, ${w})`).join(' + '))})*(${dudt})`);
  const paperDu = objective === 'jepa' ? `s2*u^${2 * L}*(lam/s2 - u)` : `s2*u^${L}*(lam/s2 - u^${L + 1})`;
  // MATH.md §2 end-to-end: L(λ w̄^{3−1/L} − (λ/ρ) w̄³) (JEPA), L(λ w̄^{2−1/L} − (λ/ρ) w̄³) (MAE), w̄ = u^L, λ/ρ = σ²
  const paperDwbar = objective === 'jepa' ? `${L}*(lam*u^${3 * L - 1} - s2*u^${3 * L})` : `${L}*(lam*u^${2 * L - 1} - s2*u^${3 * L})`;
  const balIdentity = `expand(k0*((${dudt}) - (${paperDu})) + kb*((${dwbardt}) - (${paperDwbar})) + (${layersAgree}))`;
  const duF = casFunction(dudt);
  const dwbarF = casFunction(dwbardt);
  const balPairs: [number, number][] = [];
  for (const pt of points) {
    const u = pt.w1;
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
        ? `v = w_a = u: every dw_a/dt equals dv/dt = du/dt = σ² u^${2 * L}(ρ − u), and dw̄/dt = L(λ w̄^{3−1/L} − (λ/ρ) w̄³)`
        : `v = w_a = u: every dw_a/dt equals dv/dt = du/dt = σ² u^${L}(ρ − u^${L + 1}), and dw̄/dt = L(λ w̄^{2−1/L} − (λ/ρ) w̄³)`,
      balIdentity,
      cas(balIdentity),
      spotCheck(balPairs, 1e-12, 'relative'),
    ),
  );

  return {
    populationLoss: expression(loss),
    dvdt: expression(dv),
    dwdt: dw.map(expression),
    dudt: expression(dudt),
    dwbardt: expression(dwbardt),
    certificates,
  };
}
