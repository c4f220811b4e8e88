/**
 * `criticalTimes` for its closed-form methods, on the batched kernel.
 *
 * @module
 */
import { InvalidArgumentError, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import {
  BATCH_CRITICAL_TIME_METHODS,
  CRITICAL_TIME_STATUSES,
  criticalTimeBatchKernel,
  type CriticalTimeBatch,
} from './criticalTimeBatch.js';
import { noCriticalTimeMessage } from './criticalTarget.js';
import type { CriticalTimeResult, Feature } from './types.js';

/** The validated settings `criticalTimes` hands over (its own, already checked). */
export interface ClosedFormSetting {
  /** The public function to name in messages. */
  readonly where: string;
  readonly objective: Objective;
  readonly depth: number;
  readonly epsilon: number;
  readonly fraction: number;
  readonly method: (typeof BATCH_CRITICAL_TIME_METHODS)[number];
  readonly timeUnit: TimeUnit;
}

/**
 * The critical times of validated features, computed by {@link criticalTimeBatchKernel} and
 * returned as `criticalTime` returns them: entry i is what `criticalTime(features[i], …)`
 * gives, to the last bit, messages included. Internal.
 * @throws {@link InvalidArgumentError} as `criticalTime` does when a t* exceeds the largest double.
 */
export function criticalTimeResults(features: readonly Feature[], s: ClosedFormSetting): CriticalTimeResult[] {
  const n = features.length;
  const columns = { length: n, sigma2: new Float64Array(n), lambda: new Float64Array(n), rho: new Float64Array(n) };
  features.forEach((f, i) => {
    columns.sigma2[i] = f.sigma2;
    columns.lambda[i] = f.lambda;
    columns.rho[i] = f.rho;
  });
  const out: CriticalTimeBatch = {
    t: new Float64Array(n),
    status: new Uint8Array(n),
    uStar: new Float64Array(n),
    wbarTarget: new Float64Array(n),
  };
  const single = (value: number): { value: number; column: null } => ({ value, column: null });
  criticalTimeBatchKernel(s.objective, s.method, s.timeUnit, columns, single(s.depth), single(s.epsilon), single(s.fraction), out);
  return features.map((f, i): CriticalTimeResult => {
    const status = CRITICAL_TIME_STATUSES[out.status[i]];
    switch (status) {
      case 'exists':
        return { exists: true, t: out.t[i], uStar: out.uStar[i], wbarTarget: out.wbarTarget[i] };
      case 'rho-not-positive':
      case 'start-not-below-target':
        return {
          exists: false,
          reason: status,
          message: noCriticalTimeMessage(status, s.objective, f.rho, s.depth, s.epsilon, s.fraction),
        };
      case 'overflow':
        // the words of criticalTime: t* ~ ε^{−(2L−1)/L} beyond the largest double, where a number would be a lie
        throw new InvalidArgumentError(
          s.where,
          'epsilon',
          `is so small that t* overflows double precision (method ${s.method}, t = ${Number.POSITIVE_INFINITY})`,
          s.epsilon,
        );
      default: {
        const never: never = status;
        return never;
      }
    }
  });
}
