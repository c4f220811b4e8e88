import { describe, expect, it } from 'vitest';
import { expectFailure, runCli } from './support/runCli.js';

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
