import { describe, expect, it } from 'vitest';
import { createMatrixWorkspace, KERNEL_BACKENDS, matmulReference, matmulTransAReference, matmulTransBReference } from '../../src/index.js';
import { normalSource, PRODUCT_SHAPES as shapes, randomMatrix } from '../../../../test/support/oracles/index.js';

const source = normalSource(9);

/**
 * Shapes that take the packed path (transposed products always; A·B from 256³ multiply-adds on),
 * with ragged edges, more than one block of the inner dimension (k > 256) and of the columns (n > 512).
 */
const PACKED_SHAPES: readonly (readonly [number, number, number])[] = [
  [260, 300, 270],
  [5, 300, 530],
  [33, 257, 65],
];

/** The backends promised bit-identical to the reference (all but the FMA one). */
const EXACT_BACKENDS = KERNEL_BACKENDS.filter((b) => b !== 'wasm-fma');

describe('createMatrixWorkspace', () => {
  for (const backend of EXACT_BACKENDS) {
    it(`backend ${backend}: matmul, matmulTransA, matmulTransB are bit-identical to the reference kernels`, () => {
      for (const [m, k, n] of [...shapes, ...(backend === 'wasm' ? PACKED_SHAPES : [])]) {
        const ws = createMatrixWorkspace({
          capacity: 3 * m * k + 3 * k * n + 3 * n * k + 3 * m * n,
          largestMatrix: Math.max(m, n) * k,
          backend,
        });
        expect(ws.backend).toBe(backend);
        const a = ws.alloc(m * k),
          at = ws.alloc(k * m),
          b = ws.alloc(k * n),
          bt = ws.alloc(n * k),
          c = ws.alloc(m * n);
        a.set(randomMatrix(source, m, k));
        at.set(randomMatrix(source, k, m));
        b.set(randomMatrix(source, k, n));
        bt.set(randomMatrix(source, n, k));
        expect(Array.from(ws.matmul(c, a, b, m, k, n))).toEqual(Array.from(matmulReference(new Float64Array(m * n), a, b, m, k, n)));
        expect(Array.from(ws.matmulTransA(c, at, b, m, k, n))).toEqual(
          Array.from(matmulTransAReference(new Float64Array(m * n), at, b, m, k, n)),
        );
        expect(Array.from(ws.matmulTransB(c, a, bt, m, k, n))).toEqual(
          Array.from(matmulTransBReference(new Float64Array(m * n), a, bt, m, k, n)),
        );
      }
    });
  }

  it("'auto' picks 'wasm' on this engine (Node 20 has WebAssembly SIMD but relaxed SIMD only behind a flag), and 'wasm' products on foreign arrays fall back to JavaScript with the same result", () => {
    const ws = createMatrixWorkspace({ capacity: 0, largestMatrix: 0 });
    expect(ws.backend).toBe('wasm');
    expect(() => createMatrixWorkspace({ capacity: 0, largestMatrix: 0, backend: 'wasm-fma' })).toThrow(/relaxed SIMD/);
    const a = randomMatrix(source, 5, 6),
      b = randomMatrix(source, 6, 7);
    expect(ws.matmul(new Float64Array(35), a, b, 5, 6, 7)).toEqual(matmulReference(new Float64Array(35), a, b, 5, 6, 7));
  });

  it('rejects an exhausted arena and an undersized transpose scratch instead of corrupting memory', () => {
    const ws = createMatrixWorkspace({ capacity: 8, largestMatrix: 4, backend: 'js' });
    const a = ws.alloc(4),
      b = ws.alloc(4);
    expect(() => ws.alloc(1)).toThrow(/arena/);
    const big = new Float64Array(9);
    expect(() => ws.matmulTransA(new Float64Array(9), big, big, 3, 3, 3)).toThrow(/largestMatrix/);
    expect(ws.matmul(new Float64Array(4), a, b, 2, 2, 2)).toEqual(new Float64Array(4));
  });

  it('rejects bad sizes and unknown backends by name', () => {
    expect(() => createMatrixWorkspace({ capacity: -1, largestMatrix: 0 })).toThrow(
      'createMatrixWorkspace: invalid argument options.capacity: must be an integer ≥ 0; got -1.',
    );
    expect(() => createMatrixWorkspace({ capacity: 0, largestMatrix: 0, backend: 'gpu' as 'js' })).toThrow(
      `createMatrixWorkspace: invalid argument options.backend: must be 'auto', 'wasm-fma', 'wasm', 'js' or 'reference'; got "gpu".`,
    );
  });
});
