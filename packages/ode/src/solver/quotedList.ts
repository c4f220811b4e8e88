/**
 * Lists of names in messages.
 *
 * @module
 */

/**
 * `'a', 'b' or 'c'`: names quoted and joined for a message.
 *
 * @param names - the names, in order.
 * @returns the list, with `or` before the last name.
 * @example
 * ```ts
 * quotedList(['dopri5', 'dop853', 'odex']); // => "'dopri5', 'dop853' or 'odex'"
 * quotedList(['rodas4']); // => "'rodas4'"
 * ```
 */
export function quotedList(names: readonly string[]): string {
  const q = names.map((m) => `'${m}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}
