/**
 * RADAU5 does the same work as Hairer's `radau5.f` (version of July 9, 1996, latest
 * correction January 18, 2002, with `decsol.f`/`dc_decsol.f`) run with its defaults
 * (WORK and IWORK zero, ITOL = 0, IOUT = 0, full Jacobian, initial step H = 1e-6):
 * NFCN, NJAC, NSTEP, NACCPT, NREJCT, NDEC, NSOL are pinned below for Van der Pol,
 * Robertson and HIRES, with the analytic Jacobian and with finite differences. The
 * numbers are those of issue 11's table, obtained by running the Fortran (gfortran,
 * -O2 and -O0 alike); they are not produced by this code.
 *
 * How the counts map (this code's own statistics are the more complete ones):
 * - NFCN excludes the n finite-difference columns per Jacobian; `nfev` counts every
 *   call, so with finite differences `nfev = NFCN + n·NJAC`.
 * - NREJCT counts only error-test rejections after the first accepted step; `nrejected`
 *   counts every failed attempt (also Newton failures and first-step rejections). The
 *   test counts Hairer's NREJCT with a controller that observes the rejections.
 * - NSTEP = `nsteps`, NACCPT = `naccepted`, NJAC = `njev`, NDEC = `nlu`, NSOL = `nsol`.
 */
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/index.js';
import type { JacobianFunction, RhsFunction } from '../../src/index.js';
import { registerMethod } from '../../src/solver/methodRegistry.js';
import { oneStepMethod } from '../../src/solver/oneStepMethod.js';
import { RADAU5_SPEC } from '../../src/solver/radau5.js';
import { Radau5Controller } from '../../src/solver/radau5Controller.js';
import type { StepOutcome } from '../../src/solver/stepOutcome.js';
import { HIRES, hires, hiresJac } from './hires.js';
import { robertson, robertsonJac, vdp, vdpJac } from './stiffProblems.js';

declare module '../../src/solver/methodRegistry.js' {
  interface MethodRegistry {
    'radau5-traced': true;
  }
}

/** Hairer's NREJCT of the current run: error-test rejections after the first accepted step. */
const trace = { nrejct: 0 };

class TracedController extends Radau5Controller {
  private accepts = 0;
  override accepted(outcome: StepOutcome, hAbs: number): number {
    this.accepts++;
    return super.accepted(outcome, hAbs);
  }
  override rejected(outcome: StepOutcome, hAbs: number): number {
    if (outcome.status === 'rejected' && this.accepts > 0) trace.nrejct++;
    return super.rejected(outcome, hAbs);
  }
}

registerMethod(oneStepMethod({ ...RADAU5_SPEC, name: 'radau5-traced', createController: (s) => new TracedController(s) }));

interface Problem {
  f: RhsFunction;
  jac: JacobianFunction;
  tspan: [number, number];
  y0: number[];
}
const PROBLEMS: Record<'Van der Pol' | 'Robertson' | 'HIRES', Problem> = {
  // ε = 1e-6, y(0) = (2, −0.66): the initial value of Hairer's own driver.
  'Van der Pol': { f: vdp, jac: vdpJac, tspan: [0, 2], y0: [2, -0.66] },
  Robertson: { f: robertson, jac: robertsonJac, tspan: [0, 1e11], y0: [1, 0, 0] },
  HIRES: { f: hires, jac: hiresJac, tspan: [0, HIRES.tEnd], y0: HIRES.y0 },
};

/** NFCN / NJAC / NSTEP / NACCPT / NREJCT / NDEC / NSOL of radau5.f (issue 11). */
const HAIRER: [keyof typeof PROBLEMS, number, number, number[], number[]][] = [
  // problem, rtol, atol, analytic Jacobian (IJAC = 1), finite differences (IJAC = 0)
  ['Van der Pol', 1e-4, 1e-4, [2218, 161, 275, 238, 8, 248, 660], [2218, 161, 275, 238, 8, 248, 660]],
  ['Van der Pol', 1e-6, 1e-6, [3894, 308, 487, 476, 8, 404, 1139], [3894, 308, 487, 476, 8, 404, 1139]],
  ['Van der Pol', 1e-8, 1e-8, [8133, 482, 1027, 1019, 7, 834, 2371], [8133, 482, 1027, 1019, 7, 834, 2371]],
  ['Robertson', 1e-6, 1e-12, [1953, 251, 262, 261, 1, 261, 564], [4294, 321, 471, 331, 1, 470, 1321]],
  ['Robertson', 1e-8, 1e-14, [4033, 395, 537, 535, 2, 415, 1166], [7092, 547, 772, 621, 2, 716, 2157]],
  ['HIRES', 1e-6, 1e-6, [483, 27, 58, 51, 0, 50, 144], [486, 27, 58, 51, 0, 50, 145]],
  ['HIRES', 1e-8, 1e-8, [832, 36, 95, 94, 0, 60, 246], [829, 36, 95, 94, 0, 60, 245]],
];

describe("radau5: Hairer's work counts of radau5.f, exactly", () => {
  for (const [name, rtol, atol, analytic, differences] of HAIRER) {
    for (const [how, expected] of [
      ['analytic Jacobian', analytic],
      ['finite differences', differences],
    ] as const) {
      it(`${name}, rtol ${rtol}, atol ${atol}, ${how}: NFCN/NJAC/NSTEP/NACCPT/NREJCT/NDEC/NSOL = ${expected.join('/')}`, () => {
        const p = PROBLEMS[name];
        const jacobian = how === 'analytic Jacobian' ? p.jac : undefined;
        trace.nrejct = 0;
        const r = solveIvp(p.f, p.tspan, p.y0, { method: 'radau5-traced', rtol, atol, jacobian });
        expect(r.status).toBe('success');
        const s = r.stats;
        const n = p.y0.length;
        const njev = s.njev ?? Number.NaN;
        const nfcn = jacobian === undefined ? s.nfev - n * njev : s.nfev;
        expect([nfcn, njev, s.nsteps, s.naccepted, trace.nrejct, s.nlu, s.nsol]).toEqual(expected);
        // Every Newton iteration is one solve of both systems.
        expect(s.nnewton).toBe(s.nsol);
        // The traced method is radau5 itself: the registered one does the same work.
        const plain = solveIvp(p.f, p.tspan, p.y0, { method: 'radau5', rtol, atol, jacobian });
        expect(plain.stats).toEqual(s);
        expect(Array.from(plain.y[plain.y.length - 1])).toEqual(Array.from(r.y[r.y.length - 1]));
      });
    }
  }
});
