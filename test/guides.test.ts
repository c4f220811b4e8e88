/**
 * Every command of the README and of every guide (docs/*.md) runs verbatim, as a new user
 * types it after the README's set-up: through bash, from the repository root.
 *
 * - A ```console block holds `$ command` lines, each followed by its expected output (stdout,
 *   then stderr) and, when not 0, a line `[exit status N]`: the output must match exactly.
 * - A command in a ```sh block or an indented code block (a line starting with `npx`, `node`,
 *   `git`, `cd` or `(cd`; `\` continues a line) shows no output: it must exit 0.
 * - Commands that cannot or should not run inside the test suite are listed in SKIPPED with
 *   the reason; a test fails if the list names a command no guide has any more.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/runCli.js';

/** Commands not run here, with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  'npx -y pnpm@12.4.2 install --frozen-lockfile && npx -y pnpm@12.4.2 exec jepa-dynamics reproduce':
    'the set-up and the full reproduce into ./results of the checkout; test/reproduce.test.ts runs reproduce --quick into a temporary folder',
  'npx -y pnpm@12.4.2 install --frozen-lockfile && npx -y pnpm@12.4.2 test': 'the set-up and this very test suite',
  'npx -y pnpm@12.4.2 run explore':
    'a server that runs until interrupted; packages/explorer/test/browser.test.ts builds and serves the page the same way',
  'npx -y pnpm@12.4.2 install --frozen-lockfile':
    'the set-up itself: the suite runs in the installed checkout, and reinstalling would rebuild it under the running tests',
  'npx -y pnpm@12.4.2 exec jepa-dynamics reproduce            # writes ./results':
    'the full run, into ./results of the checkout; test/reproduce.test.ts runs reproduce --quick into a temporary folder',
  'npx -y pnpm@12.4.2 exec jepa-dynamics reproduce --out DIR  # elsewhere':
    'DIR is a placeholder; test/reproduce.test.ts runs reproduce --quick --out into a temporary folder',
  'git clone <this repository> jepa-dynamics && cd jepa-dynamics': 'a placeholder URL: the suite runs inside the clone',
  "npx -y pnpm@12.4.2 -r --filter './packages/*' --filter '!./packages/explorer' pack --pack-destination ../tarballs":
    'writes tarballs beside the checkout; test/packaging.test.ts packs, installs and runs the packages as docs/embedding.md says, in a temporary folder',
  'npx vitest run packages/ode/test/solver/rodas4 packages/ode/test/solver/radau5 packages/ode/test/solver/integrate packages/ode/test/flows/coupledFlow packages/ode/test/flows/matrixFlow test/matrix-flow-vs-sim.test.ts':
    'part of this test suite, which runs these files itself',
  'node --import tsx bench/index.ts stiff        # ~1–2 min, dopri5 dominates':
    'a benchmark of 1–2 minutes, with timings that are not compared',
  'cd "$HOME/jepa-dynamics"':
    'a line of the Slurm job script of docs/sweeps.md, which sbatch runs on a cluster (test/cli-sweep-distributed.test.ts runs workers)',
  'python3 packages/ode/test/fixtures/stiff-reference.py > packages/ode/test/fixtures/stiff-reference.json  # references (scipy)':
    'rewrites a committed fixture and needs scipy, which the project does not require',
};

/** A command found in a guide. */
interface GuideCommand {
  guide: string;
  command: string;
  /** The shown output, or null when the guide shows none (then only the status is checked). */
  output: string | null;
  status: number;
}

const COMMAND_START = /^(npx|node|git|cd|\(cd|python3)\s/;

function commandsOf(guide: string, markdown: string): GuideCommand[] {
  const found: GuideCommand[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let current: GuideCommand | undefined;
  const flush = (): void => {
    if (current !== undefined) found.push({ ...current, output: current.output === null ? null : current.output.replace(/\n+$/, '\n') });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const opening = /^```(\w*)/.exec(line);
    if (opening !== null) {
      flush();
      fence = fence === null ? opening[1] : null;
      continue;
    }
    if (fence === 'console') {
      if (line.startsWith('$ ')) {
        flush();
        current = { guide, command: line.slice(2).trim(), output: '', status: 0 };
      } else if (current !== undefined) {
        const status = /^\[exit status (\d+)\]$/.exec(line);
        if (status !== null) current.status = Number(status[1]);
        else if (line !== '' || current.output !== '') current.output += `${line}\n`;
      }
      continue;
    }
    // a command line in a shell block or an indented code block (continued by a trailing backslash)
    const text = fence === 'sh' || fence === 'bash' ? line : fence === null && line.startsWith('    ') ? line.slice(4) : null;
    if (text === null || !COMMAND_START.test(text)) continue;
    let command = text;
    while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${lines[++i].trim()}`;
    found.push({ guide, command: command.trim(), output: null, status: 0 });
  }
  flush();
  return found;
}

const guides = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const commands = guides.flatMap((g) => commandsOf(g, readFileSync(join(root, g), 'utf8')));
const toRun = commands.filter((c) => SKIPPED[c.command] === undefined);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line through bash from the repository root. */
function run(command: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const results = new Map<string, Run>();

beforeAll(async () => {
  // three at a time: most of each run is npx starting up (several seconds on a loaded two-core machine)
  const queue = [...new Set(toRun.map((c) => c.command))];
  const worker = async (): Promise<void> => {
    for (let command = queue.shift(); command !== undefined; command = queue.shift()) results.set(command, await run(command));
  };
  await Promise.all([worker(), worker(), worker()]);
}, 600_000);

describe('the commands of the README and the guides', () => {
  it('are found in every guide that has some, and each skipped one is still in a guide', () => {
    expect(commands.filter((c) => c.output !== null).length).toBeGreaterThanOrEqual(6);
    for (const g of ['README.md', 'docs/getting-started.md', 'docs/flows.md', 'docs/stiff.md', 'docs/embedding.md'])
      expect(
        commands.some((c) => c.guide === g),
        g,
      ).toBe(true);
    for (const skipped of Object.keys(SKIPPED)) expect(commands.map((c) => c.command)).toContain(skipped);
    // the form that works after the README's set-up, where pnpm itself is not on PATH
    for (const c of commands) expect(c.command).not.toMatch(/(^|[^@\w.-])pnpm (exec|run|test)/);
  });

  for (const c of toRun) {
    it(`${c.guide}: ${c.command}`, () => {
      const r = results.get(c.command);
      expect(r).toBeDefined();
      expect(r?.status, r?.stderr).toBe(c.status);
      if (c.output !== null) expect((r?.stdout ?? '') + (r?.stderr ?? '')).toBe(c.output);
    });
  }
});
