/**
 * The end-to-end tests run the program's `main` in a worker thread (test/support/runCli.ts);
 * here every command also runs as the process a user starts, and both must print the same
 * bytes on stdout and stderr and end with the same exit status: success, no answer (1) and
 * bad usage (2).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliProcess } from './support/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'jd-process-'));
const features = join(dir, 'features.json');
writeFileSync(
  features,
  JSON.stringify([
    { lambda: 1, rho: 3 },
    { lambda: 2, rho: 1 },
  ]),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const one = ['--lambda', '1', '--rho', '1', '--epsilon', '0.05'];
const cases: [string, string[], number][] = [
  ['help', ['--help'], 0],
  [
    'critical-time',
    ['critical-time', '--objective', 'mae', '--depth', '2', '--lambda', '2', '--rho', '3', '--epsilon', '1e-3', '--json'],
    0,
  ],
  [
    'critical-time, no answer',
    ['critical-time', '--objective', 'jepa', '--depth', '2', '--lambda', '1', '--rho', '1', '--epsilon', '0.9'],
    1,
  ],
  ['solve', ['solve', '--objective', 'jepa', '--depth', '2', ...one, '--t-end', '20', '--points', '3'], 0],
  ['order', ['order', '--features', features, '--depth', '8', '--json'], 0],
  [
    'simulate',
    ['simulate', '--objective', 'mae', '--depth', '1', ...one, '--lr', '0.1', '--steps', '50', '--record-every', '10', '--json'],
    0,
  ],
  ['derive', ['derive', '--objective', 'jepa', '--depth', '2', '--format', 'text'], 0],
  ['bad flag value', ['solve', '--objective', 'jepa', '--depth', '0', ...one, '--t-end', '1'], 2],
  ['unknown option', ['order', '--no-such-flag', '3'], 2],
  ['unknown command', ['no-such-command'], 2],
];

describe('jepa-dynamics as a process = jepa-dynamics in the test worker', () => {
  for (const [name, args, status] of cases) {
    it(`${name}: exit ${status}, the same stdout and stderr`, () => {
      const spawned = runCliProcess(args);
      expect(spawned.status, spawned.stderr).toBe(status);
      expect(spawned.stdout.length + spawned.stderr.length).toBeGreaterThan(0);
      expect(runCli(args)).toEqual(spawned);
    });
  }
});
