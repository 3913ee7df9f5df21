// A strict reader for the exports: every tag is one the renderer writes, every
// attribute one it uses, tags balance (the SVG is well-formed XML), entities
// are the five it escapes with, and nothing can run: no script, no event
// handler, no link but https.

import assert from 'node:assert/strict';

const SVG_TAGS = ['svg', 'g', 'title', 'rect', 'text', 'tspan', 'line', 'path', 'circle', 'defs', 'marker'];
const HTML_TAGS = ['html', 'head', 'meta', 'style', 'body', 'header', 'main', 'h1', 'h2', 'p', 'a', 'span', 'i', 'small', 'ul', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', ...SVG_TAGS];
const VOID = new Set(['meta']);
const ATTRIBUTES = new Set([
  'xmlns', 'width', 'height', 'viewBox', 'font-family', 'font-size', 'font-weight', 'xml:space', 'fill', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'rx', 'cx', 'cy', 'r', 'd', 'stroke', 'stroke-width', 'stroke-dasharray', 'text-anchor', 'paint-order', 'transform', 'id', 'refX', 'refY',
  'markerWidth', 'markerHeight', 'orient', 'marker-end', 'textLength', 'lengthAdjust', 'role', 'aria-label',
  'lang', 'charset', 'href', 'class', 'style', 'title', 'data-type', 'version', 'encoding',
]);

export function assertSafeMarkup(markup: string, kind: 'html' | 'svg'): void {
  const allowed = new Set(kind === 'svg' ? SVG_TAGS : HTML_TAGS);
  const body = markup.replace(/^<\?xml[^>]*\?>\n/, '').replace(/^<!DOCTYPE html>\n/, '');
  assert.doesNotMatch(body, /<!--|<!\[CDATA|<\?/, 'no comments, CDATA or processing instructions');
  const stack: string[] = [];
  let rest = body;
  // The style element holds CSS written by the renderer, with no file text in it.
  rest = rest.replace(/<style>[^<]*<\/style>/, '<style></style>');
  for (const m of rest.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') assert.fail(`a bare ${m[0]} in the markup near ${JSON.stringify(rest.slice(Math.max(0, m.index! - 40), m.index! + 40))}`);
    const [, closing, name, attributes, selfClosing] = m;
    assert.ok(allowed.has(name), `tag <${name}>`);
    for (const a of attributes.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      assert.ok(ATTRIBUTES.has(a[1]), `attribute ${a[1]} on <${name}>`);
      if (a[1] === 'href') assert.match(a[2], /^https:\/\//, 'links are https');
      assert.doesNotMatch(a[2], /javascript:|url\((?!#)/i, `attribute ${a[1]} value`);
    }
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes what is open`);
    else if (!selfClosing && !VOID.has(name)) stack.push(name);
  }
  assert.deepEqual(stack, [], 'every tag is closed');
  for (const e of body.matchAll(/&[^;\s]*;?/g)) assert.match(e[0], /^&(amp|lt|gt|quot|#39);$/, `entity ${e[0]}`);
}
