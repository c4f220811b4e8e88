/**
 * The `jepa-dynamics` program: builds the command tree and maps failures to
 * DESIGN.md's exit codes (0 success, 1 no answer, 2 bad usage or invalid input).
 * @module
 */
import { Command, CommanderError } from 'commander';
import { InvalidArgumentError } from '@jepa-dynamics/ode';
import { NoAnswerError, UsageError } from './errors.js';
import { registerReproduce } from './commands/reproduce.js';
import { registerOrder } from './commands/order.js';
import { registerCriticalTime } from './commands/critical-time.js';
import { registerSolve } from './commands/solve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerDerive } from './commands/derive.js';

/** Every command registers itself on the program through one of these. */
export type CommandRegistrar = (program: Command) => void;

/** The commands, in the order `--help` lists them. Each lives in `commands/<name>.ts`. */
const registrars: CommandRegistrar[] = [registerCriticalTime, registerSolve, registerOrder, registerSimulate, registerReproduce, registerDerive];

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('jepa-dynamics')
    .description('Training dynamics of deep linear JEPA and MAE (Littwin et al., NeurIPS 2024).')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // commander's own usage errors ("error: unknown option '--x'") get the same prefix as ours
      outputError: (s, write) => write(`jepa-dynamics: ${s.replace(/^error: /, '')}`),
    });
  for (const register of registrars) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the program on `argv` (as `process.argv`: node, script, then arguments)
 * and returns the exit status. Never throws for user errors.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
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
    throw error;
  }
}
