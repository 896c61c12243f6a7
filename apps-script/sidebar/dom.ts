// DOM building without HTML strings: text from the sheet goes in as text nodes only, so a title
// like `<img src=x onerror=alert(1)>` is shown, never run.

type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const [type, listener] of Object.entries(props.on ?? {}))
    element.addEventListener(type, listener as EventListener);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's content. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`The sidebar has no #${id}.`);
  return element as T;
}

/** A status line in a panel's message area: plain, good news, or an error. */
export function say(area: Element, tone: 'plain' | 'good' | 'error', ...content: Child[]): void {
  area.className = tone === 'plain' ? 'message' : `message ${tone}`;
  area.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  fill(area, ...content);
}
