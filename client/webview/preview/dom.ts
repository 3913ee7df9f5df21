// Building DOM from file text: text only ever goes in through textContent
// (never innerHTML), and links only to https URLs the service built.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

/** A link that VS Code opens in the browser; anything but https stays plain text. */
export function link(text: string, url: string | undefined, className?: string): HTMLElement {
  if (!url || !/^https:\/\/[^\s]+$/.test(url)) return el('span', className, text);
  const a = el('a', className, text);
  a.href = url;
  a.title = url;
  return a;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
