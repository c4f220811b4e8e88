import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/toCsv.js';

describe('toCsv(table)', () => {
  it('writes a header and one line per row, each ending in a newline, numbers in full precision', () => {
    expect(
      toCsv({
        columns: ['x', 'y'],
        rows: [
          { x: 1, y: 0.1 + 0.2 },
          { x: 2, y: -1e-300 },
        ],
      }),
    ).toBe('x,y\n1,0.30000000000000004\n2,-1e-300\n');
  });

  it('quotes cells with commas, quotes or newlines and leaves non-finite numbers, null and missing cells empty', () => {
    const csv = toCsv({
      columns: ['a', 'b'],
      rows: [{ a: 'x,y', b: 'say "hi"' }, { a: Number.NaN, b: null }, { a: 1e-300 }, { a: Infinity, b: 'two\nlines' }],
    });
    expect(csv).toBe('a,b\n"x,y","say ""hi"""\n,\n1e-300,\n,"two\nlines"\n');
  });

  it('writes objects as JSON (quoted, since JSON has quotes)', () => {
    expect(toCsv({ columns: ['o'], rows: [{ o: { k: [1, 2] } }] })).toBe('o\n"{""k"":[1,2]}"\n');
  });
});
