import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { phaseDiagrams } from '../../src/results/phaseDiagrams/phaseDiagrams.js';
import type { PhaseDiagramsData } from '../../src/results/phaseDiagrams/compute.js';
import type { PhaseDiagramsSettings } from '../../src/results/phaseDiagrams/setting.js';
import { checkPhaseDiagramsDocument, oracleFlipDepth, type PhaseDiagramsDocument } from '../../../../test/support/resultChecks.js';

/** 40-digit flip depths over the default grid (packages/ode/test/fixtures/flip-depth-grid.py). */
const fixture = (
  JSON.parse(readFileSync(new URL('../../../ode/test/fixtures/flip-depth-grid.json', import.meta.url), 'utf8')) as {
    points: { lambdaRatio: number; rhoRatio: number; epsilon: number; fraction: number; flipDepth: number }[];
  }
).points;
const unique = (xs: number[]): number[] => [...new Set(xs)];
const asDocument = (d: PhaseDiagramsData): PhaseDiagramsDocument =>
  JSON.parse(JSON.stringify(phaseDiagrams.document(d))) as PhaseDiagramsDocument;

let quick: PhaseDiagramsData;
let full: PhaseDiagramsData;
const labels: string[] = [];

beforeAll(async () => {
  quick = await phaseDiagrams.run(phaseDiagrams.settings('quick'), (label) => void labels.push(label));
  // the default grid with the fixture's own doubles for ε (Python's 10 ** −k/2 may differ from Math.pow by an ulp)
  const settings: PhaseDiagramsSettings = {
    ...phaseDiagrams.settings('full'),
    lambdaRatios: unique(fixture.map((p) => p.lambdaRatio)),
    rhoRatios: unique(fixture.map((p) => p.rhoRatio)),
    epsilons: unique(fixture.map((p) => p.epsilon)),
    fractions: unique(fixture.map((p) => p.fraction)),
  };
  full = await phaseDiagrams.run(settings);
}, 120_000);

describe('phaseDiagrams (result 9)', () => {
  it('settings: the full grid is the fixture grid (5 × 5 × 16 × 3 = 1200 points), extended is larger', () => {
    const s = phaseDiagrams.settings('full');
    expect([s.lambdaRatios, s.rhoRatios, s.fractions]).toEqual([
      unique(fixture.map((p) => p.lambdaRatio)),
      unique(fixture.map((p) => p.rhoRatio)),
      unique(fixture.map((p) => p.fraction)),
    ]);
    unique(fixture.map((p) => p.epsilon)).forEach((e, i) => expect(Math.abs(s.epsilons[i] / e - 1)).toBeLessThan(1e-15));
    const x = phaseDiagrams.settings('extended');
    expect(x.lambdaRatios.length * x.rhoRatios.length * x.epsilons.length * x.fractions.length).toBe(11745);
  });

  it('reports three units of work, as units() says', () => {
    expect(labels).toEqual(['flip-depth law (CAS)', 'flip depths', 'dynamic model']);
    expect(labels).toHaveLength(phaseDiagrams.units(phaseDiagrams.settings('quick')));
  });

  it('full grid: every JEPA flip depth is the 40-digit fixture’s; the law, agreement, quoted depths and dynamic model are the oracle’s', () => {
    const byKey = new Map(fixture.map((p) => [`${p.lambdaRatio}|${p.rhoRatio}|${p.epsilon}|${p.fraction}`, p.flipDepth]));
    checkPhaseDiagramsDocument(asDocument(full), {
      exactDepth: (p) => byKey.get(`${p.lambdaRatio}|${p.rhoRatio}|${p.epsilon}|${p.fraction}`) ?? -1,
      checkMae: false,
    });
    expect(full.points).toHaveLength(1200);
    expect(full.quoted).toEqual([4, 6, 8, 13, 17, 26]);
  });

  it('full grid: MAE never flips up to L = 64, by the oracle at every point', () => {
    expect(full.points.every((p) => p.mae === null)).toBe(true);
    full.points.forEach((p) => expect(oracleFlipDepth('mae', p.lambdaRatio, p.rhoRatio, p.epsilon, p.fraction, 64)).toBeNull());
  });

  it('quick grid: the same checks by the oracle alone, MAE at every point', () => {
    checkPhaseDiagramsDocument(asDocument(quick), { checkMae: true });
  });

  it('a point where B has no critical time (ε ≥ p) has no flip, as by the oracle, and the summary says why', async () => {
    const s = { ...phaseDiagrams.settings('quick'), lambdaRatios: [0.5], rhoRatios: [3], epsilons: [0.1], fractions: [0.1, 0.5] };
    const d = await phaseDiagrams.run(s);
    expect(d.points.map((p) => p.jepa)).toEqual(s.fractions.map((p) => oracleFlipDepth('jepa', 0.5, 3, 0.1, p, 400)));
    expect(d.points[0].jepa).toBeNull();
    expect(phaseDiagrams.summary(d)).toContain('(none at 1: 1 with ε ≥ p, where B starts at or above its target');
  });

  it('the law improves with its terms at small ε; with 3 terms it is within one of the exact depth at every ε ≤ 1e-4 of the full grid', () => {
    const [one, two, three] = full.agreement;
    expect(three.small.largestDeviation).toBe(1);
    expect(three.small.exactFraction).toBeGreaterThan(two.small.exactFraction);
    expect(two.small.exactFraction).toBeGreaterThan(one.small.exactFraction);
  });

  it('the dynamic model: both objectives stop having learned the same number of features, and they differ in which', () => {
    const n = full.dynamic.features.length;
    const k = Math.ceil(0.25 * n);
    const count = (o: 'jepa' | 'mae'): number => full.dynamic.features.filter((f) => f.learned[o]).length;
    expect([count('jepa'), count('mae')]).toEqual([k, k]);
    const jepaOnly = full.dynamic.features.filter((f) => f.learned.jepa && !f.learned.mae);
    const maeOnly = full.dynamic.features.filter((f) => !f.learned.jepa && f.learned.mae);
    expect(jepaOnly.length).toBeGreaterThan(0);
    // JEPA trades covariance for influence: what it alone learned has no larger λ = a s and a larger mean ρ
    const mean = (xs: number[]): number => xs.reduce((x, y) => x + y, 0) / xs.length;
    expect(Math.max(...jepaOnly.map((f) => f.lambda))).toBeLessThanOrEqual(Math.min(...maeOnly.map((f) => f.lambda)));
    expect(mean(jepaOnly.map((f) => f.rho))).toBeGreaterThan(mean(maeOnly.map((f) => f.rho)));
    const span = (xs: number[]): string => `[${Math.min(...xs)}, ${Math.max(...xs)}]`;
    expect(phaseDiagrams.summary(full)).toContain(
      `JEPA only ${jepaOnly.length} (a ∈ ${span(jepaOnly.map((f) => f.autoregression))}, γ² ∈ ${span(jepaOnly.map((f) => f.noiseVariance))}`,
    );
    expect(phaseDiagrams.summary(full)).toContain(
      `MAE only ${maeOnly.length} (a ∈ ${span(maeOnly.map((f) => f.autoregression))}, γ² ∈ ${span(maeOnly.map((f) => f.noiseVariance))}`,
    );
  });

  it('summary(), table() and figure() state what was computed', () => {
    const text = phaseDiagrams.summary(full);
    expect(text).toContain('L* = 4, 6, 8, 13, 17, 26 for ε = 0.1, 0.03, 0.01, 0.001, 0.0001, 0.000001');
    for (const a of full.agreement)
      expect(text).toContain(
        `exact at ${(100 * a.exactFraction).toFixed(1)} % of ${a.points} points, largest deviation ${a.largestDeviation}`,
      );
    expect(phaseDiagrams.table(full).rows).toHaveLength(1200);
    const figure = phaseDiagrams.figure(full) as { hconcat: { data: { values: unknown[] } }[] };
    expect(figure.hconcat).toHaveLength(3);
    // panel (a): the 5 × 5 map at the figure's ε (1e-4, matched to within rounding) and p = ½
    expect(figure.hconcat[0].data.values).toHaveLength(25);
  });

  it('docs/beyond-the-paper.md, section "Phase diagrams", quotes this run', () => {
    const guide = readFileSync(new URL('../../../../docs/beyond-the-paper.md', import.meta.url), 'utf8');
    const start = guide.indexOf('## Phase diagrams');
    const end = guide.indexOf('\n## ', start + 1);
    const text = guide.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
    const depths = full.points.map((p) => p.jepa as number);
    const quotes = [
      `A flip exists at all ${full.points.length} points, at L* from ${Math.min(...depths)} to ${Math.max(...depths)}`,
      `L* = ${full.quoted.join(', ')} for ε = 1e-1, 3e-2, 1e-2, 1e-3, 1e-4, 1e-6`,
      `changes L* in ${full.fractionSensitive.cells} of the ${full.fractionSensitive.of}`,
      `at none of the ${full.points.filter((p) => p.mae === null).length} points up to L = ${full.settings.maeMaxDepth}`,
      `over the ${full.agreement[0].small.points} with ε ≤ 1e-4`,
      ...full.agreement.map(
        (a) =>
          `| ${a.terms} term${a.terms === 1 ? '' : 's'} | ${(100 * a.exactFraction).toFixed(1)} % | ${a.largestDeviation} | ${(100 * a.small.exactFraction).toFixed(1)} % | ${a.small.largestDeviation} |`,
      ),
    ];
    const far = full.points.filter((p) => Math.abs(p.law[3] - (p.jepa as number)) > 1);
    expect(new Set(far.map((p) => p.epsilon))).toEqual(new Set([0.1]));
    quotes.push(`at ε = 0.1 (${far.length} points, ${far.filter((p) => p.fraction === 0.25).length} of them at p = ¼)`);
    const d = full.dynamic;
    const k = d.features.filter((f) => f.learned.jepa).length;
    const span = (xs: number[]): string => `[${Math.min(...xs)}, ${Math.max(...xs)}]`;
    const describe = (fs: typeof d.features): string =>
      `have a ∈ ${span(fs.map((f) => f.autoregression))}, γ² ∈ ${span(fs.map((f) => f.noiseVariance))}, mean ρ = ${(fs.reduce((s, f) => s + f.rho, 0) / fs.length).toPrecision(3)}`;
    const jepaOnly = d.features.filter((f) => f.learned.jepa && !f.learned.mae);
    const maeOnly = d.features.filter((f) => !f.learned.jepa && f.learned.mae);
    quotes.push(
      `a quarter of the ${d.features.length} features (${k}): JEPA at T = ${Number(d.stopTime.jepa.toPrecision(3))}, MAE at T = ${Number(d.stopTime.mae.toPrecision(3))}`,
      `${d.features.filter((f) => f.learned.jepa && f.learned.mae).length} features are learned by both`,
      `the ${jepaOnly.length} that only JEPA has learned ${describe(jepaOnly)}`,
      `the ${maeOnly.length} that only MAE has learned ${describe(maeOnly)}`,
    );
    expect(d.separable).toEqual({ jepa: { byRho: false, byLambda: false }, mae: { byRho: false, byLambda: false } });
    for (const q of quotes) expect(text).toContain(q);
  });
});
