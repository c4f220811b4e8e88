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
import { compile, type TopLevelSpec, type Config } from 'vega-lite';
import type { FigureSpec } from './types.js';

/** The font family every figure uses. */
export const FIGURE_FONT = 'DejaVu Sans';

/** Where Debian/Ubuntu install DejaVu; missing files are skipped and resvg falls back to system fonts. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map(
  (f) => `/usr/share/fonts/truetype/dejavu/${f}`,
);

/** The look shared by every figure: explicit font, readable sizes, white background. */
export const FIGURE_CONFIG: Config = {
  font: FIGURE_FONT,
  background: 'white',
  padding: 8,
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.35 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  header: { labelFontSize: 12, titleFontSize: 13 },
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11 },
  view: { stroke: '#888' },
};

/** A rendered figure. */
export interface RenderedFigure {
  /** The SVG document. */
  svg: string;
  /** The PNG image (rendered from the SVG at `scale` × its size). */
  png: Uint8Array;
}

/**
 * Renders a vega-lite specification to SVG and PNG without a browser.
 * @param spec - the vega-lite specification; {@link FIGURE_CONFIG} is merged under its own `config`.
 * @param scale - PNG pixels per SVG unit (default 2, for sharp text).
 * @returns the SVG text and the PNG bytes.
 */
export async function renderFigure(spec: FigureSpec, scale = 2): Promise<RenderedFigure> {
  const own = (spec.config ?? {}) as Config;
  // vega-lite checks the structure when compiling; the cast only names the JSON's type
  const withConfig = { ...spec, config: { ...FIGURE_CONFIG, ...own } } as unknown as TopLevelSpec;
  const vegaSpec = compile(withConfig).spec;
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
