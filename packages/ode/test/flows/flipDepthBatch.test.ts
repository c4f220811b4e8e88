/**
 * flipDepthBatch against 40-digit flip depths (fixtures/flip-depth-grid.py: partial fractions
 * in mpmath, no code shared), against the test oracle's own closed form for the six depths
 * quoted in issue 17, and against orderFlipDepth (the scalar definition it must keep).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLIP_DEPTH_STATUSES, InvalidArgumentError, flipDepthBatch, orderFlipDepth } from '../../src/index.js';
import { timeOfU } from '../../../../test/support/oracles/index.js';

interface GridPoint {
  lambdaRatio: number;
  rhoRatio: number;
  epsilon: number;
  fraction: number;
  flipDepth: number;
  gapAtFlip: number;
  gapBefore: number | null;
}

const grid = (
  JSON.parse(readFileSync(new URL('../fixtures/flip-depth-grid.json', import.meta.url), 'utf8')) as {
    points: GridPoint[];
  }
).points;

describe('flipDepthBatch(a, b, options)', () => {
  it('finds the 40-digit flip depth at all 1200 points of the fixture grid (λ_A/λ_B, ρ_A/ρ_B, ε, p)', () => {
    // every fixture point's |t*_A/t*_B − 1| at L* and L* − 1 is ≥ 1.7e-5, far above the ~1e-13 relative
    // rounding of the double-precision closed form, so exact agreement is required, not a tolerance
    expect(Math.min(...grid.map((g) => Math.min(g.gapAtFlip, g.gapBefore ?? 1)))).toBeGreaterThan(1e-6);
    const r = flipDepthBatch(
      { lambda: grid.map((g) => g.lambdaRatio), rho: grid.map((g) => g.rhoRatio) },
      { lambda: grid.map(() => 1), rho: grid.map(() => 1) },
      { objective: 'jepa', epsilon: grid.map((g) => g.epsilon), fraction: grid.map((g) => g.fraction), maxDepth: 400 },
    );
    expect(Array.from(r.status).every((s) => FLIP_DEPTH_STATUSES[s] === 'found')).toBe(true);
    expect(Array.from(r.depth)).toEqual(grid.map((g) => g.flipDepth));
  });

  it("reproduces issue 17's depths at λ_B/λ_A = 2, ρ_A/ρ_B = 3: L* = 4, 6, 8, 13, 17, 26 for ε = 1e-1 … 1e-6, by the oracle's closed form", () => {
    const epsilons = [1e-1, 3e-2, 1e-2, 1e-3, 1e-4, 1e-6];
    // the oracle (test/support/oracles/timeOfU.ts, its own partial-fraction sum): smallest L with t*_A < t*_B
    const oracleFlip = (epsilon: number): number => {
      for (let L = 1; ; L++) {
        const tA = timeOfU('jepa', L, 1, 3, epsilon, 0.5 ** (1 / L) * 3);
        const tB = timeOfU('jepa', L, 2, 1, epsilon, 0.5 ** (1 / L));
        if (tA < tB) return L;
      }
    };
    const oracle = epsilons.map(oracleFlip);
    expect(oracle).toEqual([4, 6, 8, 13, 17, 26]);
    const r = flipDepthBatch({ lambda: [1], rho: [3] }, { lambda: [2], rho: [1] }, { objective: 'jepa', epsilon: 1e-6 });
    expect(r.depth[0]).toBe(26);
    const all = flipDepthBatch(
      { lambda: epsilons.map(() => 1), rho: epsilons.map(() => 3) },
      { lambda: epsilons.map(() => 2), rho: epsilons.map(() => 1) },
      { objective: 'jepa', epsilon: epsilons },
    );
    expect(Array.from(all.depth)).toEqual(oracle);
  });

  it('equals orderFlipDepth pair by pair, under JEPA and MAE, including pairs that never flip', () => {
    const pairs = [
      [{ lambda: 1, rho: 3 }, { lambda: 2, rho: 1 }, 1e-2],
      [{ lambda: 0.5, rho: 1.5 }, { lambda: 1, rho: 1 }, 1e-3],
      [{ lambda: 2, rho: 0.5 }, { lambda: 1, rho: 1 }, 1e-2], // A has the smaller ρ and larger λ: first at L = 1
      [{ lambda: 1, rho: 0.5 }, { lambda: 2, rho: 1 }, 1e-2], // A smaller in both: never
      [{ lambda: -1, rho: -1 }, { lambda: 2, rho: 1 }, 1e-2], // A has no critical time (ρ < 0)
    ] as const;
    for (const objective of ['jepa', 'mae'] as const) {
      const r = flipDepthBatch(
        { lambda: pairs.map((p) => p[0].lambda), rho: pairs.map((p) => p[0].rho) },
        { lambda: pairs.map((p) => p[1].lambda), rho: pairs.map((p) => p[1].rho) },
        { objective, epsilon: pairs.map((p) => p[2]), maxDepth: 30 },
      );
      pairs.forEach(([a, b, epsilon], i) => {
        const s = orderFlipDepth(a, b, { objective, epsilon, maxDepth: 30 });
        expect([FLIP_DEPTH_STATUSES[r.status[i]], r.depth[i]]).toEqual(s.found ? ['found', s.depth] : ['none', 0]);
      });
    }
  });

  it('reports an undecidable depth (a critical time beyond the largest double) as overflow, not as a flip', () => {
    // ε = 1e-200: t* ~ ε^{−(2L−1)/L}/λ is 1e300 at L = 2 (B still first) and 1e333 at L = 3, beyond the doubles
    const r = flipDepthBatch({ lambda: [1], rho: [3] }, { lambda: [2], rho: [1] }, { objective: 'jepa', epsilon: 1e-200 });
    expect([FLIP_DEPTH_STATUSES[r.status[0]], r.depth[0]]).toEqual(['overflow', 3]);
  });

  it('rejects pairs of different lengths and bad settings, naming them', () => {
    expect(() => flipDepthBatch({ lambda: [1], rho: [3] }, { lambda: [2, 2], rho: [1, 1] }, { objective: 'jepa', epsilon: 0.01 })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      flipDepthBatch({ lambda: [1], rho: [3] }, { lambda: [2], rho: [1] }, { objective: 'jepa', epsilon: 0.01, maxDepth: 0 }),
    ).toThrow(/maxDepth/);
    expect(() => flipDepthBatch({ lambda: [1], rho: [3] }, { lambda: [2], rho: [1] }, { objective: 'jepa', epsilon: [0.01, 0.1] })).toThrow(
      /epsilon/,
    );
  });
});
