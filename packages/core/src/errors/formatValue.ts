/**
 * How a value appears in an error message.
 *
 * @module
 */

/**
 * Formats a value for an error message: numbers as JavaScript prints them, strings
 * quoted, arrays (and typed arrays) abbreviated after six items.
 *
 * @param value - any value.
 * @returns a short, unambiguous rendering of it.
 * @example
 * ```ts
 * formatValue('abc');
 * // => "\"abc\""
 * formatValue([1, 2, 3, 4, 5, 6, 7, 8]);
 * // => "[1, 2, 3, 4, 5, 6, … (8 items)]"
 * formatValue(Number.NaN);
 * // => "NaN"
 * ```
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return String(value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    const shown = items
      .slice(0, 6)
      .map((v) => formatValue(v))
      .join(', ');
    return `[${shown}${items.length > 6 ? `, … (${items.length} items)` : ''}]`;
  }
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
