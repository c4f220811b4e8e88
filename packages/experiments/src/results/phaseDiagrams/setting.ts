/**
 * Settings of result 9, the phase diagrams.
 * @module
 */
import type { RunMode } from '../../runMode.js';

/** The dynamic generative model's grid of features (docs/math.md §4) and the run they are learned in. */
export interface DynamicModelGrid {
  /** Autoregression coefficients a (0 < a < 1), one axis of the diagram. */
  autoregression: number[];
  /** Observation-noise variances γ² ≥ 0, the other axis. */
  noiseVariance: number[];
  /** Stationary variance s of every feature: the innovation variance is q = s(1 − a²), so that λ = a s. */
  stationaryVariance: number;
  /** Encoder depth L. */
  depth: number;
  /** Initialisation scale ε. */
  epsilon: number;
  /** Fraction p of w̄∞ that counts as learned. */
  fraction: number;
  /**
   * Share of the grid each objective has learned at its stopping time: T is the critical time of
   * its ⌈share·n⌉-th feature, so both objectives have learned equally many and the sets compare.
   */
  learnedShare: number;
}

/**
 * What result 9 computes. Pairs: B = (λ = 1, ρ = 1), A = (λ = λ_A/λ_B, ρ = ρ_A/ρ_B); the flip
 * depth depends on λ only through the ratio (t* ∝ 1/λ) but on ρ_B itself (through ε^{1/L}/ρ),
 * so ρ_B = 1 fixes the unit of ρ.
 */
export interface PhaseDiagramsSettings {
  /** λ_A/λ_B, each in (0, 1): A has the smaller covariance. */
  lambdaRatios: number[];
  /** ρ_A/ρ_B, each above 1: A has the larger regression coefficient. */
  rhoRatios: number[];
  /** Initialisation scales ε, each in (0, 1). */
  epsilons: number[];
  /** Fractions p of w̄∞ defining t*_p. */
  fractions: number[];
  /** Largest depth scanned for a flip (JEPA). */
  maxDepth: number;
  /** Largest depth scanned for a flip under MAE (whose leading order never flips). */
  maeMaxDepth: number;
  /** The pair and scales whose flip depths issue 17 quotes (λ_B/λ_A = 2, ρ_A/ρ_B = 3, p = ½). */
  quoted: { lambdaRatio: number; rhoRatio: number; epsilons: number[] };
  /** The ε of the figure's L* map (p = ½). */
  figureEpsilon: number;
  /** The dynamic model's diagram. */
  dynamic: DynamicModelGrid;
}

/** 10^{−x}, as the decimal literal `1e-x` where x is an integer (`10 ** -4` is 0.00009999999999999999, not 1e-4). */
const powerOfTen = (x: number): number => (Number.isInteger(x) ? Number(`1e-${x}`) : 10 ** -x);

/** ε = 10^{−k/2}, k = 2 … 16, and 3e-2 (the scale between 1e-1 and 1e-2), as the fixture of packages/ode's tests. */
const HALF_DECADES = [...Array.from({ length: 15 }, (_, i) => powerOfTen((i + 2) / 2)), 3e-2];

/**
 * The settings of result 9. Quick: a 3 × 3 × 5 grid at p = ½. Full (the default run): the
 * 5 × 5 × 16 × 3 = 1200-point grid of λ_A/λ_B ∈ {0.2, 0.4, 0.5, 0.6, 0.8},
 * ρ_A/ρ_B ∈ {1.5, 2, 3, 5, 10}, ε = 10^{−k/2} (k = 2…16) and 3e-2, p ∈ {¼, ½, ¾}.
 * Extended (`reproduce --full`): 9 × 9 × 29 × 5 = 11 745 points, ε down to 1e-8 in quarter
 * decades. The dynamic model: a ∈ (0, 1), γ² ∈ [0, 4], s = 1, L = 4, ε = 1e-3, each
 * objective stopped when it has learned a quarter of the features.
 * @param mode - quick, full or extended.
 * @returns a new settings object.
 * @example
 * ```ts
 * const s = phaseDiagramsSettings('full');
 * s.lambdaRatios.length * s.rhoRatios.length * s.epsilons.length * s.fractions.length; // => 1200
 * ```
 */
export function phaseDiagramsSettings(mode: RunMode): PhaseDiagramsSettings {
  const quoted = { lambdaRatio: 0.5, rhoRatio: 3, epsilons: [1e-1, 3e-2, 1e-2, 1e-3, 1e-4, 1e-6] };
  const step = (from: number, to: number, by: number): number[] =>
    Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => Math.round((from + i * by) * 1e6) / 1e6);
  const dynamic = (aStep: number, gStep: number): DynamicModelGrid => ({
    autoregression: step(aStep, 1 - aStep, aStep),
    noiseVariance: step(0, 4, gStep),
    stationaryVariance: 1,
    depth: 4,
    epsilon: 1e-3,
    fraction: 0.5,
    learnedShare: 0.25,
  });
  switch (mode) {
    case 'quick':
      return {
        lambdaRatios: [0.2, 0.5, 0.8],
        rhoRatios: [1.5, 3, 10],
        epsilons: [1e-1, 1e-2, 1e-4, 1e-6, 1e-8],
        fractions: [0.5],
        maxDepth: 400,
        maeMaxDepth: 16,
        quoted,
        figureEpsilon: 1e-4,
        dynamic: dynamic(0.1, 0.5),
      };
    case 'full':
      return {
        lambdaRatios: [0.2, 0.4, 0.5, 0.6, 0.8],
        rhoRatios: [1.5, 2, 3, 5, 10],
        epsilons: HALF_DECADES,
        fractions: [0.25, 0.5, 0.75],
        maxDepth: 400,
        maeMaxDepth: 64,
        quoted,
        figureEpsilon: 1e-4,
        dynamic: dynamic(0.05, 0.25),
      };
    case 'extended':
      return {
        lambdaRatios: step(0.1, 0.9, 0.1),
        rhoRatios: [1.25, 1.5, 2, 3, 4, 5, 7, 10, 20],
        epsilons: Array.from({ length: 29 }, (_, i) => powerOfTen((i + 4) / 4)),
        fractions: [0.1, 0.25, 0.5, 0.75, 0.9],
        maxDepth: 2000,
        maeMaxDepth: 64,
        quoted,
        figureEpsilon: 1e-4,
        dynamic: dynamic(0.025, 0.1),
      };
    default: {
      const never: never = mode;
      return never;
    }
  }
}
