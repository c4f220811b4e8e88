/**
 * Canonical JSON, the text a run's identity is computed from.
 *
 * @module
 */

/**
 * JSON text of a value with the keys of every object sorted and no spaces, so that two
 * equal specifications give the same text whatever order their keys were written in (a
 * sweep hashes it, with the code version, into each run's id: a resumed or retried run is
 * recognised, never counted twice).
 *
 * @param value - JSON data (objects, arrays, strings, finite numbers, booleans, null).
 * @returns the text.
 * @example
 * ```ts
 * canonicalJson({ settings: { rho: 1, lambda: 2 }, kind: 'critical-time' });
 * // => '{"kind":"critical-time","settings":{"lambda":2,"rho":1}}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
