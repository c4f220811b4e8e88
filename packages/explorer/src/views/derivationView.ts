/**
 * The derivation view: for the chosen objective and the page's depth L, the derivation of
 * @jepa-dynamics/symbolic from the loss to t*_p and its leading order, typeset with KaTeX,
 * with the certificate of every step. The computer algebra runs in its own worker, created
 * when the view is first opened: the page does not load it before.
 * @module
 */
import { OBJECTIVES, type Objective } from '@jepa-dynamics/core';
import type { Certificate } from '@jepa-dynamics/symbolic';
import type { ExplorerStore } from '../explorerStore.js';
import { exportBar } from '../export/exportBar.js';
import type { DeriveOutcome, DeriveRequest, DerivationWorkerMessage } from '../workers/derivationProtocol.js';
import { appendHtmlText } from '../plot/figureText.js';
import { field, h, replaceChildren } from './dom.js';
import { OBJECTIVE_NAME } from './featureName.js';

/** The view. */
export interface DerivationView {
  element: HTMLElement;
  /** Follows the page's depth (and objectives) while open. */
  render(): void;
}

type RenderMath = (tex: string, element: HTMLElement, display: boolean) => void;

function certificateRow(c: Certificate): HTMLTableRowElement {
  const check = c.spotCheck;
  return h(
    'tr',
    { 'data-holds': String(c.holds) },
    h('th', { scope: 'row' }, c.step),
    h('td', {}, c.claim),
    h('td', {}, c.route === 'cas' ? `CAS: reduced to ${c.reduced ?? '—'}` : 'numeric only'),
    h('td', { class: 'num' }, `${check.points} points, max ${check.measure} error ${check.maxError.toExponential(1)} ≤ ${check.tolerance}`),
    h('td', { class: c.holds ? 'holds' : 'fails' }, c.holds ? '✓ holds' : '✗ FAILS'),
  );
}

/**
 * Builds the derivation view.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the live region.
 * @returns the view.
 */
export function derivationView(store: ExplorerStore, announce: (message: string) => void): DerivationView {
  const toggle = h(
    'button',
    { type: 'button', id: 'show-derivation', 'aria-expanded': 'false', 'aria-controls': 'derivation-body' },
    'Show the derivation',
  );
  const objective = h('select', { id: 'derivation-objective' }, ...OBJECTIVES.map((o) => h('option', { value: o }, OBJECTIVE_NAME[o])));
  const status = h('p', { class: 'status', id: 'derivation-status', role: 'status' });
  const math = h('div', { class: 'derivation', id: 'derivation-math' });
  const certificates = h('div', { class: 'table-scroll' });
  const body = h('div', { id: 'derivation-body', hidden: true }, field('Objective', objective), status, math, certificates);

  let worker: Worker | null = null;
  let renderMath: Promise<RenderMath> | null = null;
  let requestId = 0;
  let shown: DeriveOutcome | null = null;
  const cache = new Map<string, DeriveOutcome>();
  let open = false;

  const display = async (d: DeriveOutcome): Promise<void> => {
    renderMath ??= import('../derivation/renderMath.js').then((m) => m.renderMath);
    const typeset = await renderMath;
    const lines = d.lines.map((l) => {
      const eq = h('div', { class: 'math-scroll' });
      const isStep = l.lhs.startsWith('\\text');
      typeset(isStep ? l.latex : `${l.lhs} = ${l.latex}`, eq, true);
      const note = h('p', { class: 'hint' });
      appendHtmlText(note, l.note);
      return h(
        'div',
        { class: 'math-line' },
        isStep ? h('p', { class: 'step' }, 'Decomposition, integrated term by term:') : null,
        eq,
        l.note !== '' ? note : null,
      );
    });
    const general = h('div', { class: 'math-scroll' });
    typeset(d.general, general, true);
    const heading = h('h3', {});
    appendHtmlText(heading, `${OBJECTIVE_NAME[d.objective]}, L = ${d.depth} (gradient-flow time t = kη; u_{0} = ε^{1/L})`);
    replaceChildren(math, heading, ...lines, h('h3', {}, 'Any depth L'), general, h('p', {}, d.existence));
    const holding = d.certificates.filter((c) => c.holds).length;
    replaceChildren(
      certificates,
      h(
        'table',
        { class: 'data certificates', id: 'certificates', 'data-all-hold': String(holding === d.certificates.length) },
        h(
          'caption',
          {},
          `Certificates: ${holding} of ${d.certificates.length} hold (each identity reduced to 0 by the CAS and spot-checked numerically)`,
        ),
        h('thead', {}, h('tr', {}, ...['step', 'claim', 'route', 'spot check', 'result'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...d.certificates.map(certificateRow)),
      ),
    );
    shown = d;
    status.textContent = `Derived in ${Math.round(d.deriveMs)} ms${d.loadMs > 0 ? ` (computer algebra loaded in ${Math.round(d.loadMs)} ms)` : ''}.`;
    body.dataset.derived = `${d.objective}:${d.depth}`;
  };

  const request = (): void => {
    const o = objective.value as Objective;
    const depth = store.state.depth;
    const key = `${o}:${depth}`;
    if (shown !== null && `${shown.objective}:${shown.depth}` === key) return;
    const hit = cache.get(key);
    if (hit !== undefined) {
      void display(hit);
      return;
    }
    const id = ++requestId;
    status.textContent = `Deriving ${OBJECTIVE_NAME[o]} at L = ${depth}${worker === null ? ' (loading the computer algebra)' : ''}…`;
    delete body.dataset.derived;
    if (worker === null) {
      worker = new Worker(new URL('../workers/derivationWorker.ts', import.meta.url), { type: 'module', name: 'derivation' });
      worker.onmessage = (event: MessageEvent<DerivationWorkerMessage>) => {
        const m = event.data;
        if (m.type === 'error') {
          if (m.id === requestId) status.textContent = `The derivation failed: ${m.message}`;
          return;
        }
        cache.set(`${m.objective}:${m.depth}`, m);
        if (m.id === requestId)
          void display(m).then(() => announce(`Derivation of ${OBJECTIVE_NAME[m.objective]} at L = ${m.depth} shown.`));
      };
      worker.onerror = (event) => {
        status.textContent = `The derivation worker stopped: ${event.message}`;
      };
    }
    const message: DeriveRequest = { type: 'derive', id, objective: o, depth };
    worker.postMessage(message);
  };

  toggle.addEventListener('click', () => {
    open = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide the derivation' : 'Show the derivation';
    body.hidden = !open;
    if (open) {
      if (!store.state.objectives.includes(objective.value as Objective)) objective.value = store.state.objectives[0];
      request();
    }
  });
  objective.addEventListener('change', () => request());

  const element = h(
    'section',
    { id: 'derivation', 'aria-labelledby': 'derivation-heading', class: 'panel' },
    h('h2', { id: 'derivation-heading' }, 'The derivation, certified'),
    h(
      'p',
      { class: 'lede' },
      'From the loss to the critical time, derived by computer algebra for the page’s depth L; each step carries a certificate. The computer algebra (600 KB, 160 KB compressed) is loaded when you open this view.',
    ),
    toggle,
    body,
    exportBar(
      {
        stem: 'derivation',
        what: 'derivation',
        table: () =>
          shown === null
            ? null
            : {
                columns: ['step', 'claim', 'route', 'identity', 'reduced', 'points', 'maxError', 'tolerance', 'measure', 'holds'],
                rows: shown.certificates.map((c) => ({ ...c, ...c.spotCheck, holds: c.holds })),
              },
        document: () => shown?.document ?? null,
        extra: [{ label: 'LaTeX', extension: 'tex', type: 'application/x-tex', content: () => shown?.latexSource ?? null }],
      },
      announce,
    ),
  );
  return {
    element,
    render() {
      if (open) request();
    },
  };
}
