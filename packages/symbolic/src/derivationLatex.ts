import type { Derivation } from './derive.js';

/** Options of {@link derivationLatex}. */
export interface DerivationLatexOptions {
  /** A complete document (`\documentclass{article}` … `\end{document}`) instead of a fragment; default false. */
  standalone?: boolean;
}

/** A TeX comment line: the text after `% `, one line per line of text (comments may hold any Unicode). */
const comment = (text: string): string =>
  text
    .split('\n')
    .map((line) => `% ${line}`)
    .join('\n');

/**
 * A derivation as LaTeX: the flow, its balanced reduction, t(u), u*, t*_p and its
 * singular terms as ε → 0 in one `align*` (each row's note as a comment), the any-L form
 * of t(u) in a display, and the existence condition and every certificate as comments. The fragment needs
 * `\usepackage{amsmath}` (for `align*`, `\operatorname`, `\tfrac`) and nothing else; its
 * text outside comments is ASCII, so it compiles with pdflatex as well as lualatex.
 * With `standalone` it is wrapped in a complete `article` document.
 *
 * Time is gradient-flow time t = kη; u₀ = ε^{1/L} (docs/math.md §2–3).
 *
 * @param d - the result of {@link derive}.
 * @param options - `standalone` for a complete document.
 * @returns LaTeX source, ending with a newline.
 * @example
 * const tex = derivationLatex(derive('jepa', 1));
 * tex.includes('\\begin{align*}'); // => true
 * derivationLatex(derive('jepa', 1), { standalone: true }).startsWith('\\documentclass{article}'); // => true
 */
export function derivationLatex(d: Derivation, options: DerivationLatexOptions = {}): string {
  const { flow: f, integral: g } = d;
  const name = d.objective.toUpperCase();
  const logNote = g.logTerm.cas === '0' ? '' : ', the ln ε term included';
  // [left-hand side, right-hand side, note]: notes are comments, so that long rows keep the page's width for the equations
  const rows: [string, string, string][] = [
    ['\\ell', f.populationLoss.latex, d.objective === 'jepa' ? 'population loss; sg(w̄) is the StopGrad copy of w̄' : 'population loss'],
    ['\\frac{dv}{dt}', f.dvdt.latex, ''],
    ['\\frac{dw_a}{dt}', f.dwdt.latex, 'R_a = Π_{b≠a} w_b, so w̄ = w_a R_a'],
    ['\\frac{du}{dt}', f.dudt.latex, 'balanced: v = w_a = u'],
    ['\\frac{d\\bar{w}}{dt}', f.dwbardt.latex, 'w̄ = u^L'],
    ['\\frac{dt}{du}', g.integrand.latex, ''],
    ['\\text{partial fractions}', g.decomposition.latex, 'in s, integrated term by term'],
    ['t(u)', g.tOfU.latex, 'u0 = ε^(1/L)'],
    ['u^*', g.uStar.latex, 'w̄(u*) = p·w̄∞'],
    ['t^*_p', g.tStar.latex, ''],
    ['t^*_p', `${g.leadingOrder.latex}+O(1)`, `as ε → 0: every singular term${logNote}`],
  ];
  // a named step (text on the left) is followed by its result, an equation by `=`
  const body = rows
    .map(([lhs, rhs, note], i) => {
      const end = i < rows.length - 1 ? ' \\\\' : '';
      return `  ${lhs} &${lhs.startsWith('\\text') ? '\\quad' : '='} ${rhs}${end}${note === '' ? '' : ` % ${note}`}`;
    })
    .join('\n');
  const fragment = [
    comment(`jepa-dynamics derive: ${name}, encoder depth L = ${d.depth}; gradient-flow time t = kη; u0 = ε^(1/L) (docs/math.md §2–3)`),
    comment('needs \\usepackage{amsmath}'),
    '\\begin{align*}',
    body,
    '\\end{align*}',
    comment('any depth L:'),
    `\\[ ${d.general.latex} \\]`,
    comment(g.existence),
    comment('certificates (each identity reduced to 0 by the CAS and/or spot-checked numerically):'),
    ...d.certificates.map((c) => comment(`${c.holds ? 'holds' : 'FAILS'} ${c.step}: ${c.claim}`)),
  ].join('\n');
  if (options.standalone !== true) return `${fragment}\n`;
  return [
    '\\documentclass{article}',
    '\\usepackage{amsmath}',
    '\\allowdisplaybreaks',
    '\\begin{document}',
    `\\section*{${name}, encoder depth $L = ${d.depth}$}`,
    'Gradient-flow time $t = k\\eta$; $u_0 = \\varepsilon^{1/L}$. Derived and certified by jepa-dynamics (docs/math.md, \\S 2--3).',
    fragment,
    '\\end{document}',
    '',
  ].join('\n');
}
