/**
 * The training view: gradient descent on the deep linear network (`simulateFeatures` of
 * @jepa-dynamics/sim) in a Web Worker, with progress and cancel; the result is compared with
 * the per-feature ODE and drawn over the trajectory view.
 * @module
 */
import {
  INITIALIZATION_KINDS,
  OBJECTIVES,
  validateInteger,
  validatePositive,
  type InitializationKind,
  type Objective,
} from '@jepa-dynamics/core';
import type { Table } from '@jepa-dynamics/experiments';
import { fixedPoint } from '@jepa-dynamics/ode';
import type { ExplorerStore } from '../explorerStore.js';
import { exportBar } from '../export/exportBar.js';
import { criticalTimeTable } from '../model/criticalTimeTable.js';
import { settingSignature } from '../model/settingSignature.js';
import { appendHtmlText } from '../plot/figureText.js';
import { renderChart } from '../plot/chart.js';
import { featureColor } from '../plot/palette.js';
import { formatNumber, formatPlain } from '../plot/formatNumber.js';
import { MAX_WIDTH, type ExplorerState } from '../state/explorerState.js';
import { parseDecimal } from '../state/urlState.js';
import type { TrainRequest, TrainingWorkerMessage } from '../workers/trainingProtocol.js';
import { field, h, heading, replaceChildren, setError } from './dom.js';
import { OBJECTIVE_NAME } from './featureName.js';
import { overlays } from './overlays.js';

/** The view. */
export interface TrainingView {
  element: HTMLElement;
  /** Rewrites the controls from the state. */
  load(state: ExplorerState): void;
  /** Refreshes what depends on the setting (the automatic step count, a result gone stale). */
  render(): void;
}

/** What the view is doing, also exposed as `data-state` on the section. */
type RunState = 'idle' | 'running' | 'completed' | 'diverged' | 'cancelled' | 'failed';

const INIT_LABEL: Record<InitializationKind, string> = {
  aligned: 'aligned (ε^(1/L)·I)',
  rotated: 'rotated (random basis)',
  random: 'random (orthogonal)',
};

/** Gradient-flow time the automatic step count covers: the trajectory view's horizon for the objective trained. */
function horizonOf(store: ExplorerStore, objective: Objective): number | null {
  const { results } = store;
  const table = criticalTimeTable(results.features, { ...results.setting, objectives: [objective], timeUnit: 'gradient-flow' });
  const times = table.flatMap((e) => (e.exact === null ? [] : [e.exact]));
  return times.length === 0 ? null : 1.5 * Math.max(...times);
}

/**
 * Builds the training view.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the live region.
 * @param onResult - called when a run's result is there (to redraw the trajectories).
 * @returns the view.
 */
export function trainingView(store: ExplorerStore, announce: (message: string) => void, onResult: () => void): TrainingView {
  const objective = h('select', { id: 'training-objective' }, ...OBJECTIVES.map((o) => h('option', { value: o }, OBJECTIVE_NAME[o])));
  const width = h('input', { type: 'text', id: 'training-width', inputmode: 'numeric', autocomplete: 'off' });
  const init = h('select', { id: 'training-init' }, ...INITIALIZATION_KINDS.map((k) => h('option', { value: k }, INIT_LABEL[k])));
  const eta = h('input', { type: 'text', id: 'training-eta', inputmode: 'decimal', autocomplete: 'off' });
  const steps = h('input', { type: 'text', id: 'training-steps', inputmode: 'numeric', autocomplete: 'off' });
  const seed = h('input', { type: 'text', id: 'training-seed', inputmode: 'numeric', autocomplete: 'off' });
  const train = h('button', { type: 'button', id: 'train' }, 'Train');
  const cancel = h('button', { type: 'button', id: 'cancel-training', disabled: true }, 'Cancel');
  const progress = h('progress', { id: 'training-progress', max: 1, value: 0 });
  const status = h('p', { class: 'status', id: 'training-status', role: 'status' });
  const resultBox = h('div', { id: 'training-result' });

  let worker: Worker | null = null;
  let runId = 0;
  let runState: RunState = 'idle';
  let lastProgress = { step: 0, steps: 0 };
  const setRunState = (s: RunState): void => {
    runState = s;
    element.dataset.state = s;
    train.disabled = s === 'running';
    cancel.disabled = s !== 'running';
  };

  const edit = <T>(control: HTMLInputElement, parse: (text: string) => T, apply: (s: ExplorerState, value: T) => void): void => {
    control.addEventListener('input', () => {
      try {
        const value = parse(control.value.trim());
        setError(control, null);
        store.update((d) => apply(d, value));
      } catch (error) {
        setError(control, error instanceof Error ? error.message.replace(/^[^:]*: invalid argument /, '') : String(error));
      }
    });
  };
  objective.addEventListener('change', () => store.update((d) => void (d.training.objective = objective.value as Objective)));
  init.addEventListener('change', () => store.update((d) => void (d.training.init = init.value as InitializationKind)));
  edit(
    width,
    (t) => (t === '' ? null : validateInteger('', 'd', parseDecimal(t), Math.max(1, store.state.features.length), MAX_WIDTH)),
    (s, v) => (s.training.width = v),
  );
  edit(
    eta,
    (t) => validatePositive('', 'η', parseDecimal(t)),
    (s, v) => (s.training.learningRate = v),
  );
  edit(
    steps,
    (t) => (t === '' ? null : validateInteger('', 'steps', parseDecimal(t), 1, 1e9)),
    (s, v) => (s.training.steps = v),
  );
  edit(
    seed,
    (t) => validateInteger('', 'seed', parseDecimal(t), 0, 4294967295),
    (s, v) => (s.training.seed = v),
  );

  /** The steps a run takes: the state's, or enough to reach the horizon. */
  const stepsToRun = (): number | null => {
    const t = store.state.training;
    if (t.steps !== null) return t.steps;
    const horizon = horizonOf(store, t.objective);
    return horizon === null ? null : Math.max(1, Math.ceil(horizon / t.learningRate));
  };

  train.addEventListener('click', () => {
    const state = store.state;
    const results = store.results;
    const t = state.training;
    const K = stepsToRun();
    if (results.features.length === 0) {
      status.textContent = 'No valid feature to train on.';
      return;
    }
    if (K === null) {
      status.textContent = 'No feature has a critical time under this objective: give the number of steps.';
      return;
    }
    const id = ++runId;
    const request: TrainRequest = {
      type: 'train',
      id,
      objective: t.objective,
      depth: state.depth,
      epsilon: state.epsilon,
      fraction: state.fraction,
      features: results.features.map((f) => ({ sigma2: f.feature.sigma2, lambda: f.feature.lambda })),
      width: t.width ?? results.features.length,
      init: t.init,
      learningRate: t.learningRate,
      steps: K,
      seed: t.seed,
    };
    const signature = settingSignature(state);
    const rows = results.features.map((f) => f.row);
    const wbarInfinity = results.features.map((f) => fixedPoint(f.feature, t.objective, state.depth).wbar);
    worker ??= new Worker(new URL('../workers/trainingWorker.ts', import.meta.url), { type: 'module', name: 'training' });
    worker.onmessage = (event: MessageEvent<TrainingWorkerMessage>) => {
      const m = event.data;
      if (m.id !== runId) return;
      switch (m.type) {
        case 'progress':
          lastProgress = { step: m.step, steps: m.steps };
          progress.max = m.steps;
          progress.value = m.step;
          status.textContent = `Training: step ${m.step} of ${m.steps} (${Math.floor((100 * m.step) / m.steps)} %).`;
          break;
        case 'result':
          overlays.training = { signature, objective: t.objective, rows, wbarInfinity, outcome: m };
          progress.value = progress.max;
          setRunState(m.status);
          status.textContent = `${m.status === 'completed' ? 'Completed' : 'Diverged'}: ${m.message} ${Math.round(m.elapsedMs)} ms in the worker, ${m.backend === 'wasm' || m.backend === 'wasm-fma' ? 'WebAssembly SIMD' : 'JavaScript'} matrix kernel${m.backend === 'wasm-fma' ? ' with relaxed-SIMD FMA' : ''}.`;
          showResult();
          onResult();
          announce(`Training ${m.status}.`);
          break;
        case 'error':
          setRunState('failed');
          status.textContent = `Training failed: ${m.message}`;
          break;
        default: {
          const never: never = m;
          return never;
        }
      }
    };
    worker.onerror = (event) => {
      setRunState('failed');
      status.textContent = `The training worker stopped: ${event.message}`;
      worker?.terminate();
      worker = null;
    };
    lastProgress = { step: 0, steps: K };
    progress.max = K;
    progress.value = 0;
    setRunState('running');
    status.textContent = `Training: ${K} steps of η = ${t.learningRate} (t = ${formatPlain(K * t.learningRate, 6)}) on d = ${request.width}…`;
    worker.postMessage(request);
  });

  cancel.addEventListener('click', () => {
    if (runState !== 'running') return;
    // a run is one synchronous loop in the worker: stopping the worker is the way to stop it
    worker?.terminate();
    worker = null;
    runId++;
    setRunState('cancelled');
    status.textContent = `Cancelled at step ${lastProgress.step} of ${lastProgress.steps}.`;
    announce('Training cancelled.');
  });

  const showResult = (): void => {
    const o = overlays.training;
    if (o === null) {
      replaceChildren(resultBox);
      return;
    }
    const m = o.outcome;
    const stale = o.signature !== settingSignature(store.state);
    const cell = (x: number | null): HTMLTableCellElement => {
      const c = h('td', { class: 'num', 'data-value': x === null ? '' : String(x) });
      appendHtmlText(c, formatNumber(x, 5));
      return c;
    };
    replaceChildren(
      resultBox,
      stale ? h('p', { class: 'hint' }, 'This run was for an earlier setting; it is no longer drawn over the trajectories.') : null,
      h(
        'p',
        {},
        `${OBJECTIVE_NAME[o.objective]}: ${m.stoppedAt} steps, max |w̄ − w̄_ODE| = ${formatPlain(m.maxDeviation, 3)} (${m.measure === 'diagonal' ? 'diagonal of RᵀW̄' : 'column norms of W̄'}); order learned: ${m.order.simulated.map((i) => o.rows[i] + 1).join(' → ') || '—'}, predicted ${m.order.predicted.map((i) => o.rows[i] + 1).join(' → ') || '—'}.`,
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data', id: 'training-table' },
          h('caption', {}, 'Critical times (gradient-flow time t = kη): training against the exact formula'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'feature'),
              h('th', { scope: 'col' }, 't* training'),
              h('th', { scope: 'col' }, 't* exact'),
              h('th', { scope: 'col' }, 'max |w̄ − w̄_ODE|'),
            ),
          ),
          h(
            'tbody',
            {},
            ...o.rows.map((row, i) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, String(row + 1)),
                cell(m.criticalTimes.simulated[i]),
                cell(m.criticalTimes.predicted[i]),
                cell(m.perFeatureDeviation[i]),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const render = (): void => {
    const K = stepsToRun();
    steps.placeholder = store.state.training.steps === null && K !== null ? `auto: ${K}` : 'auto';
    width.placeholder = `auto: ${store.results.features.length}`;
    showResult();
  };

  const load = (s: ExplorerState): void => {
    objective.value = s.training.objective;
    width.value = s.training.width === null ? '' : String(s.training.width);
    init.value = s.training.init;
    eta.value = String(s.training.learningRate);
    steps.value = s.training.steps === null ? '' : String(s.training.steps);
    seed.value = String(s.training.seed);
    for (const c of [width, eta, steps, seed]) setError(c, null);
  };

  const element = h(
    'section',
    { id: 'training', 'aria-labelledby': 'training-heading', class: 'panel', 'data-state': 'idle' },
    h('h2', { id: 'training-heading' }, 'Training the network'),
    heading(
      'p',
      null,
      'Gradient descent θ ← θ − η∇θ on W_{L}⋯W_{1} and V with population moments Σ_{xx} = diag(σ²), Σ_{yx} = diag(λ), in a Web Worker; crosses on the trajectories. Extra width d beyond the features adds directions without signal (σ² = 1, λ = 0).',
      'lede',
    ),
    h(
      'div',
      { class: 'form-grid' },
      field('Objective trained', objective),
      field('Width d', width, 'Empty: one direction per feature.'),
      field('Initialization', init),
      field('Learning rate η', eta),
      field('Steps K', steps, 'Empty: enough to reach the plot’s horizon.'),
      field('Seed', seed),
    ),
    h('div', { class: 'actions' }, train, cancel),
    h('div', { class: 'field' }, h('label', { for: progress.id }, 'Progress'), progress),
    status,
    resultBox,
    exportBar(
      {
        stem: 'training',
        what: 'training run',
        table: () => trainingTable(),
        document: () =>
          overlays.training === null
            ? null
            : {
                description: 'The last training run (gradient-flow time t = kη), with the per-feature ODE at the same times.',
                objective: overlays.training.objective,
                features: overlays.training.rows.map((r) => r + 1),
                ...overlays.training.outcome,
              },
        chart: () => trainingChart(),
      },
      announce,
    ),
  );
  return { element, load, render };
}

function trainingTable(): Table | null {
  const o = overlays.training;
  if (o === null) return null;
  const rows: object[] = [];
  o.rows.forEach((row, i) =>
    o.outcome.t.forEach((t, k) => rows.push({ feature: row + 1, t, wbar: o.outcome.wbar[i][k], ode: o.outcome.ode[i][k] })),
  );
  return { columns: ['feature', 't', 'wbar', 'ode'], rows };
}

/** The last run as a chart: w̄ of each feature from training (crosses) and from the ODE (lines), in gradient-flow time. */
function trainingChart(): SVGSVGElement | null {
  const o = overlays.training;
  if (o === null) return null;
  const m = o.outcome;
  const top = Math.max(...m.wbar.flat().filter(Number.isFinite), ...m.ode.flat().filter(Number.isFinite));
  return renderChart({
    title: `Training against the ODE: ${OBJECTIVE_NAME[o.objective]}, ${m.stoppedAt} steps`,
    subtitle: `max |w̄ − w̄_{ODE}| = ${formatPlain(m.maxDeviation, 3)}`,
    description: 'End-to-end weights from training and from the per-feature ODE against gradient-flow time.',
    width: 640,
    plotHeight: 240,
    x: { title: 'gradient-flow time t = kη', type: 'linear', domain: [0, m.t[m.t.length - 1] || 1] },
    y: { title: 'w̄(t)', type: 'linear', domain: [0, 1.05 * (top > 0 ? top : 1)] },
    series: o.rows.flatMap((row, i) => [
      { color: featureColor(row), mark: 'line' as const, x: m.t, y: m.ode[i] },
      { color: featureColor(row), mark: 'cross' as const, x: m.t, y: m.wbar[i] },
    ]),
    legendTitle: 'feature',
    legend: [
      ...o.rows.map((row) => ({ label: String(row + 1), color: featureColor(row), mark: 'line' as const })),
      { label: 'training', color: '#555', mark: 'cross' },
    ],
  });
}
