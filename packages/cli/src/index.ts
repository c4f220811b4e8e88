export { main, buildProgram } from './main.js';
export type { CommandRegistrar } from './main.js';
export { UsageError, NoAnswerError, ComputationError } from './errors.js';
export { nodePoolExecutor } from './sweep/nodePoolExecutor.js';
export { queueExecutor } from './sweep/queueExecutor.js';
export { startNodeProductTeam } from './nodeProductTeam.js';
export type { NodeProductTeam } from './nodeProductTeam.js';
