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

/** `'max-steps'`; a stiff method (`stiff`) is not advised to use a stiff method, but to check its Jacobian. */
export function maxStepsMessage(label: string, t: number, maxSteps: number, t1: number, stiff = false): string {
  const advice = stiff
    ? 'raise maxSteps or loosen rtol/atol; if you pass options.jacobian, check it with checkJacobian: true (a wrong Jacobian makes the steps crawl)'
    : 'raise maxSteps, loosen rtol/atol, or (if the problem is stiff) use a stiff method';
  return `solveIvp (${label}): stopped at t = ${formatTime(t)} after maxSteps = ${maxSteps} steps without reaching t1 = ${formatTime(t1)}; ${advice}.`;
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

/** `'f-error'`: `description` says which callback failed, where and how. */
export function callbackErrorMessage(label: string, description: string, tReached: number): string {
  return `solveIvp (${label}): ${description}; the integration stopped at t = ${formatTime(tReached)}, the end of the last accepted step. The error is in result.cause.`;
}

/** `'stopped'`: `onStep` returned false. */
export function stoppedMessage(label: string, t: number): string {
  return `solveIvp (${label}): onStep returned false at t = ${formatTime(t)}; the integration stopped there.`;
}

/** `'aborted'`: the signal was aborted. */
export function abortedMessage(label: string, t: number): string {
  return `solveIvp (${label}): options.signal was aborted; the integration stopped at t = ${formatTime(t)}. Its reason is in result.cause.`;
}
