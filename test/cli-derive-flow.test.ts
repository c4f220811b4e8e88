import { describe, expect, it } from 'vitest';
import { deriveScalarFlow } from '@jepa-dynamics/symbolic';
import { expectFailure, runCli } from './support/runCli.js';

const WD = [
  '--flow',
  'sigma2*u^(2*L)*(rho-u) - gamma*u',
  '--param',
  'L=3',
  '--param',
  'sigma2=1',
  '--param',
  'rho=2',
  '--param',
  'gamma=0.01',
];

describe('jepa-dynamics derive --flow', () => {
  it('--json prints the derivation of the weight-decay flow with every certificate holding and t* equal to the library', () => {
    const r = runCli(['derive', ...WD, '--start', '0.5', '--fixed-point', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      t: number;
      route: string;
      fixedPoint: number;
      allCertificatesHold: boolean;
      fixedPoints: { stability: string }[];
    };
    const d = deriveScalarFlow('sigma2*u^(2*L)*(rho-u) - gamma*u', { parameters: { L: 3, sigma2: 1, rho: 2, gamma: 0.01 }, start: 0.5 });
    expect(doc.t).toBe(d.criticalTime.exists ? d.criticalTime.t : Number.NaN);
    expect(doc.route).toBe('numeric-roots');
    expect(doc.fixedPoint).toBeCloseTo(1.99968725555, 10);
    expect(doc.fixedPoints.map((p) => p.stability)).toEqual(['stable', 'unstable', 'stable']);
    expect(doc.allCertificatesHold).toBe(true);
  });

  it('text and LaTeX formats show the flow, t(u), t* and the certificates; --format js is an ES module', async () => {
    const text = runCli(['derive', '--flow', 'r*u*(1 - u/K)', '--param', 'r=2', '--param', 'K=1', '--start', '0.01']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('t* = 2.29755992506729');
    expect(text.stdout).toContain('leading order as u0 → 0: -1 / 2 * log(u0)');
    expect(text.stdout).toMatch(/holds {2}t-of-u \[numeric/);
    const latex = runCli(['derive', '--flow', 'r*u*(1 - u/K)', '--param', 'r=2', '--param', 'K=1', '--start', '0.01', '--format', 'latex']);
    expect(latex.stdout).toContain('\\ln');
    const js = runCli(['derive', '--flow', 'r*u*(1 - u/K)', '--param', 'r=2', '--param', 'K=1', '--start', '0.01', '--format', 'js']);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(js.stdout)}`)) as { criticalTime: () => number };
    // logistic: t* = ln(99)/2 from u0 = 0.01 to ½
    expect(Math.abs(mod.criticalTime() - Math.log(99) / 2)).toBeLessThan(1e-14);
  });

  it('f not rational in u exits 2 naming --flow and the culprit', () => {
    expectFailure(runCli(['derive', '--flow', 'sin(u)', '--start', '1']), 2, '--flow', 'sin(u)', 'rational');
    expectFailure(runCli(['derive', '--flow', 'u^0.5 - u', '--start', '0.5']), 2, '--flow', 'u^0.5');
  });

  it('an unknown symbol exits 2 naming it', () => {
    expectFailure(runCli(['derive', '--flow', 'beta*u*(1 - u)', '--start', '0.5']), 2, '--flow', 'beta has none');
  });

  it('the fixed point not reached exits 1 naming it, the start and where the flow goes', () => {
    // below the weight-decay threshold (≈ 0.3606) the flow decays to 0
    expectFailure(
      runCli(['derive', ...WD, '--start', '1e-2', '--fixed-point', '2']),
      1,
      'u∞ = 1.99969',
      'u0 = 0.01',
      'towards the fixed point 0',
    );
    expectFailure(
      runCli(['derive', '--flow', 'u*(1 - u)*(2 - u)', '--start', '0.5', '--fixed-point', '2']),
      1,
      'stops at the fixed point 1',
    );
  });

  it('no critical time (the start past the target) exits 1', () => {
    expectFailure(runCli(['derive', '--flow', 'u*(1 - u)', '--start', '0.7']), 1, 'u0 = 0.7 is not before the target');
  });

  it('a step that cannot be certified or carried out exits 3 naming the step', () => {
    expectFailure(
      runCli(['derive', '--flow', 'u*(rho - u^3)', '--param', 'rho=2', '--symbolic', 'rho', '--start', '0.5']),
      3,
      'cannot split the numerator',
    );
  });

  it('malformed flags exit 2: --param without a value, --flow with --objective, no --start, a --flow flag alone', () => {
    expectFailure(runCli(['derive', '--flow', 'u*(1-u)', '--param', 'L', '--start', '0.5']), 2, '--param', 'name=value');
    expectFailure(runCli(['derive', '--flow', 'u*(1-u)', '--objective', 'jepa', '--start', '0.5']), 2, '--flow replaces --objective');
    expectFailure(runCli(['derive', '--flow', 'u*(1-u)']), 2, '--start is required');
    expectFailure(runCli(['derive', '--objective', 'jepa', '--depth', '2', '--start', '0.5']), 2, '--start applies only with --flow');
    expectFailure(runCli(['derive', '--flow', 'u*(1-u)', '--start', '0.5', '--fraction', '1.5']), 2, '--fraction');
  });
});
