/**
 * Sets the subscripts and superscripts of figure text (`_{…}`, `^{…}`, see
 * `figureTextRuns` of @jepa-dynamics/experiments) in vega's SVG as `<tspan>`s.
 *
 * Sizes and shifts are absolute lengths computed from each text's own font size, not
 * `em` or `sub`/`super`, which resvg and svg-to-pdfkit interpret differently: PNG and
 * PDF must look the same.
 * @module
 */
import { figureTextRuns, plainFigureText } from '@jepa-dynamics/experiments';

/** Size of a subscript or superscript relative to its text. */
export const SCRIPT_SCALE = 0.7;
/** Baseline shift of a subscript, in units of the text's font size (negative: down). */
const SUB_SHIFT = -0.2;
/** Baseline shift of a superscript, in units of the text's font size. */
const SUPER_SHIFT = 0.38;

const round = (x: number): number => Math.round(x * 1000) / 1000; // formatting: SVG coordinates to 3 decimals

function setRuns(content: string, size: number): string {
  return figureTextRuns(content)
    .map((run) => {
      switch (run.shift) {
        case 'baseline':
          return run.text;
        case 'sub':
        case 'super': {
          const shift = run.shift === 'sub' ? SUB_SHIFT : SUPER_SHIFT;
          return `<tspan font-size="${round(size * SCRIPT_SCALE)}px" baseline-shift="${round(size * shift)}px">${run.text}</tspan>`; // formatting: sub/superscript size and shift
        }
        default: {
          const never: never = run.shift;
          return never;
        }
      }
    })
    .join('');
}

/**
 * Rewrites every marked text of a vega SVG with `<tspan>` subscripts and superscripts;
 * accessibility labels keep plain text (`t*_A`).
 * @param svg - an SVG document written by vega's SVG renderer.
 * @returns the SVG with the marks set.
 */
export function setFigureTextMarks(svg: string): string {
  return svg
    .replace(/<text([^>]*)>([\s\S]*?)<\/text>/g, (element: string, attributes: string, inner: string) => {
      if (!/[_^]\{/.test(inner)) return element;
      const size = Number(/font-size="([\d.]+)px"/.exec(attributes)?.[1] ?? 11);
      // the text nodes of the element (vega writes one per line, inside a <tspan> when there are several)
      return `<text${attributes}>${inner.replace(/>([^<]*)</g, (_: string, content: string) => `>${setRuns(content, size)}<`).replace(/^([^<]+)/, (content: string) => setRuns(content, size))}</text>`;
    })
    .replace(/aria-label="[^"]*"/g, (label) => plainFigureText(label));
}
