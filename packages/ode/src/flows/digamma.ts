/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x) for x > 0: the recurrence ψ(x) = ψ(x+1) − 1/x
 * up to x ≥ 20, then the asymptotic series through x^{-10} (truncation < 1e-17 there).
 * Internal helper of the MAE antiderivative near its logarithmic singularity.
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 20) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  // ln x − 1/(2x) − Σ B_{2k}/(2k x^{2k}), k = 1…5
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))));
  return shift + Math.log(x) - 0.5 / x - series;
}
