/**
 * A fixed arena of `Float64Array` matrices with fast products on them: the
 * small typed API through which the training loop, the matrix flow and the
 * factorizations do all their O(d³) work.
 *
 * Backends ({@link KERNEL_BACKENDS}):
 * - `'wasm'`: the WebAssembly SIMD kernels (kernels/wasmGemm.ts) on the 4-aligned
 *   block, JavaScript on the edges; products of at least {@link PACKED_PRODUCT_VOLUME}
 *   multiply-adds go through packed panels (kernels/packedGemm.ts) when the arena has
 *   packing scratch (`largestMatrix` ≥ 16²), as do all transposed products. Matrices must come from
 *   {@link MatrixWorkspace.alloc} (views of the module's memory); others fall back to
 *   `'js'` for that call. Bit-identical to `'reference'`.
 * - `'wasm-fma'`: the same with relaxed SIMD's fused multiply-add (engines with relaxed
 *   SIMD only); within `2γ_k (|A||B|)_ij` of `'reference'`, see kernels/wasmGemm.ts.
 * - `'js'`: register-blocked JavaScript ({@link matmulBlocked}); bit-identical.
 * - `'reference'`: the plain i-k-j loops (the benchmark baseline).
 * - `'auto'` (default): `'wasm-fma'` when the engine has relaxed SIMD, else `'wasm'` when
 *   it has WebAssembly SIMD and may compile it (a Content-Security-Policy may forbid it:
 *   `'wasm-unsafe-eval'`), else `'js'`.
 *
 * With a `team` ({@link ProductTeam}: helper threads on a shared memory), products of at
 * least {@link TEAM_PRODUCT_VOLUME} multiply-adds ({@link TEAM_PACKED_VOLUME} when packed) on
 * a WebAssembly backend with at least 8 rows are split into bands of rows of C, one per
 * thread; each entry is still computed by one thread in the same order, so the results are
 * bit-identical with and without a team.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { KERNEL_BACKENDS, type KernelBackend } from '../unions/kernelBackends.js';
import { validateChoice } from '../validate/validateChoice.js';
import { validateInteger } from '../validate/validateInteger.js';
import { matmulBlockedKernel, matmulEdges } from './kernels/matmulBlockedKernel.js';
import { matmulReferenceKernel, matmulTransAReferenceKernel, matmulTransBReferenceKernel } from './kernels/matmulReferenceKernels.js';
import { PACK_KC, PACK_MC, PACK_SCRATCH, packedProduct } from './kernels/packedGemm.js';
import { transposeKernel } from './kernels/transposeKernel.js';
import { instantiateWasmGemm, relaxedSimdAvailable, wasmSimdAvailable, wasmUnavailableReason } from './kernels/wasmGemm.js';
import { computeBand, emptyBand, type ProductBand, type ProductTeam, type SharedMemory } from './productTeam.js';

/**
 * Products `A·B` of at least this many multiply-adds (m·k·n) take the packed path of the
 * WebAssembly backends; smaller ones read their operands in place. Transposed products
 * are always packed (packing transposes for free). Measured on the development machine
 * (CPU time, GFLOP/s, in place / packed): d = 64: 24 / 23, 256: 24 / 24, 512: 14 / 24,
 * 1024: 8.5 / 23; transposed through a transposed copy / packed: d = 16: 12 / 17, 64: 20 / 23.
 */
export const PACKED_PRODUCT_VOLUME = 256 ** 3;

/**
 * Products read in place (A·B below {@link PACKED_PRODUCT_VOLUME}) of at least this many
 * multiply-adds (m·k·n) are split across a workspace's team, when it has one; smaller ones
 * run on the calling thread alone (handing out a band costs more than it saves). Measured
 * on the development machine, wall time, one helper, A·B of order d (bench matrix, section
 * team, best of rounds): d = 64 1.79×, 96 1.92×, 128 1.88× as fast as one thread; d = 48 0.92×
 * in a single run.
 */
export const TEAM_PRODUCT_VOLUME = 64 ** 3;

/**
 * Packed products (transposed ones, and A·B from {@link PACKED_PRODUCT_VOLUME} on) are split
 * from this many multiply-adds on: every thread packs all of B̃ for its band, a cost that
 * only larger products repay. Measured as above, Aᵀ·B: d = 96 1.30×, 128 1.40×, 256 1.61×,
 * 512 1.81×; in single runs d = 64 1.08×, 80 1.24×.
 */
export const TEAM_PACKED_VOLUME = 96 ** 3;

/** The smallest `largestMatrix` for which a WebAssembly workspace carries packing scratch. */
const PACKING_MIN_MATRIX = 16 * 16;

/**
 * A matrix arena with products; see the module comment. Products never allocate and,
 * being the hot path, check no shapes: the caller sizes its matrices once (the arena
 * itself rejects an allocation past its end, and a transposed operand larger than the
 * scratch).
 */
export interface MatrixWorkspace {
  /** The backend actually in use (`'auto'` resolved). */
  readonly backend: KernelBackend;
  /** A zeroed matrix of `length` doubles from the arena. Throws when the arena is exhausted. */
  alloc(length: number): Float64Array;
  /** `C = A·B`, A m×k, B k×n; `c` must not alias `a` or `b`. Returns `c`. */
  matmul(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array;
  /** `C = Aᵀ·B`, A k×m, B k×n. Returns `c`. */
  matmulTransA(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array;
  /** `C = A·Bᵀ`, A m×k, B n×k. Returns `c`. */
  matmulTransB(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array;
}

/** Options of {@link createMatrixWorkspace}. */
export interface MatrixWorkspaceOptions {
  /** Doubles the arena must hold for the caller's matrices (scratch for transposes and packing is added). */
  capacity: number;
  /** Largest matrix (in doubles) that will be transposed inside a product; sizes the scratch. */
  largestMatrix: number;
  /** Kernel backend; default `'auto'`. */
  backend?: KernelBackend | 'auto';
  /**
   * Helper threads that compute bands of large products ({@link TEAM_PRODUCT_VOLUME},
   * {@link TEAM_PACKED_VOLUME}); needs a WebAssembly backend. Results are bit-identical with
   * and without.
   */
  team?: ProductTeam;
}

/**
 * Creates a workspace. Cost: one allocation of `capacity + largestMatrix` doubles, plus
 * 1.2 MiB of packing scratch for a WebAssembly backend with `largestMatrix` ≥ 16² (per
 * thread, with a team, whose memory is shared and attached to the helpers here).
 *
 * @param options - arena size and backend.
 * @throws `InvalidArgumentError` when a size is not an integer ≥ 0, `backend` is not one of
 *   `'auto'` and `KERNEL_BACKENDS`, or is `'wasm'` where the kernel cannot run; the message says
 *   why ({@link wasmUnavailableReason}: no WebAssembly, no SIMD, or compilation refused, as
 *   under a Content-Security-Policy without `'wasm-unsafe-eval'`), or when a `team` is given
 *   with a backend other than `'wasm'` and `'wasm-fma'`; an `Error` when the team's helpers
 *   do not answer (see {@link ProductTeam.attach}).
 * @returns the workspace.
 * @example
 * ```ts
 * const ws = createMatrixWorkspace({ capacity: 12, largestMatrix: 4 });
 * const a = ws.alloc(4), b = ws.alloc(4), c = ws.alloc(4);
 * a.set([1, 2, 3, 4]); b.set([5, 6, 7, 8]);
 * ws.matmul(c, a, b, 2, 2, 2);
 * // c => Float64Array [19, 22, 43, 50]
 * ```
 */
export function createMatrixWorkspace(options: MatrixWorkspaceOptions): MatrixWorkspace {
  const where = 'createMatrixWorkspace';
  for (const key of ['capacity', 'largestMatrix'] as const) validateInteger(where, `options.${key}`, options[key], 0);
  const requested = validateChoice(where, 'options.backend', options.backend ?? 'auto', ['auto', ...KERNEL_BACKENDS]);
  const backend = resolveBackend(where, requested);
  const onWasm = backend === 'wasm' || backend === 'wasm-fma';
  const fma = backend === 'wasm-fma';
  const team = options.team;
  if (team !== undefined && !onWasm)
    throw new InvalidArgumentError(
      where,
      'options.backend',
      "must be 'wasm' or 'wasm-fma' (or 'auto' resolving to one) with options.team: the helper threads run the WebAssembly kernels",
      backend,
    );
  const threads = team === undefined ? 1 : team.helpers + 1;
  const packing = onWasm && options.largestMatrix >= PACKING_MIN_MATRIX ? PACK_SCRATCH * threads : 0;
  const total = options.capacity + options.largestMatrix + packing;
  const wasm = onWasm ? instantiateWasmGemm(total * 8, fma, team !== undefined) : null;
  const shared = team !== undefined && wasm !== null ? (wasm.memory as unknown as SharedMemory) : null;
  if (team !== undefined && shared !== null) team.attach(shared, fma);
  const buffer = wasm !== null ? wasm.memory.buffer : new ArrayBuffer(total * 8);
  let used = 0;
  const take = (length: number): Float64Array => {
    if (!Number.isSafeInteger(length) || length < 0 || used + length > total - packing) {
      throw new InvalidArgumentError(where, 'alloc length', `must fit in the arena (${total - packing - used} doubles left)`, length);
    }
    const view = new Float64Array(buffer, used * 8, length);
    used += length;
    return view;
  };
  const scratch = take(options.largestMatrix);
  // the packing scratch sits at the end of the arena, out of alloc's reach (one per thread)
  const packA = (total - packing) * 8;
  const packB = packA + 8 * PACK_MC * PACK_KC;
  /** Band records, reused by every product (products never allocate): `bandLists[c]` holds the first c. */
  const bandRecords = Array.from({ length: threads }, (_, t) => {
    const band = emptyBand();
    band.packA = packA + t * 8 * PACK_SCRATCH;
    band.packB = band.packA + 8 * PACK_MC * PACK_KC;
    return band;
  });
  const bandLists = Array.from({ length: threads + 1 }, (_, c) => bandRecords.slice(0, c));
  /** Bands of rows of C, one per thread, 4-aligned and as even as 4-row panels allow. */
  const bands = (
    kind: ProductBand['kind'],
    c: number,
    a: number,
    b: number,
    m: number,
    k: number,
    n: number,
    m4: number,
    n4: number,
    trans: 'n' | 'ta' | 'tb',
  ): readonly ProductBand[] => {
    const per = 4 * Math.ceil(m4 / 4 / threads);
    let t = 0;
    for (let r0 = 0; r0 < m4; r0 += per, t++) {
      const band = bandRecords[t];
      band.kind = kind;
      band.c = c + r0 * n * 8;
      band.a = a + (trans === 'ta' ? r0 : r0 * k) * 8;
      band.b = b;
      band.m = m;
      band.k = k;
      band.n = n;
      band.rows = Math.min(per, m4 - r0);
      band.n4 = n4;
      band.transA = trans === 'ta';
      band.transB = trans === 'tb';
    }
    return bandLists[t];
  };
  // a team's helpers and the calling thread, which computes the first band itself
  const split =
    team !== undefined && shared !== null && wasm !== null ? { team, shared, own: (band: ProductBand) => computeBand(wasm, band) } : null;
  const checkScratch = (fn: string, size: number): void => {
    // a typed-array view ignores out-of-range writes, so an undersized scratch would corrupt silently
    if (size > scratch.length)
      throw new InvalidArgumentError(
        `MatrixWorkspace.${fn}`,
        'transposed operand',
        `must have at most options.largestMatrix = ${scratch.length} entries`,
        size,
      );
  };

  /** op(A)·op(B) with `trans` 'n' (A·B), 'ta' (Aᵀ·B) or 'tb' (A·Bᵀ); JavaScript or WebAssembly. */
  const product = (
    c: Float64Array,
    a: Float64Array,
    b: Float64Array,
    m: number,
    k: number,
    n: number,
    trans: 'n' | 'ta' | 'tb',
  ): Float64Array => {
    if (m === 0 || n === 0) return c;
    if (k === 0) return c.fill(0, 0, m * n);
    const inArena = wasm !== null && a.buffer === buffer && b.buffer === buffer && c.buffer === buffer;
    const m4 = m - (m % 4);
    const n4 = n - (n % 4);
    if (inArena && packing > 0 && m4 > 0 && n4 > 0 && (trans !== 'n' || m * k * n >= PACKED_PRODUCT_VOLUME)) {
      if (split !== null && m * k * n >= TEAM_PACKED_VOLUME && m4 >= 8)
        split.team.run(split.shared, fma, bands('packed', c.byteOffset, a.byteOffset, b.byteOffset, m, k, n, m4, n4, trans), split.own);
      else packedProduct(wasm, c.byteOffset, a.byteOffset, b.byteOffset, m, k, n, m4, n4, trans === 'ta', trans === 'tb', packA, packB);
      // the edges, read through the same strides as the reference loops
      if (trans === 'ta') matmulEdges(c, a, b, m, k, n, m4, n4, 1, m, n, 1);
      else if (trans === 'tb') matmulEdges(c, a, b, m, k, n, m4, n4, k, 1, 1, k);
      else matmulEdges(c, a, b, m, k, n, m4, n4);
      return c;
    }
    // small products (and the JavaScript backend): a transposed operand is formed in the
    // scratch first; transposing only moves values, so the product stays bit-identical
    let left = a;
    let right = b;
    if (trans === 'ta') {
      checkScratch('matmulTransA', k * m);
      left = transposeKernel(scratch, a, k, m);
    } else if (trans === 'tb') {
      checkScratch('matmulTransB', n * k);
      right = transposeKernel(scratch, b, n, k);
    }
    if (!inArena || left.buffer !== buffer || right.buffer !== buffer) return matmulBlockedKernel(c, left, right, m, k, n);
    if (m4 > 0 && n4 > 0) {
      if (split !== null && m * k * n >= TEAM_PRODUCT_VOLUME && m4 >= 8)
        split.team.run(split.shared, fma, bands('gemm4', c.byteOffset, left.byteOffset, right.byteOffset, m, k, n, m4, n4, 'n'), split.own);
      else wasm.gemm4(left.byteOffset, right.byteOffset, c.byteOffset, m4, n4, k, k * 8, n * 8, n * 8);
    }
    matmulEdges(c, left, right, m, k, n, m4, n4);
    return c;
  };

  return {
    backend,
    alloc: take,
    matmul(c, a, b, m, k, n) {
      if (backend === 'reference') return matmulReferenceKernel(c, a, b, m, k, n);
      return product(c, a, b, m, k, n, 'n');
    },
    matmulTransA(c, a, b, m, k, n) {
      if (backend === 'reference') return matmulTransAReferenceKernel(c, a, b, m, k, n);
      return product(c, a, b, m, k, n, 'ta');
    },
    matmulTransB(c, a, b, m, k, n) {
      if (backend === 'reference') return matmulTransBReferenceKernel(c, a, b, m, k, n);
      return product(c, a, b, m, k, n, 'tb');
    },
  };
}

/** The backend `'auto'` stands for on this engine, or the requested one if the engine can run it. */
function resolveBackend(where: string, requested: KernelBackend | 'auto'): KernelBackend {
  switch (requested) {
    case 'auto':
      return relaxedSimdAvailable() ? 'wasm-fma' : wasmSimdAvailable() ? 'wasm' : 'js';
    case 'wasm-fma':
      if (!relaxedSimdAvailable())
        throw new InvalidArgumentError(
          where,
          'options.backend',
          "must not be 'wasm-fma' on an engine without WebAssembly relaxed SIMD",
          requested,
        );
      return requested;
    case 'wasm':
      if (!wasmSimdAvailable())
        throw new InvalidArgumentError(where, 'options.backend', `must not be 'wasm' here: ${wasmUnavailableReason()}`, requested);
      return requested;
    case 'js':
    case 'reference':
      return requested;
  }
}
