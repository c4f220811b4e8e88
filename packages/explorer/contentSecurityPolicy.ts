/**
 * The explorer's Content-Security-Policy, in one place: the page's `<meta>` tag (written into
 * index.html at build time) and the preview server's headers both come from here, and the
 * browser test checks the served headers against it.
 *
 * No `'unsafe-eval'` and no `'unsafe-inline'` anywhere: the library packages compile nothing
 * from source text (the evaluators are closures, the CAS and mathjs never call `eval`), the
 * charts and KaTeX set styles through the CSSOM, which CSP does not restrict.
 *
 * `'wasm-unsafe-eval'` (compiling WebAssembly, not JavaScript) is granted to the training
 * worker's script alone: training in `@jepa-dynamics/sim` uses core's WebAssembly SIMD
 * matrix-product kernel when the engine allows it, identical in results to the JavaScript
 * kernel and faster for wider networks. The page itself compiles no WebAssembly. A host that
 * serves the worker's script under the page's policy still trains, on the JavaScript kernel (the worker
 * reports which kernel ran). Chromium applies a dedicated worker's own response header, not the
 * page's policy, to the worker: served under the page's policy, the worker trains on the
 * JavaScript kernel (checked by hand with Debian's Chromium 156).
 * @module
 */

const COMMON = [
  "default-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The page's policy (also its `<meta http-equiv="Content-Security-Policy">`). */
export const PAGE_POLICY = ["script-src 'self'", ...COMMON].join('; ');

/** The training worker's policy: the page's, plus compiling WebAssembly. */
export const TRAINING_WORKER_POLICY = ["script-src 'self' 'wasm-unsafe-eval'", ...COMMON].join('; ');

/** The file-name stem of the training worker's script, which gets {@link TRAINING_WORKER_POLICY}. */
export const TRAINING_WORKER_STEM = 'trainingWorker';

/**
 * The policy the preview server sends with a path: the worker's for the training worker's
 * script, the page's for everything else.
 * @param path - the request path, e.g. `/assets/trainingWorker-1a2b3c.js`.
 * @returns the header value.
 */
export function policyForPath(path: string): string {
  const file = path.split('?')[0].split('/').pop() ?? '';
  return file.startsWith(`${TRAINING_WORKER_STEM}-`) && file.endsWith('.js') ? TRAINING_WORKER_POLICY : PAGE_POLICY;
}
