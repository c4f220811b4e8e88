/**
 * The bad-input table (issue 12): every flag of every command, each with the bad values
 * that apply to its kind, must end with exit status 2, nothing on stdout and one line on
 * stderr naming the flag (DESIGN.md's contract). The flags are enumerated from commander's
 * command definitions, so a new flag without rows fails the coverage test below.
 *
 * The rows run through the built program's `main` loaded once in a worker thread (runCli:
 * the same parsing and messages as the command, in milliseconds); a sample of rows, and the
 * read-only folder (which needs another user when the tests run as root), also run as the
 * built program in child processes, in parallel.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '@jepa-dynamics/cli';
import { expectFailure, runCli, spawnCli, withFlag } from './support/runCli.js';

/** One row: `jepa-dynamics <command> <args>` must exit 2 naming `flag` (and `mentions`). */
interface Row {
  command: string;
  flag: string;
  /** The bad value, or null: the flag given last with no value. */
  value: string | null;
  /** The full argument list after the command. */
  args: string[];
  /** What the stderr line must contain besides the flag. */
  mentions: (string | RegExp)[];
}

// Made when the file loads: the table names these files. Traversable by all (0755), so that
// the read-only case can run as another user.
const dir = mkdtempSync(join(tmpdir(), 'jd-bad-input-'));
beforeAll(() => {
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'not-json.json'), '[{"lambda": 1, "rho": 3},');
  writeFileSync(join(dir, 'empty.json'), '[]');
  writeFileSync(join(dir, 'covariances-2.json'), '{"sxx": [[1, 0], [0, 2]], "syx": [[0.5, 0], [0, 1]]}');
  writeFileSync(join(dir, 'dynamic-unknown-key.json'), '[{"a": 0.5, "q": 1, "noise": 0}]');
  writeFileSync(join(dir, 'dynamic-a.json'), '[{"a": 1, "q": 1, "gamma2": 0}]');
  writeFileSync(join(dir, 'dynamic-q.json'), '[{"a": 0.5, "q": 1, "gamma2": 0}, {"a": 0.5, "q": 0, "gamma2": 0}]');
  writeFileSync(join(dir, 'dynamic-missing.json'), '[{"a": 0.5, "q": 1}]');
  writeFileSync(join(dir, 'object.json'), '{"lambda": 1, "rho": 3}');
  writeFileSync(join(dir, 'unknown-key.json'), '[{"lambda": 1, "rho": 3, "mu": 2}]');
  writeFileSync(join(dir, 'string-number.json'), '[{"lambda": "0x10", "rho": 3}]');
  writeFileSync(join(dir, 'one-key.json'), '[{"lambda": 1}]');
  writeFileSync(join(dir, 'inconsistent.json'), '[{"lambda": 1, "rho": 3, "sigma2": 5}]');
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  mkdirSync(join(dir, 'foreign'));
  writeFileSync(join(dir, 'foreign', 'thesis.tex'), 'a user file');
  writeFileSync(
    join(dir, 'sweep.json'),
    JSON.stringify({ command: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1 }, axes: { epsilon: [1e-3] } }),
  );
  mkdirSync(join(dir, 'read-only'));
  chmodSync(join(dir, 'read-only'), 0o555);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string): string => join(dir, name);

/** Values no numeric flag accepts: numbers on the command line are decimal (DESIGN.md). */
const NOT_DECIMAL = [
  '',
  '0x10',
  '0X1F',
  '0b101',
  '0o17',
  'Infinity',
  '-Infinity',
  'NaN',
  'abc',
  '1e',
  '3abc',
  ' 3',
  '3 ',
  '1,5',
  '1_000',
  '--',
];

/** A valid invocation of each command (one feature by flags), to which one bad value is applied. */
const BASE: Record<string, string[]> = {
  'critical-time': ['--objective', 'jepa', '--depth', '3', '--lambda', '1', '--rho', '2', '--epsilon', '1e-3'],
  solve: ['--objective', 'jepa', '--depth', '2', '--lambda', '1', '--rho', '1', '--epsilon', '0.01', '--t-end', '10', '--points', '3'],
  order: ['--features', 'docs/examples/features-ab.json', '--depth', '8'],
  learned: ['--features', 'docs/examples/features-ab.json', '--depth', '8', '--stop-time', '475'],
  simulate: ['--objective', 'jepa', '--depth', '2', '--lambda', '1', '--rho', '0.5', '--epsilon', '0.01', '--lr', '0.1', '--steps', '10'],
  // every reproduce row fails on --out before anything is computed
  reproduce: ['--quick', '--out', '/proc/jepa-dynamics-never'],
  derive: ['--objective', 'jepa', '--depth', '2'],
  // every sweep and worker row fails before anything runs or connects (worker: 127.0.0.1:1, where nothing listens)
  sweep: [join(dir, 'sweep.json'), '--workers', '1', '--out', join(dir, 'sweep-out')],
  worker: ['--queue', 'redis://127.0.0.1:1'],
};
/** `derive --flow` (any rational scalar flow): the base of the rows of its flags. */
const FLOW_BASE = ['--flow', 'r*u*(1-u/K)', '--param', 'r=2', '--param', 'K=1', '--start', '0.01'];
/** The same commands with many features from a file (for --features rows). */
const FILE_BASE: Record<string, string[]> = {
  solve: ['--objective', 'jepa', '--depth', '2', '--epsilon', '0.01', '--t-end', '10', '--points', '3'],
  simulate: ['--objective', 'jepa', '--depth', '2', '--epsilon', '0.01', '--lr', '0.1', '--steps', '10'],
  order: ['--depth', '8'],
  learned: ['--depth', '8', '--stop-time', '475'],
};

/** Bad values of the flags solve and simulate share (objective, depth, one feature, ε). */
const FEATURE_COMMAND_VALUES: Record<string, [string, (string | RegExp)[]][]> = {
  '--objective': [
    ['byol', []],
    ['', []],
  ],
  '--depth': [
    ['0', []],
    ['1.5', []],
  ],
  '--lambda': [['-1', []]],
  '--rho': [['-1', []]],
  '--sigma2': [['0', []]],
  '--epsilon': [
    ['0', []],
    ['-1', []],
  ],
};

/** The bad values of each flag beyond the kind's common ones: [value, what the message must also say]. */
const SPECIFIC: Record<string, Record<string, [string, (string | RegExp)[]][]>> = {
  'critical-time': {
    '--objective': [
      ['byol', ['jepa, mae']],
      ['JEPA', []],
      ['', []],
    ],
    '--depth': [
      ['0', ['≥ 1']],
      ['2.5', []],
      ['-3', []],
      ['1e400', []],
      ['9007199254740993', []],
    ],
    '--lambda': [
      ['0', ['nonzero']],
      ['-1', ['same sign as --lambda']],
      ['1e400', []],
    ],
    '--rho': [
      ['-3', ['same sign as --lambda']],
      ['0', []],
    ],
    '--sigma2': [
      ['0', ['positive']],
      ['-2', []],
      ['5', ['--lambda must equal --sigma2·--rho']],
    ],
    '--epsilon': [
      ['0', ['positive']],
      ['-1e-3', []],
      ['1e-400', []],
      ['1e-300', ['overflows']],
    ],
    '--fraction': [
      ['0', ['0 < p < 1']],
      ['1', []],
      ['1.5', []],
      ['-0.5', []],
    ],
    '--method': [
      ['guess', ['exact, ode, leading-order']],
      ['inverse-ode', []],
      ['', []],
    ],
    '--time': [
      ['steps', ['gradient-flow, paper']],
      ['', []],
    ],
  },
  solve: {
    ...FEATURE_COMMAND_VALUES,
    '--t-end': [
      ['0', ['positive']],
      ['-10', []],
    ],
    '--points': [
      ['1', ['from 2 to 10000000']],
      ['2.5', []],
      ['10000001', []],
    ],
    '--method': [
      ['rk4', ['auto']],
      ['', []],
    ],
    '--formulation': [
      ['matrix', ['per-layer, end-to-end, layerwise']],
      ['', []],
    ],
    '--time': [['paper-time', []]],
    '--rtol': [
      ['1', ['2.22e-14', 'not including, 1']],
      ['1.0', []],
      ['10', []],
      ['1e-20', ['2.22e-14']],
      ['2e-14', []],
      ['0', []],
      ['-1e-8', []],
    ],
  },
  order: {
    '--depth': [
      ['0', []],
      ['2.5', []],
    ],
    '--epsilon': [
      ['0', []],
      ['-0.01', []],
    ],
    '--fraction': [
      ['1', []],
      ['0', []],
    ],
    '--time': [['steps', []]],
  },
  learned: {
    '--depth': [
      ['0', []],
      ['2.5', []],
    ],
    '--stop-time': [['-1', ['≥ 0']]],
    '--epsilon': [
      ['0', []],
      ['-0.01', []],
    ],
    '--fraction': [
      ['1', []],
      ['0', []],
    ],
    '--time': [['steps', []]],
  },
  simulate: {
    ...FEATURE_COMMAND_VALUES,
    '--lr': [
      ['0', ['positive']],
      ['-0.1', []],
    ],
    '--steps': [
      ['-1', ['≥ 0']],
      ['2.5', []],
    ],
    '--init': [
      ['diagonal', ['aligned, rotated, random']],
      ['', []],
    ],
    '--samples': [
      ['0', ['≥ 1']],
      ['1.5', []],
    ],
    '--seed': [
      ['-1', ['0 to 4294967295']],
      ['4294967296', []],
      ['1.5', []],
    ],
    '--ema': [
      ['1', ['0 ≤ τ < 1']],
      ['-0.1', []],
    ],
    '--record-every': [
      ['0', ['≥ 1']],
      ['1.5', []],
    ],
    '--fraction': [
      ['1', []],
      ['0', []],
    ],
    '--step-control': [
      ['0', ['positive']],
      ['-0.1', []],
    ],
    '--backend': [
      ['gpu', ['auto, wasm-fma, wasm, js, reference']],
      ['', []],
    ],
    '--threads': [
      ['0', ['from 1 to 64']],
      ['65', []],
      ['1.5', []],
      ['', []],
    ],
  },
  derive: {
    '--objective': [
      ['byol', []],
      ['', []],
    ],
    '--depth': [
      ['0', ['from 1 to 12']],
      ['13', []],
      ['2.5', []],
    ],
    '--format': [
      ['pdf', ['text, latex, js']],
      ['', []],
    ],
  },
};

/** Arguments of a row that sets `flag` to `value` (replacing it in the base, or appending it). */
function rowArgs(base: string[], flag: string, value: string | null): string[] {
  if (value === null) return [...base.filter((a, i) => a !== flag && base[i - 1] !== flag), flag];
  return withFlag(base, flag, value);
}

/** The table: for each command and flag, the bad values of its kind. */
function table(): Row[] {
  const rows: Row[] = [];
  const add = (command: string, flag: string, value: string | null, base: string[], mentions: (string | RegExp)[] = []): void => {
    rows.push({ command, flag, value, args: rowArgs(base, flag, value), mentions });
  };
  for (const [command, flags] of Object.entries(SPECIFIC)) {
    for (const [flag, specific] of Object.entries(flags)) {
      for (const [value, mentions] of specific) add(command, flag, value, BASE[command], mentions);
      add(command, flag, null, BASE[command], ['argument missing']);
    }
  }
  // the common junk for every numeric flag (the choice flags have their own rows above)
  const numeric: Record<string, string[]> = {
    'critical-time': ['--depth', '--lambda', '--rho', '--sigma2', '--epsilon', '--fraction'],
    solve: ['--depth', '--lambda', '--rho', '--sigma2', '--epsilon', '--t-end', '--points', '--rtol'],
    order: ['--depth', '--epsilon', '--fraction'],
    learned: ['--depth', '--stop-time', '--epsilon', '--fraction'],
    simulate: [
      '--depth',
      '--lambda',
      '--rho',
      '--sigma2',
      '--epsilon',
      '--lr',
      '--steps',
      '--samples',
      '--seed',
      '--ema',
      '--record-every',
      '--fraction',
      '--step-control',
    ],
    derive: ['--depth'],
  };
  for (const [command, flags] of Object.entries(numeric)) {
    for (const flag of flags) for (const value of NOT_DECIMAL) add(command, flag, value, BASE[command], [JSON.stringify(value)]);
  }
  // derive --flow: its numeric flags, then the rest (each parsed before the CAS is loaded, or refused by the library's validation)
  for (const flag of ['--start', '--fixed-point', '--fraction', '--target-power'])
    for (const value of NOT_DECIMAL) add('derive', flag, value, FLOW_BASE, [JSON.stringify(value)]);
  for (const [flag, value, mentions] of [
    ['--flow', '', []],
    ['--flow', 'sin(u)', ['rational']],
    ['--flow', 'u^0.5 - u', ['u^0.5']],
    ['--param', 'r', ['name=value']],
    ['--param', 'r=', ['name=value']],
    ['--param', '=2', ['name=value']],
    ['--param', 'r=0x10', ['--param r', '"0x10"']],
    ['--param', 'r=1e400', ['--param r']],
    ['--symbolic', 'zz', ['have values']],
    ['--symbolic', '', []],
    ['--fraction', '1', ['0 < p < 1']],
    ['--fraction', '0', []],
    ['--target-power', '0', ['≥ 1']],
    ['--target-power', '1.5', []],
    ['--variable', '1x', ['identifier']],
    ['--variable', '', []],
  ] as const) {
    add('derive', flag, value, FLOW_BASE, [...mentions]);
  }
  for (const flag of ['--flow', '--param', '--symbolic', '--start', '--fixed-point', '--fraction', '--target-power', '--variable'])
    add('derive', flag, null, FLOW_BASE, ['argument missing']);
  // flow-only flags without --flow, and --flow with --objective/--depth
  for (const [flag, value] of [
    ['--param', 'r=2'],
    ['--symbolic', 'r'],
    ['--start', '0.5'],
    ['--fixed-point', '1'],
    ['--fraction', '0.5'],
    ['--target-power', '2'],
    ['--variable', 'w'],
  ] as const) {
    add('derive', flag, value, BASE.derive, ['applies only with --flow']);
  }
  add('derive', '--flow', 'u*(1-u)', BASE.derive, ['replaces --objective and --depth']);
  // sweep, reproduce and worker: their numbers (reproduce --workers is checked before --out), the queue URL, the output folder
  for (const [command, flag, extra] of [
    ['sweep', '--workers', ['0', '1025', '1.5']],
    ['reproduce', '--workers', ['0', '1025', '1.5']],
    ['worker', '--concurrency', ['0', '1.5']],
    ['worker', '--max-job-bytes', ['0']],
    ['worker', '--lock-duration', ['99']],
    ['worker', '--stalled-interval', ['99']],
    ['worker', '--idle-exit', ['0', '-1']],
  ] as const) {
    for (const value of [...NOT_DECIMAL, ...extra]) add(command, flag, value, BASE[command], [JSON.stringify(value)]);
    add(command, flag, null, BASE[command], ['argument missing']);
  }
  for (const command of ['sweep', 'worker']) {
    for (const [value, mentions] of [
      ['http://127.0.0.1:6379', ['redis://']],
      ['not a url', ['must be a URL']],
      ['', []],
      ['redis://127.0.0.1:1', ['cannot reach Redis']],
    ] as const) {
      // sweep --queue runs on the queue: without --workers
      add(command, '--queue', value, command === 'sweep' ? [join(dir, 'sweep.json')] : BASE.worker, [...mentions]);
    }
    add(command, '--queue', null, command === 'sweep' ? [join(dir, 'sweep.json')] : [], ['argument missing']);
  }
  for (const [value, mentions] of [
    ['', ['must name a folder']],
    ['/proc/nope', ['/proc']],
    ['/dev/null', ['/dev']],
    ['/', ['root folder']],
  ] as const) {
    add('sweep', '--out', value, BASE.sweep, [...mentions]);
  }
  add('sweep', '--out', file('a-file'), BASE.sweep, ['not a folder']);
  add('sweep', '--out', null, BASE.sweep, ['argument missing']);
  rows.push({ command: 'sweep', flag: '--detach', value: null, args: [...BASE.sweep, '--detach'], mentions: ['needs --queue'] });
  rows.push({
    command: 'sweep',
    flag: '--workers',
    value: '2',
    args: [...BASE.sweep, '--queue', 'redis://127.0.0.1:1'],
    mentions: ['applies to local sweeps'],
  });
  rows.push({ command: 'worker', flag: '--queue', value: null, args: ['--concurrency', '1'], mentions: ['is required'] });
  // --batch-size needs --samples: its rows carry a valid --samples
  const withSamples = withFlag(withFlag(BASE.simulate, '--lambda', '0.5'), '--samples', '64');
  for (const value of [...NOT_DECIMAL, '0', '65', '2.5']) add('simulate', '--batch-size', value, withSamples);
  add('simulate', '--batch-size', '8', BASE.simulate, ['needs --samples']);
  add('simulate', '--batch-size', null, withSamples, ['argument missing']);
  // --features FILE
  for (const [command, base] of Object.entries(FILE_BASE)) {
    for (const [name, mentions] of [
      ['no-such-file.json', ['cannot be read']],
      ['not-json.json', ['must be JSON']],
      ['empty.json', ['nonempty JSON array']],
      ['object.json', ['nonempty JSON array']],
      ['unknown-key.json', ['unknown key "mu"']],
      ['string-number.json', ['must be a number']],
      ['one-key.json', []],
      ['inconsistent.json', []],
      ['', []],
    ] as const) {
      add(command, '--features', name === '' ? '' : file(name), base, [...mentions]);
    }
    add(command, '--features', null, base, ['argument missing']);
  }
  for (const command of ['solve', 'simulate']) {
    add(command, '--features', 'docs/examples/features-ab.json', BASE[command], ['cannot be combined']);
  }
  // learned --dynamic FILE: the dynamic model's (a, q, γ²) per feature
  for (const [name, mentions] of [
    ['no-such-file.json', ['cannot be read']],
    ['not-json.json', ['cannot be read as JSON']],
    ['empty.json', ['nonempty JSON array']],
    ['dynamic-unknown-key.json', ['unknown key "noise"']],
    ['dynamic-a.json', ['entry 0 "a"', '|a| < 1']],
    ['dynamic-q.json', ['entry 1 "q"', 'positive']],
    ['dynamic-missing.json', ['entry 0 "gamma2"', 'must be a number']],
    ['', []],
  ] as const) {
    add('learned', '--dynamic', name === '' ? '' : file(name), FILE_BASE.learned, [...mentions]);
  }
  add('learned', '--dynamic', null, FILE_BASE.learned, ['argument missing']);
  add('learned', '--dynamic', file('empty.json'), BASE.learned, ['exactly one of --features FILE and --dynamic FILE']);
  // reproduce --out: refused before anything is computed
  for (const [value, mentions] of [
    ['', ['must name a folder']],
    ['/proc/nope', ['/proc']],
    ['/proc/self/results', ['/proc']],
    ['/sys/kernel/results', ['/sys']],
    ['/dev/null', ['/dev']],
    ['/', ['root folder']],
    ['.', ['current folder']],
    ['..', ['current folder']],
  ] as const) {
    add('reproduce', '--out', value, ['--quick'], [...mentions]);
  }
  add('reproduce', '--out', file('a-file'), ['--quick'], ['not a folder']);
  add('reproduce', '--out', file('foreign'), ['--quick'], ['"thesis.tex"', 'did not write']);
  add('reproduce', '--out', null, ['--quick'], ['argument missing']);
  // boolean flags take no value
  const booleans: Record<string, string[]> = {
    'critical-time': ['--json'],
    solve: ['--json', '--csv', '--coupled', '--matrix'],
    order: ['--json'],
    learned: ['--json'],
    simulate: ['--json'],
    reproduce: ['--json', '--quick', '--full'],
    derive: ['--json', '--standalone'],
    sweep: ['--json', '--dry-run', '--detach'],
  };
  for (const [command, flags] of Object.entries(booleans)) {
    for (const flag of flags)
      rows.push({ command, flag, value: 'yes', args: [...BASE[command], `${flag}=yes`], mentions: ['unknown option'] });
  }
  // solve --matrix: the full matrix dynamics' flags
  const matrixBase = [...BASE.solve, '--matrix'];
  for (const [flag, values] of [
    [
      '--d',
      [
        ['0', ['≥ 1']],
        ['2.5', []],
        ['2', ['does not match']],
      ],
    ],
    [
      '--init',
      [
        ['diagonal', ['aligned, rotated, random']],
        ['', []],
      ],
    ],
    [
      '--seed',
      [
        ['-1', ['0 to 4294967295']],
        ['4294967296', []],
        ['1.5', []],
      ],
    ],
    [
      '--covariances',
      [
        [join(dir, 'no-such-file.json'), ['cannot be read']],
        [file('not-json.json'), ['must be JSON']],
        ['', []],
      ],
    ],
  ] as const) {
    for (const [value, mentions] of values)
      add(
        'solve',
        flag,
        value,
        flag === '--d'
          ? [...FILE_BASE.solve, '--features', 'docs/examples/features-ab.json', '--matrix']
          : flag === '--covariances'
            ? [...FILE_BASE.solve, '--matrix']
            : matrixBase,
        [...mentions],
      );
    add('solve', flag, null, matrixBase, ['argument missing']);
    // without --matrix, each of them is refused by name
    add('solve', flag, flag === '--covariances' ? file('not-json.json') : '1', BASE.solve, ['needs --matrix']);
  }
  // simulate --d: the width (a single feature repeated, or the count of --features)
  for (const [value, mentions] of [
    ['0', ['from 1 to 4096']],
    ['4097', []],
    ['2.5', []],
  ] as const)
    add('simulate', '--d', value, BASE.simulate, [...mentions]);
  add('simulate', '--d', '2', [...FILE_BASE.simulate, '--features', 'docs/examples/features-ab.json'], ['does not match']);
  add('simulate', '--d', null, BASE.simulate, ['argument missing']);
  // simulate --covariances: a file like solve --matrix's, and it replaces the features
  for (const [value, mentions] of [
    [join(dir, 'no-such-file.json'), ['cannot be read']],
    [file('not-json.json'), ['must be JSON']],
    ['', []],
  ] as const)
    add('simulate', '--covariances', value, FILE_BASE.simulate, [...mentions]);
  add('simulate', '--covariances', null, FILE_BASE.simulate, ['argument missing']);
  add('simulate', '--covariances', file('not-json.json'), BASE.simulate, ['replaces the features']);
  // combinations that are refused
  rows.push({ command: 'solve', flag: '--csv', value: null, args: [...BASE.solve, '--json', '--csv'], mentions: ['exclude each other'] });
  rows.push({
    command: 'reproduce',
    flag: '--full',
    value: null,
    args: [...BASE.reproduce, '--full'],
    mentions: ['--quick and --full exclude each other'],
  });
  rows.push({
    command: 'solve',
    flag: '--coupled',
    value: null,
    args: [...BASE.solve, '--coupled', '--formulation', 'layerwise'],
    mentions: ['per-layer formulation only'],
  });
  add('simulate', '--ema', '0.5', withFlag(BASE.simulate, '--objective', 'mae'), ['only to --objective jepa']);
  add('simulate', '--threads', '2', withFlag(BASE.simulate, '--backend', 'js'), ['needs --backend auto, wasm or wasm-fma']);
  add('simulate', '--threads', '2', [...FILE_BASE.simulate, '--covariances', file('covariances-2.json')], ['trains on one thread']);
  rows.push({
    command: 'derive',
    flag: '--standalone',
    value: null,
    args: [...BASE.derive, '--format', 'text', '--standalone'],
    mentions: ['--format latex only'],
  });
  rows.push({
    command: 'derive',
    flag: '--standalone',
    value: null,
    args: [...FLOW_BASE, '--format', 'latex', '--standalone'],
    mentions: ['not to --flow'],
  });
  // the program's own flags
  rows.push({ command: '', flag: '--version', value: 'yes', args: ['--version=yes'], mentions: ['unknown option'] });
  return rows;
}

const rows = table();

describe('the bad-input table', () => {
  it('has rows for every flag of every command, as commander defines them', async () => {
    const program = await buildProgram();
    const defined = [
      ...program.options.flatMap((o) => (o.long === undefined ? [] : [`${''} ${o.long}`])),
      ...program.commands.flatMap((c) => c.options.flatMap((o) => (o.long === undefined ? [] : [`${c.name()} ${o.long}`]))),
    ];
    const covered = new Set(rows.map((r) => `${r.command} ${r.flag}`));
    expect(defined.filter((f) => !covered.has(f))).toEqual([]);
    // and no row names a flag that does not exist
    expect([...covered].filter((f) => !defined.includes(f))).toEqual([]);
    // the size of the table, for the record (flags × cases)
    expect(defined.length).toBeGreaterThanOrEqual(59);
    expect(rows.length).toBeGreaterThan(600);
  });

  it('every row exits 2 with nothing on stdout and one line on stderr naming the flag', () => {
    const failures: string[] = [];
    for (const row of rows) {
      const args = row.command === '' ? row.args : [row.command, ...row.args];
      const r = runCli(args);
      try {
        expectFailure(r, 2, row.flag, ...row.mentions);
      } catch (error) {
        failures.push(
          `${JSON.stringify(args)} → status ${r.status}, stdout ${JSON.stringify(r.stdout.slice(0, 80))}, stderr ${JSON.stringify(r.stderr)}`,
        );
        if (failures.length > 20) break;
        void error;
      }
    }
    expect(failures).toEqual([]);
  }, 180_000); // hundreds of CLI processes one after another: 64–93 s at a load average of 15 on 2 cores
});

describe('the built program, in child processes', () => {
  it('rows of each kind give the same status and message as in the worker (a sample, in parallel)', async () => {
    // the first row of each command, and every 101st row
    const sample = rows.filter((row, i) => i % 101 === 0 || rows.findIndex((r) => r.command === row.command) === i);
    const results = await Promise.all(sample.map((row) => spawnCli(row.command === '' ? row.args : [row.command, ...row.args])));
    sample.forEach((row, i) => expectFailure(results[i], 2, row.flag, ...row.mentions));
  });

  it('reproduce --out in a folder the user cannot write in: exit 2, one sentence, before computing', async () => {
    const out = join(dir, 'read-only', 'results');
    // root writes anywhere: run as nobody (65534) then, for whom the folder (0555, owned by root) is read-only
    const asRoot = process.getuid?.() === 0;
    const r = await spawnCli(['reproduce', '--quick', '--out', out], { uid: asRoot ? 65534 : undefined });
    expectFailure(r, 2, '--out', 'cannot be written', 'no permission');
  });
});
