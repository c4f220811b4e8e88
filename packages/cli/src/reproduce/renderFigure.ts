/**
 * Headless rendering of a vega-lite specification to SVG and PNG.
 *
 * The route is vega-lite → vega → `View` with `renderer: 'none'` → `toSVG()`,
 * then SVG → PNG with resvg. Text is set in DejaVu Sans, named explicitly in the
 * vega config and handed to resvg as font files, so the picture does not depend
 * on which fonts fontconfig happens to find.
 * @module
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FIGURE_FONT, styledFigure, type FigureSpec } from '@jepa-dynamics/experiments';

/** Where Debian/Ubuntu install DejaVu; missing files are skipped and resvg falls back to system fonts. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => `/usr/share/fonts/truetype/dejavu/${f}`);

/** A rendered figure. */
export interface RenderedFigure {
  /** The SVG document. */
  svg: string;
  /** The PNG image (rendered from the SVG at `scale` × its size). */
  png: Uint8Array;
}

/**
 * Renders a vega-lite specification to SVG and PNG without a browser.
 * @param spec - the vega-lite specification; the shared look (`styledFigure` of @jepa-dynamics/experiments) is merged under its own `config`.
 * @param scale - PNG pixels per SVG unit (default 2, for sharp text).
 * @returns the SVG text and the PNG bytes.
 */
export async function renderFigure(spec: FigureSpec, scale = 2): Promise<RenderedFigure> {
  // vega-lite checks the structure when compiling; the cast only names the JSON's type
  const vegaSpec = compile(styledFigure(spec) as unknown as TopLevelSpec).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const fontFiles = FONT_FILES.filter((f) => existsSync(f));
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
      font: {
        fontFiles,
        loadSystemFonts: fontFiles.length === 0,
        defaultFontFamily: FIGURE_FONT,
        sansSerifFamily: FIGURE_FONT,
      },
    });
    const png = new Uint8Array(resvg.render().asPng());
    return { svg, png };
  } finally {
    view.finalize();
  }
}
