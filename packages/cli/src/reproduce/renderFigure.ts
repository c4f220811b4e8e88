/**
 * Headless rendering of a vega-lite specification to SVG, PNG and PDF.
 *
 * The route is vega-lite → vega → `View` with `renderer: 'none'` → `toSVG()`, with text
 * laid out at its width measured on the font files (`figureTextWidth.ts`); then the
 * subscripts and superscripts of figure text are set (`figureTextSvg.ts`); then
 * SVG → PNG with resvg and SVG → PDF with pdfkit (`svgToPdf.ts`). Every step uses
 * DejaVu Sans from the `dejavu-fonts-ttf` package (`figureFonts.ts`), so the picture
 * does not depend on which fonts the system has.
 * @module
 */
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FIGURE_FONT, plainFigureText, styledFigure, type FigureSpec } from '@jepa-dynamics/experiments';
import { allFontFiles } from './figureFonts.js';
import { useMeasuredTextWidths } from './figureTextWidth.js';
import { setFigureTextMarks } from './figureTextSvg.js';
import { svgToPdf } from './svgToPdf.js';

/** A rendered figure. */
export interface RenderedFigure {
  /** The SVG document. */
  svg: string;
  /** The PNG image (rendered from the SVG at `scale` × its size). */
  png: Uint8Array;
  /** The same figure as a one-page vector PDF, text embedded in DejaVu Sans. */
  pdf: Uint8Array;
}

/**
 * Renders a vega-lite specification to SVG, PNG and PDF without a browser.
 * @param spec - the vega-lite specification; the shared look (`styledFigure` of @jepa-dynamics/experiments) is merged under its own `config`.
 * @param scale - PNG pixels per SVG unit (default 2, for sharp text).
 * @returns the SVG text, the PNG bytes and the PDF bytes.
 */
export async function renderFigure(spec: FigureSpec, scale = 2): Promise<RenderedFigure> {
  useMeasuredTextWidths();
  // vega-lite checks the structure when compiling; the cast only names the JSON's type
  const vegaSpec = compile(styledFigure(spec) as unknown as TopLevelSpec).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = setFigureTextMarks(await view.toSVG());
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
      font: { fontFiles: allFontFiles(), loadSystemFonts: false, defaultFontFamily: FIGURE_FONT, sansSerifFamily: FIGURE_FONT },
    });
    const png = new Uint8Array(resvg.render().asPng());
    return { svg, png, pdf: await svgToPdf(svg, titleText(spec)) };
  } finally {
    view.finalize();
  }
}

/** The figure's title as plain text (the PDF's metadata), or a generic one. */
function titleText(spec: FigureSpec): string {
  const title = spec.title;
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? (title as FigureSpec).text : title;
  const line = Array.isArray(text) ? text.join(' ') : text;
  return typeof line === 'string' ? plainFigureText(line) : 'jepa-dynamics figure';
}
