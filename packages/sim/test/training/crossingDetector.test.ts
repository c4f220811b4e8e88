import { describe, expect, it } from 'vitest';
import { createCrossingDetector, createFeatureReadout } from '../../src/index.js';

const d = 3;
const identity = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
const diag = (a: number, b: number, c: number): Float64Array => Float64Array.of(a, 0, 0, 0, b, 0, 0, 0, c);

describe('createCrossingDetector', () => {
  it("records each feature's first step at or above p·target, with its time; a start above is never reported", () => {
    // targets (1, 2, 0.5), p = 0.6: thresholds 0.6, 1.2, 0.3
    const detector = createCrossingDetector({ targets: [1, 2, 0.5], fraction: 0.6 }, createFeatureReadout('jepa', identity, d));
    const path = [diag(0.1, 0.1, 0.4), diag(0.5, 0.2, 0.5), diag(0.6, 0.3, 0.6), diag(0.2, 1.1, 0.2), diag(0.9, 1.2, 0.9)];
    path.forEach((w, k) => detector.check(k, 0.5 * k, w));
    // feature 0 reaches exactly 0.6 at k = 2 (≥ counts) and is not re-reported when it falls and rises
    // feature 1 reaches 1.2 at k = 4; feature 2 started at 0.4 ≥ 0.3, so it has no crossing
    expect(detector.steps).toEqual([2, 4, null]);
    expect(detector.times).toEqual([1, 2, null]);
  });

  it('default p = ½; a feature never reaching its threshold stays null', () => {
    const detector = createCrossingDetector({ targets: [1, 1, 1] }, createFeatureReadout('mae', identity, d));
    detector.check(0, 0, diag(0, 0, 0));
    detector.check(1, 1, diag(0.5, 0.4999999999999999, 0));
    expect(detector.steps).toEqual([1, null, null]);
  });

  it('measure columnNorm reads ‖W̄e_i‖, not the diagonal', () => {
    // column 0 = (0, 0.3, 0.4): norm 0.5, diagonal 0
    const w = Float64Array.of(0, 0, 0, 0.3, 0, 0, 0.4, 0, 0);
    const byNorm = createCrossingDetector({ targets: [1, 1, 1], measure: 'columnNorm' }, createFeatureReadout('jepa', identity, d));
    const byDiagonal = createCrossingDetector({ targets: [1, 1, 1] }, createFeatureReadout('jepa', identity, d));
    for (const detector of [byNorm, byDiagonal]) {
      detector.check(0, 0, new Float64Array(9));
      detector.check(1, 0.1, w);
    }
    expect(byNorm.steps).toEqual([1, null, null]);
    expect(byDiagonal.steps).toEqual([null, null, null]);
  });

  it('rejects targets of the wrong length or not finite, p outside (0, 1] and an unknown measure', () => {
    const readout = createFeatureReadout('jepa', identity, d);
    expect(() => createCrossingDetector({ targets: [1] }, readout)).toThrow(
      /^createCrossingDetector: invalid argument criticalTimes.targets: must have one entry per feature \(3\)/,
    );
    expect(() => createCrossingDetector({ targets: [1, 1, 1], fraction: 1.5 }, readout, 'train')).toThrow(
      /^train: invalid argument criticalTimes.fraction: must be a number in \(0, 1\]; got 1.5\./,
    );
    expect(() => createCrossingDetector({ targets: [1, Number.NaN, 1] }, readout)).toThrow(
      /criticalTimes.targets\[1\]: must be a finite number; got NaN\./,
    );
    // @ts-expect-error a measure the type does not allow, as plain JavaScript could pass
    expect(() => createCrossingDetector({ targets: [1, 1, 1], measure: 'norm' }, readout)).toThrow(
      /criticalTimes.measure: must be 'diagonal' or 'columnNorm'; got "norm"\./,
    );
  });
});
