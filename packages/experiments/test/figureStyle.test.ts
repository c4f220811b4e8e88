import { describe, expect, it } from 'vitest';
import { FIGURE_CONFIG, FIGURE_FONT, styledFigure } from '../src/figureStyle.js';

describe('styledFigure(spec)', () => {
  it('adds the shared config after the spec’s own keys, the spec’s own config settings winning', () => {
    const spec = { mark: 'point', config: { padding: 2, font: 'Serif' }, width: 10 };
    const styled = styledFigure(spec);
    expect(Object.keys(styled)).toEqual(['mark', 'config', 'width']);
    expect(styled.config).toEqual({ ...FIGURE_CONFIG, padding: 2, font: 'Serif' });
    expect(spec.config).toEqual({ padding: 2, font: 'Serif' });
  });

  it('gives a spec without config the shared one, in DejaVu Sans on white', () => {
    const styled = styledFigure({ mark: 'line' });
    expect(Object.keys(styled)).toEqual(['mark', 'config']);
    expect(styled.config).toEqual(FIGURE_CONFIG);
    expect([FIGURE_CONFIG.font, FIGURE_CONFIG.background]).toEqual([FIGURE_FONT, 'white']);
  });
});
