/**
 * Reads a PDF with Mozilla's pdf.js, a parser independent of the pdfkit that wrote it:
 * whether it parses, its pages, its metadata title and the text drawn on each page.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a test checks of a PDF. */
export interface PdfSummary {
  /** The `%PDF-x.y` header. */
  header: string;
  /** Number of pages. */
  pages: number;
  /** The Info dictionary's Title. */
  title: string;
  /** Page sizes in points. */
  sizes: { width: number; height: number }[];
  /** The text drawn on each page, its pieces joined by spaces. */
  text: string[];
}

/** Parses `bytes` as a PDF (throws if pdf.js cannot). */
export async function readPdf(bytes: Uint8Array): Promise<PdfSummary> {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  // pdf.js takes ownership of the buffer it is given: hand it a copy
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const info = (await doc.getMetadata()).info as { Title?: string };
    const sizes: PdfSummary['sizes'] = [];
    const text: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view;
      sizes.push({ width: x1 - x0, height: y1 - y0 });
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { header, pages: doc.numPages, title: info.Title ?? '', sizes, text };
  } finally {
    await doc.destroy();
  }
}
