/**
 * Measures how far training from a random orthogonal (balanced) init departs from
 * the per-feature ODE, the table in docs/simulation.md. Run (≈ 1 min):
 *
 *     node --import tsx packages/sim/test/scripts/randomInitDeparture.ts
 *
 * Features (λ, ρ): (1, 1), (0.8, 0.8), (0.6, 0.6), (1.2, 0.4); ε = 0.05; seeds 1–10;
 * horizon 20 × the largest ODE critical time (features with ε ≥ ½w̄∞ have none and are left out of the timing columns); 8000 steps (η = horizon/8000).
 * Per mode i the rotation-invariant strength ‖W̄ e_i‖ is compared with the ODE's w̄_i(t):
 * its critical time t*_sim (first step at ½ w̄∞) against the formula's t*, whether it is
 * learned by the horizon, and the final singular values of W̄ against the fixed points.
 * The aligned init is run the same way as the control.
 */
import { criticalTimes, type FeatureInput } from '@jepa-dynamics/ode';
import { simulateFeatures } from '@jepa-dynamics/sim';

const features: FeatureInput[] = [
  { lambda: 1, rho: 1 },
  { lambda: 0.8, rho: 0.8 },
  { lambda: 0.6, rho: 0.6 },
  { lambda: 1.2, rho: 0.4 },
];
const epsilon = 0.05;
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const rows: string[] = [];
for (const objective of ['jepa', 'mae'] as const) {
  for (const depth of [1, 2, 3]) {
    const tStar = criticalTimes(features, { objective, depth, epsilon }).map((r) => (r.exists ? r.t : Number.NaN));
    const T = 20 * Math.max(...tStar.filter(Number.isFinite));
    const steps = 8000;
    for (const init of ['aligned', 'random'] as const) {
      const ratios: number[] = [];
      let crossed = 0,
        total = 0,
        svMatched = 0,
        svDecayed = 0,
        svTotal = 0,
        deviation = 0;
      for (const seed of init === 'aligned' ? [0] : seeds) {
        const r = simulateFeatures({
          objective,
          depth,
          features,
          epsilon,
          learningRate: T / steps,
          steps,
          init,
          seed,
          measure: 'columnNorm',
          singularValues: true,
          recordEvery: 80,
        });
        deviation = Math.max(deviation, r.deviation.max);
        r.criticalTimes.simulated.forEach((t, i) => {
          if (!Number.isFinite(tStar[i])) return; // ε ≥ ½w̄∞: no critical time to compare
          total++;
          if (t !== null) {
            crossed++;
            ratios.push(t / tStar[i]);
          }
        });
        const sv = r.train.singularValues?.at(-1) ?? [];
        const free = new Set(r.fixedPoints.map((_, i) => i));
        svTotal += sv.length;
        for (const s of sv) {
          const m = [...free].find((i) => Math.abs(s - r.fixedPoints[i]) < 1e-2 * r.fixedPoints[i]);
          if (m !== undefined) {
            free.delete(m);
            svMatched++;
          } else if (s < epsilon) svDecayed++;
        }
      }
      rows.push(
        `| ${objective.toUpperCase()} | ${depth} | ${init} | ${crossed}/${total} | ${quantile(ratios, 0).toFixed(3)} | ${quantile(ratios, 0.5).toFixed(3)} | ${quantile(ratios, 0.999).toFixed(3)} | ${svMatched}/${svTotal} | ${svDecayed}/${svTotal} | ${deviation.toFixed(3)} |`,
      );
    }
  }
}
process.stdout.write(
  '| objective | L | init | modes crossing ½w̄∞ by 20 t*max | t*_sim/t*_ODE min | median | max | final σ(W̄) at a fixed point (1%) | final σ(W̄) below ε (decaying) | max ‖W̄e_i‖ − w̄_ODE |\n|---|---|---|---|---|---|---|---|---|---|\n' +
    `${rows.join('\n')}\n`,
);
