/**
 * Computation of result 9, the phase diagrams: the exact flip depth over a grid by the batched
 * closed form, the CAS-derived ε → 0 law against it, and the features of the dynamic generative
 * model learned by a stopping time under JEPA and under MAE.
 * @module
 */
import { FLIP_DEPTH_STATUSES, flipDepthBatch, learnedBy, type Objective } from '@jepa-dynamics/ode';
import { featureMoments } from '@jepa-dynamics/sim';
import type { Progress } from '../../progress.js';
import type { PhaseDiagramsSettings } from './setting.js';

/** The numbers of terms of the flip-depth law (see `deriveFlipDepthLaw` of @jepa-dynamics/symbolic). */
export const LAW_TERMS = [1, 2, 3] as const;
/** One of {@link LAW_TERMS}. */
export type LawTerms = (typeof LAW_TERMS)[number];

/** One grid point. */
export interface FlipDepthPoint {
  lambdaRatio: number;
  rhoRatio: number;
  epsilon: number;
  fraction: number;
  /** The exact JEPA flip depth (smallest L with t*_A < t*_B); null if none up to maxDepth. */
  jepa: number | null;
  /** The same under MAE, up to maeMaxDepth. */
  mae: number | null;
  /** The law's prediction with 1, 2, 3 terms. */
  law: Record<LawTerms, number>;
}

/** How well the law with a given number of terms predicts the exact flip depth. */
export interface LawAgreement {
  terms: LawTerms;
  /** Points compared (those with an exact JEPA flip depth). */
  points: number;
  /** Fraction of them where the law's depth equals the exact one. */
  exactFraction: number;
  /** Largest |L*_law − L*_exact|. */
  largestDeviation: number;
  /** The same two over the points with ε ≤ `smallEpsilon`. */
  small: { points: number; exactFraction: number; largestDeviation: number };
}

/** One feature of the dynamic model's diagram. */
export interface DynamicFeature {
  autoregression: number;
  noiseVariance: number;
  /** Innovation variance q = s(1 − a²). */
  innovationVariance: number;
  lambda: number;
  rho: number;
  sigma2: number;
  /** Critical time per objective (gradient-flow time); null where none exists. */
  criticalTime: Record<Objective, number | null>;
  /** Learned by the objective's stopping time. */
  learned: Record<Objective, boolean>;
}

/** Result 9's data. */
export interface PhaseDiagramsData {
  settings: PhaseDiagramsSettings;
  /** The grid, λ-ratio-major, then ρ ratio, ε, p. */
  points: FlipDepthPoint[];
  /** The law's expressions as the CAS derived them (plain text), and whether every certificate held. */
  law: { boundary: string; curvature: string; inverseDepthCoefficient: string; certified: boolean };
  /** Agreement of the law with the exact flip depth, per number of terms. */
  agreement: LawAgreement[];
  /** The ε at and below which `agreement[].small` counts. */
  smallEpsilon: number;
  /** (λ, ρ, ε) cells of the grid whose flip depth differs between fractions p (when there are several p). */
  fractionSensitive: { cells: number; of: number };
  /** The exact JEPA flip depth at the quoted pair and ε (p = ½), in the order of `settings.quoted.epsilons`. */
  quoted: (number | null)[];
  /** The dynamic model's features, a-major. */
  dynamic: {
    features: DynamicFeature[];
    /** Per objective: the stopping time T, the critical time of its ⌈learnedShare·n⌉-th feature (n = grid size). */
    stopTime: Record<Objective, number>;
    /** Per objective: is the learned set {ρ above a threshold} / {λ above a threshold}? */
    separable: Record<Objective, { byRho: boolean; byLambda: boolean }>;
  };
}

/** The ε at and below which the law is judged separately (the asymptotic regime). */
const SMALL_EPSILON = 1e-4;

function agreementOf(points: readonly FlipDepthPoint[], terms: LawTerms): LawAgreement {
  const measure = (ps: readonly FlipDepthPoint[]): { points: number; exactFraction: number; largestDeviation: number } => {
    const compared = ps.filter((p): p is FlipDepthPoint & { jepa: number } => p.jepa !== null);
    const deviations = compared.map((p) => Math.abs(p.law[terms] - p.jepa));
    return {
      points: compared.length,
      exactFraction: compared.length === 0 ? 0 : deviations.filter((d) => d === 0).length / compared.length,
      largestDeviation: Math.max(0, ...deviations),
    };
  };
  return { terms, ...measure(points), small: measure(points.filter((p) => p.epsilon <= SMALL_EPSILON)) };
}

/** Whether {i : learned} = {i : key(i) > threshold} for some threshold: every learned key above every unlearned one. */
function separable(features: readonly DynamicFeature[], objective: Objective, key: (f: DynamicFeature) => number): boolean {
  const learned = features.filter((f) => f.learned[objective]).map(key);
  const unlearned = features.filter((f) => !f.learned[objective]).map(key);
  return learned.length === 0 || unlearned.length === 0 || Math.min(...learned) > Math.max(...unlearned);
}

function dynamicDiagram(settings: PhaseDiagramsSettings): PhaseDiagramsData['dynamic'] {
  const { autoregression, noiseVariance, stationaryVariance: s, depth, epsilon, fraction, learnedShare } = settings.dynamic;
  const grid = autoregression.flatMap((a) => noiseVariance.map((g) => ({ a, g, q: s * (1 - a * a) })));
  // docs/math.md §4: σ² = s + γ², λ = a s, ρ = a s/(s + γ²), s = q/(1 − a²)
  const moments = featureMoments({
    kind: 'dynamic',
    autoregression: grid.map((x) => x.a),
    innovationVariance: grid.map((x) => x.q),
    noiseVariance: grid.map((x) => x.g),
  });
  const columns = { lambda: moments.map((m) => m.lambda), rho: moments.map((m) => m.rho) };
  const byObjective = (objective: Objective): { t: Float64Array; stopTime: number; learned: Set<number> } => {
    const probe = learnedBy(columns, { objective, depth, epsilon, fraction, stopTime: 0 });
    // the k-th critical time in the learning order: k features have t* ≤ T (ties aside)
    const k = Math.min(Math.ceil(learnedShare * grid.length), probe.order.length);
    const stopTime = probe.t[probe.order[k - 1]];
    return { t: probe.t, stopTime, learned: new Set(learnedBy(columns, { objective, depth, epsilon, fraction, stopTime }).learned) };
  };
  const jepa = byObjective('jepa');
  const mae = byObjective('mae');
  const time = (t: Float64Array, i: number): number | null => (Number.isNaN(t[i]) ? null : t[i]);
  const features = grid.map((x, i) => ({
    autoregression: x.a,
    noiseVariance: x.g,
    innovationVariance: x.q,
    lambda: moments[i].lambda,
    rho: moments[i].rho,
    sigma2: moments[i].sigma2,
    criticalTime: { jepa: time(jepa.t, i), mae: time(mae.t, i) },
    learned: { jepa: jepa.learned.has(i), mae: mae.learned.has(i) },
  }));
  const sep = (o: Objective): { byRho: boolean; byLambda: boolean } => ({
    byRho: separable(features, o, (f) => f.rho),
    byLambda: separable(features, o, (f) => f.lambda),
  });
  return { features, stopTime: { jepa: jepa.stopTime, mae: mae.stopTime }, separable: { jepa: sep('jepa'), mae: sep('mae') } };
}

/**
 * Computes result 9. Cost: the JEPA flip depths by `flipDepthBatch`, O(Σ L*²) over the grid
 * (about 10⁷ multiply–adds at the default 1200 points), the MAE scan to `maeMaxDepth`, the
 * law's CAS derivation (about 3 s, once per process: @jepa-dynamics/symbolic is loaded on
 * first use), and two `learnedBy` calls per objective on the dynamic grid.
 * @param settings - see {@link PhaseDiagramsSettings}.
 * @param progress - called after each of the three parts (law, flip depths, dynamic model).
 * @returns the grid, the law's agreement, the quoted depths and the dynamic diagram.
 * @throws `InvalidArgumentError` (@jepa-dynamics/ode) for invalid settings.
 */
export async function computePhaseDiagrams(settings: PhaseDiagramsSettings, progress?: Progress): Promise<PhaseDiagramsData> {
  // loaded here, not at import: the CAS costs a second to load, which the other results need not pay
  const { deriveFlipDepthLaw } = await import('@jepa-dynamics/symbolic');
  const law = deriveFlipDepthLaw();
  await progress?.('flip-depth law (CAS)');
  const { lambdaRatios, rhoRatios, epsilons, fractions, maxDepth, maeMaxDepth, quoted } = settings;
  const grid = lambdaRatios.flatMap((lambdaRatio) =>
    rhoRatios.flatMap((rhoRatio) =>
      epsilons.flatMap((epsilon) => fractions.map((fraction) => ({ lambdaRatio, rhoRatio, epsilon, fraction }))),
    ),
  );
  const pairs = (g: readonly { lambdaRatio: number; rhoRatio: number }[]) => ({
    a: { lambda: g.map((x) => x.lambdaRatio), rho: g.map((x) => x.rhoRatio) },
    b: { lambda: g.map(() => 1), rho: g.map(() => 1) },
  });
  const flipDepths = (
    objective: Objective,
    g: readonly { lambdaRatio: number; rhoRatio: number; epsilon: number; fraction: number }[],
    depth: number,
  ) => {
    const { a, b } = pairs(g);
    const r = flipDepthBatch(a, b, { objective, epsilon: g.map((x) => x.epsilon), fraction: g.map((x) => x.fraction), maxDepth: depth });
    return Array.from(r.status, (s, i) => (FLIP_DEPTH_STATUSES[s] === 'found' ? r.depth[i] : null));
  };
  const jepa = flipDepths('jepa', grid, maxDepth);
  const mae = flipDepths('mae', grid, maeMaxDepth);
  const points: FlipDepthPoint[] = grid.map((x, i) => ({
    ...x,
    jepa: jepa[i],
    mae: mae[i],
    law: {
      1: law.predict(x.epsilon, x.lambdaRatio, x.rhoRatio, 1),
      2: law.predict(x.epsilon, x.lambdaRatio, x.rhoRatio, 2),
      3: law.predict(x.epsilon, x.lambdaRatio, x.rhoRatio, 3),
    },
  }));
  const quotedDepths = flipDepths(
    'jepa',
    quoted.epsilons.map((epsilon) => ({ lambdaRatio: quoted.lambdaRatio, rhoRatio: quoted.rhoRatio, epsilon, fraction: 0.5 })),
    maxDepth,
  );
  const cells = new Map<string, Set<number | null>>();
  for (const p of points) {
    const key = `${p.lambdaRatio}|${p.rhoRatio}|${p.epsilon}`;
    const set = cells.get(key) ?? new Set<number | null>();
    set.add(p.jepa);
    cells.set(key, set);
  }
  await progress?.('flip depths');
  const dynamic = dynamicDiagram(settings);
  await progress?.('dynamic model');
  return {
    settings,
    points,
    law: {
      boundary: law.boundary.text,
      curvature: law.curvature.text,
      inverseDepthCoefficient: law.inverseDepthCoefficient.text,
      certified: law.certificates.every((c) => c.holds),
    },
    agreement: LAW_TERMS.map((terms) => agreementOf(points, terms)),
    smallEpsilon: SMALL_EPSILON,
    fractionSensitive: { cells: [...cells.values()].filter((s) => s.size > 1).length, of: cells.size },
    quoted: quotedDepths,
    dynamic,
  };
}
