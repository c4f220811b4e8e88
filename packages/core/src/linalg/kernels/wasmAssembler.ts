/**
 * A minimal WebAssembly assembler: the opcodes and encodings the matrix-product
 * kernels of kernels/wasmGemm.ts are written with (WebAssembly core specification 2.0,
 * binary format, with the SIMD proposal and the relaxed-SIMD opcode `f64x2.relaxed_madd`).
 * No build-time tool: the modules are assembled from these bytes when first needed.
 *
 * @module
 */

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Control and integer opcodes used by the kernels. */
export const OP = {
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  /** Block type of a block or loop without results. */
  void: 0x40,
} as const;

/** SIMD opcodes (after the 0xfd prefix). */
export const SIMD_OP = {
  v128Load: 0x00,
  v128Load64Splat: 0x0a,
  v128Store: 0x0b,
  v128Const: 0x0c,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
  /** Relaxed SIMD: `a·b + c`, fused or not at the engine's choice (either rounding is allowed). */
  f64x2RelaxedMadd: 0x107,
} as const;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit integers). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** `local.get l`. */
export const get = (l: number): number[] => [OP.localGet, ...uleb(l)];
/** `local.set l`. */
export const set = (l: number): number[] => [OP.localSet, ...uleb(l)];
/** `local.tee l`. */
export const tee = (l: number): number[] => [OP.localTee, ...uleb(l)];
/** `i32.const v`. */
export const i32 = (v: number): number[] => [OP.i32Const, ...sleb(v)];
/** A SIMD instruction. */
export const simd = (op: number): number[] => [0xfd, ...uleb(op)];
/** A memory argument with alignment 2^3 (pointers are only guaranteed 8-byte aligned) and a byte offset. */
export const memarg = (offset: number): number[] => [3, ...uleb(offset)];

/** A function of a module: parameter count (all i32), local declarations and body (without the final `end`). */
export interface WasmFunction {
  name: string;
  params: number;
  /** Groups of locals: [count, type]. */
  locals: readonly (readonly [number, number])[];
  body: number[];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function encodeName(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** The largest memory a 32-bit WebAssembly module can address, in 64 KiB pages (4 GiB). */
export const MAX_MEMORY_PAGES = 65536;

/**
 * A module that imports `env.memory` and exports the given functions (each with its own
 * type: i32 parameters, no result). With `sharedMemory` the import is a shared memory
 * (limits flag 0x03: at least one page, at most {@link MAX_MEMORY_PAGES}), which a module
 * must declare to run on a `WebAssembly.Memory` created with `shared: true`; without it, a
 * plain memory of at least one page.
 */
export function assembleModule(functions: readonly WasmFunction[], sharedMemory = false): Uint8Array {
  const types = section(1, vector(functions.map((f) => [0x60, ...uleb(f.params), ...new Array<number>(f.params).fill(I32), 0])));
  const limits = sharedMemory ? [0x03, ...uleb(1), ...uleb(MAX_MEMORY_PAGES)] : [0x00, ...uleb(1)];
  const imports = section(2, [1, ...encodeName('env'), ...encodeName('memory'), 0x02, ...limits]);
  const declared = section(3, vector(functions.map((_, i) => uleb(i))));
  const exported = section(7, vector(functions.map((f, i) => [...encodeName(f.name), 0x00, ...uleb(i)])));
  const bodies = functions.map((f) => {
    const code = [...vector(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.body, OP.end];
    return [...uleb(code.length), ...code];
  });
  const code = section(10, vector(bodies));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...declared, ...exported, ...code]);
}
