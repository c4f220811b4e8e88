/**
 * KaTeX, with its stylesheet and fonts bundled with the page (no CDN): loaded with the
 * derivation view only. `katex.render` builds DOM nodes and sets their styles through the
 * CSSOM, which the page's Content-Security-Policy (no inline styles) allows.
 * @module
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * Typesets LaTeX into an element (its content is replaced).
 * @param tex - the LaTeX source.
 * @param element - where to render.
 * @param display - display style (a block) or inline.
 */
export function renderMath(tex: string, element: HTMLElement, display: boolean): void {
  katex.render(tex, element, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
}
