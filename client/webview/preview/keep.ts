// Redrawing the same document after an edit without building it all again:
// the parts whose content did not change are taken over from the last
// drawing (by a key of everything they show) and the view's elements are put
// in order in place, so that the kept ones are neither detached nor styled
// and laid out again. Only what the edit changed is built.

import type { Kept } from './view';

export function emptyKept(): Kept {
  return { blocks: [], groups: [], relations: new Map() };
}

/** Takes the first kept entry under `key` (each entry is used once). */
export function take<T>(pool: Map<string, T[]> | undefined, key: string): T | undefined {
  const list = pool?.get(key);
  return list?.shift();
}

/** Files `value` under `key` for the next redraw. */
export function put<T>(pool: Map<string, T[]>, key: string, value: T): void {
  const list = pool.get(key);
  if (list) list.push(value);
  else pool.set(key, [value]);
}

/**
 * Makes `children` the children of `parent`, in order, touching only what differs: children
 * no longer there are removed, new ones inserted, kept ones left where they are.
 */
export function reconcile(parent: Node, children: readonly Node[]): void {
  const wanted = new Set(children);
  for (let c = parent.firstChild; c; ) {
    const next = c.nextSibling;
    if (!wanted.has(c)) parent.removeChild(c);
    c = next;
  }
  let at = parent.firstChild;
  for (const c of children) {
    if (c === at) {
      at = at.nextSibling;
      continue;
    }
    parent.insertBefore(c, at);
  }
}
