/**
 * The one-sentence messages of {@link SolveResult}, in one place so that every
 * method and driver words them alike. Times are absolute and printed in full
 * precision (users compare digits).
 *
 * @module
 */

/** Formats a time for messages. */
export function formatTime(t: number): string {
  return String(t);
}

/** `'success'`. */
export function reachedMessage(label: string, t1: number, naccepted: number, nrejected: number, nfev: number): string {
  return `solveIvp (${label}): reached t1 = ${formatTime(t1)} in ${naccepted} accepted steps (${nrejected} rejected, ${nfev} f-evaluations).`;
}

/** `'event'`. */
export function terminalEventMessage(label: string, t: number): string {
  return `solveIvp (${label}): a terminal event stopped the integration at t = ${formatTime(t)}.`;
}

/** `'max-steps'`. */
export function maxStepsMessage(label: string, t: number, maxSteps: number, t1: number): string {
  return `solveIvp (${label}): stopped at t = ${formatTime(t)} after maxSteps = ${maxSteps} steps without reaching t1 = ${formatTime(t1)}; raise maxSteps, loosen rtol/atol, or (if the problem is stiff) use a stiff method.`;
}

/** `'step-too-small'`. */
export function stepTooSmallMessage(label: string, h: number, t: number): string {
  return `solveIvp (${label}): the step size fell to ${h} at t = ${formatTime(t)}, below what double precision can resolve; the solution may be singular there or the tolerances too strict.`;
}

/** `'stiff'`: the detector's description and the stiff method to suggest. */
export function stiffMessage(label: string, t: number, test: string, stiffMethod: string): string {
  return `solveIvp (${label}): the problem appears stiff at t = ${formatTime(t)} (${test}); use a stiff method for it (method: '${stiffMethod}') or method: 'auto', or pass stiffnessCheck: false to continue with ${label} regardless.`;
}

/** `'singular'`: the implicit method's iteration matrix was singular `count` times. */
export function singularMessage(label: string, t: number, count: number): string {
  return `solveIvp (${label}): the iteration matrix I/(γh) − ∂f/∂y was singular ${count} times, the last at t = ${formatTime(t)}; the integration stopped there. Check the Jacobian (options.jacobian) and f near that time.`;
}

/** `'non-finite'` already at the start of a run. */
export function nonFiniteStartMessage(label: string, value: number, component: number, t: number): string {
  return `solveIvp (${label}): f(t0, y0) returned ${value} in component ${component} at t = ${formatTime(t)}; no step was taken. Check the right-hand side and y0.`;
}
