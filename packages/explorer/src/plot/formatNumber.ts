/**
 * Numbers as the page prints them: a fixed count of significant digits, in positional
 * notation for moderate magnitudes and as m·10^{k} (figure-text markup of
 * @jepa-dynamics/experiments, set as a superscript) beyond.
 * @module
 */

/**
 * A number for a table cell or an axis label.
 * @param x - the number.
 * @param digits - significant digits (default 4).
 * @returns e.g. `'4.807e+4'` is written `'4.807·10^{4}'`; `'0.01'`; `'—'` for null or a non-finite number.
 */
export function formatNumber(x: number | null, digits = 4): string {
  if (x === null || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const m = String(Number(mantissa));
  const k = String(Number(exponent)).replace('-', '−');
  return m === '1' ? `10^{${k}}` : m === '-1' ? `−10^{${k}}` : `${m.replace('-', '−')}·10^{${k}}`;
}

/**
 * The same number without markup, for places that show plain text only (CSV keeps full precision instead).
 * @param x - the number.
 * @param digits - significant digits (default 4).
 * @returns e.g. `'4.807e4'`.
 */
export function formatPlain(x: number | null, digits = 4): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const magnitude = Math.abs(x);
  if (x === 0 || (magnitude >= 1e-3 && magnitude < 1e6)) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}
