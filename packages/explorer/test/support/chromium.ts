/**
 * Debian's Chromium for the browser test, driven by playwright-core: installed with apt-get
 * when absent (as root, as CI runs), never downloaded by a tool of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the test can have a browser: it is there, or this process may install it (root).
 * When it cannot, says so on stderr, so that a skipped browser test is never silent.
 */
export function chromiumObtainable(): boolean {
  if (existsSync(CHROMIUM) || process.getuid?.() === 0) return true;
  console.error(
    `explorer browser test SKIPPED: ${CHROMIUM} is absent and this user cannot install it; run 'apt-get install -y chromium' as root (CI runs as root and installs it).`,
  );
  return false;
}

/**
 * Installs Debian's chromium if it is absent: `apt-get install -y chromium`, and once more after
 * `apt-get update` if the package lists were stale or missing (a fresh machine).
 * @throws when it cannot be installed.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args: string[]): void => void execFileSync('apt-get', args, { env, stdio: 'pipe', maxBuffer: 64 << 20 });
  try {
    apt('install', '-y', 'chromium');
  } catch {
    apt('update');
    apt('install', '-y', 'chromium');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is not there`);
}

/** The switches of every run: headless, no sandbox (root in a container), no GPU, nothing that reaches the network by itself. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running Chromium. */
export interface LaunchedChromium {
  context: BrowserContext;
  /** Stops the browser (every process of it) and deletes its profile. */
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile (its own `--user-data-dir`, which playwright passes).
 * @param viewport - the window's size.
 * @returns the browser context and its `close`.
 */
export async function launchChromium(viewport: { width: number; height: number }): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      acceptDownloads: true,
    });
    return {
      context,
      close: async () => {
        await context.close();
        removeProfile();
      },
    };
  } catch (error) {
    removeProfile();
    throw error;
  }
}
