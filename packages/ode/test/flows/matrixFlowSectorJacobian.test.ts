import { describe, expect, it } from 'vitest';
import { matrixFlow } from '../../src/flows/matrixFlow.js';
import { pairJacobianBlock } from '../../src/flows/matrixFlowPairJacobian.js';
import { denseJacobian } from '../denseJacobian.js';
import { sectorForward, sectorJacobianBlock, type SectorBlocks } from '../../src/flows/matrixFlowSectorJacobian.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

const rows = (m: Float64Array, d: number): number[][] => Array.from({ length: d }, (_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));

describe('sectorJacobianBlock: the block of a learned index against the unlearned set U', () => {
  const d = 6;
  const L = 3;
  // learned indices 1 and 4 (diagonal entries only), U = {0, 2, 3, 5} with full blocks
  const sector = [0, 2, 3, 5];
  const learned = [1, 4];
  const u = sector.length;
  const next = mulberry32(11);
  /** A d×d matrix, block diagonal over the partition: `diagonal(i)` at learned i, `block(a, b)` on U × U. */
  const blockDiagonal = (diagonal: (i: number) => number, block: (a: number, b: number) => number): Float64Array => {
    const m = new Float64Array(d * d);
    for (const i of learned) m[i * d + i] = diagonal(i);
    sector.forEach((r, a) => sector.forEach((c, b) => (m[r * d + c] = block(a, b))));
    return m;
  };
  const random = (): number => 2 * next() - 1;
  // Σxx SPD on U: A Aᵀ + I; Σyx any matrix
  const a = Array.from({ length: u * u }, random);
  const sxx = blockDiagonal(
    () => 0.5 + next(),
    (r, c) => (r === c ? 1 : 0) + a.slice(r * u, (r + 1) * u).reduce((acc, x, k) => acc + x * a[c * u + k], 0),
  );
  const syx = blockDiagonal(() => 0.5 + next(), random);
  const restrict = (m: Float64Array): Float64Array =>
    Float64Array.from({ length: u * u }, (_, k) => m[sector[Math.floor(k / u)] * d + sector[k % u]]);

  for (const [objective, emaTime] of [
    ['jepa', null],
    ['mae', null],
    ['jepa', 0.7],
  ] as const) {
    it(`${objective}${emaTime === null ? '' : ' with EMA'}: equals the exact Jacobian (the flow's JVP) on the block's entries, and J has nothing else in the block's columns`, () => {
      const K = emaTime === null ? L + 1 : 2 * L + 1;
      const flow = matrixFlow({
        objective,
        depth: L,
        sigmaXX: rows(sxx, d),
        sigmaYX: rows(syx, d),
        ...(emaTime === null ? {} : { emaTime }),
      });
      const matrices = Array.from({ length: K }, () =>
        blockDiagonal(
          () => 0.3 + next(),
          (r, c) => (r === c ? 0.4 : 0) + 0.3 * random(),
        ),
      );
      const y = new Float64Array(K * d * d);
      matrices.forEach((m, k) => y.set(m, k * d * d));
      const J = denseJacobian(flow, y);
      const settings = { objective, depth: L, emaTime, rateScale: 1 };
      const blocks: SectorBlocks = {
        u,
        v: restrict(matrices[0]),
        w: matrices.slice(1, L + 1).map(restrict),
        wt: matrices.slice(L + 1).map(restrict),
        sxx: restrict(sxx),
        syx: restrict(syx),
      };
      const forward = sectorForward(objective, blocks);
      const n = 2 * K * u;
      const entry = (m: number, i: number, j: number): number => m * d * d + i * d + j;
      for (const i of learned) {
        const at = (k: number): number => matrices[k][i * d + i];
        const ei = {
          v: at(0),
          w: Float64Array.from({ length: L }, (_, b) => at(b + 1)),
          wt: Float64Array.from({ length: K - L - 1 }, (_, b) => at(L + 1 + b)),
          sxx: sxx[i * d + i],
          syx: syx[i * d + i],
        };
        const block = sectorJacobianBlock(settings, ei, forward, new Float64Array(n * n));
        // unknown q: matrix ⌊q/2u⌋ at (i, U_c) for the first u of its 2u, at (U_c, i) for the others
        const index = (q: number): number => {
          const m = Math.floor(q / (2 * u));
          const c = q % (2 * u);
          return c < u ? entry(m, i, sector[c]) : entry(m, sector[c - u], i);
        };
        const inBlock = new Set(Array.from({ length: n }, (_, q) => index(q)));
        let scale = 0;
        for (let c = 0; c < n; c++) for (let r = 0; r < n; r++) scale = Math.max(scale, Math.abs(J[index(c)][index(r)]));
        for (let c = 0; c < n; c++) {
          for (let r = 0; r < n; r++) expect(Math.abs(block[r * n + c] - J[index(c)][index(r)])).toBeLessThan(1e-13 * scale);
          // the block is invariant: the column has no entry outside it (exact zeros)
          J[index(c)].forEach((x, r) => {
            if (!inBlock.has(r)) expect(Math.abs(x)).toBe(0);
          });
        }
      }
    });
  }

  it('with u = 1 it is pairJacobianBlock of the pair (i, j)', () => {
    const K = 2 * L + 1;
    const settings = { objective: 'jepa' as const, depth: L, emaTime: 0.7, rateScale: 0.5 };
    const entries = () => ({
      v: 0.3 + next(),
      w: Float64Array.from({ length: L }, () => 0.3 + next()),
      wt: Float64Array.from({ length: L }, () => 0.3 + next()),
      sxx: 0.5 + next(),
      syx: 0.5 + next(),
    });
    const ei = entries();
    const ej = entries();
    const one = (x: number): Float64Array => Float64Array.of(x);
    const forward = sectorForward('jepa', {
      u: 1,
      v: one(ej.v),
      w: Array.from(ej.w, one),
      wt: Array.from(ej.wt, one),
      sxx: one(ej.sxx),
      syx: one(ej.syx),
    });
    const sectorBlock = sectorJacobianBlock(settings, ei, forward, new Float64Array(4 * K * K));
    const pairBlock = pairJacobianBlock(settings, ei, ej, false, new Float64Array(4 * K * K));
    for (let k = 0; k < 4 * K * K; k++)
      expect(Math.abs(sectorBlock[k] - pairBlock[k])).toBeLessThan(1e-15 * Math.max(1, Math.abs(pairBlock[k])));
  });
});
