import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectFailure, runCli, spawnCli } from './support/runCli.js';

describe('jepa-dynamics command line', () => {
  it('--help exits 0 and names the program', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('jepa-dynamics');
  });

  it('an unknown command exits 2 with the command named on stderr', () => {
    const r = runCli(['no-such-command']);
    expectFailure(r, 2, 'no-such-command');
  });

  it('an unknown option exits 2 with one sentence naming it', () => {
    const r = runCli(['solve', '--no-such-flag', '3']);
    expectFailure(r, 2, '--no-such-flag');
    // commander's usage errors carry the program's prefix, like every other error
    expect(r.stderr).toMatch(/^jepa-dynamics: /);
  });
});

describe('the program itself', () => {
  it('--version prints the version of packages/cli/package.json and exits 0', () => {
    const manifest = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${manifest.version}\n`);
  });

  it('a bare jepa-dynamics prints a three-line usage on stderr (not the full help) and exits 2', () => {
    const r = runCli([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('Usage: jepa-dynamics <command> [options]');
    expect(lines[1]).toBe('Commands: critical-time, solve, order, simulate, reproduce, derive, sweep, worker.');
  });

  it("commander's suggestions stay on the error's one line", () => {
    expectFailure(runCli(['reproduce', '--quik']), 2, "unknown option '--quik'", 'Did you mean --quick?');
  });

  it('a reader that closes early (| head -1) ends the command quietly with status 0', async () => {
    // ~4 MB of CSV: far more than a pipe holds, so the write meets the closed pipe
    const r = await spawnCli('solve --objective jepa --depth 2 --lambda 1 --rho 1 --epsilon 0.01 --t-end 600 --points 100000'.split(' '), {
      onSpawn: (child) => child.stdout?.once('data', () => child.stdout?.destroy()),
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('Ctrl-C ends a long computation with status 130 (or the signal, which shells report as 130) and no stack trace', async () => {
    const long = 'simulate --objective jepa --depth 2 --lambda 1 --rho 1 --epsilon 0.01 --lr 1e-4 --steps 50000000'.split(' ');
    const r = await spawnCli(long, { onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 1500) });
    expect(r.status === 130 || r.signal === 'SIGINT', `status ${r.status}, signal ${r.signal}`).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('exit 3: the answer exists but the computation could not reach it', () => {
  it('an explicit method on a stiff coupled system: one sentence with the status and the time reached, nothing on stdout', () => {
    const r = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '8',
      '--features',
      'docs/examples/features-ab.json',
      '--epsilon',
      '1e-3',
      '--t-end',
      '1e6',
      '--points',
      '3',
      '--coupled',
      '--method',
      'dopri5',
    ]);
    expectFailure(r, 3, "status 'stiff'", /at t = [0-9.e+]+/);
  });

  it("solve --method auto (the solver's 'auto') gives the same trajectory as dop853 on a non-stiff run", () => {
    const args = 'solve --objective jepa --depth 2 --lambda 1 --rho 1 --epsilon 0.01 --t-end 600 --points 4 --json'.split(' ');
    const auto = runCli([...args, '--method', 'auto']);
    const dop853 = runCli(args);
    expect(auto.status, auto.stderr).toBe(0);
    const a = JSON.parse(auto.stdout) as { wbar: number[][]; method: string };
    const b = JSON.parse(dop853.stdout) as { wbar: number[][] };
    expect(a.method).toBe('auto');
    // two integrations at rtol 1e-10 of a w̄ that ends at w̄∞ = 1: 1e-8 absolute
    a.wbar[0].forEach((w, k) => expect(Math.abs(w - b.wbar[0][k])).toBeLessThan(1e-8));
  });
});
