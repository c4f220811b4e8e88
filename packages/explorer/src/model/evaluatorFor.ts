/**
 * The closed-form evaluators of @jepa-dynamics/symbolic/evaluators (no computer algebra),
 * built once per objective and depth.
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import { jepaTime, maeTime, type TimeEvaluator } from '@jepa-dynamics/symbolic/evaluators';

const cache = new Map<string, TimeEvaluator>();

/**
 * The evaluator of t(u) and t*_p (gradient-flow time) for one objective and depth.
 * @param objective - JEPA or MAE.
 * @param depth - L, 1 … 12.
 * @returns the cached evaluator.
 */
export function evaluatorFor(objective: Objective, depth: number): TimeEvaluator {
  const key = `${objective}:${depth}`;
  let evaluator = cache.get(key);
  if (evaluator === undefined) {
    switch (objective) {
      case 'jepa':
        evaluator = jepaTime(depth);
        break;
      case 'mae':
        evaluator = maeTime(depth);
        break;
      default: {
        const never: never = objective;
        evaluator = never;
      }
    }
    cache.set(key, evaluator);
  }
  return evaluator;
}
