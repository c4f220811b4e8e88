import { validateDepth, validateObjective, type Objective } from '@jepa-dynamics/core';

/**
 * Which terms {@link leadingOrderCriticalTime} (`critical-time --method leading-order`) sums,
 * stated so that its output can say so: whether the logarithmic term of the ε → 0
 * expansion (docs/math.md §3; the `derive` command's leading order includes it) is part of it.
 */
export interface LeadingOrderTerms {
  /**
   * `'excluded'`: JEPA, the paper's sum without the log term `ρ^{1−2L} ln(1/ε)/(Lλ)`;
   * `'none'`: MAE at L ≥ 2, whose expansion has no log term; `'included'`: MAE at L = 1,
   * where the method is the exact formula (its leading order is the log term `ln(1/ε)/λ`).
   */
  readonly logTerm: 'included' | 'excluded' | 'none';
  /** One phrase naming the sum, for output next to the number. */
  readonly description: string;
}

/**
 * The terms of the leading-order critical time for an objective and depth.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L, integer ≥ 1.
 * @returns whether the log term is included, and a one-phrase description.
 * @throws {@link InvalidArgumentError} for an invalid objective or depth.
 * @example
 * ```ts
 * leadingOrderTerms('jepa', 2).logTerm; // => "excluded"
 * leadingOrderTerms('mae', 1).logTerm; // => "included"
 * ```
 */
export function leadingOrderTerms(objective: Objective, depth: number): LeadingOrderTerms {
  const where = 'leadingOrderTerms';
  const o = validateObjective(where, objective);
  const L = validateDepth(where, depth);
  switch (o) {
    case 'jepa':
      return {
        logTerm: 'excluded',
        description: `the paper's sum (1/λ)Σ_{n=1}^{2L−1} 1/(n ρ^{2L−1−n} ε^{n/L}), without the log term ρ^{1−2L} ln(1/ε)/(Lλ) (L = ${L})`,
      };
    case 'mae':
      return L === 1
        ? { logTerm: 'included', description: 'the exact L = 1 formula (1/(2λ)) ln[(p²/(1−p²))(ρ − ε²)/ε²], log term included' }
        : { logTerm: 'none', description: `the singular term ε^{−(L−1)/L}/((L−1)λ); the expansion has no log term at L = ${L}` };
    default: {
      const never: never = o;
      return never;
    }
  }
}
