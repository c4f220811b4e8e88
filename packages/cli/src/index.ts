export { main, buildProgram } from './main.js';
export type { CommandRegistrar } from './main.js';
export { UsageError, NoAnswerError, ComputationError } from './errors.js';
