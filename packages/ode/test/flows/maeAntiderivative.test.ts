/**
 * MAE's G(u) = ∫_0^u s/(ρ − s^{L+1}) ds (docs/math.md §3), summed by the library as a power
 * series or its z → 1 − z continuation, against the oracle's split into a logarithm and a
 * Gauss–Legendre integral of a smooth remainder.
 */
import { describe, expect, it } from 'vitest';
import { logGrowth } from '../../src/flows/logGrowth.js';
import { maeAntiderivative, maeAntiderivativeDifference } from '../../src/flows/maeAntiderivative.js';
import { maeGDifference } from '../../../../test/support/oracles/index.js';

describe('maeAntiderivative', () => {
  it('equals ∫_0^u s/(ρ − s^{L+1}) ds on both branches (z = u^{L+1}/ρ below and above ½) up to z = 1 − 1e-12', () => {
    for (const L of [1, 2, 3, 5, 8, 12]) {
      for (const rho of [0.05, 1, 7.5]) {
        const uInf = rho ** (1 / (L + 1));
        for (const z of [1e-6, 0.1, 0.4999, 0.5, 0.5001, 0.8, 0.99, 1 - 1e-6, 1 - 1e-12]) {
          const u = uInf * z ** (1 / (L + 1));
          const want = maeGDifference(L, rho, 0, u);
          // Both routes are accurate to a few ulps of G (1e-13 relative), except that (i) the oracle's logarithm and
          // smooth part each start like ±(u∞²/ρ)·r/(L+1) (r = u/u∞) and cancel to G ≈ u²/(2ρ) at small r, and (ii) near
          // u∞, G is ill-conditioned: each route rounds ρ − u^{L+1} (or 1 − u/u∞) its own way, an error of a few
          // ulps of u, worth G'(u)·4e-16·u. Allow both.
          const cancelled = (4e-16 * uInf * u) / rho;
          const conditioning = (4e-16 * u * u) / (rho - u ** (L + 1));
          expect(Math.abs(maeAntiderivative(rho, L, u) - want), JSON.stringify({ L, rho, z })).toBeLessThan(
            1e-13 * want + cancelled + conditioning,
          );
        }
      }
    }
  });

  it('maeAntiderivativeDifference keeps its relative accuracy for u0 close to u (no cancellation), on every branch', () => {
    for (const L of [1, 4, 9]) {
      const rho = 2;
      const uInf = rho ** (1 / (L + 1));
      for (const z of [0.01, 0.3, 0.9]) {
        const u = uInf * z ** (1 / (L + 1));
        // gap 0.6: u0 < u/2, where the series forms 1 − (u0/u)^m from running powers (the batched path's fast branch)
        for (const gap of [0.6, 1e-3, 1e-7, 1e-11]) {
          const u0 = u * (1 - gap);
          const want = maeGDifference(L, rho, u0, u);
          // the difference is ~gap·u·G'(u); the oracle integrates over [u0, u] itself, so both are relative-accurate;
          // the inputs' own rounding (u0 = u(1 − gap) to 1 ulp) moves the difference by ~1e-16/gap relative
          expect(
            Math.abs(maeAntiderivativeDifference(rho, L, u0, u, logGrowth(u0, u), u - u0) - want) / want,
            JSON.stringify({ L, z, gap }),
          ).toBeLessThan(1e-13 + 1e-15 / gap);
        }
      }
    }
  });
});
