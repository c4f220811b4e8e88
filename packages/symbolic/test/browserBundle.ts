/**
 * Bundles an ES module for the browser as a user's build would (esbuild `--bundle
 * --minify --format=esm`, platform browser), resolving `@jepa-dynamics/symbolic` from the
 * package's own folder, i.e. through its `exports` and `browser` fields to `dist`. Shared
 * by bundle.test.ts and bench/symbolic.ts (not a test file).
 */
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The minified bundle of `contents` and esbuild's metafile (which inputs went in, and how many bytes each). */
export async function browserBundle(contents: string): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const r = await build({
    // the import by name is a self-reference through package.json `exports`
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: r.outputFiles[0].contents, metafile: r.metafile };
}
