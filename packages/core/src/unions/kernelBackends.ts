/**
 * The matrix-product kernels a {@link MatrixWorkspace} can use.
 *
 * @module
 */

/**
 * The matrix-product backends:
 * - `'wasm-fma'`: the WebAssembly kernels with relaxed SIMD's fused multiply-add (engines
 *   with relaxed SIMD: Chromium; Node 20 with `--experimental-wasm-relaxed-simd`); each
 *   entry within `2γ_k (|A||B|)_ij` of the reference, `γ_k = k·u/(1 − k·u)`, `u = 2⁻⁵³`;
 * - `'wasm'`: the WebAssembly SIMD kernels (packed panels for large products) on the
 *   4-aligned block, JavaScript on the edges;
 * - `'js'`: register-blocked JavaScript (`matmulBlocked`);
 * - `'reference'`: the plain i-k-j loops (the benchmark baseline).
 *
 * `'wasm'`, `'js'` and `'reference'` are bit-identical (see `matmulReference`).
 * Functions that choose one also accept `'auto'`: `'wasm-fma'` when the engine has
 * relaxed SIMD, else `'wasm'` when it has WebAssembly SIMD, else `'js'`.
 *
 * @example
 * ```ts
 * KERNEL_BACKENDS;
 * // => ["wasm-fma", "wasm", "js", "reference"]
 * ```
 */
export const KERNEL_BACKENDS = ['wasm-fma', 'wasm', 'js', 'reference'] as const;

/** A matrix-product backend: one of {@link KERNEL_BACKENDS}. */
export type KernelBackend = (typeof KERNEL_BACKENDS)[number];
