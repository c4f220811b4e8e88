/**
 * Subscripts and superscripts in figure text.
 *
 * Unicode has subscript forms for a few lowercase letters and digits only (no `A`,
 * no `B`), so figure text marks them instead: `t*_{A}` is t* with subscript A,
 * `10^{-7}` is 10 with superscript −7. Braces are required (a bare `_` is an
 * underscore), and marks do not nest. The command line sets them as real subscripts
 * (smaller, shifted text) in SVG, PNG and PDF; a renderer that does not know the
 * convention shows the markup, which still reads as TeX.
 * @module
 */

/** Where a run of figure text sits relative to the baseline. */
export type TextShift = 'baseline' | 'sub' | 'super';

/** A piece of figure text set in one way. */
export interface TextRun {
  /** The characters. */
  text: string;
  /** Baseline, subscript or superscript. */
  shift: TextShift;
}

const MARK = /([_^])\{([^{}]*)\}/g;

/**
 * The runs of a figure text: plain text, subscripts (`_{…}`) and superscripts (`^{…}`).
 * Cost: linear in the text's length.
 * @param text - figure text, possibly with marks.
 * @returns the runs in order; adjacent plain text is one run, empty runs are dropped.
 * @example
 * ```ts
 * figureTextRuns('t*_{A} / t*_{B}');
 * // => [{ text: 't*', shift: 'baseline' }, { text: 'A', shift: 'sub' }, { text: ' / t*', shift: 'baseline' }, { text: 'B', shift: 'sub' }]
 * figureTextRuns('a_b'); // => [{ text: 'a_b', shift: 'baseline' }]
 * ```
 */
export function figureTextRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const push = (piece: string, shift: TextShift): void => {
    if (piece.length > 0) runs.push({ text: piece, shift });
  };
  let last = 0;
  for (const match of text.matchAll(MARK)) {
    push(text.slice(last, match.index), 'baseline');
    push(match[2], match[1] === '_' ? 'sub' : 'super');
    last = match.index + match[0].length;
  }
  push(text.slice(last), 'baseline');
  return runs;
}

/**
 * A figure text with its braces removed, for places that show plain text (a tooltip,
 * an accessibility label): `_` and `^` stay, as in plain-text mathematics.
 * @param text - figure text, possibly with marks.
 * @returns the text without the marks' braces.
 * @example
 * ```ts
 * plainFigureText('t*_{A} / t*_{B}'); // => 't*_A / t*_B'
 * ```
 */
export function plainFigureText(text: string): string {
  return text.replace(MARK, '$1$2');
}
