/**
 * The width of figure text as it will be drawn, measured on the font files themselves.
 *
 * Without a canvas, vega estimates a text's width as 0.8 em per character, about 40 %
 * more than DejaVu Sans needs on average; every title, legend and axis label was laid
 * out too wide and the figures carried wide blank margins. Installing
 * {@link measureFigureText} as vega's `textMetrics.width` (vega's documented hook, used
 * by vl-convert the same way) lays them out at their real size.
 * @module
 */
import PDFDocument from 'pdfkit';
import * as vega from 'vega';
import { figureTextRuns } from '@jepa-dynamics/experiments';
import { fontFaceName, fontFile, FONT_FACES, type FontFace, type FontFaceName } from './figureFonts.js';
import { SCRIPT_SCALE } from './figureTextSvg.js';

let measuringDocument: PDFKit.PDFDocument | undefined;

/** A pdfkit document used only to measure strings (fonts registered once, nothing rendered). */
function measurer(): PDFKit.PDFDocument {
  if (measuringDocument === undefined) {
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const name of Object.keys(FONT_FACES) as FontFaceName[]) doc.registerFont(name, fontFile(name));
    measuringDocument = doc;
  }
  return measuringDocument;
}

const cache = new Map<string, number>();

/**
 * The advance width of a figure text, subscripts and superscripts (`_{…}`, `^{…}`)
 * counted at their reduced size. Memoized.
 * @param text - figure text, possibly with marks.
 * @param face - bold and/or italic.
 * @param size - font size in pixels.
 * @returns the width in pixels.
 */
export function figureTextWidth(text: string, face: FontFace, size: number): number {
  const name = fontFaceName(face);
  const key = `${name}|${size}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    const doc = measurer().font(name);
    width = figureTextRuns(text).reduce(
      (w, run) => w + doc.fontSize(run.shift === 'baseline' ? size : size * SCRIPT_SCALE).widthOfString(run.text), // formatting: text width of a label
      0,
    );
    cache.set(key, width);
  }
  return width;
}

/** The properties of a vega text item that set its width. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
  limit?: number;
  ellipsis?: string;
}

function faceOf(item: TextItem): FontFace {
  const weight = item.fontWeight;
  return {
    bold: weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600),
    italic: item.fontStyle === 'italic' || item.fontStyle === 'oblique',
  };
}

/**
 * vega's `textMetrics.width(item, text)`: the width of one line of a text item, after
 * vega's own trimming and truncation to the item's `limit` (with its ellipsis).
 * @param item - the text item (font size, weight, style, limit).
 * @param line - one line of its text.
 * @returns the width in pixels.
 */
export function measureFigureText(item: TextItem, line: unknown): number {
  const text = line === null || line === undefined ? '' : String(line).trim();
  const size = item.fontSize ?? 11;
  if (size <= 0 || text.length === 0) return 0;
  const face = faceOf(item);
  const full = figureTextWidth(text, face, size);
  const limit = item.limit ?? 0;
  if (!(limit > 0) || full <= limit) return full;
  // vega draws the longest prefix that fits with the ellipsis
  const ellipsis = item.ellipsis ?? '…';
  const room = limit - figureTextWidth(ellipsis, face, size);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2); // formatting: bisection for the longest label that fits
    if (figureTextWidth(text.slice(0, mid), face, size) <= room) lo = mid;
    else hi = mid - 1;
  }
  return figureTextWidth(text.slice(0, lo) + ellipsis, face, size);
}

/** vega-scenegraph's `textMetrics`, re-exported by vega at run time but absent from its typings. */
interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

/**
 * Makes vega lay out every text at its measured width (idempotent; affects this process's vega).
 * @throws `Error` if the installed vega no longer exports `textMetrics` (a dependency upgrade broke the hook).
 */
export function useMeasuredTextWidths(): void {
  const metrics = (vega as unknown as { textMetrics?: VegaTextMetrics }).textMetrics;
  if (metrics === undefined || typeof metrics.width !== 'function')
    throw new Error('vega no longer exports textMetrics: figures cannot be measured');
  metrics.width = measureFigureText;
}
