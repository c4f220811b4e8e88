/**
 * Structural checks of generated LaTeX, for machines without a TeX engine: braces,
 * `\left`/`\right`, environments and inline math balanced, only known macros, ASCII
 * outside comments. Not a TeX parser: a small grammar of what `derive --format latex`
 * may emit, so that anything new in its output has to be added here on purpose.
 */

/** Every macro the derivation's LaTeX may use (amsmath and the LaTeX kernel only). */
export const ALLOWED_MACROS = new Set([
  // document
  'documentclass',
  'usepackage',
  'allowdisplaybreaks',
  'begin',
  'end',
  'section',
  'S',
  // structure of formulas
  'frac',
  'tfrac',
  'sqrt',
  'left',
  'right',
  'text',
  'operatorname',
  'quad',
  'sum',
  'prod',
  // functions and symbols
  'ln',
  'arctan',
  'cos',
  'sin',
  'lambda',
  'rho',
  'sigma',
  'varepsilon',
  'eta',
  'theta',
  'pi',
  'ell',
  'bar',
  'infty',
  'cdot',
  'neq',
]);

/** The source without comments (`%` to the end of the line, unless escaped). */
export function withoutComments(tex: string): string {
  return tex
    .split('\n')
    .map((line) => line.replace(/(^|[^\\])%.*$/, '$1'))
    .join('\n');
}

/** The problems found, empty when the structure is sound. */
export function latexProblems(tex: string): string[] {
  const problems: string[] = [];
  const code = withoutComments(tex);
  // non-ASCII outside comments would need inputenc mappings pdflatex may lack
  const nonAscii = [...code].filter((ch) => ch.charCodeAt(0) > 0x7f);
  if (nonAscii.length > 0) problems.push(`non-ASCII outside comments: ${[...new Set(nonAscii)].join('')}`);
  for (const m of code.matchAll(/\\([a-zA-Z]+)/g)) if (!ALLOWED_MACROS.has(m[1])) problems.push(`macro \\${m[1]} is not in the grammar`);
  // control symbols allowed: \\ \, \! \[ \] and \{ \} \| (none expected, but harmless)
  for (const m of code.matchAll(/\\([^a-zA-Z])/g)) if (!'\\,![]{}|'.includes(m[1])) problems.push(`control symbol \\${m[1]}`);
  let depth = 0;
  for (const [i, ch] of [...code].entries()) {
    if (code[i - 1] === '\\') continue;
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth < 0) {
      problems.push(`unbalanced } at ${i}`);
      depth = 0;
    }
  }
  if (depth !== 0) problems.push(`${depth} unclosed {`);
  const lefts = code.match(/\\left[([|.]/g)?.length ?? 0;
  const rights = code.match(/\\right[)\]|.]/g)?.length ?? 0;
  if (lefts !== rights || (code.match(/\\left/g)?.length ?? 0) !== lefts) problems.push(`\\left × ${lefts} vs \\right × ${rights}`);
  const stack: string[] = [];
  for (const m of code.matchAll(/\\(begin|end)\{([^}]*)\}|\\\[|\\\]/g)) {
    const token = m[0] === '\\[' ? 'begin' : m[0] === '\\]' ? 'end' : m[1];
    const name = m[2] ?? 'display';
    if (token === 'begin') stack.push(name);
    else if (stack.pop() !== name) problems.push(`\\end{${name}} does not close the last environment`);
  }
  if (stack.length > 0) problems.push(`unclosed environments: ${stack.join(', ')}`);
  if ((code.replace(/\\\$/g, '').match(/\$/g)?.length ?? 0) % 2 !== 0) problems.push('odd number of $');
  // a script is a braced group or one character
  for (const m of code.matchAll(/[_^](.)/g)) if (/\s/.test(m[1])) problems.push(`empty script before ${JSON.stringify(m[1])}`);
  return problems;
}
