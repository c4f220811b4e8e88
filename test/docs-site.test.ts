/**
 * The documentation site (`pnpm run docs`, typedoc.json + docs/site/typedoc-plugin.mjs),
 * built into a temporary folder and crawled: every guide is a page, formulas are typeset by
 * KaTeX at build time, source links point into the repository, and no link leaves the site
 * (the allow-list of external URLs is empty: the site must work offline) or points at a
 * missing file or anchor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/runCli.js';

/** External URLs a page may link to: none. */
const ALLOWED_EXTERNAL: readonly string[] = [];

let out = '';
const pages = new Map<string, string>();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'jd-docs-'));
  const typedoc = join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
  const r = spawnSync(process.execPath, [typedoc, '--out', out], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  for (const file of walk(out).filter((f) => f.endsWith('.html'))) pages.set(file, readFileSync(file, 'utf8'));
}, 300_000);

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

/** The ids (and names) a document defines, for its #anchors. */
const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (ids === undefined) {
    const text = pages.get(file) ?? readFileSync(file, 'utf8');
    ids = new Set([...text.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1]));
    idCache.set(file, ids);
  }
  return ids;
}

/** Every link target of a page or stylesheet: href, src and CSS url(). */
function targetsOf(text: string): string[] {
  return [...text.matchAll(/\s(?:href|src)="([^"]*)"/g), ...text.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1].replace(/^['"]|['"]$/g, ''));
}

interface LinkReport {
  checked: number;
  external: string[];
  broken: string[];
}

function crawl(): LinkReport {
  const report: LinkReport = { checked: 0, external: [], broken: [] };
  const stylesheets = walk(out).filter((f) => f.endsWith('.css'));
  for (const file of [...pages.keys(), ...stylesheets]) {
    const text = pages.get(file) ?? readFileSync(file, 'utf8');
    const where = relative(out, file);
    for (const raw of targetsOf(text)) {
      if (raw === '' || raw === '#' || raw.startsWith('data:')) continue;
      report.checked++;
      const target = raw.replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
        if (!ALLOWED_EXTERNAL.includes(target)) report.external.push(`${where} → ${target}`);
        continue;
      }
      const [pathPart, fragment] = target.split('#') as [string, string | undefined];
      const path = decodeURIComponent(pathPart.split('?')[0]);
      const resolved = path === '' ? file : resolve(dirname(file), path);
      if (!existsSync(resolved)) {
        report.broken.push(`${where} → ${target} (no such file)`);
        continue;
      }
      const anchored = ['.html', '.svg'].includes(extname(resolved));
      if (fragment !== undefined && fragment !== '' && anchored && !idsOf(resolved).has(decodeURIComponent(fragment)))
        report.broken.push(`${where} → ${target} (no such anchor)`);
    }
  }
  return report;
}

describe('the documentation site', () => {
  it('has a page for the README and for every guide, docs/math.md included', () => {
    expect(pages.has(join(out, 'index.html'))).toBe(true);
    const guides = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
    expect(guides).toContain('math.md');
    for (const guide of guides) expect(pages.has(join(out, 'documents', `docs_${guide.replace(/\.md$/, '')}.html`)), guide).toBe(true);
    // the README's links to guides lead to their pages, not to raw markdown
    expect(pages.get(join(out, 'index.html'))).toContain('href="documents/docs_conventions.html"');
  });

  it('typesets formulas with KaTeX at build time, with its stylesheet and fonts in the site', () => {
    const math = pages.get(join(out, 'documents', 'docs_math.html')) ?? '';
    expect(math.match(/class="katex-display"/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    expect(math).toContain('<math');
    // no TeX left unrendered, and no KaTeX error boxes
    expect(math).not.toMatch(/\$\$|katex-error/);
    expect(existsSync(join(out, 'assets', 'katex', 'katex.min.css'))).toBe(true);
    expect(existsSync(join(out, 'assets', 'katex', 'fonts', 'KaTeX_Main-Regular.woff2'))).toBe(true);
  });

  it('links every documented declaration to its source file in the repository', () => {
    const page = [...pages.entries()].find(([f]) => f.endsWith('_jepa-dynamics_ode.solveIvp.html'));
    expect(page).toBeDefined();
    const [file, html] = page ?? ['', ''];
    const link = /Defined in <a href="([^"]+)">packages\/ode\/src\/solver\/solveIvp\.ts:\d+<\/a>/.exec(html);
    expect(link).not.toBeNull();
    expect(resolve(dirname(file), link?.[1] ?? '')).toBe(join(root, 'packages', 'ode', 'src', 'solver', 'solveIvp.ts'));
  });

  it('has no external link and no broken link or anchor', () => {
    const report = crawl();
    // a few thousand links: pages, stylesheets, icons, fonts, source files, anchors
    expect(report.checked).toBeGreaterThan(1000);
    expect(report.external).toEqual([]);
    expect(report.broken).toEqual([]);
  });
});
