/**
 * The derivation worker: `derive` of @jepa-dynamics/symbolic (loss → flow → t(u) → t*_p →
 * leading order, every step certified by the CAS and a numeric spot check) off the page's
 * thread. Its bundle is the only one that holds the computer algebra.
 * @module
 */
import type { Expression } from '@jepa-dynamics/symbolic';
import type { DeriveFailure, DeriveOutcome, DeriveRequest, DerivationLine } from './derivationProtocol.js';
import { workerScope } from './workerScope.js';

type Symbolic = typeof import('@jepa-dynamics/symbolic');
let symbolic: Promise<Symbolic> | null = null;

async function derivation(request: DeriveRequest): Promise<DeriveOutcome> {
  const loadStart = performance.now();
  const first = symbolic === null;
  symbolic ??= import('@jepa-dynamics/symbolic');
  const { derive, derivationLatex } = await symbolic;
  const loadMs = first ? performance.now() - loadStart : 0;
  const start = performance.now();
  const d = derive(request.objective, request.depth);
  const deriveMs = performance.now() - start;
  const f = d.flow;
  const g = d.integral;
  const line = (lhs: string, e: Expression, note = ''): DerivationLine => ({ lhs, latex: e.latex, note });
  const lines = [
    line('\\ell', f.populationLoss, request.objective === 'jepa' ? 'population loss; sg(w̄) is the StopGrad copy of w̄' : 'population loss'),
    line('\\frac{dv}{dt}', f.dvdt),
    line('\\frac{dw_a}{dt}', f.dwdt, 'R_{a} = Π_{b≠a} w_{b}, so w̄ = w_{a} R_{a}'),
    line('\\frac{du}{dt}', f.dudt, 'balanced: v = w_{a} = u'),
    line('\\frac{d\\bar{w}}{dt}', f.dwbardt, 'w̄ = u^{L}'),
    line('\\frac{dt}{du}', g.integrand),
    line('\\text{decomposition}', g.decomposition),
    line('t(u)', g.tOfU, 'u_{0} = ε^{1/L}'),
    line('u^*', g.uStar, 'w̄(u*) = p·w̄_{∞}'),
    line('t^*_p', g.tStar),
    { lhs: 't^*_p', latex: `${g.leadingOrder.latex}+O(1)`, note: 'as ε → 0: every singular term' },
  ];
  // the derivation's own structure (plain data: every expression in CAS, text and LaTeX form), with all certificates once
  const { certificates: _flowCertificates, ...flow } = f;
  const { certificates: _integralCertificates, ...integral } = g;
  return {
    type: 'derivation',
    id: request.id,
    objective: d.objective,
    depth: d.depth,
    lines,
    general: d.general.latex,
    existence: g.existence,
    certificates: [...d.certificates],
    latexSource: derivationLatex(d, { standalone: true }),
    document: {
      objective: d.objective,
      depth: d.depth,
      timeUnit: 'gradient-flow',
      flow,
      integral,
      general: d.general,
      certificates: d.certificates,
      allCertificatesHold: d.certificates.every((c) => c.holds),
    },
    loadMs,
    deriveMs,
  };
}

workerScope.addEventListener('message', (event) => {
  const request = event.data as DeriveRequest;
  if (request?.type !== 'derive') return;
  derivation(request).then(
    (outcome) => workerScope.postMessage(outcome),
    (error: unknown) => {
      const failure: DeriveFailure = { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
      workerScope.postMessage(failure);
    },
  );
});
