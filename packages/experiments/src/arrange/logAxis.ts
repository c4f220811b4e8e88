/**
 * Ticks of log axes as a paper prints them: 10⁷ rather than 10,000,000, and 1, 2, 5
 * steps rather than crowded minor labels.
 * @module
 */
import type { FigureSpec } from '../figureSpec.js';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * 10 to an integer power, written with Unicode superscripts (which every figure
 * renderer and font with Latin-1 supplement coverage draws, DejaVu Sans included).
 * @param exponent - an integer.
 * @returns e.g. `'10⁷'`, `'10⁻¹⁶'`, `'10⁰'`.
 * @example
 * ```ts
 * powerOfTen(7); // => '10⁷'
 * powerOfTen(-16); // => '10⁻¹⁶'
 * ```
 */
export function powerOfTen(exponent: number): string {
  const digits = [...String(Math.abs(Math.round(exponent)))].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/**
 * Tick values and labels for a log axis spanning `[min, max]`. Within 10⁻³ … 10⁴ the
 * ticks are the 1, 2, 5 multiples of powers of ten (thinned to 1, 3 or 1 alone per
 * decade to stay within `maxTicks`) and the axis's ends when they are round, written as
 * decimals; beyond, they are powers of ten
 * written as 10ᵏ, every `m`-th decade so that at most `maxTicks` remain.
 * @param min - smallest value on the axis, > 0.
 * @param max - largest value on the axis, ≥ min.
 * @param maxTicks - at most this many labelled ticks (default 8).
 * @returns the vega-lite `axis` properties `values` and `labelExpr`.
 * @example
 * ```ts
 * logAxis(1e4, 1e7).values; // => [10000, 100000, 1000000, 10000000]
 * logAxis(1e4, 1e7).labelExpr; // => "{'10000': '10⁴', '100000': '10⁵', '1000000': '10⁶', '10000000': '10⁷'}[datum.value] || ''"
 * logAxis(0.3, 3).values; // => [0.3, 0.5, 1, 2, 3]
 * ```
 */
export function logAxis(min: number, max: number, maxTicks = 8): { values: number[]; labelExpr: string } {
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  const inside = (v: number): boolean => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  const decimal = min >= 1e-3 && max < 1e4;
  let ticks: { value: number; label: string }[] = [];
  if (decimal) {
    for (const steps of [[1, 2, 5], [1, 3], [1]]) {
      ticks = [];
      for (let k = lo; k <= hi; k++) for (const s of steps) ticks.push({ value: Number((s * Math.pow(10, k)).toPrecision(12)), label: '' });
      ticks = ticks.filter((t) => inside(t.value)).map((t) => ({ value: t.value, label: String(t.value) }));
      // the ends of the axis are labelled too when they are round (two significant digits) and not crowded
      for (const end of [min, max]) {
        const round = Number(end.toPrecision(2)) === end;
        const apart = ticks.every((t) => Math.abs(Math.log10(t.value / end)) > 0.1);
        if (round && apart) ticks.push({ value: end, label: String(end) });
      }
      ticks.sort((a, b) => a.value - b.value);
      if (ticks.length <= maxTicks) break;
    }
  } else {
    const every = Math.max(1, Math.ceil((hi - lo + 1) / maxTicks));
    for (let k = lo; k <= hi; k++) {
      const value = Number(`1e${k}`);
      if (k % every === 0 && inside(value)) ticks.push({ value, label: powerOfTen(k) });
    }
  }
  // vega keys the lookup by the value's string form, which is how `datum.value` converts
  const lookup = ticks.map((t) => `'${String(t.value)}': '${t.label}'`).join(', ');
  return { values: ticks.map((t) => t.value), labelExpr: `{${lookup}}[datum.value] || ''` };
}

/**
 * A vega-lite axis for a log scale with {@link logAxis}'s ticks, and the matching grid.
 * @param min - smallest value on the axis, > 0.
 * @param max - largest value on the axis.
 * @param maxTicks - at most this many labelled ticks (default 8).
 * @returns the `axis` object of an encoding channel.
 * @example
 * ```ts
 * logAxisSpec(1e-8, 1).values; // => [1e-8, 0.000001, 0.0001, 0.01, 1]
 * ```
 */
export function logAxisSpec(min: number, max: number, maxTicks = 8): FigureSpec {
  const { values, labelExpr } = logAxis(min, max, maxTicks);
  return { values, labelExpr, labelOverlap: false };
}

/**
 * The domain of a log axis that holds `values`: decades (10ᵏ) when the values reach
 * beyond 10⁻³ … 10⁴, where {@link logAxis} labels powers of ten, and the nearest 1, 2, 5
 * multiples of powers of ten within it, so that little of the plot is empty.
 * @param values - the positive values to show (non-positive ones are ignored).
 * @returns `[low, high]`, with `low ≤ min(values)` and `high ≥ max(values)`; `[1, 10]` when no value is positive.
 * @example
 * ```ts
 * logDomain([1.2e4, 8.1e6]); // => [10000, 10000000]
 * logDomain([0.875, 3.81]); // => [0.5, 5]
 * ```
 */
export function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [1, 10];
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const decadeLow = Number(`1e${Math.floor(Math.log10(min) + 1e-12)}`);
  const decadeHigh = Number(`1e${Math.ceil(Math.log10(max) - 1e-12)}`);
  if (!(decadeLow >= 1e-3 && decadeHigh <= 1e4)) return [decadeLow, decadeHigh];
  const low = [5, 2, 1].map((s) => Number((s * decadeLow).toPrecision(12))).find((v) => v <= min * (1 + 1e-12)) ?? decadeLow;
  const high = [1, 2, 5, 10].map((s) => Number((s * decadeHigh * 0.1).toPrecision(12))).find((v) => v >= max * (1 - 1e-12)) ?? decadeHigh;
  return [low, high];
}
