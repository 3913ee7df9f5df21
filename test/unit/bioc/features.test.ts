// Hover, definition and outline on a BioC file: asked at XML positions,
// answered through the projection, ranges back on the XML.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { biocDefinition, biocDocumentSymbols, biocHover } from '../../../server/src/service/bioc/biocFeatures';
import { checkBioc } from '../../../server/src/service/bioc/checkBioc';
import { fixturesDir } from '../../support/paths';

const text = readFileSync(join(fixturesDir, 'bioc', 'small.bioc.xml'), 'utf8');
const lines = text.split('\n');
const at = (needle: string, plus = 0) => {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + plus };
};

test('hover on an annotation text tells its type and concept, ranged on that text', () => {
  const view = checkBioc(text);
  const h = biocHover(view, at('<text>Aspirin</text>', 8));
  assert.ok(h, 'a hover');
  assert.match(h.contents, /Chemical/);
  assert.match(h.contents, /D001241/);
  if (h.range) assert.equal(h.range.start.line, at('<text>Aspirin</text>').line);
});

test('a hover on the document id names the lines of the XML the document spans', () => {
  const view = checkBioc(text);
  const h = biocHover(view, at('<id>100</id>', 4));
  assert.ok(h, 'a hover');
  const first = lines.findIndex((l) => l.includes('<passage>')) + 1;
  const last = lines.findIndex((l) => l.includes('</relation>')) + 1;
  assert.match(h.contents, new RegExp(`lines ${first}–${last}`), h.contents);
});

test('definition from a relation node goes to the mentions of its concept, on their annotations', () => {
  const view = checkBioc(text);
  const targets = biocDefinition(view, at('refid="T1"', 8));
  assert.ok(targets.length > 0, 'some target');
  const annotationLines = lines.map((l, i) => (l.includes('<annotation') || l.includes('<location') || l.includes('<text>') || l.includes('<infon') ? i : -1)).filter((i) => i >= 0);
  for (const t of targets) assert.ok(annotationLines.includes(t.start.line), JSON.stringify(t));
});

test('outline: one entry per document, its selection inside its range', () => {
  const view = checkBioc(text);
  const symbols = biocDocumentSymbols(view);
  assert.equal(symbols.length, 1);
  assert.match(symbols[0].name, /100/);
  const inside = (s: typeof symbols[0]) => {
    const r = s.range;
    const sel = s.selectionRange;
    const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    assert.ok(le(r.start, sel.start) && le(sel.end, r.end), JSON.stringify(s));
    s.children?.forEach(inside);
  };
  symbols.forEach(inside);
});
