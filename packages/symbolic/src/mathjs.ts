/**
 * The part of mathjs the package uses: `parse` (CAS output → expression tree, whose
 * `compile`, `toTex` and `toString` do the rest) and the node classes that
 * {@link parseCas} rewrites trees with.
 *
 * Where it comes from differs by platform, for load time and bundle size:
 * - Node (this file): mathjs's single-file build `mathjs/lib/browser/math.js`, which
 *   mathjs exports publicly. Node loads it in 0.1–0.2 s; the ESM entry `mathjs`
 *   (or `mathjs/number`) is 1,262 files that cost ~1 s to load whatever is imported
 *   from them, because Node does not tree-shake and mathjs's `exports` map closes the
 *   deep paths to single factories.
 * - Bundlers for the browser (package.json `browser` field): `mathjs.browser.ts`,
 *   an instance created from the factories of only these functions, so the bundle
 *   carries ~126 KiB of mathjs instead of ~580 KiB.
 *
 * Both are mathjs 15.2.0 evaluating plain numbers, and give the same trees, text, LaTeX and
 * values (test/bundle.test.ts derives six cases through a browser bundle and compares
 * every expression and certificate with the Node derivation).
 *
 * @module
 */
import math from 'mathjs/lib/browser/math.js';
import type { MathJsInstance } from 'mathjs';

/** The mathjs functions and classes the package uses. */
export type MathjsSubset = Pick<MathJsInstance, 'parse' | 'ConstantNode' | 'OperatorNode'>;

/** mathjs, as much of it as the package uses (see the module comment for the platform split). */
export const mathjs: MathjsSubset = math;
