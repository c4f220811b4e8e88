import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/index.js';

describe('IntegrationError', () => {
  it('carries the message, the solver status and the time reached', () => {
    const e = new IntegrationError('criticalTime: step size underflow at t = 3.5.', 'step-too-small', 3.5);
    expect([e.name, e.message, e.status, e.tReached]).toEqual([
      'IntegrationError',
      'criticalTime: step size underflow at t = 3.5.',
      'step-too-small',
      3.5,
    ]);
    expect(e).toBeInstanceOf(Error);
  });
});
