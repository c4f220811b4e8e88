/**
 * A line-and-point chart as an SVG element built through the DOM (no markup strings, no
 * inline style attributes: presentation attributes only, so it renders under a strict
 * Content-Security-Policy and exports as a standalone SVG file). Scales and ticks come from
 * d3-scale, paths from d3-shape; the look follows the figures of `reproduce` (font, sizes,
 * grid, frame: `FIGURE_CONFIG` of @jepa-dynamics/experiments).
 * @module
 */
import { FIGURE_FONT } from '@jepa-dynamics/experiments';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { appendSvgText } from './figureText.js';
import { formatNumber } from './formatNumber.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A marker shape (or a line) of a series and its legend entry. */
export type Mark = 'line' | 'circle' | 'diamond' | 'cross';

/** One axis. */
export interface ChartAxis {
  /** Axis title (figure text: `_{…}` and `^{…}` are set as sub- and superscripts). */
  title: string;
  type: 'linear' | 'log';
  domain: readonly [number, number];
}

/** Data drawn as a line or as markers. */
export interface ChartSeries {
  color: string;
  dash?: string;
  mark: Mark;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Tooltip of each marker (markers only). */
  tooltip?: (k: number) => string;
}

/** A horizontal or vertical rule across the plot. */
export interface ChartRule {
  orientation: 'vertical' | 'horizontal';
  value: number;
  color: string;
  dash?: string;
  /** Text beside the rule's end (figure text). */
  label?: string;
}

/** An entry of the legend. */
export interface LegendEntry {
  label: string;
  color: string;
  dash?: string;
  mark: Mark;
}

/** What to draw. */
export interface ChartSpec {
  title: string;
  subtitle?: string;
  /** What the chart shows, for assistive technology (`aria-label`). */
  description: string;
  /** Total width in px. */
  width: number;
  /** Height of the plot area in px. */
  plotHeight: number;
  x: ChartAxis;
  y: ChartAxis;
  series: ChartSeries[];
  rules?: ChartRule[];
  legendTitle?: string;
  legend: LegendEntry[];
}

const FONT = `${FIGURE_FONT}, Verdana, sans-serif`;
let clipCounter = 0;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

/** A text at (x, y); font, size and colour are inherited from the `<svg>` unless `attrs` set them. */
function textEl(parent: Element, x: number, y: number, text: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  const t = el('text', { x, y, ...attrs }, parent);
  if (/[_^]\{/.test(text)) appendSvgText(t, text);
  else t.textContent = text;
  return t;
}

/** Rough width of a text in px (the legend's layout needs it before the text is in a document). */
function textWidth(text: string, fontSize: number): number {
  return 0.6 * fontSize * text.replace(/[_^]\{([^{}]*)\}/g, '$1').length;
}

/** Splits a title into lines no wider than `maxWidth` px (at word boundaries; a single long word stays whole). */
function wrap(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth(next, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current !== '') lines.push(current);
  return lines;
}

function scaleOf(axis: ChartAxis, range: [number, number]) {
  return axis.type === 'log' ? scaleLog().domain(axis.domain).range(range) : scaleLinear().domain(axis.domain).range(range);
}

/** Tick values: powers of ten on a log axis (every k-th when they crowd), nice numbers on a linear one. */
function ticksOf(axis: ChartAxis, count: number): number[] {
  const [a, b] = axis.domain;
  if (axis.type === 'linear') return scaleLinear().domain(axis.domain).ticks(count);
  const lo = Math.ceil(Math.log10(Math.min(a, b)) - 1e-9);
  const hi = Math.floor(Math.log10(Math.max(a, b)) + 1e-9);
  if (hi - lo < 1) {
    // less than a decade: d3's 1–9 multiples, thinned to about `count` labels
    const all = scaleLog().domain(axis.domain).ticks(count);
    const every = Math.max(1, Math.ceil(all.length / count));
    return all.filter((_, k) => k % every === 0);
  }
  const step = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const out: number[] = [];
  for (let k = lo; k <= hi; k += step) out.push(Math.pow(10, k));
  return out;
}

function marker(parent: Element, mark: Mark, x: number, y: number, color: string, size = 3.5): SVGElement {
  switch (mark) {
    case 'circle':
      return el('circle', { cx: x, cy: y, r: size, fill: color, 'fill-opacity': 0.85, stroke: '#fff', 'stroke-width': 0.6 }, parent);
    case 'diamond': {
      const s = size + 1.5;
      return el(
        'path',
        { d: `M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z`, fill: color, stroke: '#fff', 'stroke-width': 0.8 },
        parent,
      );
    }
    case 'cross': {
      const s = size;
      return el(
        'path',
        { d: `M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`, stroke: color, 'stroke-width': 1.6 },
        parent,
      );
    }
    case 'line':
      return el('line', { x1: x - 10, y1: y, x2: x + 10, y2: y, stroke: color, 'stroke-width': 2 }, parent);
    default: {
      const never: never = mark;
      return never;
    }
  }
}

/**
 * Draws a chart.
 * @param spec - axes, series, rules, legend, size.
 * @returns the `<svg>` element (not yet in the document).
 */
export function renderChart(spec: ChartSpec): SVGSVGElement {
  const width = Math.max(280, Math.round(spec.width));
  const titleLines = wrap(spec.title, width - 16, 14);
  const subtitleLines = spec.subtitle === undefined ? [] : wrap(spec.subtitle, width - 16, 12);
  const margin = { left: 64, right: 16, top: 12 + 18 * titleLines.length + 16 * subtitleLines.length + 8 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = spec.plotHeight;

  // legend rows: entries flow left to right and wrap
  const legendFont = 11;
  const items = spec.legend.map((e) => ({ ...e, w: 22 + 6 + textWidth(e.label, legendFont) + 14 }));
  const titleW = spec.legendTitle === undefined ? 0 : textWidth(spec.legendTitle, legendFont) + 12;
  const rows: { entry: (typeof items)[number]; x: number; row: number }[] = [];
  let cx = titleW;
  let row = 0;
  for (const entry of items) {
    if (cx + entry.w > plotWidth + margin.left - 8 && cx > titleW) {
      row++;
      cx = titleW;
    }
    rows.push({ entry, x: cx, row });
    cx += entry.w;
  }
  const legendHeight = items.length === 0 ? 0 : (row + 1) * 18 + 6;
  const axisBottom = 20 + 18 + 10;
  const height = margin.top + plotHeight + axisBottom + legendHeight;

  const svg = el('svg', {
    xmlns: SVG,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': spec.description,
    'font-family': FONT,
    'font-size': 11,
    fill: '#222',
  });
  el('rect', { x: 0, y: 0, width, height, fill: '#fff' }, svg);
  // the title is in aria-label already
  titleLines.forEach((line, i) => textEl(svg, 8, 26 + 18 * i, line, { 'font-size': 14, 'font-weight': 'bold', 'aria-hidden': 'true' }));
  subtitleLines.forEach((line, i) =>
    textEl(svg, 8, 26 + 18 * (titleLines.length - 1) + 17 + 16 * i, line, { 'font-size': 12, fill: '#444', 'aria-hidden': 'true' }),
  );

  const x = scaleOf(spec.x, [0, plotWidth]);
  const y = scaleOf(spec.y, [plotHeight, 0]);
  const plot = el('g', { transform: `translate(${margin.left},${margin.top})` }, svg);

  // grid and ticks
  const grid = el('g', { stroke: '#ccc', 'stroke-opacity': 0.6, 'stroke-width': 1 }, plot);
  const labels = el('g', {}, plot);
  for (const v of ticksOf(spec.x, Math.max(2, Math.floor(plotWidth / 90)))) {
    const px = x(v);
    if (!(px >= -0.5 && px <= plotWidth + 0.5)) continue;
    el('line', { x1: px, x2: px, y1: 0, y2: plotHeight }, grid);
    textEl(labels, px, plotHeight + 15, formatNumber(v, 6), { 'text-anchor': 'middle' });
  }
  for (const v of ticksOf(spec.y, Math.max(2, Math.floor(plotHeight / 40)))) {
    const py = y(v);
    if (!(py >= -0.5 && py <= plotHeight + 0.5)) continue;
    el('line', { x1: 0, x2: plotWidth, y1: py, y2: py }, grid);
    textEl(labels, -6, py + 4, formatNumber(v, 6), { 'text-anchor': 'end' });
  }
  textEl(plot, plotWidth / 2, plotHeight + 36, spec.x.title, { 'text-anchor': 'middle', 'font-size': 12 });
  textEl(plot, 0, 0, spec.y.title, {
    'text-anchor': 'middle',
    'font-size': 12,
    transform: `translate(${-50},${plotHeight / 2}) rotate(-90)`,
  });

  // data, clipped to the plot
  const clipId = `chart-clip-${++clipCounter}`;
  const clip = el('clipPath', { id: clipId }, el('defs', {}, plot));
  el('rect', { x: 0, y: 0, width: plotWidth, height: plotHeight }, clip);
  const data = el('g', { 'clip-path': `url(#${clipId})` }, plot);
  const usable = (axis: ChartAxis, v: number): boolean => Number.isFinite(v) && (axis.type === 'linear' || v > 0);
  for (const rule of spec.rules ?? []) {
    const vertical = rule.orientation === 'vertical';
    const p = vertical ? x(rule.value) : y(rule.value);
    if (!Number.isFinite(p)) continue;
    const attrs = vertical ? { x1: p, x2: p, y1: 0, y2: plotHeight } : { x1: 0, x2: plotWidth, y1: p, y2: p };
    el('line', { ...attrs, stroke: rule.color, 'stroke-width': 1.2, 'stroke-dasharray': rule.dash ?? '' }, data);
    if (rule.label !== undefined) {
      // a vertical rule's label goes on the side with room
      const left = vertical && p > 0.6 * plotWidth;
      textEl(data, vertical ? (left ? p - 4 : p + 4) : plotWidth - 4, vertical ? 12 : p + 13, rule.label, {
        fill: rule.color,
        'text-anchor': vertical && !left ? 'start' : 'end',
      });
    }
  }
  for (const s of spec.series) {
    const n = Math.min(s.x.length, s.y.length);
    if (s.mark === 'line') {
      const path = line<number>()
        .defined((k) => usable(spec.x, s.x[k]) && usable(spec.y, s.y[k]))
        .x((k) => x(s.x[k]))
        .y((k) => y(s.y[k]))(Array.from({ length: n }, (_, k) => k));
      if (path !== null)
        el(
          'path',
          { d: path, fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash ?? '', 'stroke-linejoin': 'round' },
          data,
        );
    } else {
      const group = el('g', {}, data);
      for (let k = 0; k < n; k++) {
        if (!usable(spec.x, s.x[k]) || !usable(spec.y, s.y[k])) continue;
        const m = marker(group, s.mark, x(s.x[k]), y(s.y[k]), s.color);
        if (s.tooltip !== undefined) el('title', {}, m).textContent = s.tooltip(k);
      }
    }
  }
  el('rect', { x: 0, y: 0, width: plotWidth, height: plotHeight, fill: 'none', stroke: '#888' }, plot);

  // legend
  const legend = el('g', { transform: `translate(${8},${margin.top + plotHeight + axisBottom})` }, svg);
  if (spec.legendTitle !== undefined && items.length > 0) textEl(legend, 0, 13, spec.legendTitle, { 'font-weight': 'bold' });
  for (const { entry, x: ex, row: r } of rows) {
    const ey = r * 18 + 9;
    if (entry.mark === 'line')
      el(
        'line',
        { x1: ex, x2: ex + 22, y1: ey, y2: ey, stroke: entry.color, 'stroke-width': 2.5, 'stroke-dasharray': entry.dash ?? '' },
        legend,
      );
    else marker(legend, entry.mark, ex + 11, ey, entry.color);
    textEl(legend, ex + 28, ey + 4, entry.label);
  }
  return svg;
}
