export { InvalidArgumentError, IntegrationError, formatValue } from './errors.js';
export { solveIvp } from './solver/solveIvp.js';
export type {
  RhsFunction,
  JacobianFunction,
  Method,
  EventFunction,
  SolveOptions,
  SolveStatus,
  SolveStats,
  EventRecord,
  SolveResult,
} from './solver/types.js';
