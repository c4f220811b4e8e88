/**
 * The settings panel: presets, the feature table (any two of σ², λ, ρ), objectives, depth L,
 * ε, p, time unit, and the shareable link. Every control has a `<label>`; an invalid entry is
 * marked (`aria-invalid`) with a message and leaves the results as they were.
 * @module
 */
import { OBJECTIVES, validateEpsilon, validateFraction, validateInteger, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import type { ExplorerStore } from '../explorerStore.js';
import { reparametrize } from '../model/resolvedFeatures.js';
import { formatPlain } from '../plot/formatNumber.js';
import { featureColor } from '../plot/palette.js';
import {
  GIVEN_MOMENTS,
  MAX_EXPLORER_DEPTH,
  MAX_FEATURES,
  PARAMETRIZATIONS,
  type ExplorerState,
  type Parametrization,
} from '../state/explorerState.js';
import { presets } from '../state/presets.js';
import { parseDecimal } from '../state/urlState.js';
import { field, h, setError, uniqueId } from './dom.js';

const MOMENT_LABEL = { sigma2: 'σ²', lambda: 'λ', rho: 'ρ' } as const;
const PARAMETRIZATION_LABEL: Record<Parametrization, string> = {
  'lambda-rho': 'λ and ρ',
  'sigma2-lambda': 'σ² and λ',
  'sigma2-rho': 'σ² and ρ',
};
const OBJECTIVE_LABEL: Record<Objective, string> = { jepa: 'JEPA', mae: 'MAE' };

/** Keeps the indices that depend on the number of features valid after rows change. */
function fitToFeatures(s: ExplorerState): void {
  const n = s.features.length;
  s.pair = [Math.min(s.pair[0], n - 1), Math.min(s.pair[1], n - 1)];
  if (s.training.width !== null && s.training.width < n) s.training.width = null;
}

/** Reads a control's text as a validated value, or shows why it cannot. */
function validated<T>(control: HTMLInputElement, check: (x: number) => T): { ok: true; value: T } | { ok: false } {
  try {
    const value = check(parseDecimal(control.value));
    setError(control, null);
    return { ok: true, value };
  } catch (error) {
    setError(control, error instanceof Error ? error.message.replace(/^[^:]*: invalid argument /, '') : String(error));
    return { ok: false };
  }
}

/** The settings panel and what it needs from the page. */
export interface SettingsView {
  element: HTMLElement;
  /** Rewrites every control from the state (after a preset or on start). */
  load(state: ExplorerState): void;
}

/**
 * Builds the settings panel.
 * @param store - the page's store.
 * @param announce - speaks a sentence in the page's live region.
 * @returns the panel.
 */
export function settingsView(store: ExplorerStore, announce: (message: string) => void): SettingsView {
  const all = presets();
  const preset = h(
    'select',
    { id: 'preset' },
    h('option', { value: '' }, 'Choose a preset…'),
    ...all.map((p) => h('option', { value: p.key }, p.label)),
  );
  preset.addEventListener('change', () => {
    const chosen = presets().find((p) => p.key === preset.value);
    if (chosen === undefined) return;
    store.update((s) => Object.assign(s, chosen.state), 'load');
    announce(`Preset loaded: ${chosen.label}.`);
  });

  const given = h('select', { id: 'given' }, ...PARAMETRIZATIONS.map((p) => h('option', { value: p }, PARAMETRIZATION_LABEL[p])));
  given.addEventListener('change', () => {
    const to = given.value as Parametrization;
    store.update((s) => {
      s.features = reparametrize(s, to);
      s.given = to;
    }, 'load');
  });

  const tableBody = h('tbody');
  const headRow = h('tr');
  const table = h(
    'table',
    { class: 'features', id: 'features' },
    h('caption', { class: 'visually-hidden' }, 'Features: two given moments per row, the third computed'),
    h('thead', {}, headRow),
    tableBody,
  );
  const rowErrors = h('ul', { class: 'errors', id: 'feature-errors', 'aria-live': 'polite' });
  const addButton = h('button', { type: 'button', id: 'add-feature' }, '+ Add a feature');
  addButton.addEventListener('click', () => {
    const s = store.state;
    if (s.features.length >= MAX_FEATURES) {
      announce(`At most ${MAX_FEATURES} features.`);
      return;
    }
    const last = s.features[s.features.length - 1] ?? [1, 1];
    store.update((d) => d.features.push([last[0], last[1]]), 'load');
    const inputs = tableBody.querySelectorAll<HTMLInputElement>('tr:last-child input');
    inputs[0]?.focus();
    announce(`Feature ${store.state.features.length} added.`);
  });

  /** The table for the current state: inputs for the given moments, the third moment computed. */
  const buildTable = (s: ExplorerState): void => {
    const [first, second] = GIVEN_MOMENTS[s.given];
    const third = (['sigma2', 'lambda', 'rho'] as const).find((m) => m !== first && m !== second) ?? 'sigma2';
    headRow.replaceChildren(
      h('th', { scope: 'col' }, '#'),
      h('th', { scope: 'col' }, MOMENT_LABEL[first]),
      h('th', { scope: 'col' }, MOMENT_LABEL[second]),
      h('th', { scope: 'col' }, MOMENT_LABEL[third], h('span', { class: 'visually-hidden' }, ' (computed)')),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')),
    );
    tableBody.replaceChildren(
      ...s.features.map((row, i) => {
        const inputs = [first, second].map((moment, j) => {
          const input = h('input', {
            type: 'text',
            inputmode: 'decimal',
            id: `feature-${i + 1}-${moment}`,
            value: String(row[j]),
            autocomplete: 'off',
            spellcheck: 'false',
            size: 7,
            'data-row': i,
            'data-moment': moment,
          });
          input.addEventListener('input', () => {
            const x = parseDecimal(input.value);
            if (!Number.isFinite(x)) {
              setError(input, 'must be a decimal number, e.g. 0.5 or 1e-3');
              return;
            }
            setError(input, null);
            store.update((d) => {
              d.features[i][j] = x;
            });
          });
          return h('td', {}, h('label', { for: input.id, class: 'visually-hidden' }, `${MOMENT_LABEL[moment]} of feature ${i + 1}`), input);
        });
        const remove = h(
          'button',
          { type: 'button', class: 'remove', 'aria-label': `Remove feature ${i + 1}`, disabled: s.features.length <= 1 },
          '×',
        );
        remove.addEventListener('click', () => {
          store.update((d) => {
            d.features.splice(i, 1);
            fitToFeatures(d);
          }, 'load');
          announce(`Feature ${i + 1} removed.`);
          const buttons = tableBody.querySelectorAll<HTMLButtonElement>('button.remove');
          (buttons[Math.min(i, buttons.length - 1)] ?? addButton).focus();
        });
        return h(
          'tr',
          { 'data-row': i },
          h('th', { scope: 'row' }, h('span', { class: 'swatch', 'aria-hidden': 'true', 'data-color': featureColor(i) }), String(i + 1)),
          ...inputs,
          h('td', { class: 'computed', 'data-moment': third }, '—'),
          h('td', {}, remove),
        );
      }),
    );
    // the swatches' colours through the CSSOM (the policy forbids style attributes)
    for (const swatch of tableBody.querySelectorAll<HTMLElement>('.swatch')) swatch.style.backgroundColor = swatch.dataset.color ?? '';
  };

  const objectiveBoxes = OBJECTIVES.map((o) => {
    const box = h('input', { type: 'checkbox', id: `objective-${o}`, value: o });
    box.addEventListener('change', () => {
      const chosen = objectiveBoxes.filter((b) => b.checked).map((b) => b.value as Objective);
      if (chosen.length === 0) {
        box.checked = true;
        announce('At least one objective must be shown.');
        return;
      }
      store.update((d) => {
        d.objectives = chosen;
      });
    });
    return box;
  });

  const depth = h('input', { type: 'number', id: 'depth', min: 1, max: MAX_EXPLORER_DEPTH, step: 1, inputmode: 'numeric' });
  depth.addEventListener('input', () => {
    const r = validated(depth, (x) => validateInteger('', 'L', x, 1, MAX_EXPLORER_DEPTH));
    if (r.ok) store.update((d) => void (d.depth = r.value));
  });

  const epsilon = h('input', { type: 'text', id: 'epsilon', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' });
  const epsilonSlider = h('input', { type: 'range', id: 'epsilon-slider', min: -10, max: -0.5, step: 0.05 });
  epsilon.addEventListener('input', () => {
    const r = validated(epsilon, (x) => validateEpsilon('', x));
    if (!r.ok) return;
    epsilonSlider.value = String(Math.log10(r.value));
    store.update((d) => void (d.epsilon = r.value));
  });
  epsilonSlider.addEventListener('input', () => {
    // three significant digits: the slider's steps are 0.05 in log10 ε
    const value = Number(Math.pow(10, Number(epsilonSlider.value)).toPrecision(3));
    epsilon.value = String(value);
    setError(epsilon, null);
    store.update((d) => void (d.epsilon = value));
  });

  const fraction = h('input', { type: 'text', id: 'fraction', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' });
  fraction.addEventListener('input', () => {
    const r = validated(fraction, (x) => validateFraction('', x));
    if (r.ok) store.update((d) => void (d.fraction = r.value));
  });

  const unitRadios = (['gradient-flow', 'paper'] as const).map((u) => {
    const radio = h('input', { type: 'radio', name: 'time-unit', id: `time-${u}`, value: u });
    radio.addEventListener('change', () => {
      if (radio.checked) store.update((d) => void (d.timeUnit = u as TimeUnit));
    });
    return radio;
  });

  const copyLink = h('button', { type: 'button', id: 'copy-link' }, 'Copy a link to this view');
  copyLink.addEventListener('click', () => {
    store.flushUrl();
    navigator.clipboard.writeText(location.href).then(
      () => announce('Link copied: it reopens the page exactly as it is.'),
      () => announce(`Copy the address bar: ${location.href}`),
    );
  });

  const element = h(
    'section',
    { id: 'settings', 'aria-labelledby': 'settings-heading', class: 'panel settings' },
    h('h2', { id: 'settings-heading' }, 'Setting'),
    field('Preset', preset),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Features'),
      field('Each row gives', given, 'ρ = λ/σ²: any two of σ² (variance), λ (covariance of the views), ρ (regression coefficient).'),
      h('div', { class: 'table-scroll' }, table),
      rowErrors,
      addButton,
    ),
    h(
      'fieldset',
      { class: 'inline' },
      h('legend', {}, 'Objectives'),
      ...objectiveBoxes.map((b) => h('span', { class: 'check' }, b, h('label', { for: b.id }, OBJECTIVE_LABEL[b.value as Objective]))),
    ),
    field('Encoder depth L', depth, `An integer from 1 to ${MAX_EXPLORER_DEPTH}.`),
    field('Initialization scale ε (w̄(0) = ε)', epsilon),
    field('log₁₀ ε', epsilonSlider),
    field('Fraction p (t* is when w̄ = p·w̄∞)', fraction),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Time unit'),
      ...unitRadios.map((r) =>
        h(
          'div',
          { class: 'check' },
          r,
          h('label', { for: r.id }, r.value === 'paper' ? 'paper time τ = L·t' : 'gradient-flow time t = kη'),
        ),
      ),
    ),
    copyLink,
  );

  const load = (s: ExplorerState): void => {
    given.value = s.given;
    buildTable(s);
    for (const b of objectiveBoxes) b.checked = s.objectives.includes(b.value as Objective);
    depth.value = String(s.depth);
    epsilon.value = String(s.epsilon);
    epsilonSlider.value = String(Math.log10(s.epsilon));
    fraction.value = String(s.fraction);
    for (const r of unitRadios) r.checked = r.value === s.timeUnit;
    for (const c of [depth, epsilon, fraction]) setError(c, null);
    showDerived(store.results);
  };

  /** The computed moment of each row and the rows' errors, which follow every edit. */
  const showDerived = (results: ExplorerStore['results']): void => {
    const items: HTMLElement[] = [];
    results.rows.forEach((r, i) => {
      const row = tableBody.querySelector(`tr[data-row="${i}"]`);
      const cell = row?.querySelector<HTMLElement>('td.computed');
      const moment = cell?.dataset.moment as 'sigma2' | 'lambda' | 'rho' | undefined;
      for (const input of row?.querySelectorAll('input') ?? []) {
        if (!r.ok) input.setAttribute('aria-invalid', 'true');
        else if (!input.nextElementSibling?.classList.contains('error')) input.removeAttribute('aria-invalid');
      }
      if (cell !== null && cell !== undefined && moment !== undefined) cell.textContent = r.ok ? formatPlain(r.feature[moment], 6) : '—';
      if (!r.ok)
        items.push(h('li', { id: uniqueId('row-error') }, `Feature ${i + 1}: ${r.message.replace(/^feature \d+: invalid argument /, '')}`));
    });
    rowErrors.replaceChildren(...items);
  };

  store.subscribe((s, results, kind) => {
    if (kind === 'load') {
      load(s);
      preset.value = '';
    }
    showDerived(results);
  });

  return { element, load };
}
