// The card shown over a highlight, a node or an edge: lines of text, the first
// one bold, built with textContent and placed next to the pointer inside the view.

import { el } from './dom';

export interface TooltipBlock {
  head: string;
  lines: string[];
  /** Drawn in the error colour (a wrong span). */
  wrong?: string;
  family?: string;
}

export class Tooltip {
  private readonly box = el('div', 'tooltip');

  constructor() {
    this.box.setAttribute('role', 'tooltip');
    this.box.hidden = true;
    document.body.append(this.box);
  }

  show(blocks: TooltipBlock[], x: number, y: number): void {
    const parts: HTMLElement[] = [];
    for (const b of blocks) {
      const block = el('div', `block${b.family ? ` f-${b.family}` : ''}`);
      block.append(el('div', 'head', b.head));
      for (const line of b.lines) block.append(el('div', 'line', line));
      if (b.wrong) block.append(el('div', 'wrong-note', b.wrong));
      parts.push(block);
    }
    this.box.replaceChildren(...parts);
    this.box.hidden = false;
    const margin = 12;
    const { innerWidth, innerHeight } = window;
    const r = this.box.getBoundingClientRect();
    const left = Math.max(4, Math.min(x + margin, innerWidth - r.width - 4));
    const top = y + margin + r.height > innerHeight ? Math.max(4, y - margin - r.height) : y + margin;
    this.box.style.left = `${left}px`;
    this.box.style.top = `${top}px`;
  }

  hide(): void {
    this.box.hidden = true;
  }
}
