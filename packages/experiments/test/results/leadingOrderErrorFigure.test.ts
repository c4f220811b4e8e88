/**
 * Figure 6's note on MAE: the depth whose curve lies far below the others is the one whose
 * O(1) term nearly vanishes. The O(1) term is computed here independently of the packages,
 * from docs/math.md §3.2–3.4: for MAE at L ≥ 2, t* − ε^{−(L−1)/L}/((L−1)λ) tends to
 * C_L = (1/λ) [G(u*) − u*^{1−L}/(L − 1)] as ε → 0, with G(u) = Σ_k u^{(L+1)k+2} / (ρ^{k+1} ((L+1)k + 2)).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leadingOrderError } from '../../src/results/leadingOrderError/leadingOrderError.js';
import { maeNearZeroNote } from '../../src/results/leadingOrderError/figure.js';
import type { LeadingOrderErrorData } from '../../src/results/leadingOrderError/compute.js';

/** C_L at λ = ρ = 1, p = ½ (u* = 2^{−1/L}); the series' ratio is u*^{L+1} ≤ 2^{−9/8}, so 200 terms are beyond double precision. */
function maeConstantTerm(L: number): number {
  const u = Math.pow(2, -1 / L);
  let G = 0;
  for (let k = 0; k < 200; k++) G += Math.pow(u, (L + 1) * k + 2) / ((L + 1) * k + 2);
  return G - Math.pow(u, 1 - L) / (L - 1);
}

let data: LeadingOrderErrorData;
beforeAll(async () => {
  data = await leadingOrderError.run({ ...leadingOrderError.settings('quick'), objectives: ['mae'], epsilonPoints: 3 });
});

describe('figure 6: the near-zero O(1) remainder of MAE', () => {
  it('C_L, computed independently, nearly vanishes at L = 5 and changes sign between L = 5 and 6 (λ = ρ = 1, p = ½)', () => {
    const C = [2, 3, 4, 5, 6, 7, 8].map(maeConstantTerm);
    // mpmath, 30 digits: C_5 = −9.5184305e-5; the others lie between 0.094 and 1.12 in size
    expect(C[3]).toBeCloseTo(-9.5184305e-5, 12);
    for (const [i, c] of C.entries()) if (i !== 3) expect(Math.abs(c)).toBeGreaterThan(0.09);
    expect([Math.sign(C[3]), Math.sign(C[4])]).toEqual([-1, 1]);
  });

  it('the note names that depth and the sign change, and the figure shows it', () => {
    const note = maeNearZeroNote(data);
    expect(note).not.toBeNull();
    expect(note?.[0]).toBe('MAE L = 5 lies low: the O(1) term of t* nearly vanishes there (it changes sign between L = 5 and 6);');
    // at ε = 1e-8 the gap is C_5 − G(u0)/λ with G(u0) ≈ u0²/2 = ε^{2/5}/2
    const expected = maeConstantTerm(5) - Math.pow(1e-8, 2 / 5) / 2;
    expect(expected).toBeCloseTo(-4.1e-4, 5);
    expect(note?.[1]).toMatch(/^t\*_\{exact\} − t\*_\{lead\} = −4\.1·10⁻⁴ at ε = 10⁻⁸, 0\.093 or more in size at the other depths$/);
    const subtitle = (leadingOrderError.figure(data).title as { subtitle: string[] }).subtitle;
    expect(subtitle.slice(-2)).toEqual(note);
  });

  it('no note when no depth stands out (JEPA-like data: depths 2 and 3 only)', () => {
    expect(maeNearZeroNote({ ...data, rows: data.rows.filter((r) => r.depth <= 3) })).toBeNull();
  });
});
