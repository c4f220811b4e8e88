import type { Certificate } from './Certificate.js';
import type { Expression } from './Expression.js';

/** Steps 4–6 of the pipeline for one objective and depth. */
export interface IntegralDerivation {
  /** dt/du = 1/(du/dt) in the form integrated (docs/math.md §3). */
  readonly integrand: Expression;
  /** The decomposition integrated term by term (JEPA: partial fractions at n = 2L; MAE: the split plus G's real partial fractions). */
  readonly decomposition: Expression;
  /** An antiderivative F(u) of dt/du, so t(u) = F(u) − F(u0). */
  readonly antiderivative: Expression;
  /** t(u), u0 = ε^{1/L}. */
  readonly tOfU: Expression;
  /** u* at which w̄ = p·w̄∞. */
  readonly uStar: Expression;
  /** t*_p = t(u*). */
  readonly tStar: Expression;
  /** When t*_p exists. */
  readonly existence: string;
  /** The singular terms of t* as ε → 0 (powers ε^{−n/L} and the ln ε term), in ε. */
  readonly leadingOrder: Expression;
  /** The log term alone (`0` when there is none). */
  readonly logTerm: Expression;
  /** t* − leadingOrder, which stays bounded as ε → 0. */
  readonly remainder: Expression;
  /** The certificates of steps 4–6, in order. */
  readonly certificates: readonly Certificate[];
}
