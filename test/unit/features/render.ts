// Renders hover Markdown the way VS Code does (with `marked`, GFM on) and
// reads back what a user would see, to prove file text stays inert.

import assert from 'node:assert/strict';

type Parse = (md: string) => string;
let parse: Parse | undefined;

/** Loads `marked` (an ES module) once; call from a `before` hook. */
export async function loadRenderer(): Promise<void> {
  const { marked } = await import('marked');
  parse = (md) => marked.parse(md, { async: false, gfm: true }) as string;
}

export function render(md: string): string {
  if (!parse) throw new Error('loadRenderer() first');
  return parse(md);
}

const ALLOWED_TAGS = new Set(['p', 'code', 'strong', 'em', 'ul', 'li', 'a', 'br']);

/**
 * Asserts the rendered HTML holds only the tags a hover uses, and links only
 * to the https authorities; returns the visible text.
 */
export function assertInert(md: string): string {
  const html = render(md);
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const [, closing, tag, attributes] = m;
    assert.ok(ALLOWED_TAGS.has(tag.toLowerCase()), `unexpected <${tag}> in ${html}`);
    if (!closing && tag.toLowerCase() === 'a') {
      const href = /href="([^"]*)"/.exec(attributes)?.[1] ?? '';
      assert.match(href, /^https:\/\/(meshb\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov|www\.cellosaurus\.org|omim\.org|www\.ebi\.ac\.uk|pubmed\.ncbi\.nlm\.nih\.gov)\//, `link to ${href}`);
    }
  }
  return visibleText(html);
}

/** The text of rendered HTML: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (e, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? e;
    });
}
