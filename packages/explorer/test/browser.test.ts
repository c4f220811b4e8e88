/**
 * The explorer in a real browser: Debian's Chromium (installed with apt-get when absent)
 * driven by playwright-core, against the page built and served as `run explore` serves it.
 * Every wait is on a condition of the page, never a sleep. Measurements (update latency,
 * first load, bundle sizes) are reported on stdout and in test-artifacts/measurements.json,
 * and never asserted (the machine is shared); the sizes are.
 */
import { criticalTime, orderFlipDepth } from '@jepa-dynamics/ode';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_POLICY, TRAINING_WORKER_POLICY } from '../contentSecurityPolicy.js';
import { formatNumber } from '../src/plot/formatNumber.js';
import { defaultState, presets } from '../src/state/presets.js';
import { encodeState } from '../src/state/urlState.js';
import { chromiumObtainable, ensureChromium, launchChromium, type LaunchedChromium } from './support/chromium.js';
import { EXPLORER_ROOT, serveExplorer, type ServedExplorer } from './support/serveExplorer.js';

const ARTIFACTS = join(EXPLORER_ROOT, 'test-artifacts');
const KB = 1024;

/** What the page said that it should not have: console errors and warnings, uncaught errors, CSP violations. */
const complaints: string[] = [];
const measurements: Record<string, unknown> = {};
/** Asset files the page requested, in order (names under assets/). */
const requested: string[] = [];
/** The files of the first load. */
const initialFiles: string[] = [];

let served: ServedExplorer;
let browser: LaunchedChromium;
let context: BrowserContext;
let page: Page;

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

/** The full value behind a critical-time cell. */
async function shownTime(row: number, objective: string): Promise<number> {
  const value = await page.getAttribute(
    `#critical-times tr[data-row="${row}"][data-objective="${objective}"] td[data-quantity="exact"]`,
    'data-value',
  );
  return Number(value);
}

/** Waits until the page has drawn `count` more updates than `before`. */
async function updatedPast(before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset.updates ?? 0) > n, before);
}

async function updates(): Promise<number> {
  return Number(await page.evaluate(() => document.body.dataset.updates ?? 0));
}

describe.skipIf(!chromiumObtainable())('the explorer in Chromium', () => {
  beforeAll(async () => {
    ensureChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveExplorer();
    browser = await launchChromium({ width: 1280, height: 800 });
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    // CSP violations are also logged as console errors; the event names the directive
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') complaints.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => complaints.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const m = /\/assets\/([^?]+)/.exec(r.url());
      if (m !== null) requested.push(m[1]);
    });
  }, 900_000);

  afterAll(async () => {
    // what the page fetched after its first load (the solver, the training worker, the CAS, KaTeX), while the build is still there
    const later = [...new Set(requested)].filter((f) => !initialFiles.includes(f) && /\.(js|css)$/.test(f));
    if (later.length > 0 && initialFiles.length > 0)
      measurements.loadedOnDemandGzipKiB = Object.fromEntries(
        later.map((f) => [f, +(gzipBytes(join(served.outDir, 'assets', f)) / KB).toFixed(1)]),
      );
    // every process this file started: the browser (all its processes), then the server
    await browser?.close();
    await served?.close();
    if (Object.keys(measurements).length > 0) {
      writeFileSync(join(ARTIFACTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
      console.log(`explorer measurements: ${JSON.stringify(measurements)}`);
    }
  });

  it('loads with no console error under the strict Content-Security-Policy, its initial bundle under 150 KB gzipped', async () => {
    const response = await page.goto(served.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(response?.headers()['content-security-policy']).toBe(PAGE_POLICY);
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(PAGE_POLICY);
    expect(PAGE_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        ready: performance.getEntriesByName('explorer-ready')[0]?.startTime ?? Number.NaN,
        load: nav.loadEventEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
      };
    });
    const initial = [...new Set(requested)];
    initialFiles.push(...initial);
    const sizes = Object.fromEntries(initial.map((f) => [f, gzipBytes(join(served.outDir, 'assets', f))]));
    const initialBytes = Object.values(sizes).reduce((a, b) => a + b, 0);
    measurements.firstLoadMs = {
      navigationToReady: Math.round(timing.ready),
      loadEvent: Math.round(timing.load),
      domContentLoaded: Math.round(timing.domContentLoaded),
    };
    measurements.initialBundleGzipKiB = {
      total: +(initialBytes / KB).toFixed(1),
      files: Object.fromEntries(Object.entries(sizes).map(([f, b]) => [f, +(b / KB).toFixed(1)])),
    };
    // the initial load holds no computer algebra, no solver, no KaTeX, no worker
    expect(initial.filter((f) => /derivationWorker|trainingWorker|odeOverlay|renderMath|KaTeX/.test(f))).toEqual([]);
    expect(initialBytes).toBeLessThan(150 * KB);
    expect(await page.locator('#trajectory-panels svg').count()).toBe(2);
    expect(complaints).toEqual([]);
  });

  it('changing L updates the displayed critical times to the closed-form values of @jepa-dynamics/ode', async () => {
    const features = [
      { lambda: 1, rho: 2 },
      { lambda: 1.15, rho: 1 },
      { lambda: 1.3, rho: 0.5 },
    ];
    for (const depth of [6, 2, 11]) {
      const before = await updates();
      await page.fill('#depth', String(depth));
      await updatedPast(before);
      for (const objective of ['jepa', 'mae'] as const) {
        for (const [row, feature] of features.entries()) {
          const r = criticalTime(feature, { objective, depth, epsilon: 0.01, fraction: 0.5 });
          const cell = `#critical-times tr[data-row="${row}"][data-objective="${objective}"] td[data-quantity="exact"]`;
          if (!r.exists) {
            // e.g. JEPA, ρ = 0.5 at L = 6: ε = 0.01 is not below ½·ρ^L
            expect([await page.getAttribute(cell, 'data-value'), await page.textContent(cell)]).toEqual(['', '—']);
            continue;
          }
          // the page's evaluator (symbolic's partial fractions / roots of unity) and ode's implicit-time
          // kernel are independent closed forms, each within ~1e-14 relative of 40-digit values
          expect(Math.abs((await shownTime(row, objective)) / r.t - 1)).toBeLessThan(1e-12);
          // and the 6 digits shown are that value's (a power of ten set as a superscript)
          const text = await page.textContent(cell);
          expect(text).toBe(formatNumber(r.t, 6).replace(/\^\{([^{}]*)\}/, '$1'));
        }
      }
    }
    // the keyboard: ArrowUp on the focused depth field steps L and updates the page
    await page.focus('#depth');
    const before = await updates();
    await page.keyboard.press('ArrowUp');
    await updatedPast(before);
    expect(await page.inputValue('#depth')).toBe('12');
    const r = criticalTime(features[0], { objective: 'jepa', depth: 12, epsilon: 0.01 });
    expect(r.exists && Math.abs((await shownTime(0, 'jepa')) / r.t - 1)).toBeLessThan(1e-12);
    // paper time τ = L·t
    await page.check('#time-paper');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === 'paper');
    const paper = criticalTime(features[1], { objective: 'mae', depth: 12, epsilon: 0.01, timeUnit: 'paper' });
    expect(paper.exists && Math.abs((await shownTime(1, 'mae')) / paper.t - 1)).toBeLessThan(1e-12);
  });

  it('the depth-flip preset shows the flip at L = 8 under JEPA, none under MAE', async () => {
    const before = await updates();
    await page.selectOption('#preset', 'depth-flip');
    await updatedPast(before);
    const flip = await page.getAttribute('#flip-depth li[data-objective="jepa"]', 'data-flip-depth');
    const ode = orderFlipDepth({ lambda: 1, rho: 3 }, { lambda: 2, rho: 1 }, { objective: 'jepa', epsilon: 0.01, maxDepth: 12 });
    expect(ode).toEqual({ found: true, depth: 8 });
    expect(flip).toBe('8');
    expect(await page.textContent('#flip-depth li[data-objective="jepa"]')).toMatch(/flips at L = 8/);
    expect(await page.getAttribute('#flip-depth li[data-objective="mae"]', 'data-flip-depth')).toBe('');
  });

  it('trains in the Web Worker (WebAssembly kernel allowed there alone), overlays the ODE, and cancels', async () => {
    // depth-flip preset: L = 1, ε = 0.01, η = 0.02; steps automatic (to the plot's horizon)
    await page.click('#train');
    await page.waitForSelector('#training[data-state="completed"]');
    const status = (await page.textContent('#training-status')) ?? '';
    expect(status).toMatch(/^Completed: train: completed \d+ steps/);
    // the worker's script came with the policy that allows compiling WebAssembly, and the kernel ran
    const workerFile = requested.find((f) => f.startsWith('trainingWorker-'));
    const workerResponse = await page.request.get(`${served.url}assets/${workerFile}`);
    expect(workerResponse.headers()['content-security-policy']).toBe(TRAINING_WORKER_POLICY);
    expect(status).toMatch(/WebAssembly SIMD matrix kernel/);
    // training crosses the critical time within O(η) of the exact formula (aligned init, population moments)
    const cells = await page.$$eval('#training-table tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => Number(c.dataset.value))),
    );
    expect(cells).toHaveLength(2);
    for (const [simulated, exact] of cells) expect(Math.abs(simulated / exact - 1)).toBeLessThan(0.02);
    expect(await page.locator('#trajectory-panels figure[data-objective="jepa"] text', { hasText: 'training' }).count()).toBe(1);
    // a long run, cancelled once it is under way
    await page.fill('#training-steps', '20000000');
    await page.click('#train');
    await page.waitForFunction(() => /step [1-9]\d* of 20000000/.test(document.querySelector('#training-status')?.textContent ?? ''));
    await page.click('#cancel-training');
    await page.waitForSelector('#training[data-state="cancelled"]');
    expect(await page.textContent('#training-status')).toMatch(/^Cancelled at step [1-9]\d* of 20000000\.$/);
    // and a new worker serves the next run
    await page.fill('#training-steps', '2000');
    await page.click('#train');
    await page.waitForSelector('#training[data-state="completed"]');
  });

  it('integrates the ODE on demand, within 1e-7 of the closed form', async () => {
    await page.click('#integrate-ode');
    await page.waitForSelector('#ode-status[data-max-deviation]');
    // DOP853 at rtol 1e-10: global error well below 1e-7 in w̄/w̄∞ at these depths
    expect(Number(await page.getAttribute('#ode-status', 'data-max-deviation'))).toBeLessThan(1e-7);
  });

  it('loads the computer algebra only when the derivation opens, and shows every certificate holding', async () => {
    expect(requested.filter((f) => f.startsWith('derivationWorker-'))).toEqual([]);
    const before = new Set(requested);
    await page.click('#show-derivation');
    await page.waitForSelector('#derivation-body[data-derived="jepa:1"]');
    expect(await page.getAttribute('#certificates', 'data-all-hold')).toBe('true');
    expect(await page.locator('#certificates tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('#derivation-math .katex').count()).toBeGreaterThan(10);
    const loaded = requested.filter((f) => !before.has(f));
    const cas = loaded.filter((f) => f.endsWith('.js'));
    measurements.derivationGzipKiB = Object.fromEntries(
      cas.map((f) => [f, +(gzipBytes(join(served.outDir, 'assets', f)) / KB).toFixed(1)]),
    );
    expect(cas.some((f) => f.startsWith('derivationWorker-'))).toBe(true);
    // following the page's depth
    await page.fill('#depth', '3');
    await page.waitForSelector('#derivation-body[data-derived="jepa:3"]');
    expect(await page.getAttribute('#certificates', 'data-all-hold')).toBe('true');
  });

  it('exports CSV, JSON, SVG and PNG from every view (the derivation: CSV, JSON, LaTeX)', async () => {
    const save = async (selector: string): Promise<{ name: string; bytes: Buffer }> => {
      try {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
        const path = await download.path();
        return { name: download.suggestedFilename(), bytes: readFileSync(path) };
      } catch (error) {
        // once (CI, 2 cores shared with the other test files) a button gave no download within 30 s: say which, and what the page announced
        const announced = await page.textContent('#announcer');
        throw new Error(`no download from ${selector}; the page announced: ${JSON.stringify(announced)}`, { cause: error });
      }
    };
    await page.click('#integrate-ode');
    await page.waitForSelector('#ode-status[data-max-deviation]');
    const csv = await save('#trajectories button[data-export="csv"]');
    expect(csv.name).toBe('jepa-dynamics-trajectories.csv');
    expect(csv.bytes.toString().split('\n')[0]).toBe('objective,feature,source,timeUnit,t,wbarOverInfinity');
    expect(csv.bytes.toString()).toMatch(/\njepa,1,ode,/);
    const json = JSON.parse((await save('#depth-flip button[data-export="json"]')).bytes.toString()) as {
      flipDepth: unknown;
      featureA: number;
    };
    expect(json.flipDepth).toEqual([
      { objective: 'jepa', depth: 8 },
      { objective: 'mae', depth: null },
    ]);
    const svg = (await save('#trajectories button[data-export="svg"]')).bytes.toString();
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await save('#leading-order button[data-export="png"]');
    expect(png.name).toBe('jepa-dynamics-leading-order-error.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const tex = (await save('#derivation button[data-export="tex"]')).bytes.toString();
    expect(tex).toMatch(/^\\documentclass\{article\}/);

    // every button of every view writes a file of its format, named after the view
    const views = await page.$$eval('section', (sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll<HTMLButtonElement>('.export-bar button[data-export]')].map((b) => ({
          view: section.id,
          format: b.dataset.export ?? '',
        })),
      ),
    );
    const formats = new Map<string, string[]>();
    for (const { view, format } of views) {
      const file = await save(`#${view} .export-bar button[data-export="${format}"]`);
      expect(file.name).toMatch(new RegExp(`^jepa-dynamics-[a-z-]+\\.${format}$`));
      const text = file.bytes.toString();
      switch (format) {
        case 'csv':
          expect(text.split('\n').length, `${view} CSV`).toBeGreaterThan(2);
          break;
        case 'json':
          expect(Object.keys(JSON.parse(text) as object).length, `${view} JSON`).toBeGreaterThan(0);
          break;
        case 'svg':
          expect(text, `${view} SVG`).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
          break;
        case 'png':
          expect([...file.bytes.subarray(0, 4)], `${view} PNG`).toEqual([0x89, 0x50, 0x4e, 0x47]);
          break;
        case 'tex':
          expect(text, `${view} LaTeX`).toMatch(/\\end\{document\}\s*$/);
          break;
        default:
          throw new Error(`untested export format ${format} of ${view}`);
      }
      formats.set(view, [...(formats.get(view) ?? []), format]);
    }
    const charted = ['csv', 'json', 'svg', 'png'];
    expect(Object.fromEntries(formats)).toEqual({
      trajectories: charted,
      order: charted,
      'depth-flip': charted,
      'leading-order': charted,
      training: charted,
      derivation: ['csv', 'json', 'tex'],
    });
  });

  it('round-trips its state through the URL', async () => {
    const before = await updates();
    await page.selectOption('#given', 'sigma2-rho');
    await updatedPast(before);
    await page.fill('#feature-2-rho', '0.75');
    await page.fill('#epsilon', '0.002');
    await page.fill('#fraction', '0.3');
    await page.uncheck('#objective-mae');
    await page.selectOption('#pair-a', '1');
    await page.selectOption('#pair-b', '0');
    await page.fill('#training-width', '5');
    await page.selectOption('#training-init', 'random');
    await page.fill('#training-seed', '42');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '42');
    const url = page.url();
    const controls =
      '#given, #depth, #epsilon, #fraction, #objective-jepa, #objective-mae, #pair-a, #pair-b, #training-width, #training-init, #training-seed, #training-eta, #training-steps, table.features input';
    const read = (p: Page) =>
      p.$$eval(controls, (els) =>
        els.map((e) => (e instanceof HTMLInputElement && e.type === 'checkbox' ? String(e.checked) : (e as HTMLInputElement).value)),
      );
    const values = await read(page);
    const other = await context.newPage();
    await other.goto(url);
    await other.waitForSelector('body[data-ready="true"]');
    expect(other.url()).toBe(url);
    expect(await read(other)).toEqual(values);
    expect(await other.textContent('#learning-order')).toBe(await page.textContent('#learning-order'));
    await other.close();
    // the depth-flip pair, now as σ² and ρ, with B's ρ edited
    expect(new URL(url).searchParams.getAll('f')).toEqual([`${1 / 3}_3`, '2_0.75']);
  });

  it('labels every control and reaches them from the keyboard in reading order', async () => {
    const unlabelled = await page.$$eval('input, select, button, progress', (els) =>
      els
        .filter(
          (e) =>
            (e as HTMLInputElement).labels?.length === 0 &&
            !e.getAttribute('aria-label') &&
            !(e instanceof HTMLButtonElement && e.textContent?.trim()),
        )
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await page.goto(`${served.url}?${encodeState(defaultState())}`);
    await page.waitForSelector('body[data-ready="true"]');
    const order: string[] = [];
    for (let k = 0; k < 8; k++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ''));
    }
    expect(order).toEqual([
      'skip-link',
      'preset',
      'given',
      'feature-1-lambda',
      'feature-1-rho',
      'remove',
      'feature-2-lambda',
      'feature-2-rho',
    ]);
  });

  it('measures the closed-form update for 10 features (input event → DOM updated)', async () => {
    const ten = { ...defaultState(), features: Array.from({ length: 10 }, (_, i): [number, number] => [0.5 + 0.25 * i, 2.5 - 0.2 * i]) };
    await page.goto(`${served.url}?${encodeState(ten)}`);
    await page.waitForSelector('body[data-ready="true"]');
    // CPU time of Chromium's processes (10 ms resolution) around the loop: the updates' cost on a core, whatever the machine's load
    const cdp = await context.browser()?.newBrowserCDPSession();
    const cpuSeconds = async (): Promise<{ renderer: number; all: number }> => {
      const info = cdp === undefined ? { processInfo: [] } : await cdp.send('SystemInfo.getProcessInfo');
      const sum = (ps: typeof info.processInfo) => ps.reduce((a, p) => a + p.cpuTime, 0);
      return { renderer: sum(info.processInfo.filter((p) => p.type === 'renderer')), all: sum(info.processInfo) };
    };
    const cpuBefore = await cpuSeconds();
    const samples = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('#depth');
      if (input === null) throw new Error('no #depth');
      const out: { sync: number; frame: number; updated: boolean }[] = [];
      for (const depth of [5, 6, 7, 8, 9, 10, 11, 12, 3, 2, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 2, 1, 4]) {
        const before = Number(document.body.dataset.updates);
        const t0 = performance.now();
        input.value = String(depth);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        void document.body.offsetHeight; // style and layout of the updated DOM
        const t1 = performance.now();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        out.push({ sync: t1 - t0, frame: performance.now() - t0, updated: Number(document.body.dataset.updates) === before + 1 });
      }
      return out;
    });
    const cpuAfter = await cpuSeconds();
    await cdp?.detach();
    expect(samples.map((s) => s.updated)).toEqual(samples.map(() => true));
    expect(await page.locator('#critical-times tbody tr').count()).toBe(20);
    expect(await page.inputValue('#depth')).toBe('4');
    for (const row of [0, 9]) {
      const [lambda, rho] = ten.features[row];
      const r = criticalTime({ lambda, rho }, { objective: 'mae', depth: 4, epsilon: 0.01 });
      expect(r.exists && Math.abs((await shownTime(row, 'mae')) / r.t - 1)).toBeLessThan(1e-12);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
      return { min: at(0), median: at(0.5), max: at(1) };
    };
    measurements.updateLatencyMs10Features = {
      inputToDomUpdated: stats(samples.map((s) => s.sync)),
      inputToNextFrame: stats(samples.map((s) => s.frame)),
      // per update, input to next frame: the page's renderer, and every process of Chromium (GPU, browser, …)
      cpuPerUpdate: {
        renderer: +(((cpuAfter.renderer - cpuBefore.renderer) * 1000) / samples.length).toFixed(1),
        allProcesses: +(((cpuAfter.all - cpuBefore.all) * 1000) / samples.length).toFixed(1),
      },
      // the machine is shared: its load (runnable processes per core, 1-minute average) says how far these are from an idle one
      loadAveragePerCore: +(loadavg()[0] / availableParallelism()).toFixed(2),
    };
  });

  it('takes screenshots at 1280×800 and 390×844', async () => {
    const preset = presets().find((p) => p.key === 'figure2-lambda-up-rho-down');
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${served.url}?${encodeState(preset?.state ?? defaultState())}`);
      await page.waitForSelector('body[data-ready="true"]');
      // the charts follow the column's width (ResizeObserver, next frame)
      await page.waitForFunction((w) => Number(document.querySelector('#trajectory-panels svg')?.getAttribute('width')) <= w, width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, `explorer-${width}x${height}.png`) });
      await page.screenshot({ path: join(ARTIFACTS, `explorer-${width}x${height}-full.png`), fullPage: true });
    }
  });

  it('said nothing wrong on the console all along', () => {
    expect(complaints).toEqual([]);
  });
});
