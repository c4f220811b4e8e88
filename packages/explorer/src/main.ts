/**
 * The explorer's entry: reads the state from the URL (or the defaults), builds the views,
 * and keeps them in step with the store.
 * @module
 */
import './styles.css';
import { createStore } from './explorerStore.js';
import { defaultState } from './state/presets.js';
import { decodeState } from './state/urlState.js';
import { setChartWidth } from './views/chartWidth.js';
import { h } from './views/dom.js';
import { depthView } from './views/depthView.js';
import { derivationView } from './views/derivationView.js';
import { leadingOrderView } from './views/leadingOrderView.js';
import { orderView } from './views/orderView.js';
import { settingsView } from './views/settingsView.js';
import { trainingView } from './views/trainingView.js';
import { trajectoryView } from './views/trajectoryView.js';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app');

const live = h('div', { class: 'visually-hidden', id: 'announcer', role: 'status', 'aria-live': 'polite' });
const announce = (message: string): void => {
  live.textContent = message;
};

const decoded = decodeState(location.search, defaultState());
const store = createStore(decoded.state);
const settings = settingsView(store, announce);
const trajectories = trajectoryView(store, announce);
const order = orderView(store, announce);
const depth = depthView(store, announce);
const leading = leadingOrderView(store, announce);
const training = trainingView(store, announce, () => trajectories.render());
const derivation = derivationView(store, announce);
const views = [trajectories, order, depth, leading, training, derivation];

const problems = h('ul', { class: 'errors', id: 'url-problems' }, ...decoded.problems.map((p) => h('li', {}, p)));
root.replaceChildren(
  h('a', { class: 'skip-link', href: '#results' }, 'Skip to the results'),
  h(
    'header',
    { class: 'page-header' },
    h('h1', {}, 'jepa-dynamics explorer'),
    h(
      'p',
      {},
      'How deep linear JEPA and MAE learn features (Littwin et al., NeurIPS 2024): critical times from the exact closed form, the ODE and training on demand, and the certified derivation. Everything runs in this page.',
    ),
    problems,
  ),
  h(
    'main',
    { class: 'layout' },
    settings.element,
    h('div', { id: 'results', class: 'results', tabindex: -1 }, ...views.map((v) => v.element)),
  ),
  live,
);

/** Count of updates drawn, as `data-updates` on the body: the browser test waits on it. */
let updates = 0;
const renderAll = (): void => {
  for (const v of views) v.render();
};
store.subscribe((s, _results, kind) => {
  if (kind === 'load') training.load(s);
  renderAll();
  document.body.dataset.updates = String(++updates);
});

settings.load(store.state);
training.load(store.state);
// charts take the width of a results panel: measured once now, then whenever it changes
const panelContent = document.getElementById('trajectory-panels') ?? root;
setChartWidth(panelContent.clientWidth);
new ResizeObserver((entries) => {
  if (setChartWidth(entries[0]?.contentRect.width ?? 0)) requestAnimationFrame(renderAll);
}).observe(panelContent);
renderAll();
// the address bar shows the whole state from the start, so it can be shared as it is
store.flushUrl();
document.body.dataset.updates = '0';
document.body.dataset.ready = 'true';
performance.mark('explorer-ready');
