import { describe, expect, it } from 'vitest';
import { PAGE_POLICY, TRAINING_WORKER_POLICY, policyForPath } from '../contentSecurityPolicy.js';

describe('the Content-Security-Policy', () => {
  it('allows no eval and no inline script or style anywhere', () => {
    for (const policy of [PAGE_POLICY, TRAINING_WORKER_POLICY]) {
      expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|data:|\*/);
      expect(policy).toMatch(/default-src 'self'/);
      expect(policy).toMatch(/object-src 'none'/);
    }
  });

  it("grants 'wasm-unsafe-eval' (WebAssembly compilation) to the training worker's script alone", () => {
    expect(PAGE_POLICY).not.toMatch(/wasm/);
    expect(TRAINING_WORKER_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(policyForPath('/assets/trainingWorker-Bx1_9z.js')).toBe(TRAINING_WORKER_POLICY);
    expect(policyForPath('/assets/trainingWorker-Bx1_9z.js?v=1')).toBe(TRAINING_WORKER_POLICY);
    for (const path of [
      '/',
      '/index.html',
      '/assets/index-Abc.js',
      '/assets/derivationWorker-X.js',
      '/assets/trainingWorker.css',
      '/trainingWorker-x.js.map',
    ])
      expect(policyForPath(path)).toBe(PAGE_POLICY);
  });
});
