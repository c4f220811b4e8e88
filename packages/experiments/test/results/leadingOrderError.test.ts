import { beforeAll, describe, expect, it } from 'vitest';
import { leadingOrderError } from '../../src/results/leadingOrderError/leadingOrderError.js';
import type { LeadingOrderErrorData } from '../../src/results/leadingOrderError/compute.js';
import { closedFormCriticalTime, leadingOrderTime } from '../../../../test/support/oracles/index.js';
import { checkLeadingOrderDocument, type LeadingOrderDocument } from '../../../../test/support/resultChecks.js';

// another feature, three depths, four values of ε
const settings = {
  ...leadingOrderError.settings('quick'),
  feature: { lambda: 2, rho: 0.7 },
  depths: [1, 2, 5],
  epsilonMin: 1e-6,
  epsilonMax: 1e-2,
  epsilonPoints: 3,
};
let data: LeadingOrderErrorData;
const labels: string[] = [];

beforeAll(async () => {
  data = await leadingOrderError.run(settings, (label) => void labels.push(label));
});

describe('leadingOrderError', () => {
  it('settings: λ = ρ = 1, p = ½, L = 1…8, ε from 1e-8 to 1e-1; 8 values of ε quick, 29 full', () => {
    const quick = leadingOrderError.settings('quick');
    expect([quick.feature, quick.fraction, quick.depths, quick.epsilonMin, quick.epsilonMax]).toEqual([
      { lambda: 1, rho: 1 },
      0.5,
      [1, 2, 3, 4, 5, 6, 7, 8],
      1e-8,
      1e-1,
    ]);
    expect([quick.epsilonPoints, leadingOrderError.settings('full').epsilonPoints]).toEqual([8, 29]);
  });

  it('reports one unit of work per objective, as units() says', () => {
    expect(labels).toEqual(['jepa', 'mae']);
    expect(labels).toHaveLength(leadingOrderError.units(settings));
  });

  it('run(): ε log-spaced with exact endpoints; a row per objective, depth and ε', () => {
    expect(data.epsilons[0]).toBe(1e-6);
    expect(data.epsilons[2]).toBe(1e-2);
    expect(Math.abs(data.epsilons[1] / 1e-4 - 1)).toBeLessThan(1e-15);
    expect(data.rows.map((r) => [r.objective, r.depth])).toEqual(
      (['jepa', 'mae'] as const).flatMap((o) =>
        [1, 2, 5].flatMap((L) => [
          [o, L],
          [o, L],
          [o, L],
        ]),
      ),
    );
  });

  it('run(): exact and leading-order times and the relative error agree with the formulas', () => {
    checkLeadingOrderDocument(JSON.parse(JSON.stringify(leadingOrderError.document(data))) as LeadingOrderDocument);
  });

  it('run(): the error falls with ε, except for MAE at L = 1, where the leading-order formula is exact', () => {
    for (const o of ['jepa', 'mae'] as const) {
      for (const L of [1, 2, 5]) {
        const errors = data.rows.filter((r) => r.objective === o && r.depth === L).map((r) => r.relativeError as number);
        if (o === 'mae' && L === 1) {
          // exact: ln((ρ − ε²)/(3ε²))/(2λ); leading order: the same formula (test/support/oracles) — they differ by rounding only
          for (const r of data.rows.filter((q) => q.objective === o && q.depth === L)) {
            expect(
              Math.abs(
                (leadingOrderTime(o, 1, 2, 0.7, r.epsilon) as number) / (closedFormCriticalTime(o, 1, 2, 0.7, r.epsilon) as number) - 1,
              ),
            ).toBeLessThan(1e-12);
          }
          for (const e of errors) expect(e).toBeLessThan(1e-12);
        } else {
          expect(errors[0]).toBeLessThan(errors[1]);
          expect(errors[1]).toBeLessThan(errors[2]);
        }
      }
    }
  });

  it('table() and document(): the rows as computed; the setting with the ε grid', () => {
    expect(leadingOrderError.table(data)).toEqual({
      columns: ['objective', 'depth', 'epsilon', 'exact', 'leadingOrder', 'relativeError'],
      rows: data.rows,
    });
    expect(leadingOrderError.document(data).setting).toEqual({
      feature: { lambda: 2, rho: 0.7 },
      fraction: 0.5,
      depths: [1, 2, 5],
      epsilonMin: 1e-6,
      epsilonMax: 1e-2,
      epsilons: data.epsilons,
    });
  });

  it('figure(): a log–log panel per objective, errors of exactly 0 left out', () => {
    const figure = leadingOrderError.figure(data) as { hconcat: { title: string; data: { values: { relativeError: number }[] } }[] };
    expect(figure.hconcat.map((p) => p.title)).toEqual(['JEPA', 'MAE']);
    for (const p of figure.hconcat) for (const v of p.data.values) expect(v.relativeError).toBeGreaterThan(0);
    const zeros = data.rows.filter((r) => r.relativeError === 0).length;
    expect(figure.hconcat[0].data.values.length + figure.hconcat[1].data.values.length).toBe(data.rows.length - zeros);
  });

  it('summary(): per objective and depth the error at the smallest and the largest ε', () => {
    const at = (o: string, L: number, i: number): string =>
      (data.rows.find((r) => r.objective === o && r.depth === L && r.epsilon === data.epsilons[i])?.relativeError as number).toExponential(
        1,
      );
    expect(leadingOrderError.summary(data)).toBe(
      `Relative error of the leading-order t* at ε = 0.000001 / ε = 0.01: JEPA ${[1, 2, 5].map((L) => `L=${L}: ${at('jepa', L, 0)} / ${at('jepa', L, 2)}`).join(', ')}; ` +
        `MAE ${[1, 2, 5].map((L) => `L=${L}: ${at('mae', L, 0)} / ${at('mae', L, 2)}`).join(', ')}.`,
    );
  });
});
