/**
 * What a browser bundler makes of the package (browserBundle.ts: esbuild as a user's build
 * would run it), from the built `dist` (test/global-setup.ts builds first).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { derive, type Derivation, type Objective } from '../src/index.js';
import { browserBundle } from './browserBundle.js';

let fullPackage: Promise<{ code: Uint8Array; metafile: Metafile }> | undefined;
/** The bundle of `derive` from the full package (built once for the tests below). */
function fullPackageBundle(): Promise<{ code: Uint8Array; metafile: Metafile }> {
  fullPackage ??= browserBundle("export { derive } from '@jepa-dynamics/symbolic';");
  return fullPackage;
}

/** The bundle's input files that belong to a computer-algebra or expression package. */
function casInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter((p) =>
    /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(mathjs|algebrite|typed-function|big-integer)\//.test(p),
  );
}

describe('@jepa-dynamics/symbolic/evaluators in a browser bundle', () => {
  it('contains no module of mathjs or algebrite, and stays under 10 KiB gzipped', async () => {
    const { code, metafile } = await browserBundle(
      "export { jepaTime, maeTime, criticalTimeFormula, javascriptSource } from '@jepa-dynamics/symbolic/evaluators';",
    );
    const inputs = Object.keys(metafile.inputs);
    // the check must see the package's sources, or it would pass on an empty bundle
    expect(inputs.some((p) => p.endsWith('symbolic/dist/jepaTime.js'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('symbolic/dist/maeTime.js'))).toBe(true);
    expect(casInputs(metafile)).toEqual([]);
    expect(inputs.filter((p) => /symbolic\/dist\/(cas|notation|casFunction|mathjs)/.test(p))).toEqual([]);
    // measured 7.9 KiB minified, 3.2 KiB gzipped (jepaTime alone: 1.3 KiB, 0.7 KiB)
    expect(gzipSync(code).length).toBeLessThan(10 * 1024);
  });

  it('the same check fails on the full package (it contains mathjs and algebrite)', async () => {
    const { metafile } = await fullPackageBundle();
    const cas = casInputs(metafile);
    expect(cas.some((p) => p.includes('/algebrite/'))).toBe(true);
    expect(cas.some((p) => p.includes('/mathjs/'))).toBe(true);
  });
});

describe('@jepa-dynamics/symbolic in a browser bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-symbolic-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("uses mathjs's factory build of only the functions used, not its single-file build", async () => {
    const { metafile } = await fullPackageBundle();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((p) => p.endsWith('symbolic/dist/mathjs.browser.js'))).toBe(true);
    expect(inputs.filter((p) => p.endsWith('symbolic/dist/mathjs.js') || p.includes('mathjs/lib/browser/'))).toEqual([]);
  });

  // The two mathjs builds (src/mathjs.ts in Node, src/mathjs.browser.ts in bundles) must not change a
  // byte of any derivation: every expression (CAS, text, LaTeX) and every certificate with its spot-check
  // errors. Depths chosen to cover both objectives, m = L + 1 even (2, 4) and odd (3, 7), the exact surds
  // of m = 3 and the symbolic cos/sin(2πj/m) of m = 7 (all 24 cases were compared once: identical).
  const cases: [Objective, number][] = [
    ['jepa', 1],
    ['jepa', 4],
    ['mae', 1],
    ['mae', 2],
    ['mae', 3],
    ['mae', 6],
  ];

  it('derives exactly what the package derives in Node', async () => {
    const { code } = await fullPackageBundle();
    const file = join(dir, 'symbolic.browser.mjs');
    writeFileSync(file, code);
    const browser = (await import(pathToFileURL(file).href)) as { derive: typeof derive };
    const comparable = (d: Derivation): string =>
      JSON.stringify({ flow: d.flow, integral: d.integral, general: d.general, certificates: d.certificates });
    for (const [objective, L] of cases) {
      expect(comparable(browser.derive(objective, L)), `${objective} L = ${L}`).toBe(comparable(derive(objective, L)));
    }
  });
});
