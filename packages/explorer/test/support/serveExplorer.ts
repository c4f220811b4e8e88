/**
 * The explorer built and served as `npx -y pnpm@12.4.2 run explore` does it (vite build, then
 * vite preview on 127.0.0.1 with the Content-Security-Policy headers), into a temporary
 * folder and on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

/** The explorer package's folder. */
export const EXPLORER_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A running server of a build. */
export interface ServedExplorer {
  /** The page's address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** The build's folder (for sizes). */
  outDir: string;
  /** Stops the server and deletes the build's folder. */
  close(): Promise<void>;
}

/**
 * Builds the explorer into a temporary folder and serves it.
 * @returns the server.
 */
export async function serveExplorer(): Promise<ServedExplorer> {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-dist-'));
  const configFile = join(EXPLORER_ROOT, 'vite.config.ts');
  try {
    await build({ root: EXPLORER_ROOT, configFile, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  // port 0: the system picks a free port
  const server: PreviewServer = await preview({
    root: EXPLORER_ROOT,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  const close = async (): Promise<void> => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await close();
    throw new Error('vite preview reported no local address');
  }
  return { url, outDir, close };
}
