/**
 * Figure of result 6: relative error of the leading order against ε, per depth.
 * @module
 */
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { logAxisSpec, logDomain, powerOfTen } from '../../arrange/logAxis.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { LeadingOrderErrorData } from './compute.js';

/** A depth whose gap is below this fraction of every other depth's stands out as a near-zero O(1) term. */
const NEAR_ZERO = 0.01;

/** A number as printed in a figure: 2 significant digits, `a·10ᵏ` below 10⁻³ in size, a true minus sign. */
function numberText(x: number): string {
  const sign = x < 0 ? '−' : '';
  const size = Math.abs(x);
  if (size === 0 || size >= 1e-3) return sign + formatSignificant(size, 2);
  const k = Math.floor(Math.log10(size));
  const mantissa = formatSignificant(size / Math.pow(10, k), 2);
  return `${sign}${mantissa === '1' ? '' : `${mantissa}·`}${powerOfTen(k)}`;
}

/**
 * The note on MAE's curves (two lines), or `null`: for L ≥ 2 the leading order misses t* by an O(1)
 * term (docs/math.md §3.4), so `t*_exact − t*_leading` at the smallest ε is close to that
 * term. Where one depth's gap is below {@link NEAR_ZERO} of every other depth's, the O(1)
 * term nearly vanishes there (at λ = ρ = 1, p = ½ it is −9.5·10⁻⁵ at L = 5, where it
 * changes sign between L = 5 and 6), its curve lies far below the others, and what is
 * left is the next order in ε, not rounding.
 */
export function maeNearZeroNote(data: LeadingOrderErrorData): string[] | null {
  const epsilon = Math.min(...data.epsilons);
  const gaps = data.rows
    .filter((r) => r.objective === 'mae' && r.depth >= 2 && r.epsilon === epsilon && r.exact !== null && r.leadingOrder !== null)
    .map((r) => ({ depth: r.depth, gap: (r.exact ?? 0) - (r.leadingOrder ?? 0) }))
    .sort((a, b) => a.depth - b.depth);
  if (gaps.length < 3) return null;
  const smallest = gaps.reduce((a, b) => (Math.abs(b.gap) < Math.abs(a.gap) ? b : a));
  const others = gaps.filter((g) => g !== smallest).map((g) => Math.abs(g.gap));
  if (!(Math.abs(smallest.gap) < NEAR_ZERO * Math.min(...others))) return null;
  const next = gaps.find((g) => g.depth === smallest.depth + 1);
  const signChange =
    next !== undefined && Math.sign(next.gap) !== Math.sign(smallest.gap)
      ? ` (it changes sign between L = ${smallest.depth} and ${next.depth})`
      : '';
  return [
    `MAE L = ${smallest.depth} lies low: the O(1) term of t* nearly vanishes there${signChange};`,
    `t*_{exact} − t*_{lead} = ${numberText(smallest.gap)} at ε = ${numberText(epsilon)}, ${numberText(Math.min(...others))} or more in size at the other depths`,
  ];
}

/**
 * The figure of result 6: one panel per objective, log–log, one line per depth.
 * @param data - what {@link computeLeadingOrderError} returned.
 * @returns a vega-lite specification.
 */
export function leadingOrderErrorFigure(data: LeadingOrderErrorData): FigureSpec {
  const { feature, fraction, depths, objectives } = data.settings;
  // an error of exactly 0 (possible for MAE at L = 1, where the leading order is exact) cannot sit on a log axis
  const plotted = data.rows.filter((r) => r.relativeError !== null && r.relativeError > 0).map((r) => ({ ...r, L: `L = ${r.depth}` }));
  const [errorMin, errorMax] = logDomain(plotted.map((r) => r.relativeError ?? 0));
  const epsilonMin = Math.min(...data.epsilons);
  const epsilonMax = Math.max(...data.epsilons);
  const note = maeNearZeroNote(data);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Leading-order vs exact critical time (λ = ${feature.lambda}, ρ = ${feature.rho}, t* at w̄ = ${fraction}·w̄∞)`,
      subtitle: [
        'relative error |t*_{lead} − t*_{exact}| / t*_{exact}; sharp dips are sign changes of the error',
        'MAE at L = 1: the formula is exact, what remains is rounding',
        ...(note ?? []),
      ],
    },
    hconcat: objectives.map((o) => ({
      width: 300,
      height: 240,
      title: objectiveLabel(o),
      data: { values: plotted.filter((r) => r.objective === o) },
      mark: { type: 'line', point: true },
      encoding: {
        x: {
          field: 'epsilon',
          type: 'quantitative',
          scale: { type: 'log', domain: [epsilonMin, epsilonMax], nice: false },
          title: 'initialization scale ε, log scale',
          axis: logAxisSpec(epsilonMin, epsilonMax, 5),
        },
        y: {
          field: 'relativeError',
          type: 'quantitative',
          scale: { type: 'log', domain: [errorMin, errorMax], nice: false },
          title: 'relative error, log scale',
          axis: logAxisSpec(errorMin, errorMax, 9),
        },
        color: { field: 'L', type: 'nominal', title: 'depth', sort: depths.map((d) => `L = ${d}`), scale: { scheme: 'viridis' } },
      },
    })),
    resolve: { scale: { y: 'shared' } },
  };
}
