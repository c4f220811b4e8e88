/**
 * The page's state, its closed-form results and the URL, kept in step: every change
 * recomputes the closed-form views synchronously (a millisecond or so) and rewrites the
 * query string shortly after (`history.replaceState`, so the back button is not filled with
 * every keystroke).
 * @module
 */
import { explorerResults, type ExplorerResults } from './model/explorerResults.js';
import type { ExplorerState } from './state/explorerState.js';
import { encodeState } from './state/urlState.js';

/** Why the listeners are called: an edit of one control, or a whole new state (preset, link). */
export type ChangeKind = 'edit' | 'load';

/** A listener of the store. */
export type StoreListener = (state: ExplorerState, results: ExplorerResults, kind: ChangeKind) => void;

/** The store. */
export interface ExplorerStore {
  readonly state: ExplorerState;
  readonly results: ExplorerResults;
  /**
   * Applies a change and notifies the listeners.
   * @param change - edits a copy of the state.
   * @param kind - `'load'` when the controls must be rewritten from the state.
   */
  update(change: (draft: ExplorerState) => void, kind?: ChangeKind): void;
  subscribe(listener: StoreListener): void;
  /** Writes the state into the address bar now (it is written 200 ms after the last change otherwise). */
  flushUrl(): void;
}

/** Delay of the address bar behind the state: a slider's drag writes it once, not per step (browsers throttle `replaceState`). */
const URL_DELAY_MS = 200;

/**
 * Creates the store.
 * @param initial - the first state (from the URL or the defaults).
 * @returns the store.
 */
export function createStore(initial: ExplorerState): ExplorerStore {
  let state = structuredClone(initial);
  let results = explorerResults(state);
  const listeners: StoreListener[] = [];
  let pending: ReturnType<typeof setTimeout> | null = null;
  const writeUrl = (): void => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    history.replaceState(null, '', `?${encodeState(state)}`);
  };
  return {
    get state() {
      return state;
    },
    get results() {
      return results;
    },
    update(change, kind = 'edit') {
      const draft = structuredClone(state);
      change(draft);
      state = draft;
      results = explorerResults(state);
      if (pending !== null) clearTimeout(pending);
      pending = setTimeout(writeUrl, URL_DELAY_MS);
      for (const l of listeners) l(state, results, kind);
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    flushUrl: writeUrl,
  };
}
