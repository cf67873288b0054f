/** A small element builder: text goes in as text nodes, never as HTML, so no input or model string can inject markup. */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attributes: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element: Element, attributes: Record<string, string | number | boolean | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    if (name === 'style') (element as HTMLElement | SVGElement).style.cssText = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
}

export function formatPercent(p: number): string {
  const percent = p * 100;
  return `${percent < 1 && percent > 0 ? percent.toFixed(2) : percent.toFixed(1)}%`;
}

/** A threshold or tick: 10%, 2.5%, 99.9%. */
export function formatShortPercent(p: number): string {
  return `${+(p * 100).toFixed(1)}%`;
}

export function formatSigned(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

/** Problems as the library reports them: each one's path, then its message. */
export function issueList(issues: ReadonlyArray<{ path: string; message: string }>): HTMLUListElement {
  return h('ul', {}, ...issues.map((issue) => h('li', { 'data-path': issue.path }, h('code', {}, issue.path), ' ', issue.message)));
}
