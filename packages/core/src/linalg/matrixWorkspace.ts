/**
 * A fixed arena of `Float64Array` matrices with fast products on them: the
 * small typed API through which the training loop does all its O(d³) work.
 *
 * Backends (all bit-identical, see {@link matmulReference}):
 * - `'wasm'`: the WebAssembly SIMD kernel (kernels/wasmGemm.ts) on the
 *   4-aligned block, JavaScript on the edges. Matrices must come from
 *   {@link MatrixWorkspace.alloc} (views of the module's memory); others fall
 *   back to `'js'` for that call.
 * - `'js'`: register-blocked JavaScript ({@link matmulBlocked}).
 * - `'reference'`: the plain i-k-j loops (the benchmark baseline).
 * - `'auto'` (default): `'wasm'` when the engine supports WebAssembly SIMD and may
 *   compile it (a Content-Security-Policy may forbid it: `'wasm-unsafe-eval'`), else `'js'`.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { KERNEL_BACKENDS, type KernelBackend } from '../unions/kernelBackends.js';
import { validateChoice } from '../validate/validateChoice.js';
import { validateInteger } from '../validate/validateInteger.js';
import { matmulBlockedKernel, matmulEdges } from './kernels/matmulBlockedKernel.js';
import { matmulReferenceKernel, matmulTransAReferenceKernel, matmulTransBReferenceKernel } from './kernels/matmulReferenceKernels.js';
import { transposeKernel } from './kernels/transposeKernel.js';
import { instantiateWasmGemm, wasmUnavailableReason, type WasmGemm } from './kernels/wasmGemm.js';

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
 * @throws `InvalidArgumentError` when a size is not an integer ≥ 0, `backend` is not one of
 *   `'auto'` and `KERNEL_BACKENDS`, or is `'wasm'` where the kernel cannot run; the message says
 *   why ({@link wasmUnavailableReason}: no WebAssembly, no SIMD, or compilation refused, as
 *   under a Content-Security-Policy without `'wasm-unsafe-eval'`).
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
  const total = options.capacity + options.largestMatrix;
  let wasm: WasmGemm | null = null;
  if (requested === 'wasm' || requested === 'auto') {
    wasm = instantiateWasmGemm(total * 8);
    if (wasm === null && requested === 'wasm') {
      throw new InvalidArgumentError(where, 'options.backend', `must not be 'wasm' here: ${wasmUnavailableReason()}`, requested);
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
    if (size > scratch.length)
      throw new InvalidArgumentError(
        `MatrixWorkspace.${fn}`,
        'transposed operand',
        `must have at most options.largestMatrix = ${scratch.length} entries`,
        size,
      );
  };

  const product = (c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array => {
    if (m === 0 || n === 0) return c;
    if (k === 0) return c.fill(0, 0, m * n);
    switch (backend) {
      case 'reference':
        return matmulReferenceKernel(c, a, b, m, k, n);
      case 'js':
        return matmulBlockedKernel(c, a, b, m, k, n);
      case 'wasm': {
        if (wasm === null || a.buffer !== buffer || b.buffer !== buffer || c.buffer !== buffer)
          return matmulBlockedKernel(c, a, b, m, k, n);
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
      if (backend === 'reference') return matmulTransAReferenceKernel(c, a, b, m, k, n);
      checkScratch('matmulTransA', k * m);
      // transposing only moves values, so the product stays bit-identical to the reference
      return product(c, transposeKernel(scratch, a, k, m), b, m, k, n);
    },
    matmulTransB(c, a, b, m, k, n) {
      if (backend === 'reference') return matmulTransBReferenceKernel(c, a, b, m, k, n);
      checkScratch('matmulTransB', n * k);
      return product(c, a, transposeKernel(scratch, b, n, k), m, k, n);
    },
  };
}
