// The entry point `@jepa-dynamics/symbolic/evaluators`: the derived closed forms as fast
// evaluators, with no computer algebra (neither algebrite nor mathjs is imported), for
// pages and programs that only evaluate critical times (test/bundle.test.ts checks
// the bundle).
export { jepaTime } from './jepaTime.js';
export { maeTime } from './maeTime.js';
export type { TimeEvaluator } from './TimeEvaluator.js';
export { criticalTimeFormula } from './criticalTimeFormula.js';
export type { CriticalTimeFormulaResult } from './criticalTimeFormula.js';
export { javascriptSource } from './javascriptSource.js';
export { MAX_DEPTH } from './MAX_DEPTH.js';
export type { Objective } from '@jepa-dynamics/core';
