/**
 * The one door to the computer-algebra system (algebrite 1.4.0).
 *
 * Every expression sent through here has a shape whose cost was measured for depths
 * L ≤ 12 (see docs/derivation.md, "Routes the pipeline avoids"): products of monomials,
 * polynomial `expand`, `d`, `subst`, `coeff` and `integral` of single power terms. The
 * pipeline never sends a rational function to `expand` or `simplify`, which is where
 * algebrite's running time explodes (and where it returns wrong non-zero remainders).
 *
 * @module
 */
// `#algebrite` (package.json `imports`): in this repository the algebrite package as pnpm
// installs it, with patches/algebrite@1.4.0.patch applied; in a packed tarball the same
// patched file, vendored (publishConfig.imports, scripts/vendor-algebrite.mjs), because an
// installation from the registry would get the unpatched algebrite, ~20× slower here.
import Algebrite from '#algebrite';
import { DerivationError } from './DerivationError.js';

/**
 * Evaluates one algebrite expression and returns its printed result.
 *
 * @param expression - algebrite input, e.g. `d(v^2*w1, v)`.
 * @returns algebrite's printed output, e.g. `2*v*w1`.
 * @throws {DerivationError} when algebrite reports an error (its output starts with `Stop`).
 * @example
 * cas('expand((a+b)^2 - a^2 - 2*a*b - b^2)'); // => '0'
 */
export function cas(expression: string): string {
  const out = Algebrite.run(expression);
  if (out.includes('Stop') || out === 'nil' || out.length === 0) {
    throw new DerivationError(`cas: algebrite failed on ${abbreviate(expression)}: ${out}`);
  }
  return out;
}

function abbreviate(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/**
 * Evaluates several independent algebrite expressions in one call (algebrite runs a
 * multi-line script and prints one line per expression), saving its per-call overhead.
 *
 * @param expressions - algebrite inputs, none containing a newline.
 * @returns the printed results, in order.
 * @throws {DerivationError} when algebrite reports an error or the number of results differs.
 * @example
 * casBatch(['d(x^2, x)', 'integral(x, x)']); // => ['2*x', '1/2*x^2']
 */
export function casBatch(expressions: readonly string[]): string[] {
  if (expressions.length === 0) return [];
  const out = cas(expressions.join('\n')).split('\n');
  if (out.length !== expressions.length) {
    throw new DerivationError(`casBatch: expected ${expressions.length} results from algebrite, got ${out.length}.`);
  }
  return out;
}
