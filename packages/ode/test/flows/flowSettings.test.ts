import { describe, expect, it } from 'vitest';
import { flowSettings } from '../../src/flows/flowSettings.js';

describe('flowSettings', () => {
  it('passes valid settings through, with rate factor 1 in gradient-flow time and 1/L in paper time', () => {
    expect(flowSettings('perLayerFlow', 'mae', 4, undefined)).toEqual({ objective: 'mae', depth: 4, rateScale: 1 });
    expect(flowSettings('perLayerFlow', 'jepa', 4, 'paper')).toEqual({ objective: 'jepa', depth: 4, rateScale: 0.25 });
  });

  it('checks objective, depth and time unit in that order, naming the caller', () => {
    expect(() => flowSettings('layerwiseFlow', 'byol' as never, 0, 'steps' as never)).toThrow(/^layerwiseFlow: invalid argument objective/);
    expect(() => flowSettings('layerwiseFlow', 'jepa', 0, 'steps' as never)).toThrow(/^layerwiseFlow: invalid argument depth/);
    expect(() => flowSettings('layerwiseFlow', 'jepa', 2, 'steps' as never)).toThrow(/^layerwiseFlow: invalid argument timeUnit/);
  });
});
