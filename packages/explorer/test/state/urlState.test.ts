import { INITIALIZATION_KINDS, OBJECTIVES, TIME_UNITS } from '@jepa-dynamics/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EXPLORER_DEPTH, PARAMETRIZATIONS, type ExplorerState } from '../../src/state/explorerState.js';
import { defaultState, presets } from '../../src/state/presets.js';
import { decodeState, encodeState } from '../../src/state/urlState.js';

// −0 is written 0 (the same moment)
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const positive = fc.double({ min: 1e-300, max: 1e300, noNaN: true });

/** Any valid state. */
const states: fc.Arbitrary<ExplorerState> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    given: fc.constantFrom(...PARAMETRIZATIONS),
    features: fc.array(fc.tuple(finite, finite), { minLength: n, maxLength: n }),
    objectives: fc.constantFrom([...OBJECTIVES], ['jepa'], ['mae']),
    depth: fc.integer({ min: 1, max: MAX_EXPLORER_DEPTH }),
    epsilon: positive,
    fraction: fc.double({ min: 1e-9, max: 0.999999, noNaN: true }),
    timeUnit: fc.constantFrom(...TIME_UNITS),
    pair: fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })),
    training: fc.record({
      objective: fc.constantFrom(...OBJECTIVES),
      width: fc.option(fc.integer({ min: n, max: 256 }), { nil: null }),
      init: fc.constantFrom(...INITIALIZATION_KINDS),
      learningRate: positive,
      steps: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
      seed: fc.integer({ min: 0, max: 4294967295 }),
    }),
  }),
) as fc.Arbitrary<ExplorerState>;

describe('encodeState(state) and decodeState(query, defaults)', () => {
  it('round-trip every valid state exactly (numbers in shortest round-trip form)', () => {
    fc.assert(
      fc.property(states, (s) => {
        const decoded = decodeState(encodeState(s), defaultState());
        expect(decoded.problems).toEqual([]);
        expect(decoded.state).toEqual(s);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('round-trip every preset', () => {
    for (const p of presets()) expect(decodeState(`?${encodeState(p.state)}`, defaultState()).state).toEqual(p.state);
  });

  it('write a readable query', () => {
    const s = presets().find((p) => p.key === 'depth-flip')?.state;
    expect(s === undefined ? '' : encodeState(s)).toBe(
      'given=lambda-rho&f=1_3&f=2_1&obj=jepa.mae&L=1&eps=0.01&p=0.5&time=gradient-flow&A=1&B=2&tobj=jepa&init=aligned&eta=0.02&seed=0',
    );
  });

  it('keep the default of each missing or invalid parameter, and say which were invalid', () => {
    const d = defaultState();
    expect(decodeState('', d)).toEqual({ state: d, problems: [] });
    const { state, problems } = decodeState('L=13&eps=-1&p=0.5&f=1_x&obj=jepa.vae&time=paper&seed=0x10', d);
    expect(state).toEqual({ ...d, fraction: 0.5, timeUnit: 'paper' });
    expect(problems).toEqual([
      'f ignored: feature 1 must be two finite decimal numbers x_y',
      "obj=jepa.vae ignored: URL: invalid argument obj: must be 'jepa' or 'mae'; got \"vae\".",
      'L=13 ignored: URL: invalid argument L: must be an integer from 1 to 12; got 13.',
      'eps=-1 ignored: URL: invalid argument epsilon: must be a positive finite number; got -1.',
      'seed=0x10 ignored: URL: invalid argument seed: must be an integer from 0 to 4294967295; got NaN.',
    ]);
  });
});
