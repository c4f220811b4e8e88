/**
 * train({ backend: 'wasm' }) where WebAssembly compilation is refused, as under a
 * Content-Security-Policy without 'wasm-unsafe-eval': the error names the CSP, not SIMD
 * support. WebAssembly is stubbed the way each engine behaves there: `validate` works
 * (it compiles nothing) and `new WebAssembly.Module(bytes)` throws
 * - Chromium: a WebAssembly.CompileError "WebAssembly.Module(): Refused to compile or
 *   instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of
 *   script in the following Content Security Policy directive: …";
 * - Firefox: a CompileError "call to WebAssembly.Module() blocked by CSP";
 * - Safari: an EvalError.
 * The kernel's availability is cached per module instance, so each case re-imports the
 * packages after stubbing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The parts of the WebAssembly API the kernel uses. */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: unknown;
  Instance: unknown;
}
const realWasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

class CompileError extends Error {
  override name = 'CompileError';
}

/** WebAssembly whose compilation throws `error`, everything else real. */
function refusing(error: Error): WasmApi & { Module: unknown; CompileError: unknown } {
  return {
    validate: (bytes: Uint8Array) => realWasm.validate(bytes),
    Memory: realWasm.Memory,
    Instance: realWasm.Instance,
    CompileError,
    // `new WebAssembly.Module(bytes)` throws, as the engines do under such a policy
    Module: function Module(): never {
      throw error;
    },
  };
}

const TRAIN = {
  objective: 'jepa',
  depth: 1,
  learningRate: 0.1,
  steps: 2,
  covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1, 1, 1, 1), sigmaYX: Float64Array.of(1, 0.5, 0.3, 0.2) },
  init: { kind: 'aligned', epsilon: 0.5 },
} as const;

async function freshSim(): Promise<typeof import('../../src/index.js')> {
  vi.resetModules();
  return import('../../src/index.js');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("train({ backend: 'wasm' }) when WebAssembly compilation is refused", () => {
  const engines: [string, Error][] = [
    [
      'Chromium',
      new CompileError(
        "WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \"script-src 'self'\".",
      ),
    ],
    ['Firefox', new CompileError('call to WebAssembly.Module() blocked by CSP')],
    [
      'Safari',
      new EvalError(
        "Refused to create a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval' is not an allowed source of script",
      ),
    ],
  ];
  for (const [engine, error] of engines) {
    it(`${engine}: names the Content-Security-Policy and 'wasm-unsafe-eval', quotes the engine, and does not blame SIMD`, async () => {
      vi.stubGlobal('WebAssembly', refusing(error));
      const sim = await freshSim();
      expect(sim.wasmSimdAvailable()).toBe(false);
      let message = '';
      try {
        sim.train({ ...TRAIN, backend: 'wasm' });
      } catch (e) {
        expect((e as Error).name).toBe('InvalidArgumentError');
        message = (e as Error).message;
      }
      expect(message).toMatch(
        /^createMatrixWorkspace: invalid argument options\.backend: must not be 'wasm' here: the engine refused to compile WebAssembly/,
      );
      expect(message).toMatch(/Content-Security-Policy/);
      expect(message).toContain("'wasm-unsafe-eval'");
      expect(message).toContain(`${error.name}: ${error.message}`);
      expect(message).not.toMatch(/without WebAssembly SIMD/);
      // 'auto' falls back to the JavaScript kernel, with the same numbers
      const auto = sim.train({ ...TRAIN });
      expect(auto.status).toBe('completed');
    });
  }

  it('an engine without SIMD still hears about SIMD', async () => {
    vi.stubGlobal('WebAssembly', { ...refusing(new Error('unused')), validate: () => false });
    const sim = await freshSim();
    expect(() => sim.train({ ...TRAIN, backend: 'wasm' })).toThrow(/without SIMD/);
  });

  it('an engine without WebAssembly says so', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    const sim = await freshSim();
    expect(() => sim.train({ ...TRAIN, backend: 'wasm' })).toThrow(/has no WebAssembly/);
  });

  it('with WebAssembly allowed, the wasm backend runs and matches the js backend bit for bit', async () => {
    const sim = await freshSim();
    expect(sim.wasmUnavailableReason()).toBe('');
    const wasm = sim.train({ ...TRAIN, backend: 'wasm' });
    const js = sim.train({ ...TRAIN, backend: 'js' });
    expect(wasm.wbar).toEqual(js.wbar);
  });
});
