/**
 * The figure renderer: text laid out at its real width, subscripts set as subscripts, and
 * the PDF read back by pdf.js (an independent parser).
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { allFontFiles } from '../../src/reproduce/figureFonts.js';
import { figureTextWidth, measureFigureText } from '../../src/reproduce/figureTextWidth.js';
import { SCRIPT_SCALE, setFigureTextMarks } from '../../src/reproduce/figureTextSvg.js';
import { renderFigure } from '../../src/reproduce/renderFigure.js';
import { svgToPdf } from '../../src/reproduce/svgToPdf.js';
import { readPdf } from '../../../../test/support/readPdf.js';
import { measureInk } from '../../../../test/support/pngInk.js';

/** The width resvg (its own shaper, rustybuzz) gives a text: the independent measure. */
function resvgWidth(text: string, size: number, bold: boolean): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="0" y="50" font-family="DejaVu Sans" font-size="${size}px"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
  const resvg = new Resvg(svg, { font: { fontFiles: allFontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  const box = resvg.getBBox();
  if (box === undefined) throw new Error('no text drawn');
  return box.width;
}

describe('figureTextWidth', () => {
  it.each([
    ['regression coefficient ρ (λ = 1), log scale', 12, true],
    ['(λ, ρ) learned first → last: (1, 2) → (1.15, 1)', 11, false],
    ['WWWW iiii', 14, false],
  ])(
    'measures %j at %ipx like resvg draws it (to 0.2 em: the ink box omits the two outer side bearings, each under 0.1 em in DejaVu Sans)',
    (text, size, bold) => {
      const measured = figureTextWidth(text, { bold, italic: false }, size);
      expect(Math.abs(measured - resvgWidth(text, size, bold))).toBeLessThan(0.2 * size);
      // vega's own estimate without a canvas, 0.8 em per character, is far off
      expect(0.8 * size * text.length).toBeGreaterThan(1.3 * measured);
    },
  );

  it('counts a subscript at its reduced size', () => {
    const face = { bold: false, italic: false };
    const base = figureTextWidth('t*', face, 12);
    const sub = figureTextWidth('A', face, 12 * SCRIPT_SCALE);
    expect(figureTextWidth('t*_{A}', face, 12)).toBeCloseTo(base + sub, 10);
  });

  it("measureFigureText(item, text) truncates to the item's limit as vega draws it", () => {
    const item = { fontSize: 11, limit: 60 };
    const text = 'a long legend label that does not fit';
    const width = (t: string): number => figureTextWidth(t, { bold: false, italic: false }, 11);
    // the longest prefix that fits with the ellipsis, found by walking the prefixes
    let n = 0;
    while (width(text.slice(0, n + 1) + '…') <= 60) n++;
    expect(measureFigureText(item, text)).toBe(width(text.slice(0, n) + '…'));
    expect(measureFigureText(item, text)).toBeLessThanOrEqual(60);
    expect(measureFigureText(item, '  ab  ')).toBe(figureTextWidth('ab', { bold: false, italic: false }, 11));
  });
});

describe('setFigureTextMarks', () => {
  it('sets _{…} and ^{…} as shifted, smaller tspans and keeps accessibility labels plain', () => {
    const svg =
      '<svg><g aria-label="Y-axis titled \'t*_{A} / t*_{B}\'"><text font-size="12px" fill="#000">t*_{A} / 10^{7}</text><text font-size="11px">plain_text</text></g></svg>';
    expect(setFigureTextMarks(svg)).toBe(
      '<svg><g aria-label="Y-axis titled \'t*_A / t*_B\'"><text font-size="12px" fill="#000">t*<tspan font-size="8.4px" baseline-shift="-2.4px">A</tspan> / 10<tspan font-size="8.4px" baseline-shift="4.56px">7</tspan></text><text font-size="11px">plain_text</text></g></svg>',
    );
  });

  it('sets marks in every line of a multi-line text', () => {
    const out = setFigureTextMarks('<text font-size="10px"><tspan>a_{1}</tspan><tspan dy="12">b_{2}</tspan></text>');
    expect(out).toBe(
      '<text font-size="10px"><tspan>a<tspan font-size="7px" baseline-shift="-2px">1</tspan></tspan><tspan dy="12">b<tspan font-size="7px" baseline-shift="-2px">2</tspan></tspan></text>',
    );
  });
});

describe('svgToPdf', () => {
  it('writes one page of the SVG size (pt = 3/4 px) whose text pdf.js reads back, combining marks included', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><text x="10" y="40" font-family="DejaVu Sans" font-size="16px">w̄∞ = ρ^L, λ ≤ 1</text></svg>';
    const pdf = await readPdf(await svgToPdf(svg, 'a title'));
    expect([pdf.header.slice(0, 5), pdf.pages, pdf.title]).toEqual(['%PDF-', 1, 'a title']);
    expect(pdf.sizes).toEqual([{ width: 300, height: 60 }]);
    expect(pdf.text[0].replace(/\s+/g, ' ').trim()).toBe('w̄∞ = ρ^L, λ ≤ 1');
  });
});

describe('renderFigure', () => {
  const spec = {
    title: { text: 'Ratio t*_{A} / t*_{B}', subtitle: 'a subtitle' },
    data: { values: [1, 2, 3].map((x) => ({ x, y: x * x })) },
    mark: 'line',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative', title: 'y_{1}' } },
  };

  it('gives SVG, PNG and PDF of one figure, tight around its ink', async () => {
    const figure = await renderFigure(spec);
    expect(figure.svg).toContain('Ratio t*<tspan');
    const ink = measureInk(figure.png);
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(figure.svg) ?? [];
    expect([ink.width, ink.height]).toEqual([2 * Number(w), 2 * Number(h)]);
    // the config's padding (8 px) is all the margin there is
    expect(ink.blankMargin).toBeLessThan(0.1);
    const pdf = await readPdf(figure.pdf);
    expect([pdf.pages, pdf.title]).toEqual([1, 'Ratio t*_A / t*_B']);
    expect(pdf.text[0]).toContain('a subtitle');
  });
});
