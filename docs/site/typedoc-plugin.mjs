// @ts-check
/**
 * The TypeDoc plugin of the documentation site (`pnpm run docs`, typedoc.json):
 *
 * - formulas: `$…$` and `$$…$$` in the guides and doc comments are typeset by KaTeX when the
 *   site is built (@vscode/markdown-it-katex in TypeDoc's markdown-it), so pages carry HTML
 *   and MathML, not TeX; KaTeX's stylesheet and fonts are copied into the site (assets/katex),
 *   so it works offline, with no CDN;
 * - links to source: each declaration's source reference is set here to its path from the
 *   repository root (`jd-source:packages/ode/src/x.ts`), and each page's links are rewritten
 *   into relative links from that page to the file in the repository checkout the site was
 *   built from (docs/api sits inside it). No remote URL is invented: the repository has none
 *   that the project controls. typedoc.json's sourceLinkTemplate only switches the links on.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, JSX, PageEvent, RendererEvent } from 'typedoc';
import markdownItKatex from '@vscode/markdown-it-katex';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const katexDist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
const SOURCE_SCHEME = 'jd-source:';

/** @param {import('typedoc').Application} app */
export function load(app) {
  // after the configuration is read, which would otherwise reset the loader to its default
  app.on(Application.EVENT_BOOTSTRAP_END, () =>
    app.options.setValue('markdownItLoader', (/** @type {any} */ parser) => {
      // a formula KaTeX cannot typeset fails the build rather than showing raw TeX
      const plugin = /** @type {any} */ (markdownItKatex).default ?? markdownItKatex;
      parser.use(plugin, { throwOnError: true, output: 'htmlAndMathml' });
    }),
  );

  // every source reference: its path from the repository root, shown and linked (a re-export
  // documented from a package's built declarations, dist/x.d.ts, is shown as its source, src/x.ts)
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      for (const source of /** @type {any} */ (reflection).sources ?? []) {
        let path = relative(repositoryRoot, source.fullFileName).split(sep).join('/');
        const built = /^(packages\/[^/]+)\/dist\/(.*)\.d\.ts$/.exec(path);
        if (built !== null && existsSync(join(repositoryRoot, built[1], 'src', `${built[2]}.ts`))) path = `${built[1]}/src/${built[2]}.ts`;
        source.fileName = path;
        source.url = `${SOURCE_SCHEME}${path}`;
      }
    }
  });

  app.renderer.hooks.on('head.end', (context) =>
    JSX.createElement('link', { rel: 'stylesheet', href: context.relativeURL('assets/katex/katex.min.css') }),
  );

  app.renderer.on(RendererEvent.END, (event) => {
    const target = join(event.outputDirectory, 'assets', 'katex');
    mkdirSync(join(target, 'fonts'), { recursive: true });
    cpSync(join(katexDist, 'katex.min.css'), join(target, 'katex.min.css'));
    // all three formats: the stylesheet names each, and a link checker (test/docs-site.test.ts) follows them
    cpSync(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
  });

  app.renderer.on(PageEvent.END, (page) => {
    if (page.contents === undefined) return;
    const from = dirname(page.filename);
    page.contents = page.contents.replace(new RegExp(`href="${SOURCE_SCHEME}([^"]*)"`, 'g'), (_, path) => {
      return `href="${relative(from, join(repositoryRoot, path)).split(sep).join('/')}"`;
    });
  });
}
