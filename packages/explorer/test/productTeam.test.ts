/**
 * core's product teams in Chromium, with Web Workers as the host (docs/simulation.md, "Two
 * cores"): on a cross-origin isolated page a worker drives the products and a second worker
 * serves as the helper, joined by a MessageChannel; the products must be bit-identical to the
 * reference loops and split. The page's main thread, which may not block, and a page that is
 * not cross-origin isolated, which has no SharedArrayBuffer, must be refused with the reason.
 * core's build is served as plain ES modules (it has no dependencies), so no bundler runs.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumObtainable, ensureChromium, launchChromium, type LaunchedChromium } from './support/chromium.js';

const coreDist = fileURLToPath(new URL('../../core/dist/', import.meta.url));

/** The helper: passes every message of its port to serveProductHelper. */
const HELPER = `
import { serveProductHelper } from '/core/index.js';
onmessage = (e) => { e.data.port.onmessage = (m) => { serveProductHelper(m.data); }; };
`;

/** The driver: a team of one helper (reached through its port), products against the reference loops. */
const DRIVER = `
import { createMatrixWorkspace, createProductTeam, matmulReference, matmulTransAReference } from '/core/index.js';
onmessage = (e) => {
  const port = e.data.port;
  try {
    const team = createProductTeam({ helpers: 1, post: (i, m) => port.postMessage(m), timeoutMs: 20000 });
    let split = 0;
    const probe = { helpers: 1, attach: (m, f) => team.attach(m, f), run: (m, f, b, own) => { split++; team.run(m, f, b, own); } };
    let same = true;
    let state = 5;
    const uniform = () => ((state = (state * 48271) % 2147483647) / 2147483647) * 2 - 1;
    for (const [m, k, n] of [[96, 96, 96], [130, 129, 131], [260, 300, 270]]) {
      const ws = createMatrixWorkspace({ capacity: 2 * m * k + k * n + m * n, largestMatrix: Math.max(m, n) * k, backend: 'wasm', team: probe });
      const a = ws.alloc(m * k), at = ws.alloc(k * m), b = ws.alloc(k * n), c = ws.alloc(m * n);
      for (const x of [a, at, b]) for (let i = 0; i < x.length; i++) x[i] = uniform();
      c.fill(NaN);
      const ab = Array.from(ws.matmul(c, a, b, m, k, n));
      c.fill(NaN);
      const atb = Array.from(ws.matmulTransA(c, at, b, m, k, n));
      const refAb = matmulReference(new Float64Array(m * n), a, b, m, k, n);
      const refAtb = matmulTransAReference(new Float64Array(m * n), at, b, m, k, n);
      same &&= ab.every((v, i) => Object.is(v, refAb[i])) && atb.every((v, i) => Object.is(v, refAtb[i]));
    }
    postMessage({ same, split });
  } catch (error) {
    postMessage({ error: String(error) });
  }
};
`;

/** Creates a team on the page's own thread; the result (or the refusal) lands in window.result. */
const PAGE_SCRIPT = `
import { createProductTeam } from '/core/index.js';
let mainThread;
try {
  createProductTeam({ helpers: 1, post: () => {} });
  mainThread = 'created';
} catch (e) {
  mainThread = String(e.message);
}
if (!crossOriginIsolated) window.result = { isolated: false, mainThread };
else {
  const helper = new Worker('/helper.js', { type: 'module' });
  const driver = new Worker('/driver.js', { type: 'module' });
  const channel = new MessageChannel();
  helper.postMessage({ port: channel.port2 }, [channel.port2]);
  driver.postMessage({ port: channel.port1 }, [channel.port1]);
  driver.onmessage = (e) => { window.result = { isolated: true, mainThread, ...e.data }; };
  driver.onerror = (e) => { window.result = { isolated: true, mainThread, error: e.message }; };
}
`;

/** Serves the pages, the two workers and core's build; `/isolated.html` with COOP/COEP, `/plain.html` without. */
async function serve(): Promise<{ server: Server; url: string }> {
  const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (body: string | Buffer, type: string, headers: Record<string, string> = isolation): void => {
      response.writeHead(200, { 'Content-Type': type, ...headers });
      response.end(body);
    };
    const html = `<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>`;
    if (path === '/isolated.html') send(html, 'text/html');
    else if (path === '/plain.html') send(html, 'text/html', {});
    else if (path === '/page.js') send(PAGE_SCRIPT, 'text/javascript');
    else if (path === '/helper.js') send(HELPER, 'text/javascript');
    else if (path === '/driver.js') send(DRIVER, 'text/javascript');
    else if (path.startsWith('/core/')) {
      const file = normalize(join(coreDist, path.slice('/core/'.length)));
      if (!file.startsWith(coreDist)) {
        response.writeHead(403).end();
        return;
      }
      readFile(file).then(
        (body) => send(body, 'text/javascript'),
        () => response.writeHead(404).end(),
      );
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.skipIf(!chromiumObtainable())('core product teams in Chromium (Web Workers as the host)', () => {
  let served: { server: Server; url: string };
  let browser: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    ensureChromium();
    served = await serve();
    browser = await launchChromium({ width: 800, height: 600 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => served?.server.close(resolve));
  });

  const result = async (path: string): Promise<Record<string, unknown>> => {
    await page.goto(`${served.url}${path}`);
    await page.waitForFunction(() => (window as { result?: unknown }).result !== undefined, undefined, { timeout: 60_000 });
    return page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
  };

  it('cross-origin isolated: a worker with a helper worker computes products bit-identical to the reference loops, split; the page’s own thread is refused', async () => {
    const r = await result('/isolated.html');
    expect(r.error).toBeUndefined();
    expect(r.isolated).toBe(true);
    expect(r.same).toBe(true);
    // A·B and Aᵀ·B of each of the 3 shapes are past the thresholds (64³ in place, 96³ packed): 6 products split
    expect(r.split).toBe(6);
    expect(r.mainThread).toMatch(/createProductTeam: invalid argument Atomics\.wait: must be allowed on the calling thread/);
  });

  it('not cross-origin isolated: no SharedArrayBuffer, and createProductTeam says what the page needs', async () => {
    const r = await result('/plain.html');
    expect(r.isolated).toBe(false);
    expect(r.mainThread).toMatch(/SharedArrayBuffer: must exist: .* the page must be cross-origin isolated/);
  });
});
