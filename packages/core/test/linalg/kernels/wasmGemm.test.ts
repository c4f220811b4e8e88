import { describe, expect, it } from 'vitest';
import { wasmGemmBytes, wasmSimdAvailable } from '../../../src/index.js';

describe('the WebAssembly SIMD kernel', () => {
  it('wasmGemmBytes() is a valid WebAssembly module (magic number, version 1) that this engine accepts', () => {
    const bytes = wasmGemmBytes();
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const engine = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(engine.validate(bytes)).toBe(true);
  });

  it('this engine has WebAssembly SIMD (Node ≥ 16), so the wasm backend is exercised by the workspace tests', () => {
    expect(wasmSimdAvailable()).toBe(true);
  });
});
