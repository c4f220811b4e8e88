/**
 * The "did you mean …?" of option names.
 *
 * @module
 */

/** Case, underscores and hyphens do not count: `max_step`, `MaxStep` and `max-step` all read `maxstep`. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Levenshtein distance (insertions, deletions, substitutions), two-row dynamic programme. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to a misspelt name, or `undefined` when none is close:
 * Levenshtein distance after folding case, `_` and `-` (so `max_step` is at distance 0
 * from `maxStep`), accepted when at most a third of the longer name (at least 1), or
 * when the candidate starts with the name (`jac` → `jacobian`). Ties go to the earlier
 * candidate. Cost O(Σ |name|·|candidate|).
 *
 * @param name - the unknown name.
 * @param candidates - the valid names, most common first.
 * @returns the suggestion, or `undefined`.
 * @example
 * ```ts
 * closestName('max_step', ['maxStep', 'maxSteps', 'rtol']); // => 'maxStep'
 * closestName('rtols', ['rtol', 'atol']);                   // => 'rtol'
 * closestName('verbose', ['rtol', 'atol']);                 // => undefined
 * ```
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const folded = fold(name);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = fold(candidate);
    const d = editDistance(folded, c);
    const close = d <= Math.max(1, Math.floor(Math.max(folded.length, c.length) / 3)) || (folded.length >= 3 && c.startsWith(folded));
    if (close && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
