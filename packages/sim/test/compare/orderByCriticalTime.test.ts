import { describe, expect, it } from 'vitest';
import { orderByCriticalTime } from '../../src/index.js';
import { learnedOrder, mulberry32 } from '../../../../test/support/oracles/index.js';

describe('orderByCriticalTime', () => {
  it('sorts the features with a time, earliest first (ties by index), and lists the others in index order', () => {
    expect(orderByCriticalTime([3.5, null, 1.2])).toEqual({ order: [2, 0], never: [1] });
    expect(orderByCriticalTime([2, 1, 2, null, 1])).toEqual({ order: [1, 4, 0, 2], never: [3] });
    expect(orderByCriticalTime([])).toEqual({ order: [], never: [] });
    expect(orderByCriticalTime([null, null])).toEqual({ order: [], never: [0, 1] });
  });

  it('agrees with the oracle on seeded random times', () => {
    const random = mulberry32(4);
    for (let trial = 0; trial < 20; trial++) {
      const times = Array.from({ length: 9 }, () => (random() < 0.2 ? null : Math.round(random() * 6)));
      const r = orderByCriticalTime(times);
      expect(r.order).toEqual(learnedOrder(times));
      expect(r.never).toEqual(times.flatMap((t, i) => (t === null ? [i] : [])));
    }
  });
});
