/**
 * The learning order implied by critical times: feature indices, first learned first
 * (ties by index); features without a critical time (null or undefined) left out.
 */
export function learnedOrder(times: readonly (number | null | undefined)[]): number[] {
  return times
    .map((t, i) => [t, i] as const)
    .filter((x): x is readonly [number, number] => typeof x[0] === 'number')
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map((x) => x[1]);
}
