/**
 * The matrix-product kernels a {@link MatrixWorkspace} can use.
 *
 * @module
 */

/**
 * The matrix-product backends, all bit-identical (see `matmulReference`):
 * - `'wasm'`: the WebAssembly SIMD kernel on the 4-aligned block, JavaScript on the edges;
 * - `'js'`: register-blocked JavaScript (`matmulBlocked`);
 * - `'reference'`: the plain i-k-j loops (the benchmark baseline).
 *
 * Functions that choose one also accept `'auto'`: `'wasm'` when the engine has
 * WebAssembly SIMD, else `'js'`.
 *
 * @example
 * ```ts
 * KERNEL_BACKENDS;
 * // => ["wasm", "js", "reference"]
 * ```
 */
export const KERNEL_BACKENDS = ['wasm', 'js', 'reference'] as const;

/** A matrix-product backend: one of {@link KERNEL_BACKENDS}. */
export type KernelBackend = (typeof KERNEL_BACKENDS)[number];
