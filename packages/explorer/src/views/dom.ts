/**
 * A small element builder (the page's DOM is built in code, never from markup strings).
 * @module
 */
import { appendHtmlText } from '../plot/figureText.js';

type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children.
 * @param tag - the tag name.
 * @param attrs - attributes (`class`, `id`, `aria-*`, `data-*`, …); `false` or `null` omits one, `true` sets it empty.
 * @param children - nodes or text; falsy entries are skipped.
 * @returns the element.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

let idCounter = 0;

/**
 * A document-unique id.
 * @param stem - readable prefix.
 * @returns e.g. `epsilon-3`.
 */
export function uniqueId(stem: string): string {
  return `${stem}-${++idCounter}`;
}

/**
 * A labelled control: `<label for>` and the control, in a wrapper.
 * @param label - the label's text (or element).
 * @param control - the input, select or output.
 * @param hint - optional text below, linked by `aria-describedby`.
 * @returns the wrapper.
 */
export function field(label: string | Node, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  if (control.id === '') control.id = uniqueId('control');
  const wrapper = h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  if (hint !== undefined) {
    const hintEl = h('p', { class: 'hint', id: uniqueId('hint') }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
    wrapper.append(hintEl);
  }
  return wrapper;
}

/**
 * Shows or clears a control's error: `aria-invalid` and a message linked by `aria-errormessage`.
 * @param control - the control.
 * @param message - the error, or null to clear it.
 */
export function setError(control: HTMLInputElement | HTMLSelectElement, message: string | null): void {
  const id = `${control.id}-error`;
  let box = document.getElementById(id);
  if (message === null) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-errormessage');
    box?.remove();
    return;
  }
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-errormessage', id);
  if (box === null) {
    box = h('p', { class: 'error', id, role: 'alert' });
    control.insertAdjacentElement('afterend', box);
  }
  box.textContent = message;
}

/**
 * An element holding figure text (`_{…}` and `^{…}` set as sub- and superscripts).
 * @param tag - e.g. `h2` or `p`.
 * @param id - its id, or null.
 * @param text - figure text.
 * @param className - its class, if any.
 * @returns the element.
 */
export function heading(tag: 'h2' | 'h3' | 'p', id: string | null, text: string, className?: string): HTMLElement {
  const node = h(tag, { id, class: className ?? null });
  appendHtmlText(node, text);
  return node;
}

/**
 * Replaces an element's children.
 * @param parent - the element.
 * @param children - the new children.
 */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
