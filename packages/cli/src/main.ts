/**
 * The `jepa-dynamics` program: builds the command tree and maps failures to
 * DESIGN.md's exit codes (0 success, 1 no answer, 2 bad usage or invalid input,
 * 3 the answer exists but the computation could not reach it, 130 interrupted).
 * @module
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { IntegrationError, InvalidArgumentError } from '@jepa-dynamics/ode';
import { ComputationError, NoAnswerError, UsageError } from './errors.js';

/** Every command registers itself on the program through one of these. */
export type CommandRegistrar = (program: Command) => void;

/**
 * The commands, in the order `--help` lists them. Each lives in `commands/<name>.ts` and
 * is imported only when it runs (or for the full help), so that no command pays for
 * loading another's dependencies (the CAS of `derive`, the plotting of `reproduce`).
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<CommandRegistrar>])[] = [
  ['critical-time', async () => (await import('./commands/critical-time.js')).registerCriticalTime],
  ['solve', async () => (await import('./commands/solve.js')).registerSolve],
  ['order', async () => (await import('./commands/order.js')).registerOrder],
  ['simulate', async () => (await import('./commands/simulate.js')).registerSimulate],
  ['reproduce', async () => (await import('./commands/reproduce.js')).registerReproduce],
  ['derive', async () => (await import('./commands/derive.js')).registerDerive],
  ['sweep', async () => (await import('./commands/sweep.js')).registerSweep],
  ['worker', async () => (await import('./commands/worker.js')).registerWorker],
];

/** The version of the command line, from its package.json (packages/cli/package.json, next to src/ and dist/). */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** What a bare `jepa-dynamics` prints (on stderr, exit 2): a few lines, not the full help. */
export function shortUsage(): string {
  return [
    'Usage: jepa-dynamics <command> [options]',
    `Commands: ${COMMANDS.map(([name]) => name).join(', ')}.`,
    "Run 'jepa-dynamics <command> --help' for a command's options, 'jepa-dynamics --help' for all, 'jepa-dynamics --version' for the version.",
    '',
  ].join('\n');
}

/**
 * Builds the program. With the name of a command, only that command is loaded and
 * registered (the program has no options of its own, so a command's name is the first
 * argument); with none, or with anything that is not a command's name (`--help`,
 * `help`, a typo), every command is, so help and "unknown command" read as always.
 * @param commandName - the first argument after the script, if any.
 * @returns the program, ready to parse.
 */
export async function buildProgram(commandName?: string): Promise<Command> {
  const program = new Command('jepa-dynamics')
    .description('Training dynamics of deep linear JEPA and MAE (Littwin et al., NeurIPS 2024).')
    .version(cliVersion(), '--version', 'print the version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // commander's own usage errors ("error: unknown option '--x'") get the same prefix as ours,
      // on one line (its "(Did you mean --quick?)" follows on a second line)
      outputError: (s, write) =>
        write(
          `jepa-dynamics: ${s
            .replace(/^error: /, '')
            .trimEnd()
            .replace(/\n/g, ' ')}\n`,
        ),
    });
  const named = COMMANDS.filter(([name]) => name === commandName);
  // --version needs no command; anything else that is not a command's name gets them all (help, errors)
  const load = commandName === '--version' ? [] : named.length > 0 ? named : COMMANDS;
  for (const [, loadCommand] of load) (await loadCommand())(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the program on `argv` (as `process.argv`: node, script, then arguments)
 * and returns the exit status. Never throws for user errors.
 */
export async function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedStdout();
  if (argv.length <= 2) {
    process.stderr.write(shortUsage());
    return 2;
  }
  const program = await buildProgram(argv[2]);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; commander has already printed its own message
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof InvalidArgumentError) {
      process.stderr.write(`jepa-dynamics: ${error.message}\n`);
      return 2;
    }
    if (error instanceof NoAnswerError) {
      process.stderr.write(`jepa-dynamics: ${error.message}\n`);
      return 1;
    }
    if (error instanceof IntegrationError || error instanceof ComputationError) {
      // the answer exists, the computation could not reach it: the message names the status and the time reached
      // (an integration failure) or the step that could not be certified (a derivation)
      process.stderr.write(`jepa-dynamics: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

/**
 * A reader that closes early (`jepa-dynamics simulate … --json | head -1`) makes the next
 * write to stdout fail with EPIPE: the output is no longer wanted, so the command ends
 * there, with status 0 and nothing on stderr, instead of an unhandled-error stack trace.
 */
function endQuietlyOnClosedStdout(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
