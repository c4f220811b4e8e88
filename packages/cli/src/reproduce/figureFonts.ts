/**
 * The font files every figure is set in, measured with and embedded from.
 *
 * DejaVu Sans comes from the `dejavu-fonts-ttf` package rather than from the system:
 * a fresh Debian machine (or a container) has no fonts at all, and the layout, the PNG
 * and the PDF must not depend on what fontconfig happens to find.
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FIGURE_FONT } from '@jepa-dynamics/experiments';

/** A face of the figure font: its weight and style as vega writes them into the SVG. */
export interface FontFace {
  /** Bold (vega's `font-weight="bold"`) or regular. */
  bold: boolean;
  /** Oblique (vega's `font-style="italic"`) or upright. */
  italic: boolean;
}

/** The four faces, by the name pdfkit registers them under. */
export const FONT_FACES = {
  [FIGURE_FONT]: { file: 'DejaVuSans.ttf', bold: false, italic: false },
  [`${FIGURE_FONT}-Bold`]: { file: 'DejaVuSans-Bold.ttf', bold: true, italic: false },
  [`${FIGURE_FONT}-Italic`]: { file: 'DejaVuSans-Oblique.ttf', bold: false, italic: true },
  [`${FIGURE_FONT}-BoldItalic`]: { file: 'DejaVuSans-BoldOblique.ttf', bold: true, italic: true },
} as const;

/** The name of a face as registered with pdfkit. */
export type FontFaceName = keyof typeof FONT_FACES;

const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The path of a face's TrueType file.
 * @param name - one of {@link FONT_FACES}' names.
 * @returns an absolute path inside the installed `dejavu-fonts-ttf` package.
 */
export function fontFile(name: FontFaceName): string {
  return join(fontDirectory, FONT_FACES[name].file);
}

/**
 * The registered face for a weight and style.
 * @param face - bold and/or italic.
 * @returns the face's name.
 */
export function fontFaceName(face: FontFace): FontFaceName {
  const found = (Object.keys(FONT_FACES) as FontFaceName[]).find(
    (n) => FONT_FACES[n].bold === face.bold && FONT_FACES[n].italic === face.italic,
  );
  // the four combinations of two booleans are all listed above
  return found ?? FIGURE_FONT;
}

/** Every face's file, for resvg. */
export function allFontFiles(): string[] {
  return (Object.keys(FONT_FACES) as FontFaceName[]).map(fontFile);
}
