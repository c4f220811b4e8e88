import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DerivationError } from '../src/DerivationError.js';
import { cas } from '../src/cas.js';

describe('cas', () => {
  it('runs on the patched algebrite 1.4.0 (patches/algebrite@1.4.0.patch: terms sorted in place, ~20× faster)', () => {
    // the file the package's `import Algebrite from '#algebrite'` loads in the repository. Same results either way (the JSON of all
    // 24 derivations was byte-identical with and without the patch); without it the derivation tests take ~60 s.
    const source = readFileSync(createRequire(import.meta.url).resolve('algebrite'), 'utf8');
    expect(source).toContain('jepa-dynamics patch');
    expect(source).not.toContain('stack = stack.slice(0, h).concat(subsetOfStack)');
  });

  it('throws DerivationError when algebrite stops', () => {
    expect(() => cas('1 +')).toThrow(DerivationError);
    expect(() => cas('1 +')).toThrow(/algebrite failed on 1 \+/);
  });
});
