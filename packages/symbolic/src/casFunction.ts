/**
 * Numeric evaluation of a CAS result through a compiled mathjs tree (closures, no
 * `eval`). Used by the certificates' spot checks and as the benchmark baseline; the
 * fast evaluators ({@link jepaTime}, {@link maeTime}) do not go through it.
 *
 * @module
 */
import { parseCas } from './notation.js';

/** A compiled CAS expression: evaluates it for a scope of symbol values. */
export type CasFunction = (scope: Readonly<Record<string, number>>) => number;

/**
 * Compiles a CAS result to a numeric function.
 *
 * @param casString - algebrite output, e.g. `lam*u^2`.
 * @returns a function of a scope; `NaN` when the value is not a real number.
 * @example
 * casFunction('lam*u^2')({ lam: 2, u: 3 }); // => 18
 */
export function casFunction(casString: string): CasFunction {
  const compiled = parseCas(casString).compile();
  return (scope) => {
    const value: unknown = compiled.evaluate({ ...scope });
    return typeof value === 'number' ? value : Number.NaN;
  };
}
