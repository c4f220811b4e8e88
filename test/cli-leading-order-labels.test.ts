/**
 * `derive` and `critical-time --method leading-order` print different leading orders
 * (with and without JEPA's log term, issue 12): each output says which, with the same
 * JSON field (`leadingOrderLogTerm`) and words in text (docs/conventions.md).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

const feature = ['--lambda', '1', '--rho', '1.5', '--epsilon', '1e-3'];

describe('which leading order: the log term', () => {
  for (const [objective, depth, criticalTimeLabel, deriveLabel] of [
    ['jepa', 2, 'excluded', 'included'],
    ['mae', 1, 'included', 'included'],
    ['mae', 3, 'none', 'none'],
  ] as const) {
    it(`${objective}, L = ${depth}: critical-time says '${criticalTimeLabel}', derive '${deriveLabel}', in JSON and text`, () => {
      const args = ['--objective', objective, '--depth', String(depth)];
      const ct = runCli(['critical-time', ...args, ...feature, '--method', 'leading-order', '--json']);
      expect(ct.status, ct.stderr).toBe(0);
      const ctJson = JSON.parse(ct.stdout) as { leadingOrderLogTerm: string; leadingOrderTerms: string };
      expect(ctJson.leadingOrderLogTerm).toBe(criticalTimeLabel);
      const ctText = runCli(['critical-time', ...args, ...feature, '--method', 'leading-order']);
      expect(ctText.stdout).toContain(`method leading-order: ${ctJson.leadingOrderTerms}`);
      if (criticalTimeLabel === 'excluded') expect(ctText.stdout).toContain('without the log term');

      const d = runCli(['derive', ...args, '--json']);
      expect(d.status, d.stderr).toBe(0);
      const dJson = JSON.parse(d.stdout) as { leadingOrderLogTerm: string; logTerm: { cas: string } };
      expect(dJson.leadingOrderLogTerm).toBe(deriveLabel);
      // the label matches the derivation itself: a log term is there exactly when it says so
      expect(dJson.logTerm.cas === '0').toBe(deriveLabel === 'none');
      const dText = runCli(['derive', ...args]);
      const line = dText.stdout.split('\n').find((l) => l.startsWith('leading order as ε → 0'));
      expect(line).toBeDefined();
      expect(line).toContain(deriveLabel === 'none' ? 'no log term' : 'log term');
      expect(line).toContain('critical-time --method leading-order');
    });
  }

  it('other methods carry no leading-order field', () => {
    const r = runCli(['critical-time', '--objective', 'jepa', '--depth', '2', ...feature, '--json']);
    expect(JSON.parse(r.stdout)).not.toHaveProperty('leadingOrderLogTerm');
  });
});
