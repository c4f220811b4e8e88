/**
 * The large-matrix path of the WebAssembly kernels: `C = op(A)·op(B)` by the loop nest of
 * Goto & van de Geijn ("Anatomy of high-performance matrix multiplication", ACM TOMS 34,
 * 2008), with op a transpose or not. For each block of ≤ {@link PACK_NC} columns of C and
 * ≤ {@link PACK_KC} of the inner dimension, B's block is packed once into contiguous
 * 4-column panels (it stays in the second-level cache); for each block of
 * ≤ {@link PACK_MC} rows, A's block is packed into 4-row panels (first-level cache) and
 * the macro-kernel sweeps it against every panel of B. Transposed operands are packed
 * with swapped strides, so no transpose is formed. Only the 4-aligned block of C is
 * computed here; the caller adds the edges.
 *
 * Every entry of C is accumulated from 0 in ascending inner index (the first block of
 * the inner dimension starts from zero, later ones reload C exactly), the order of the
 * reference loop: bit-identical with the plain module, see kernels/wasmGemm.ts.
 *
 * @module
 */
import type { WasmGemm } from './wasmGemm.js';

/** Rows of A packed at a time (4-row panels: 64 × 256 doubles = 128 KiB). */
export const PACK_MC = 64;
/** Inner-dimension block (a 4-column panel of B̃: 256 × 4 doubles = 8 KiB, first-level cache). */
export const PACK_KC = 256;
/** Columns of B packed at a time (256 × 512 doubles = 1 MiB, second-level cache). */
export const PACK_NC = 512;
/** Doubles of packing scratch the path needs: Ã and B̃. */
export const PACK_SCRATCH = PACK_MC * PACK_KC + PACK_KC * PACK_NC;

/**
 * `C[0:m4, 0:n4] = op(A)·op(B)` restricted to the first m4 rows and n4 columns (multiples
 * of 4, both ≥ 4), inner dimension k ≥ 1. All arguments are byte offsets into the module's
 * memory: `a` is m×k (or k×m when `transA`), `b` k×n (or n×k when `transB`), `c` m×n,
 * row-major with the full m, k, n as row lengths; `packA`, `packB` the scratch (sizes as
 * {@link PACK_SCRATCH}).
 */
export function packedProduct(
  w: WasmGemm,
  c: number,
  a: number,
  b: number,
  m: number,
  k: number,
  n: number,
  m4: number,
  n4: number,
  transA: boolean,
  transB: boolean,
  packA: number,
  packB: number,
): void {
  for (let jc = 0; jc < n4; jc += PACK_NC) {
    const nc = Math.min(PACK_NC, n4 - jc);
    for (let pc = 0; pc < k; pc += PACK_KC) {
      const kc = Math.min(PACK_KC, k - pc);
      // B̃[q][p][j] = op(B)[pc + p, jc + 4q + j]
      if (transB) w.pack(b + (jc * k + pc) * 8, packB, nc / 4, kc, 32 * k, 8, 8 * k);
      else w.pack(b + (pc * n + jc) * 8, packB, nc / 4, kc, 32, 8 * n, 8);
      for (let ic = 0; ic < m4; ic += PACK_MC) {
        const mc = Math.min(PACK_MC, m4 - ic);
        // Ã[q][p][r] = op(A)[ic + 4q + r, pc + p]
        if (transA) w.pack(a + (pc * m + ic) * 8, packA, mc / 4, kc, 32, 8 * m, 8);
        else w.pack(a + (ic * k + pc) * 8, packA, mc / 4, kc, 32 * k, 8, 8 * k);
        w.macro(mc, nc, kc, packA, packB, c + (ic * n + jc) * 8, 8 * n, pc > 0 ? 1 : 0);
      }
    }
  }
}
