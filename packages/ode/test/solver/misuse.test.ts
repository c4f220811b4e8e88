/**
 * The silent traps of issue 13: each of these calls used to end with status
 * 'success' and a wrong answer, an ignored option, or a raw exception that lost the
 * partial result. Each now fails loudly: an InvalidArgumentError naming the rule,
 * or a status with the time reached.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, solveIvp } from '../../src/index.js';
import type { JacobianFunction, Method, RhsFunction, SolveOptions } from '../../src/index.js';

/** y' = −y, written the documented way. */
const decay: RhsFunction = (_t, y, dy) => {
  dy[0] = -y[0];
};

/** Van der Pol with μ = 10 (mildly stiff), and its Jacobian (row-major). */
const MU = 10;
const vdp: RhsFunction = (_t, y, dy) => {
  dy[0] = y[1];
  dy[1] = MU * (1 - y[0] * y[0]) * y[1] - y[0];
};
const vdpJacobian: JacobianFunction = (_t, y, jac) => {
  jac[0] = 0;
  jac[1] = 1;
  jac[2] = -2 * MU * y[0] * y[1] - 1;
  jac[3] = MU * (1 - y[0] * y[0]);
};

/** Calls `run` and returns the InvalidArgumentError it throws (fails the test otherwise). */
function rejection(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return e as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError, but the call returned');
}

const METHODS: Method[] = ['dopri5', 'dop853', 'odex', 'rodas4', 'radau5', 'bdf'];

describe('solveIvp rejects a right-hand side used the wrong way (checked on its first call)', () => {
  for (const method of METHODS) {
    it(`${method}: f that returns the derivative (scipy style) instead of writing it`, () => {
      const scipyStyle = ((_t: number, y: Float64Array) => [-y[0]]) as unknown as RhsFunction;
      const e = rejection(() => solveIvp(scipyStyle, [0, 1], [1], { method }));
      expect(e.argument).toBe('f');
      expect(e.message).toMatch(/must write the derivative into dydt and return nothing/);
      expect(e.message).toMatch(/returned \[-1\]/);
    });

    it(`${method}: async f (returns a Promise)`, () => {
      const asyncF = (async (_t: number, y: Float64Array, dy: Float64Array) => {
        await Promise.resolve();
        dy[0] = -y[0];
      }) as unknown as RhsFunction;
      const e = rejection(() => solveIvp(asyncF, [0, 1], [1], { method }));
      expect(e.argument).toBe('f');
      expect(e.message).toMatch(/returned a Promise.*synchronous/);
    });

    it(`${method}: y0 longer than what f writes`, () => {
      const e = rejection(() => solveIvp(decay, [0, 1], [1, 2, 3], { method }));
      expect(e.argument).toBe('f');
      expect(e.message).toMatch(/left dydt\[1\], dydt\[2\] unwritten/);
      expect(e.message).toMatch(/y0 has 3 components/);
    });
  }

  it('f that reads dydt before writing it (accumulates into it)', () => {
    const accumulating: RhsFunction = (_t, y, dy) => {
      dy[0] += -y[0];
    };
    const e = rejection(() => solveIvp(accumulating, [0, 1], [1]));
    expect(e.message).toMatch(/left dydt\[0\] unwritten/);
  });

  it('f that writes into y', () => {
    const e = rejection(() =>
      solveIvp(
        (_t, y, dy) => {
          dy[0] = -y[0];
          y[0] = 0;
        },
        [0, 1],
        [1],
      ),
    );
    expect(e.message).toMatch(/must not modify y.*y\[0\]/);
  });

  it('f that writes NaN is not mistaken for an unwritten component: the run ends non-finite', () => {
    const r = solveIvp(
      (_t, _y, dy) => {
        dy[0] = Number.NaN;
      },
      [0, 1],
      [1],
    );
    expect(r.status).toBe('non-finite');
  });
});

describe('solveIvp rejects a Jacobian callback that writes too little or non-finite values', () => {
  it('too few entries: only the diagonal of a 2×2 Jacobian', () => {
    const diagonalOnly: JacobianFunction = (_t, y, jac) => {
      jac[0] = 0;
      jac[3] = MU * (1 - y[0] * y[0]);
    };
    const e = rejection(() => solveIvp(vdp, [0, 1], [2, 0], { method: 'rodas4', jacobian: diagonalOnly }));
    expect(e.argument).toBe('options.jacobian');
    expect(e.message).toMatch(/must write all n² = 4 entries/);
    expect(e.message).toMatch(/left jac\[1\] \(row 0, column 1\), jac\[2\] \(row 1, column 0\) unwritten/);
  });

  it('a non-finite entry', () => {
    const infinite: JacobianFunction = (t, y, jac) => {
      vdpJacobian(t, y, jac);
      jac[2] = Number.POSITIVE_INFINITY;
    };
    const e = rejection(() => solveIvp(vdp, [0, 1], [2, 0], { method: 'rodas4', jacobian: infinite }));
    expect(e.message).toMatch(/wrote Infinity into jac\[2\] \(row 1, column 0\)/);
  });

  it('the transpose, with checkJacobian: true, names the mismatching entry and suggests the transpose', () => {
    const transposed: JacobianFunction = (t, y, jac) => {
      vdpJacobian(t, y, jac);
      const a = jac[1];
      jac[1] = jac[2];
      jac[2] = a;
    };
    const e = rejection(() => solveIvp(vdp, [0, 1], [2, 0.5], { method: 'rodas4', jacobian: transposed, checkJacobian: true }));
    expect(e.argument).toBe('options.jacobian');
    expect(e.message).toMatch(/jac\[[12]\] \(row [01], column [01]\)/);
    expect(e.message).toMatch(/transpose/);
  });

  it('checkJacobian: true accepts a correct Jacobian and changes nothing else', () => {
    const a = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', jacobian: vdpJacobian });
    const b = solveIvp(vdp, [0, 2], [2, 0], { method: 'rodas4', jacobian: vdpJacobian, checkJacobian: true });
    expect(b.status).toBe('success');
    expect(Array.from(b.t)).toEqual(Array.from(a.t));
    // the check's 2n = 4 central-difference evaluations are counted
    expect(b.stats).toEqual({ ...a.stats, nfev: a.stats.nfev + 4 });
  });

  it('checkJacobian without a jacobian is rejected (it would check nothing)', () => {
    const e = rejection(() => solveIvp(vdp, [0, 1], [2, 0], { method: 'rodas4', checkJacobian: true }));
    expect(e.argument).toBe('options.checkJacobian');
  });

  it("a stiff method's max-steps message does not advise a stiff method", () => {
    const r = solveIvp(vdp, [0, 100], [2, 0], { method: 'rodas4', maxSteps: 5 });
    expect(r.status).toBe('max-steps');
    expect(r.message).not.toMatch(/stiff method/);
    const e = solveIvp(vdp, [0, 100], [2, 0], { method: 'dopri5', maxSteps: 5 });
    expect(e.message).toMatch(/stiff method/);
  });
});

describe('solveIvp rejects unknown option names, suggesting the closest', () => {
  const cases: [string, string][] = [
    ['max_step', 'maxStep'],
    ['rtols', 'rtol'],
    ['Rtol', 'rtol'],
    ['t_eval', 'tEval'],
    ['first_step', 'firstStep'],
    ['jac', 'jacobian'],
  ];
  for (const [wrong, right] of cases) {
    it(`${wrong} → did you mean ${right}?`, () => {
      const e = rejection(() => solveIvp(decay, [0, 1], [1], { [wrong]: 1 } as SolveOptions));
      expect(e.argument).toBe(`options.${wrong}`);
      expect(e.message).toContain(`did you mean '${right}'?`);
    });
  }

  it('a name far from every option lists them all', () => {
    const e = rejection(() => solveIvp(decay, [0, 1], [1], { verbose: true } as SolveOptions));
    expect(e.message).toMatch(/is not an option of solveIvp \(the options are 'method', .*'rtol'/);
  });

  it('unknown keys of an event and of autoSwitch are rejected too', () => {
    const e = rejection(() =>
      solveIvp(decay, [0, 1], [1], {
        events: [{ g: (_t: number, y: Float64Array) => y[0] - 0.5, terminate: true }],
      } as unknown as SolveOptions),
    );
    expect(e.argument).toBe('options.events[0].terminate');
    expect(e.message).toContain("did you mean 'terminal'?");
    const a = rejection(() => solveIvp(decay, [0, 1], [1], { method: 'auto', autoSwitch: { stif: 'rodas4' } } as SolveOptions));
    expect(a.message).toContain("did you mean 'stiff'?");
  });
});

describe('solveIvp rejects tolerances below what double precision resolves', () => {
  it('rtol below 100·2⁻⁵² is rejected with the rule', () => {
    const e = rejection(() => solveIvp(decay, [0, 1], [1], { rtol: 1e-20 }));
    expect(e.argument).toBe('options.rtol');
    expect(e.message).toMatch(/must be at least 100·2⁻⁵² ≈ 2\.22e-14/);
  });

  it('rtol = 100·2⁻⁵² exactly is accepted', () => {
    expect(solveIvp(decay, [0, 1], [1], { rtol: 100 * 2 ** -52, atol: 0 }).status).toBe('success');
  });
});

describe("a callback that throws ends the run with status 'f-error', the time reached, the partial result and the cause", () => {
  const boom = new Error('boom');
  for (const method of METHODS) {
    it(`${method}: f throws past t = 0.5`, () => {
      const f: RhsFunction = (t, y, dy) => {
        if (t > 0.5) throw boom;
        dy[0] = -y[0];
      };
      const r = solveIvp(f, [0, 1], [1], { method, dense: true });
      expect(r.status).toBe('f-error');
      expect(r.cause).toBe(boom);
      const tReached = r.t[r.t.length - 1];
      expect(tReached).toBeGreaterThan(0);
      expect(tReached).toBeLessThanOrEqual(0.5 + 1e-12);
      // where f threw: the first evaluation past 0.5 (a trial step may reach well beyond)
      const thrownAt = Number(/f threw "boom" at t = ([\d.e-]+);/.exec(r.message)?.[1]);
      expect(thrownAt).toBeGreaterThan(0.5);
      expect(r.message).toContain(`stopped at t = ${tReached}`);
      // the partial result is the solution up to there (rtol 1e-6 by default)
      expect(Math.abs(r.y[r.y.length - 1][0] - Math.exp(-tReached))).toBeLessThan(1e-5);
      expect(r.sol?.(tReached / 2)[0]).toBeCloseTo(Math.exp(-tReached / 2), 5);
      expect(r.stats.nfev).toBeGreaterThan(1);
    });
  }

  it('f throws on its very first call: f-error at t0 with nothing but y0', () => {
    const r = solveIvp(
      () => {
        throw boom;
      },
      [0, 1],
      [1],
    );
    expect(r.status).toBe('f-error');
    expect(r.cause).toBe(boom);
    expect(Array.from(r.t)).toEqual([0]);
  });

  it('an event function that throws', () => {
    const r = solveIvp(decay, [0, 1], [1], {
      events: [
        {
          g: (t) => {
            if (t > 0.3) throw boom;
            return 1;
          },
        },
      ],
    });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBe(boom);
    expect(r.message).toMatch(/options\.events\[0\]\.g threw "boom" at t = /);
    expect(r.t[r.t.length - 1]).toBeLessThan(1);
  });

  it('an event function that returns NaN: f-error whose cause names the rule', () => {
    const r = solveIvp(decay, [0, 1], [1], { events: [{ g: (t) => (t > 0.3 ? Number.NaN : 1) }] });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBeInstanceOf(InvalidArgumentError);
    expect(r.message).toMatch(/options\.events\[0\]\.g: must return a finite number, but it returned NaN at t = /);
  });

  it('a Jacobian that throws', () => {
    const r = solveIvp(vdp, [0, 1], [2, 0], {
      method: 'rodas4',
      jacobian: (t, y, jac) => {
        if (t > 0.2) throw boom;
        vdpJacobian(t, y, jac);
      },
    });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBe(boom);
    expect(r.message).toMatch(/options\.jacobian threw "boom"/);
  });
});

describe("'bdf': its own callbacks that throw end the run with status 'f-error' too", () => {
  const boom = new Error('boom');
  const decay2: RhsFunction = (_t, y, dy) => {
    dy[0] = -y[0];
    dy[1] = -2 * y[1];
  };
  it('jvp', () => {
    const r = solveIvp(decay2, [0, 1], [1, 1], {
      method: 'bdf',
      jvp: (t, _y, v, out) => {
        if (t > 0.2) throw boom;
        out[0] = -v[0];
        out[1] = -2 * v[1];
      },
    });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBe(boom);
    expect(r.message).toMatch(/options\.jvp threw "boom" at t = /);
  });

  it('psolve', () => {
    const r = solveIvp(decay2, [0, 1], [1, 1], {
      method: 'bdf',
      psolve: (t, _y, gamma, rhs, z) => {
        if (t > 0.2) throw boom;
        z[0] = rhs[0] / (1 + gamma);
        z[1] = rhs[1] / (1 + 2 * gamma);
      },
    });
    expect(r.status).toBe('f-error');
    expect(r.message).toMatch(/options\.psolve threw "boom"/);
  });

  it('f throws on its 60th call: the counts are exact (every call up to the throwing one, the steps taken before it)', () => {
    let calls = 0;
    const f: RhsFunction = (_t, y, dy) => {
      if (++calls === 60) throw boom;
      dy[0] = -y[0];
      dy[1] = -2 * y[1];
    };
    const r = solveIvp(f, [0, 10], [1, 1], { method: 'bdf', rtol: 1e-8, atol: 1e-10 });
    expect(r.status).toBe('f-error');
    expect(r.cause).toBe(boom);
    expect(r.stats.nfev).toBe(60);
    // every accepted step is in the output (t0, then one row per step), the attempt that failed is counted too
    expect(r.stats.naccepted).toBe(r.t.length - 1);
    expect(r.stats.naccepted).toBeGreaterThan(5);
    expect(r.stats.nsteps).toBe(r.stats.naccepted + r.stats.nrejected + 1);
    expect(r.stats.nnewton).toBeGreaterThan(r.stats.naccepted);
  });

  it('jvp, psolve and psetup receive options.params, as f does: the same run as with closures, bit for bit', () => {
    interface Rates {
      a: number;
      b: number;
    }
    const seen = new Set<unknown>();
    const rates: Rates = { a: 1, b: 2 };
    const f: RhsFunction<Rates> = (_t, y, dy, p) => {
      dy[0] = -p.a * y[0];
      dy[1] = -p.b * y[1];
    };
    const withParams = solveIvp(f, [0, 1], [1, 1], {
      method: 'bdf',
      params: rates,
      jvp: (_t, _y, v, out, p) => {
        seen.add(p);
        out[0] = -p.a * v[0];
        out[1] = -p.b * v[1];
      },
      psetup: (_t, _y, _gamma, _reuse, p) => void seen.add(p),
      psolve: (_t, _y, gamma, rhs, z, p) => {
        seen.add(p);
        z[0] = rhs[0] / (1 + p.a * gamma);
        z[1] = rhs[1] / (1 + p.b * gamma);
      },
    });
    const closures = solveIvp(
      (_t, y, dy) => {
        dy[0] = -y[0];
        dy[1] = -2 * y[1];
      },
      [0, 1],
      [1, 1],
      {
        method: 'bdf',
        jvp: (_t, _y, v, out) => {
          out[0] = -v[0];
          out[1] = -2 * v[1];
        },
        psetup: () => undefined,
        psolve: (_t, _y, gamma, rhs, z) => {
          z[0] = rhs[0] / (1 + gamma);
          z[1] = rhs[1] / (1 + 2 * gamma);
        },
      },
    );
    expect([...seen]).toEqual([rates]);
    expect(withParams.status).toBe('success');
    expect(Array.from(withParams.t)).toEqual(Array.from(closures.t));
    expect(withParams.y.map((row) => Array.from(row))).toEqual(closures.y.map((row) => Array.from(row)));
    expect(withParams.stats).toEqual(closures.stats);
  });
});
