import type { Certificate } from '../Certificate.js';
import type { Expression } from '../Expression.js';
import type { TimeTerm } from './timeTerm.js';

/** Options of {@link deriveScalarFlow}. */
export interface ScalarFlowOptions {
  /** The variable's name in `rhs`; default `'u'`. The start is written `<variable>0` in the results. */
  variable?: string;
  /**
   * A value for every parameter in `rhs` (plain identifiers, e.g. `{ L: 3, sigma2: 1, rho: 2, gamma: 0.01 }`).
   * Values enter exactly, through their shortest decimal form (0.01 is 1/100).
   */
  parameters?: Readonly<Record<string, number>>;
  /**
   * Parameters kept as symbols in the derived expressions (their values still decide the
   * fixed points, the path and every numeric check). Allowed when the CAS can split the
   * numerator of f into factors linear in u over these symbols; parameters in exponents
   * must not be symbolic. Default: none (every parameter substituted).
   */
  symbolic?: readonly string[];
  /** The start u(0): finite, not a fixed point or pole of f. */
  start: number;
  /**
   * The fixed point u∞ the critical time refers to: `'reached'` (default) the one the flow
   * from the start goes to; a number, the real fixed point nearest to it (which must then be
   * the one reached, else {@link FixedPointNotReachedError}).
   */
  fixedPoint?: number | 'reached';
  /** p in (0, 1): the critical time is the time to u* = p^{1/k}·u∞; default ½. */
  fraction?: number;
  /**
   * k ≥ 1 (integer): the fraction p applies to u^k, so u* = p^{1/k}·u∞ (k = L for the
   * end-to-end weight w̄ = u^L of a balanced deep network). Default 1.
   */
  targetPower?: number;
}

/** A real fixed point of the flow (a real root of its numerator). */
export interface ScalarFlowFixedPoint {
  /** u∞ (to within `radius`). */
  readonly value: number;
  /** The exact value when known (CAS, text, LaTeX), else null. */
  readonly exact: Expression | null;
  /** Certified radius around `value` holding it (0 when exact). */
  readonly radius: number;
  /** Its multiplicity as a root of f's numerator. */
  readonly multiplicity: number;
  /** f′(u∞) (0 for a multiple root). */
  readonly slope: number;
  /**
   * From the sign of f on either side: `'stable'` (flows in from both sides), `'unstable'`
   * (away on both sides), `'semi-stable'` (in from one side only).
   */
  readonly stability: 'stable' | 'unstable' | 'semi-stable';
}

/** The critical time, or why there is none. Never a sentinel number. */
export type ScalarFlowCriticalTime =
  | { readonly exists: true; readonly t: number; readonly uStar: number }
  | { readonly exists: false; readonly reason: 'start-not-below-target' | 'target-is-fixed-point'; readonly message: string };

/** The singular terms of t* as the start approaches the fixed point the path leaves. */
export interface ScalarFlowLeadingOrder {
  /** The fixed point u_s the start tends to (the other end of the path; 0 for the paper's flows). */
  readonly limit: ScalarFlowFixedPoint;
  /** The singular terms of t* (powers of (u0 − u_s) and the log), in u0 and the symbolic parameters. */
  readonly expression: Expression;
  /** The log term alone (`0` when there is none). */
  readonly logTerm: Expression;
  /** lim (t* − expression) as u0 → u_s, at the given parameter values and fraction. */
  readonly remainderLimit: number;
}

/**
 * Fast evaluators of the derived t(u) and t*, at the given parameter values (no `eval`, no
 * `new Function`). Inputs off the path return NaN / null rather than a wrong number.
 */
export interface ScalarFlowEvaluator {
  /**
   * t(u): the time from u0 to u. NaN unless u0 lies in the basin of the path (between the
   * source and u∞, exclusive) and u between u0 and u∞ (u∞ excluded). Default u0: the start.
   */
  readonly tOfU: (u: number, u0?: number) => number;
  /** t* to u* = p^{1/k} u∞; null when u* is not strictly between u0 and u∞ or u0 is off the path. Defaults: the start and the fraction given. */
  readonly criticalTime: (u0?: number, p?: number) => number | null;
  /** The antiderivative's terms (numbers at the parameter values), as the evaluators use them. */
  readonly terms: readonly TimeTerm[];
}

/** Everything {@link deriveScalarFlow} derives, with the certificate of every step. */
export interface ScalarFlowDerivation {
  /** f(u) with the numeric parameters substituted (integer exponents evaluated). */
  readonly rhs: Expression;
  readonly variable: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly symbolic: readonly string[];
  /** f = N/D in lowest terms: N. */
  readonly numerator: Expression;
  /** f = N/D in lowest terms: D. */
  readonly denominator: Expression;
  /** Every real fixed point, increasing. */
  readonly fixedPoints: readonly ScalarFlowFixedPoint[];
  /** The real poles of f (roots of D), increasing. */
  readonly poles: readonly number[];
  /** `'exact'`: every root of N found exactly (rational, or symbolic by the CAS); `'numeric-roots'`: roots with certified inclusion disks. */
  readonly route: 'exact' | 'numeric-roots';
  readonly start: number;
  /** Where the flow goes from the start. */
  readonly path: {
    readonly direction: 'increasing' | 'decreasing';
    /** The fixed point reached, u∞ (the one the critical time refers to). */
    readonly fixedPoint: ScalarFlowFixedPoint;
    /** The fixed point at the other end of the basin (the path's source), or null (a pole or ±∞ there). */
    readonly source: ScalarFlowFixedPoint | null;
  };
  /** dt/ds = D(s)/N(s). */
  readonly integrand: Expression;
  /** Its partial fractions (in s). */
  readonly decomposition: Expression;
  /** F(s) with t(u) = F(u) − F(u0). */
  readonly antiderivative: Expression;
  /** t(u) in u and u0 (and the symbolic parameters). */
  readonly tOfU: Expression;
  readonly fraction: number;
  readonly targetPower: number;
  /** u* = p^{1/k} u∞, in p. */
  readonly uStar: Expression;
  /** t* = t(u*), in p and u0. */
  readonly tStar: Expression;
  /** t* at the given start, fraction and parameter values. */
  readonly criticalTime: ScalarFlowCriticalTime;
  /** The leading order as the start approaches the path's source, or null. */
  readonly leadingOrder: ScalarFlowLeadingOrder | null;
  /** One sentence: what the leading order is, or why there is none. */
  readonly leadingOrderNote: string;
  /** Every certificate, in pipeline order; all hold (a failing one throws). */
  readonly certificates: readonly Certificate[];
  readonly evaluator: ScalarFlowEvaluator;
}
