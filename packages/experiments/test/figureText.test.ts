import { describe, expect, it } from 'vitest';
import { figureTextRuns, plainFigureText } from '../src/figureText.js';

describe('figureTextRuns(text)', () => {
  it('splits subscripts and superscripts from plain text', () => {
    expect(figureTextRuns('10^{-7} and x_{ij}^{2}')).toEqual([
      { text: '10', shift: 'baseline' },
      { text: '-7', shift: 'super' },
      { text: ' and x', shift: 'baseline' },
      { text: 'ij', shift: 'sub' },
      { text: '2', shift: 'super' },
    ]);
  });

  it('leaves bare underscores, carets and unmatched braces as they are', () => {
    for (const text of ['relative_to_rho_max', 'a^b', 'x_{', '{y}', ''])
      expect(
        figureTextRuns(text)
          .map((r) => r.text)
          .join(''),
      ).toBe(text);
    expect(figureTextRuns('relative_to_rho_max')).toEqual([{ text: 'relative_to_rho_max', shift: 'baseline' }]);
  });
});

describe('plainFigureText(text)', () => {
  it('drops the braces and keeps _ and ^', () => {
    expect(plainFigureText('t*_{exact} − t*_{lead}, 10^{2}')).toBe('t*_exact − t*_lead, 10^2');
  });
});
