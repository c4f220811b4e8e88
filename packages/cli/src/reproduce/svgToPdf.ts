/**
 * SVG → PDF as vector graphics, for LaTeX users (`\includegraphics{3-depth-flip.pdf}`).
 *
 * The route is pdfkit + svg-to-pdfkit: pure JavaScript, no binary to download, text kept
 * as text (searchable, selectable) in DejaVu Sans, embedded as a subset so that every
 * Unicode character of the figures (λ, ρ, ε, w̄, ≤, →, subscripts) prints on any
 * machine.
 * @module
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { fontFaceName, fontFile, FONT_FACES, type FontFaceName } from './figureFonts.js';

/** PDF points per SVG pixel (CSS: 96 px = 72 pt = 1 in). */
export const POINTS_PER_PIXEL = 72 / 96; // formatting: unit conversion

/**
 * Converts an SVG document to a one-page PDF of the same size.
 * @param svg - the SVG text; its `width` and `height` attributes (pixels) set the page size.
 * @param title - the document's title (its metadata; shown by PDF viewers).
 * @returns the PDF file's bytes.
 * @throws `Error` when the SVG has no numeric width and height, or svg-to-pdfkit reports a problem (an element or font it cannot draw).
 */
export async function svgToPdf(svg: string, title: string): Promise<Uint8Array> {
  const header = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(header)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(header)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('svgToPdf: the SVG has no numeric width and height');
  const size: [number, number] = [width * POINTS_PER_PIXEL, height * POINTS_PER_PIXEL]; // formatting: page size
  const doc = new PDFDocument({ size, margin: 0, info: { Title: title, Creator: 'jepa-dynamics' }, compress: true });
  for (const name of Object.keys(FONT_FACES) as FontFaceName[]) doc.registerFont(name, fontFile(name));
  const warnings: string[] = [];
  SVGtoPDF(doc, svg, 0, 0, {
    width: size[0],
    height: size[1],
    fontCallback: (_family, bold, italic) => fontFaceName({ bold, italic }),
    warningCallback: (message) => warnings.push(message),
  });
  if (warnings.length > 0) throw new Error(`svgToPdf: ${warnings.join('; ')}`);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await done;
  const pdf = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    pdf.set(c, offset);
    offset += c.length;
  }
  return pdf;
}
