/**
 * The export buttons of a view: CSV (the view's table), JSON (its document), SVG and PNG (its
 * chart), and any extra formats a view adds (the derivation's LaTeX).
 * @module
 */
import { toCsv, type Table } from '@jepa-dynamics/experiments';
import { download } from './download.js';
import { svgFileText, svgToPng } from './svgFiles.js';

/** What a view exports. */
export interface ViewExports {
  /** File stem, e.g. `trajectories`: files are named `jepa-dynamics-<stem>.<ext>`. */
  stem: string;
  /** What the buttons' accessible names say the view is, e.g. `trajectories`. */
  what: string;
  table(): Table | null;
  document(): Record<string, unknown> | null;
  /** The chart, if the view has one right now; a view without charts leaves this out (no SVG and PNG buttons). */
  chart?: () => SVGSVGElement | null;
  /** Further formats: button text, file extension, MIME type, content. */
  extra?: { label: string; extension: string; type: string; content(): string | null }[];
}

/**
 * Builds the buttons.
 * @param exports - the view's exporters.
 * @param report - shows a sentence (e.g. an export that has nothing to write).
 * @returns a `<div role="group">` of buttons.
 */
export function exportBar(exports: ViewExports, report: (message: string) => void): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'export-bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', `Export the ${exports.what}`);
  const name = (ext: string): string => `jepa-dynamics-${exports.stem}.${ext}`;
  const button = (label: string, ext: string, save: () => Promise<boolean> | boolean): void => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.export = ext;
    b.setAttribute('aria-label', `Export the ${exports.what} as ${label}`);
    b.addEventListener('click', () => {
      Promise.resolve(save()).then(
        (saved) => {
          if (!saved) report(`Nothing to export: the ${exports.what} view is empty.`);
        },
        (error: unknown) => report(`Export failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    bar.append(b);
  };
  button('CSV', 'csv', () => {
    const table = exports.table();
    if (table === null) return false;
    download(name('csv'), toCsv(table), 'text/csv');
    return true;
  });
  button('JSON', 'json', () => {
    const doc = exports.document();
    if (doc === null) return false;
    download(name('json'), `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
    return true;
  });
  const chart = exports.chart;
  if (chart !== undefined) {
    button('SVG', 'svg', () => {
      const svg = chart();
      if (svg === null) return false;
      download(name('svg'), svgFileText(svg), 'image/svg+xml');
      return true;
    });
    button('PNG', 'png', async () => {
      const svg = chart();
      if (svg === null) return false;
      download(name('png'), await svgToPng(svg), 'image/png');
      return true;
    });
  }
  for (const x of exports.extra ?? []) {
    button(x.label, x.extension, () => {
      const content = x.content();
      if (content === null) return false;
      download(name(x.extension), content, x.type);
      return true;
    });
  }
  return bar;
}
