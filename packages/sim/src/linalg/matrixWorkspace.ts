/**
 * A fixed arena of `Float64Array` matrices with fast products on them: the
 * small typed API through which the training loop does all its O(d³) work.
 *
 * Backends (all bit-identical, see {@link matmulReference}):
 * - `'wasm'`: the WebAssembly SIMD kernel ({@link instantiateWasmGemm}) on the
 *   4-aligned block, JavaScript on the edges. Matrices must come from
 *   {@link MatrixWorkspace.alloc} (views of the module's memory); others fall
 *   back to `'js'` for that call.
 * - `'js'`: register-blocked JavaScript ({@link matmulBlocked}).
 * - `'reference'`: the plain i-k-j loops (the benchmark baseline).
 * - `'auto'` (default): `'wasm'` when the engine supports WebAssembly SIMD, else `'js'`.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { matmulBlocked, matmulEdges } from './matmulBlocked.js';
import { matmulReference, matmulTransAReference, matmulTransBReference } from './reference.js';
import { transpose } from './transpose.js';
import { instantiateWasmGemm, type WasmGemm } from './wasmGemm.js';

/** Which matrix-product kernel a workspace uses. */
export type KernelBackend = 'wasm' | 'js' | 'reference';

/** A matrix arena with products; see the module comment. Products never allocate. */
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
  /** Doubles the arena must hold for the caller's matrices (scratch for transposes is added). */
  capacity: number;
  /** Largest matrix (in doubles) that will be transposed inside a product; sizes the scratch. */
  largestMatrix: number;
  /** Kernel backend; default `'auto'`. */
  backend?: KernelBackend | 'auto';
}

/**
 * Creates a workspace. Cost: one allocation of `capacity + largestMatrix` doubles.
 *
 * @param options - arena size and backend.
 * @throws InvalidArgumentError when a size is not a non-negative integer, or `backend` is `'wasm'` and the engine lacks WebAssembly SIMD.
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
  for (const key of ['capacity', 'largestMatrix'] as const) {
    const v = options[key];
    if (!Number.isSafeInteger(v) || v < 0) throw new InvalidArgumentError(where, `options.${key}`, 'must be a non-negative integer', v);
  }
  const requested = options.backend ?? 'auto';
  const total = options.capacity + options.largestMatrix;
  let wasm: WasmGemm | null = null;
  if (requested === 'wasm' || requested === 'auto') {
    wasm = instantiateWasmGemm(total * 8);
    if (wasm === null && requested === 'wasm') {
      throw new InvalidArgumentError(where, 'options.backend', 'must not be "wasm" on an engine without WebAssembly SIMD', requested);
    }
  }
  const backend: KernelBackend = wasm !== null ? 'wasm' : requested === 'reference' ? 'reference' : 'js';
  const buffer = wasm !== null ? wasm.memory.buffer : new ArrayBuffer(total * 8);
  let used = 0;
  const take = (length: number): Float64Array => {
    if (!Number.isSafeInteger(length) || length < 0 || used + length > total) {
      throw new InvalidArgumentError(where, 'alloc length', `must fit in the arena (${total - used} doubles left)`, length);
    }
    const view = new Float64Array(buffer, used * 8, length);
    used += length;
    return view;
  };
  const scratch = take(options.largestMatrix);
  const checkScratch = (fn: string, size: number): void => {
    // a typed-array view ignores out-of-range writes, so an undersized scratch would corrupt silently
    if (size > scratch.length) throw new InvalidArgumentError(`MatrixWorkspace.${fn}`, 'transposed operand', `must have at most options.largestMatrix = ${scratch.length} entries`, size);
  };

  const product = (c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array => {
    if (m === 0 || n === 0) return c;
    if (k === 0) return c.fill(0, 0, m * n);
    switch (backend) {
      case 'reference':
        return matmulReference(c, a, b, m, k, n);
      case 'js':
        return matmulBlocked(c, a, b, m, k, n);
      case 'wasm': {
        if (wasm === null || a.buffer !== buffer || b.buffer !== buffer || c.buffer !== buffer) return matmulBlocked(c, a, b, m, k, n);
        const m4 = m - (m % 4);
        const n4 = n - (n % 4);
        if (m4 > 0 && n4 > 0) wasm.gemm4(a.byteOffset, b.byteOffset, c.byteOffset, m4, n4, k, k * 8, n * 8, n * 8);
        matmulEdges(c, a, b, m, k, n, m4, n4);
        return c;
      }
    }
  };

  return {
    backend,
    alloc: take,
    matmul: product,
    matmulTransA(c, a, b, m, k, n) {
      if (backend === 'reference') return matmulTransAReference(c, a, b, m, k, n);
      checkScratch('matmulTransA', k * m);
      // transposing only moves values, so the product stays bit-identical to the reference
      return product(c, transpose(scratch, a, k, m), b, m, k, n);
    },
    matmulTransB(c, a, b, m, k, n) {
      if (backend === 'reference') return matmulTransBReference(c, a, b, m, k, n);
      checkScratch('matmulTransB', n * k);
      return product(c, a, transpose(scratch, b, n, k), m, k, n);
    },
  };
}
