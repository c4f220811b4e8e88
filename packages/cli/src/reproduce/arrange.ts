/**
 * Small pure helpers that arrange computed values for tables and figures. No
 * mathematics of the theory lives here: every number they handle was computed by a
 * library package.
 * @module
 */
import type { CriticalTimeResult, Objective } from '@jepa-dynamics/ode';

/** Human label of an objective. */
export function objectiveLabel(objective: Objective): string {
  switch (objective) {
    case 'jepa':
      return 'JEPA';
    case 'mae':
      return 'MAE';
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/** `(1, 2)` for λ = 1, ρ = 2: the label under a legend titled "feature (λ, ρ)". */
export function featureLabel(feature: { lambda: number; rho: number }): string {
  return `(${feature.lambda}, ${feature.rho})`;
}

/** The time of a critical-time result, or `null` when it does not exist. */
export function timeOrNull(result: CriticalTimeResult): number | null {
  return result.exists ? result.t : null;
}

/** `n` numbers from `a` to `b` equally spaced on a log scale (endpoints exact). */
export function logGrid(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i === 0 ? a : i === n - 1 ? b : a * Math.pow(b / a, i / (n - 1)));
  return out;
}

/** `n` numbers from `a` to `b` equally spaced (endpoints exact). */
export function linearGrid(a: number, b: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i === n - 1 ? b : a + ((b - a) * i) / (n - 1));
  return out;
}

/** Formats a number with `digits` significant digits for summary text. */
export function fmt(x: number, digits = 3): string {
  return Number(x.toPrecision(digits)).toString();
}

/** The integers from `a` to `b` inclusive. */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
