/**
 * Fixed points, their stability, and where the flow goes from the start: the real roots of
 * N and D cut the line into intervals on which f has one sign; the start's interval and
 * the sign of f there decide the fixed point reached (its end in the flow's direction) and
 * the path's source (the other end).
 *
 * @module
 */
import { numericCertificate, spotCheck, type Certificate } from '../Certificate.js';
import { FixedPointNotReachedError } from '../FixedPointNotReachedError.js';
import type { FlowRoot } from './flowRoot.js';

/** A real fixed point with its stability (numbers only; the caller adds the exact form). */
export interface FixedPointInfo {
  readonly root: FlowRoot;
  /** f ≈ c (u − u∞)^m near the fixed point. */
  readonly leadingCoefficient: number;
  readonly slope: number;
  readonly stability: 'stable' | 'unstable' | 'semi-stable';
}

/** Where the flow goes; see {@link flowPath}. */
export interface FlowPath {
  readonly fixedPoints: readonly FixedPointInfo[];
  readonly direction: 1 | -1;
  /** Index into `fixedPoints` of the one reached. */
  readonly reached: number;
  /** Index into `fixedPoints` of the source, or −1 (a pole or ±∞ at the other end). */
  readonly source: number;
  /** The other end of the basin: the source's value, a pole, or ±∞. */
  readonly otherEnd: number;
  /** What the other end is. */
  readonly otherEndKind: 'fixed-point' | 'pole' | 'infinity';
  readonly certificate: Certificate;
}

/** The inputs of {@link flowPath}. */
export interface FlowPathInput {
  /** All roots of N (real and complex) with multiplicities. */
  readonly numeratorRoots: readonly FlowRoot[];
  /** N's leading coefficient (value). */
  readonly lead: number;
  /** Real roots of D (poles of f). */
  readonly poles: readonly FlowRoot[];
  /** D(u) (value at the parameters). */
  readonly denominator: (u: number) => number;
  /** f(u) from the parsed tree (independent of N/D), for the sign checks. */
  readonly f: (u: number) => number;
  readonly start: number;
  readonly fixedPoint: number | 'reached';
  readonly variable: string;
  readonly where: string;
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function show(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6).replace(/\.?0+(e|$)/, '$1');
}

/**
 * Classifies the fixed points and follows the flow from the start.
 *
 * @param input - roots, poles, f, start and the fixed point asked for.
 * @returns fixed points, direction, the one reached and the source, with the certificate `fixed-points` (numeric route: the predicted sign of f on every interval between consecutive fixed points and poles against f itself at the interval's midpoint).
 * @throws {FixedPointNotReachedError} when the start is a fixed point, no fixed point lies in the flow's direction, or the one asked for is not the one reached.
 * @throws {InvalidArgumentError} is not thrown here: the caller has checked the start is finite and not a pole.
 */
export function flowPath(input: FlowPathInput): FlowPath {
  const { numeratorRoots, lead, start, variable: u } = input;
  const real = numeratorRoots.filter((r) => r.real);
  const fixedPoints: FixedPointInfo[] = real.map((root) => {
    // c = lead·Π_{j≠root} (u∞ − r_j)^{m_j} / D(u∞): f ≈ c (u − u∞)^m
    let pr = lead;
    let pi = 0;
    for (const other of numeratorRoots) {
      if (other === root) continue;
      for (let k = 0; k < other.multiplicity; k++)
        [pr, pi] = [pr * (root.re - other.re) - pi * -other.im, pr * -other.im + pi * (root.re - other.re)];
    }
    const c = pr / input.denominator(root.re);
    const right = sign(c);
    const left = root.multiplicity % 2 === 0 ? right : -right;
    const stability = left > 0 && right < 0 ? 'stable' : left < 0 && right > 0 ? 'unstable' : 'semi-stable';
    return { root, leadingCoefficient: c, slope: root.multiplicity === 1 ? c : 0, stability };
  });

  // the sign of f on each interval between consecutive critical points, predicted from the fixed points' expansions, against f itself
  const critical = [
    ...real.map((r) => ({ x: r.re, radius: r.radius, fixed: fixedPoints.find((p) => p.root === r) ?? null })),
    ...input.poles.map((r) => ({ x: r.re, radius: r.radius, fixed: null })),
  ].sort((a, b) => a.x - b.x);
  const pairs: (readonly [number, number])[] = [];
  for (let i = 0; i <= critical.length; i++) {
    const lo = i > 0 ? critical[i - 1] : null;
    const hi = i < critical.length ? critical[i] : null;
    if (lo === null && hi === null) continue;
    const mid =
      lo === null
        ? (hi?.x ?? 0) - Math.max(1, Math.abs(hi?.x ?? 0))
        : hi === null
          ? lo.x + Math.max(1, Math.abs(lo.x))
          : 0.5 * (lo.x + hi.x);
    const observed = sign(input.f(mid));
    if (lo?.fixed != null) pairs.push([sign(lo.fixed.leadingCoefficient), observed]);
    if (hi?.fixed != null) {
      const fp = hi.fixed;
      pairs.push([fp.root.multiplicity % 2 === 0 ? sign(fp.leadingCoefficient) : -sign(fp.leadingCoefficient), observed]);
    }
  }
  const certificate = numericCertificate(
    'fixed-points',
    `fixed points ${fixedPoints.map((p) => `${show(p.root.re)} (${p.stability}${p.root.multiplicity > 1 ? `, multiplicity ${p.root.multiplicity}` : ''})`).join(', ') || 'none (no real root of N)'}: stability from f ≈ c (${u} − ${u}∞)^m`,
    'the sign of f on each interval between consecutive fixed points and poles, predicted from c (f ≈ c(u − u∞)^m on either side), against f at the interval midpoint',
    pairs.length === 0 ? spotCheck([[0, 0]], 0, 'absolute') : spotCheck(pairs, 0, 'absolute'),
  );

  // the start's interval
  for (const c of critical) {
    if (Math.abs(start - c.x) <= c.radius || start === c.x) {
      if (c.fixed !== null)
        throw new FixedPointNotReachedError(
          `${u}0 = ${start} is a fixed point of f: ${u} stays there.`,
          'start-is-fixed-point',
          start,
          c.x,
        );
    }
  }
  const direction = sign(input.f(start)) as 1 | -1;
  const above = critical.filter((c) => c.x > start);
  const below = critical.filter((c) => c.x < start);
  const next = direction > 0 ? (above.length > 0 ? above[0] : null) : below.length > 0 ? below[below.length - 1] : null;
  const back = direction > 0 ? (below.length > 0 ? below[below.length - 1] : null) : above.length > 0 ? above[0] : null;
  const goes = direction > 0 ? 'increases' : 'decreases';
  const chosen =
    input.fixedPoint === 'reached'
      ? null
      : fixedPoints.reduce<FixedPointInfo | null>(
          (best, p) =>
            best === null || Math.abs(p.root.re - (input.fixedPoint as number)) < Math.abs(best.root.re - (input.fixedPoint as number))
              ? p
              : best,
          null,
        );
  if (input.fixedPoint !== 'reached' && chosen === null)
    throw new FixedPointNotReachedError(
      `f has no real fixed point, so the flow from ${u}0 = ${start} reaches none.`,
      'no-fixed-point',
      start,
      null,
    );
  if (next === null || next.fixed === null) {
    const where =
      next === null
        ? `without bound (f has no fixed point or pole ${direction > 0 ? 'above' : 'below'} it)`
        : `to the pole of f at ${u} = ${show(next.x)}`;
    throw new FixedPointNotReachedError(
      chosen === null
        ? `From ${u}0 = ${start} the flow ${goes} ${where}: it reaches no fixed point.`
        : `The fixed point ${u}∞ = ${show(chosen.root.re)} is not reached from ${u}0 = ${start}: the flow ${goes} ${where}.`,
      next === null ? 'unbounded' : 'pole-between',
      start,
      chosen === null ? null : chosen.root.re,
    );
  }
  const reachedInfo = next.fixed;
  if (chosen !== null && chosen !== reachedInfo) {
    const away = direction > 0 ? chosen.root.re < start : chosen.root.re > start;
    throw new FixedPointNotReachedError(
      away
        ? `The fixed point ${u}∞ = ${show(chosen.root.re)} is not reached from ${u}0 = ${start}: the flow ${goes} (f(${u}0) ${direction > 0 ? '>' : '<'} 0), towards the fixed point ${show(reachedInfo.root.re)}.`
        : `The fixed point ${u}∞ = ${show(chosen.root.re)} is not reached from ${u}0 = ${start}: the flow stops at the fixed point ${show(reachedInfo.root.re)}, which lies between them.`,
      away ? 'flows-away' : 'fixed-point-between',
      start,
      chosen.root.re,
    );
  }
  const reached = fixedPoints.indexOf(reachedInfo);
  const source = back === null || back.fixed === null ? -1 : fixedPoints.indexOf(back.fixed);
  return {
    fixedPoints,
    direction,
    reached,
    source,
    otherEnd: back === null ? direction * -Infinity : back.x,
    otherEndKind: back === null ? 'infinity' : back.fixed === null ? 'pole' : 'fixed-point',
    certificate,
  };
}
