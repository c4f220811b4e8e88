/**
 * A WebAssembly SIMD matrix-product kernel, assembled byte by byte here (no
 * build-time tool): `C = A·B` on row-major `f64` matrices living in a
 * WebAssembly memory, for the block of C whose row and column counts are
 * multiples of 4.
 *
 * Register blocking: each 4×4 block of C is held in eight `f64x2` accumulators
 * while the whole inner dimension streams through; per inner index it loads two
 * `f64x2` of B and four broadcast scalars of A. Every entry is accumulated as
 * `((0 + a_i0 b_0j) + a_i1 b_1j) + …` in ascending order with `f64x2.mul`
 * followed by `f64x2.add` (core WebAssembly SIMD never fuses them), so the
 * result is bit-identical to the plain i-k-j loop of {@link matmulReference}.
 *
 * @module
 */

/** The instantiated kernel: `gemm4(aPtr, bPtr, cPtr, m, n, k, lda, ldb, ldc)`, byte offsets and byte strides. */
export interface WasmGemm {
  /** The memory the kernel reads and writes; matrices must be views of `memory.buffer`. */
  readonly memory: { readonly buffer: ArrayBuffer };
  /**
   * C[0:m, 0:n] = A[0:m, 0:k]·B[0:k, 0:n]. Requires m, n positive multiples of 4,
   * k ≥ 1, 8-byte aligned pointers; strides in bytes.
   */
  gemm4(a: number, b: number, c: number, m: number, n: number, k: number, lda: number, ldb: number, ldc: number): void;
}

/** The parts of the WebAssembly JavaScript API used here (the library compiles without DOM or Node types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => { buffer: ArrayBuffer };
}

// Opcodes (WebAssembly core spec 2.0, binary format; SIMD opcodes follow the 0xfd prefix).
const I32 = 0x7f;
const V128 = 0x7b;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const I32_LT_U = 0x49;
const LOOP = 0x03;
const BR_IF = 0x0d;
const END = 0x0b;
const VOID = 0x40;
const SIMD = 0xfd;
const V128_LOAD = 0x00;
const V128_LOAD64_SPLAT = 0x0a;
const V128_STORE = 0x0b;
const V128_CONST = 0x0c;
const F64X2_ADD = 0xf0;
const F64X2_MUL = 0xf2;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

// Locals: params 0–8, then i32 locals 9–16, then v128 locals 17–27 (the accumulators ACC0 … ACC0 + 7).
const [A, B, C, M, N, K, LDA, LDB, LDC] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const [I, J, P, AP, BP, CP, LDA2, LDA3] = [9, 10, 11, 12, 13, 14, 15, 16];
const [ACC0, B0, B1, AV] = [17, 25, 26, 27];

const get = (l: number): number[] => [LOCAL_GET, ...uleb(l)];
const set = (l: number): number[] => [LOCAL_SET, ...uleb(l)];
const simd = (op: number): number[] => [SIMD, ...uleb(op)];
/** memarg with alignment 2^3 (pointers are only guaranteed 8-byte aligned) and a byte offset. */
const memarg = (offset: number): number[] => [3, ...uleb(offset)];

function body(): number[] {
  const code: number[] = [];
  const emit = (...parts: number[][]): void => {
    for (const p of parts) code.push(...p);
  };
  // acc[2r], acc[2r+1] += splat(A[r]) * (B0, B1), reading A at ap + rowOffsetLocal
  const rowUpdate = (r: number, rowOffset: number[]): void => {
    emit(get(AP), rowOffset, simd(V128_LOAD64_SPLAT), memarg(0), set(AV));
    for (let h = 0; h < 2; h++) {
      emit(get(ACC0 + 2 * r + h), get(AV), get(h === 0 ? B0 : B1), simd(F64X2_MUL), simd(F64X2_ADD), set(ACC0 + 2 * r + h));
    }
  };
  emit(get(LDA), [I32_CONST, 1], [I32_SHL], set(LDA2));
  emit(get(LDA2), get(LDA), [I32_ADD], set(LDA3));
  emit([I32_CONST, 0], set(I));
  emit([LOOP, VOID]); // rows of C, 4 at a time
  emit([I32_CONST, 0], set(J));
  emit([LOOP, VOID]); // columns of C, 4 at a time
  for (let q = 0; q < 8; q++) emit(simd(V128_CONST), new Array<number>(16).fill(0), set(ACC0 + q));
  emit(get(A), get(I), get(LDA), [I32_MUL], [I32_ADD], set(AP));
  emit(get(B), get(J), [I32_CONST, 3], [I32_SHL], [I32_ADD], set(BP));
  emit([I32_CONST, 0], set(P));
  emit([LOOP, VOID]); // inner dimension, ascending: the reference accumulation order
  emit(get(BP), simd(V128_LOAD), memarg(0), set(B0));
  emit(get(BP), simd(V128_LOAD), memarg(16), set(B1));
  rowUpdate(0, []);
  rowUpdate(1, [...get(LDA), I32_ADD]);
  rowUpdate(2, [...get(LDA2), I32_ADD]);
  rowUpdate(3, [...get(LDA3), I32_ADD]);
  emit(get(AP), [I32_CONST, 8], [I32_ADD], set(AP));
  emit(get(BP), get(LDB), [I32_ADD], set(BP));
  emit(get(P), [I32_CONST, 1], [I32_ADD], set(P));
  emit(get(P), get(K), [I32_LT_U], [BR_IF, 0]);
  emit([END]);
  emit(get(C), get(I), get(LDC), [I32_MUL], [I32_ADD], get(J), [I32_CONST, 3], [I32_SHL], [I32_ADD], set(CP));
  for (let r = 0; r < 4; r++) {
    if (r > 0) emit(get(CP), get(LDC), [I32_ADD], set(CP));
    emit(get(CP), get(ACC0 + 2 * r), simd(V128_STORE), memarg(0));
    emit(get(CP), get(ACC0 + 2 * r + 1), simd(V128_STORE), memarg(16));
  }
  emit(get(J), [I32_CONST, 4], [I32_ADD], set(J));
  emit(get(J), get(N), [I32_LT_U], [BR_IF, 0]);
  emit([END]);
  emit(get(I), [I32_CONST, 4], [I32_ADD], set(I));
  emit(get(I), get(M), [I32_LT_U], [BR_IF, 0]);
  emit([END]);
  emit([END]); // function body
  const locals = [2, ...uleb(8), I32, ...uleb(11), V128];
  const fn = [...locals, ...code];
  return [...uleb(fn.length), ...fn];
}

/**
 * The hand-assembled WebAssembly module of the SIMD matrix-product kernel: imports
 * `env.memory`, exports `gemm4`.
 *
 * @returns the module's bytes (a fresh array on each call).
 * @example
 * ```ts
 * wasmGemmBytes().subarray(0, 4); // => Uint8Array [0, 97, 115, 109]  (the magic number "\0asm")
 * ```
 */
export function wasmGemmBytes(): Uint8Array {
  const type = section(1, [1, 0x60, 9, ...new Array<number>(9).fill(I32), 0]);
  const imports = section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]);
  const functions = section(3, [1, 0]);
  const exports = section(7, [1, ...name('gemm4'), 0x00, 0]);
  const code = section(10, [1, ...body()]);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...functions, ...exports, ...code]);
}

let compiled: object | null | undefined;
/** Why the kernel is unavailable (set with `compiled = null`). */
let unavailable = '';

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * Whether this JavaScript engine can run the SIMD kernel (WebAssembly with SIMD, and
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
  return compiledModule() !== null;
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
  compiledModule();
  return unavailable;
}

function compiledModule(): object | null {
  if (compiled !== undefined) return compiled;
  const api = wasmApi();
  const bytes = wasmGemmBytes();
  compiled = null;
  if (api === undefined) {
    unavailable = 'this JavaScript engine has no WebAssembly';
  } else if (!api.validate(bytes)) {
    unavailable = 'this engine has WebAssembly without SIMD (the kernel uses f64x2 instructions)';
  } else {
    try {
      compiled = new api.Module(bytes);
    } catch (e) {
      compiled = null;
      unavailable = refusalReason(e);
    }
  }
  return compiled;
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
 * Instantiates the kernel on a fresh memory of at least `bytes` bytes.
 * Returns `null` when WebAssembly SIMD is unavailable.
 */
export function instantiateWasmGemm(bytes: number): WasmGemm | null {
  const module = compiledModule();
  const api = wasmApi();
  if (module === null || api === undefined) return null;
  const memory = new api.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const instance = new api.Instance(module, { env: { memory } });
  const gemm4 = instance.exports.gemm4;
  if (typeof gemm4 !== 'function') return null;
  return { memory, gemm4: gemm4 as WasmGemm['gemm4'] };
}
