// Local declaration for svg-to-pdfkit 0.1.8 (CommonJS, ships no types). tsconfig `paths`
// maps `svg-to-pdfkit` here. Only the options that `src/reproduce/svgToPdf.ts` uses are declared.
import type PDFKit from 'pdfkit';

export interface SvgToPdfOptions {
  /** Size of the drawing in PDF points; the SVG's viewBox is scaled to it. */
  width?: number;
  height?: number;
  /** Whether text is drawn as text (selectable, searchable) rather than as outlines. */
  useCSS?: boolean;
  assumePt?: boolean;
  /** Maps an SVG font to a font name registered on the document. */
  fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxItalic: boolean; fauxBold: boolean }) => string;
  warningCallback?: (message: string) => void;
}

declare function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
export default SVGtoPDF;
