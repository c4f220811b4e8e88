/**
 * The WebAssembly SIMD matrix-product kernels, assembled here byte by byte
 * (kernels/wasmAssembler.ts; no build-time tool), on row-major `f64` matrices living
 * in a WebAssembly memory. One module exports three functions:
 *
 * - `gemm4(a, b, c, m, n, k, lda, ldb, ldc)`: `C = A·B` read in place (no packing), for
 *   the block of C whose row and column counts are multiples of 4. The fast path for
 *   small matrices, whose operands sit in the first-level cache anyway.
 * - `pack(src, dst, panels, kc, panelStep, pStep, cStep)`: copies `panels` panels of
 *   4 strided columns × kc rows into contiguous memory (4 values per row), which is
 *   how the large-matrix path reads A and B (strides in bytes: a transposed operand is
 *   packed by swapping them, so no transpose is ever formed).
 * - `macro(mc, nc, kc, a, b, c, ldc, accumulate)`: `C (+)= Ã·B̃` on packed panels (Ã:
 *   mc/4 panels of kc×4, B̃: nc/4 panels of kc×4), the inner kernel of the
 *   Goto–van de Geijn loop nest of kernels/packedGemm.ts.
 *
 * Register blocking: each 4×4 block of C is held in eight `f64x2` accumulators while
 * the inner dimension streams through; per inner index two `f64x2` of B and four
 * broadcast scalars of A. (Larger blocks, 4×6, 6×4, 4×8 and 8×4, measured 35–50 %
 * slower under V8 on the development machine: the register allocator spills.)
 *
 * Rounding: every entry is accumulated as `((0 + a_i0 b_0j) + a_i1 b_1j) + …` in
 * ascending inner index. The plain module uses `f64x2.mul` then `f64x2.add` (core
 * WebAssembly SIMD never fuses them), so its results are bit-identical to the plain
 * i-k-j loop of {@link matmulReference}; an accumulator interrupted between blocks of
 * the inner dimension is stored and reloaded exactly, so blocking keeps this. The FMA
 * module uses relaxed SIMD's `f64x2.relaxed_madd` (one rounding per step where the
 * engine fuses), whose results differ from the reference by at most `2γ_k (|A||B|)_ij`
 * with `γ_k = k·u/(1 − k·u)`, `u = 2⁻⁵³` (each is within `γ_k (|A||B|)_ij` of the exact
 * product: Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1).
 *
 * @module
 */

import { assembleModule, get, i32, I32, memarg, OP, set, simd, SIMD_OP, tee, V128, type WasmFunction } from './wasmAssembler.js';

/** The instantiated kernels (byte offsets and byte strides into `memory`). */
export interface WasmGemm {
  /** The memory the kernels read and write; matrices must be views of `memory.buffer`. */
  readonly memory: { readonly buffer: ArrayBuffer };
  /** Whether this is the FMA (relaxed SIMD) module. */
  readonly fma: boolean;
  /**
   * C[0:m, 0:n] = A[0:m, 0:k]·B[0:k, 0:n]. Requires m, n positive multiples of 4,
   * k ≥ 1, 8-byte aligned pointers; strides in bytes.
   */
  gemm4(a: number, b: number, c: number, m: number, n: number, k: number, lda: number, ldb: number, ldc: number): void;
  /** dst[(q·kc + p)·4 + j] = src[q·panelStep + p·pStep + j·cStep] (bytes) for q < panels, p < kc, j < 4. */
  pack(src: number, dst: number, panels: number, kc: number, panelStep: number, pStep: number, cStep: number): void;
  /** C[0:mc, 0:nc] = (accumulate ? C : 0) + Ã·B̃ on packed panels; mc, nc positive multiples of 4, kc ≥ 1. */
  macro(mc: number, nc: number, kc: number, a: number, b: number, c: number, ldc: number, accumulate: number): void;
}

/** The parts of the WebAssembly JavaScript API used here (the library compiles without DOM or Node types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => { buffer: ArrayBuffer };
}

/** Emits `acc += a·b` on three v128 locals: mul then add (plain), or one relaxed madd (FMA). */
function multiplyAdd(code: number[], acc: number, a: number, b: number, fma: boolean): void {
  if (fma) code.push(...get(a), ...get(b), ...get(acc), ...simd(SIMD_OP.f64x2RelaxedMadd), ...set(acc));
  else code.push(...get(acc), ...get(a), ...get(b), ...simd(SIMD_OP.f64x2Mul), ...simd(SIMD_OP.f64x2Add), ...set(acc));
}

const ZERO_V128 = [...simd(SIMD_OP.v128Const), ...new Array<number>(16).fill(0)];

/** `gemm4`: the unpacked 4×4-blocked product (see the module comment). */
function gemm4(fma: boolean): WasmFunction {
  const [A, B, C, M, N, K, LDA, LDB, LDC] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [I, J, P, AP, BP, CP, LDA2, LDA3] = [9, 10, 11, 12, 13, 14, 15, 16];
  const [ACC0, B0, B1, AV] = [17, 25, 26, 27];
  const code: number[] = [];
  const emit = (...parts: number[][]): void => {
    for (const p of parts) code.push(...p);
  };
  emit(get(LDA), i32(1), [OP.i32Shl], set(LDA2));
  emit(get(LDA2), get(LDA), [OP.i32Add], set(LDA3));
  emit(i32(0), set(I));
  emit([OP.loop, OP.void]); // rows of C, 4 at a time
  emit(i32(0), set(J));
  emit([OP.loop, OP.void]); // columns of C, 4 at a time
  for (let q = 0; q < 8; q++) emit(ZERO_V128, set(ACC0 + q));
  emit(get(A), get(I), get(LDA), [OP.i32Mul], [OP.i32Add], set(AP));
  emit(get(B), get(J), i32(3), [OP.i32Shl], [OP.i32Add], set(BP));
  emit(i32(0), set(P));
  emit([OP.loop, OP.void]); // inner dimension, ascending: the reference accumulation order
  emit(get(BP), simd(SIMD_OP.v128Load), memarg(0), set(B0));
  emit(get(BP), simd(SIMD_OP.v128Load), memarg(16), set(B1));
  const rowOffsets = [[], [...get(LDA), OP.i32Add], [...get(LDA2), OP.i32Add], [...get(LDA3), OP.i32Add]];
  for (let r = 0; r < 4; r++) {
    emit(get(AP), rowOffsets[r], simd(SIMD_OP.v128Load64Splat), memarg(0), set(AV));
    multiplyAdd(code, ACC0 + 2 * r, AV, B0, fma);
    multiplyAdd(code, ACC0 + 2 * r + 1, AV, B1, fma);
  }
  emit(get(AP), i32(8), [OP.i32Add], set(AP));
  emit(get(BP), get(LDB), [OP.i32Add], set(BP));
  emit(get(P), i32(1), [OP.i32Add], tee(P), get(K), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  emit(get(C), get(I), get(LDC), [OP.i32Mul], [OP.i32Add], get(J), i32(3), [OP.i32Shl], [OP.i32Add], set(CP));
  for (let r = 0; r < 4; r++) {
    if (r > 0) emit(get(CP), get(LDC), [OP.i32Add], set(CP));
    emit(get(CP), get(ACC0 + 2 * r), simd(SIMD_OP.v128Store), memarg(0));
    emit(get(CP), get(ACC0 + 2 * r + 1), simd(SIMD_OP.v128Store), memarg(16));
  }
  emit(get(J), i32(4), [OP.i32Add], tee(J), get(N), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  emit(get(I), i32(4), [OP.i32Add], tee(I), get(M), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  return {
    name: 'gemm4',
    params: 9,
    locals: [
      [8, I32],
      [11, V128],
    ],
    body: code,
  };
}

/** `pack`: strided panels of 4 columns into contiguous memory (see the module comment). */
function pack(): WasmFunction {
  const [SRC, DST, PANELS, KC, PANEL_STEP, P_STEP, C_STEP] = [0, 1, 2, 3, 4, 5, 6];
  const [Q, P, S, ROW] = [7, 8, 9, 10];
  const code: number[] = [];
  const emit = (...parts: number[][]): void => {
    for (const p of parts) code.push(...p);
  };
  emit(i32(0), set(Q));
  emit([OP.loop, OP.void]); // panels
  emit(get(SRC), get(Q), get(PANEL_STEP), [OP.i32Mul], [OP.i32Add], set(ROW));
  emit(i32(0), set(P));
  emit([OP.loop, OP.void]); // rows of the panel
  emit(get(ROW), set(S));
  for (let j = 0; j < 4; j++) {
    if (j > 0) emit(get(S), get(C_STEP), [OP.i32Add], set(S));
    emit(get(DST), get(S), [OP.f64Load], memarg(0), [OP.f64Store], memarg(8 * j));
  }
  emit(get(DST), i32(32), [OP.i32Add], set(DST));
  emit(get(ROW), get(P_STEP), [OP.i32Add], set(ROW));
  emit(get(P), i32(1), [OP.i32Add], tee(P), get(KC), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  emit(get(Q), i32(1), [OP.i32Add], tee(Q), get(PANELS), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  return { name: 'pack', params: 7, locals: [[4, I32]], body: code };
}

/** `macro`: the packed macro-kernel (see the module comment). */
function macro(fma: boolean): WasmFunction {
  const [MC, NC, KC, A, B, C, LDC, ACCUMULATE] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [IR, JR, P, AP, BP, CP, CROW, BPANEL] = [8, 9, 10, 11, 12, 13, 14, 15];
  const [ACC0, B0, B1, AV] = [16, 24, 25, 26];
  const code: number[] = [];
  const emit = (...parts: number[][]): void => {
    for (const p of parts) code.push(...p);
  };
  emit(i32(0), set(JR), get(B), set(BPANEL));
  emit([OP.loop, OP.void]); // 4-column panels of B̃
  emit(i32(0), set(IR), get(A), set(AP));
  emit([OP.loop, OP.void]); // 4-row panels of Ã (AP runs on through them)
  emit(get(C), get(IR), get(LDC), [OP.i32Mul], [OP.i32Add], get(JR), i32(3), [OP.i32Shl], [OP.i32Add], set(CROW));
  // accumulators: C's values (a later block of the inner dimension) or zero (the first)
  emit(get(ACCUMULATE), [OP.if, OP.void]);
  emit(get(CROW), set(CP));
  for (let r = 0; r < 4; r++) {
    if (r > 0) emit(get(CP), get(LDC), [OP.i32Add], set(CP));
    emit(get(CP), simd(SIMD_OP.v128Load), memarg(0), set(ACC0 + 2 * r));
    emit(get(CP), simd(SIMD_OP.v128Load), memarg(16), set(ACC0 + 2 * r + 1));
  }
  emit([OP.else]);
  for (let q = 0; q < 8; q++) emit(ZERO_V128, set(ACC0 + q));
  emit([OP.end]);
  emit(get(BPANEL), set(BP), i32(0), set(P));
  emit([OP.loop, OP.void]); // inner dimension, ascending
  emit(get(BP), simd(SIMD_OP.v128Load), memarg(0), set(B0));
  emit(get(BP), simd(SIMD_OP.v128Load), memarg(16), set(B1));
  for (let r = 0; r < 4; r++) {
    emit(get(AP), simd(SIMD_OP.v128Load64Splat), memarg(8 * r), set(AV));
    multiplyAdd(code, ACC0 + 2 * r, AV, B0, fma);
    multiplyAdd(code, ACC0 + 2 * r + 1, AV, B1, fma);
  }
  emit(get(AP), i32(32), [OP.i32Add], set(AP));
  emit(get(BP), i32(32), [OP.i32Add], set(BP));
  emit(get(P), i32(1), [OP.i32Add], tee(P), get(KC), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  emit(get(CROW), set(CP));
  for (let r = 0; r < 4; r++) {
    if (r > 0) emit(get(CP), get(LDC), [OP.i32Add], set(CP));
    emit(get(CP), get(ACC0 + 2 * r), simd(SIMD_OP.v128Store), memarg(0));
    emit(get(CP), get(ACC0 + 2 * r + 1), simd(SIMD_OP.v128Store), memarg(16));
  }
  emit(get(IR), i32(4), [OP.i32Add], tee(IR), get(MC), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  emit(get(BPANEL), get(KC), i32(32), [OP.i32Mul], [OP.i32Add], set(BPANEL));
  emit(get(JR), i32(4), [OP.i32Add], tee(JR), get(NC), [OP.i32LtU], [OP.brIf, 0]);
  emit([OP.end]);
  return {
    name: 'macro',
    params: 8,
    locals: [
      [8, I32],
      [11, V128],
    ],
    body: code,
  };
}

/**
 * The hand-assembled WebAssembly module of the matrix-product kernels: imports
 * `env.memory`, exports `gemm4`, `pack` and `macro` (see the module comment).
 *
 * @param options - `fma: true` for the relaxed-SIMD module (needs an engine with relaxed
 *   SIMD: {@link relaxedSimdAvailable}); default the plain SIMD module. `shared: true` for
 *   the variant that imports a shared memory (`WebAssembly.Memory` with `shared: true`, as
 *   the threads of a `ProductTeam` use); the functions are the same.
 * @returns the module's bytes (a fresh array on each call).
 * @example
 * ```ts
 * wasmGemmBytes().subarray(0, 4); // => Uint8Array [0, 97, 115, 109]  (the magic number "\0asm")
 * ```
 */
export function wasmGemmBytes(options: { fma?: boolean; shared?: boolean } = {}): Uint8Array {
  const fma = options.fma === true;
  return assembleModule([gemm4(fma), pack(), macro(fma)], options.shared === true);
}

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** The compiled modules by key: `plain`, `fma`, and the shared-memory variants `plain-shared`, `fma-shared`. */
const compiled = new Map<string, object | null>();
/** Why the plain kernel is unavailable (set with `compiled.plain = null`). */
let unavailable = '';

function compiledModule(fma: boolean, shared = false): object | null {
  const key = `${fma ? 'fma' : 'plain'}${shared ? '-shared' : ''}`;
  const cached = compiled.get(key);
  if (cached !== undefined) return cached;
  const api = wasmApi();
  const bytes = wasmGemmBytes({ fma, shared });
  let module: object | null = null;
  let reason = '';
  if (api === undefined) {
    reason = 'this JavaScript engine has no WebAssembly';
  } else if (!api.validate(bytes)) {
    reason = fma
      ? 'this engine has no WebAssembly relaxed SIMD (f64x2.relaxed_madd)'
      : 'this engine has WebAssembly without SIMD (the kernel uses f64x2 instructions)';
  } else {
    try {
      module = new api.Module(bytes);
    } catch (e) {
      module = null;
      reason = refusalReason(e);
    }
  }
  compiled.set(key, module);
  if (!fma && !shared) unavailable = reason;
  return module;
}

/**
 * Whether this JavaScript engine can run the SIMD kernels (WebAssembly with SIMD, and
 * synchronous compilation allowed: a Content-Security-Policy without `'wasm-unsafe-eval'`
 * forbids it); the result is computed once and cached. {@link wasmUnavailableReason} says why not.
 *
 * @returns true when the `'wasm'` backend is usable.
 * @example
 * ```ts
 * typeof wasmSimdAvailable(); // => 'boolean'
 * ```
 */
export function wasmSimdAvailable(): boolean {
  return compiledModule(false) !== null;
}

/**
 * Why the `'wasm'` backend cannot run here, as a clause for error messages, or `''` when
 * it can. Three cases are told apart, because they call for different remedies:
 * - no `WebAssembly` at all;
 * - WebAssembly without SIMD: `WebAssembly.validate` rejects the module's bytes;
 * - compilation refused: the bytes validate, but compiling throws a `CompileError` or an
 *   `EvalError`. That is what browsers do under a Content-Security-Policy whose
 *   `script-src` lacks `'wasm-unsafe-eval'` (Chromium: a `CompileError` "Refused to compile
 *   or instantiate WebAssembly module because …"; Firefox: a `CompileError` "… blocked by
 *   CSP"; Safari: an `EvalError`), so the clause names the CSP and quotes the engine.
 *
 * @returns the reason, or `''`.
 * @example
 * ```ts
 * wasmUnavailableReason() === '' || wasmUnavailableReason().length > 0; // => true
 * ```
 */
export function wasmUnavailableReason(): string {
  compiledModule(false);
  return unavailable;
}

/** The reason for a compilation that threw although the bytes are valid. */
function refusalReason(e: unknown): string {
  const name = e instanceof Error ? e.name : typeof e;
  const text = e instanceof Error ? e.message : String(e);
  if (name === 'CompileError' || name === 'EvalError') {
    return `the engine refused to compile WebAssembly (${name}: ${text}), as browsers do under a Content-Security-Policy whose script-src does not allow 'wasm-unsafe-eval'; add 'wasm-unsafe-eval' to script-src, or use the 'js' backend (bit-identical results)`;
  }
  // e.g. a host that forbids synchronous compilation (a RangeError for large modules on a browser's main thread)
  return `compiling the WebAssembly kernel failed (${name}: ${text}); use the 'js' backend (bit-identical results)`;
}

/**
 * Whether this engine has WebAssembly relaxed SIMD (`f64x2.relaxed_madd`), which the
 * `'wasm-fma'` backend needs: feature-detected by validating the FMA module (a few
 * hundred bytes), once. Chromium ≥ 114 has it; Node 20 only with
 * `--experimental-wasm-relaxed-simd`.
 *
 * @returns true when the `'wasm-fma'` backend is usable.
 * @example
 * ```ts
 * typeof relaxedSimdAvailable(); // => 'boolean'
 * ```
 */
export function relaxedSimdAvailable(): boolean {
  return compiledModule(true) !== null;
}

/**
 * Instantiates the kernels on a fresh memory of at least `bytes` bytes (`shared`: a shared
 * memory of exactly that many pages, which cannot grow).
 * Returns `null` when the engine lacks WebAssembly SIMD (or relaxed SIMD, for `fma`).
 * Throws when `shared` is asked for and the engine has no shared memory (a browser page
 * that is not cross-origin isolated has no `SharedArrayBuffer`).
 */
export function instantiateWasmGemm(bytes: number, fma: boolean, shared = false): WasmGemm | null {
  const api = wasmApi();
  if (api === undefined || compiledModule(fma, shared) === null) return null;
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  const memory = shared ? new api.Memory({ initial: pages, maximum: pages, shared: true }) : new api.Memory({ initial: pages });
  return instantiateWasmGemmOn(memory, fma);
}

/**
 * Instantiates the kernels on an existing memory (a shared one: another thread's arena).
 * Returns `null` when the engine cannot compile the module.
 */
export function instantiateWasmGemmOn(memory: { readonly buffer: ArrayBuffer | SharedArrayBuffer }, fma: boolean): WasmGemm | null {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const module = compiledModule(fma, shared);
  const api = wasmApi();
  if (module === null || api === undefined) return null;
  const { exports } = new api.Instance(module, { env: { memory } });
  const { gemm4: g, pack: p, macro: m } = exports;
  if (typeof g !== 'function' || typeof p !== 'function' || typeof m !== 'function') return null;
  return {
    memory: memory as { readonly buffer: ArrayBuffer },
    fma,
    gemm4: g as WasmGemm['gemm4'],
    pack: p as WasmGemm['pack'],
    macro: m as WasmGemm['macro'],
  };
}
