/**
 * `jepa-dynamics simulate --d`: one feature repeated d times gives d equal modes, each the
 * single-feature run (aligned init and diagonal Σ decouple the modes exactly), beyond the
 * former limit of 256 features; and `--threads`, which must not change a digit.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

describe('jepa-dynamics simulate --d', () => {
  it('--d 300 with one feature: 300 modes, each bit-identical to the run with d = 1', () => {
    const base = [
      'simulate',
      '--objective',
      'jepa',
      '--depth',
      '2',
      '--lambda',
      '1',
      '--rho',
      '0.5',
      '--epsilon',
      '0.01',
      '--lr',
      '0.1',
      '--steps',
      '20',
      '--json',
    ];
    const wide = runCli([...base, '--d', '300']);
    expect(wide.status, wide.stderr).toBe(0);
    const one = runCli(base);
    expect(one.status, one.stderr).toBe(0);
    const w = JSON.parse(wide.stdout) as { wbar: number[][] };
    const s = JSON.parse(one.stdout) as { wbar: number[][] };
    expect(w.wbar).toHaveLength(300);
    // each mode's arithmetic is the d = 1 network's (products of diagonal matrices: zeros add exactly)
    for (const row of w.wbar) expect(row).toEqual(s.wbar[0]);
  });

  it('--threads 2 (one helper thread for the products) prints the same run, bit for bit, as one thread (d = 160, random init)', () => {
    const base = ['simulate', '--objective', 'jepa', '--depth', '3', '--lambda', '1', '--rho', '0.6', '--d', '160'];
    const args = [...base, '--init', 'random', '--seed', '4', '--epsilon', '0.05', '--lr', '0.05', '--steps', '12', '--json'];
    const [one, two] = [runCli(args), runCli([...args, '--threads', '2'])];
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    const [a, b] = [JSON.parse(one.stdout) as Record<string, unknown>, JSON.parse(two.stdout) as Record<string, unknown>];
    expect([a.threads, b.threads]).toEqual([1, 2]);
    expect(b.status).toBe('completed');
    expect({ ...b, threads: 1 }).toEqual(a);
  });
});
