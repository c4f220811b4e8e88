/**
 * Figure text with the `_{…}`/`^{…}` markup of @jepa-dynamics/experiments (`figureTextRuns`)
 * set as real subscripts and superscripts: in SVG as smaller, shifted `<tspan>`s, in HTML as
 * `<sub>`/`<sup>`.
 * @module
 */
import { figureTextRuns } from '@jepa-dynamics/experiments';

const SVG = 'http://www.w3.org/2000/svg';

/** Size of a sub- or superscript relative to the surrounding text. */
const SCRIPT_SIZE = 0.75;

/** Shift of a sub- or superscript, in ems of the surrounding text. */
const SHIFT = { baseline: 0, sub: 0.3, super: -0.45 } as const;

/**
 * Appends figure text to an SVG `<text>` (or `<tspan>`).
 * @param parent - the text element.
 * @param text - figure text, possibly with marks.
 */
export function appendSvgText(parent: SVGElement, text: string): void {
  let shift = 0;
  for (const run of figureTextRuns(text)) {
    const span = document.createElementNS(SVG, 'tspan');
    const target = SHIFT[run.shift];
    const scale = run.shift === 'baseline' ? 1 : SCRIPT_SIZE;
    // dy moves the baseline from the previous glyph's on, in ems of this span's own font:
    // undo the previous run's shift and apply this one's
    if (target !== shift) span.setAttribute('dy', `${Number(((target - shift) / scale).toFixed(4))}em`);
    if (scale !== 1) span.setAttribute('font-size', `${100 * SCRIPT_SIZE}%`);
    span.textContent = run.text;
    parent.append(span);
    shift = target;
  }
}

/**
 * Appends figure text to an HTML element.
 * @param parent - the element.
 * @param text - figure text, possibly with marks.
 */
export function appendHtmlText(parent: HTMLElement, text: string): void {
  for (const run of figureTextRuns(text)) {
    switch (run.shift) {
      case 'baseline':
        parent.append(run.text);
        break;
      case 'sub':
      case 'super': {
        const el = document.createElement(run.shift === 'sub' ? 'sub' : 'sup');
        el.textContent = run.text;
        parent.append(el);
        break;
      }
      default: {
        const never: never = run.shift;
        parent.append(String(never));
      }
    }
  }
}
