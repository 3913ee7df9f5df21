import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from '../../../server/src/service/features/documentSymbols';
import type { Position, Range } from '../../../server/src/service/types';
import { ASTRAL, BC5CDR, BIORED, HOSTILE, lines, PUBTATOR3, service, textOf } from './support';

function symbols(text: string, maxDetailedLines?: number): DocumentSymbol[] {
  return service.documentSymbols(service.parse(text), { maxDetailedLines });
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** What VS Code demands of a symbol tree: names, selection inside range, children inside parents, ranges inside lines. */
function assertValid(text: string, list: DocumentSymbol[], parent?: DocumentSymbol): void {
  const all = text.split(/\r?\n/);
  for (const s of list) {
    assert.ok(s.name.length > 0 && !/[\n\r]/.test(s.name), `name ${JSON.stringify(s.name)}`);
    assert.ok(contains(s.range, s.selectionRange), `selection inside range of ${s.name}`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name} inside ${parent.name}`);
    for (const p of [s.range.start, s.range.end]) assert.ok(p.line < all.length && p.character <= all[p.line].length, `${s.name} inside the text`);
    assertValid(text, s.children ?? [], s);
  }
}

function outline(list: DocumentSymbol[], depth = 0): string[] {
  return list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ' — ' + s.detail : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('document symbols (outline)', () => {
  it('gives one symbol per document, its mentions grouped by concept, and its relations', () => {
    const list = symbols(BC5CDR);
    assert.deepEqual(outline(list), [
      '1000 — Ulcerative colitis and Crohn disease after naproxen.',
      '  Mentions — 4 rows · 3 concepts',
      '    Ulcerative colitis and Crohn disease · D014786|D006311 — 1 × Disease',
      '      Ulcerative colitis and Crohn disease — 0–36',
      '    Crohn disease · D006311 — 1 × Disease',
      '      Crohn disease — 23–36',
      '    naproxen · D009288 — 2 × Chemical',
      '      naproxen — 43–51',
      '      Naproxen — 53–61',
      '  Relations — 3 rows',
      '    CID: naproxen – Ulcerative colitis — D009288 D014786',
      '    CID: naproxen – Crohn disease — D009288 D006311',
      '    CID: naproxen – D003924 — D009288 D003924',
    ]);
    assertValid(BC5CDR, list);
    assert.equal(textOf(BC5CDR, list[0].selectionRange), '1000');
    assert.deepEqual(list[0].range, { start: { line: 0, character: 0 }, end: { line: 8, character: 24 } });
  });

  it('groups a variant by its most stable field and names it by its most frequent text', () => {
    const list = symbols(PUBTATOR3);
    const names = outline(list);
    assert.ok(names.includes('    PON1 · 5444 — 3 × Gene'), names.join('\n'));
    // The SNP row names the same rs number: one variant, both rows.
    assert.ok(names.includes('    L55M · RS#:854560 — 2 × ProteinMutation, SNP'), names.join('\n'));
    assert.ok(names.some((n) => n.startsWith('    Association: COVID-19 – CCL2')), names.join('\n'));
    assertValid(PUBTATOR3, list);
    assert.equal(list.length, 2);
  });

  it('keeps names one line and non-empty for hostile or empty text', () => {
    const text = lines('1|t|', '1|a|', '1\t0\t0\t\t\t', '1\t\t\t\t');
    for (const t of [text, HOSTILE, ASTRAL, BIORED, '\ufeff1|t|x\r\n1\t0\t1\tx\tGene\t1\r\n']) assertValid(t, symbols(t));
    assert.deepEqual(symbols(''), []);
  });

  it('keeps one symbol per document past the detailed size, read without parsing rows', () => {
    const parsed = service.parse(PUBTATOR3);
    const list = service.documentSymbols(parsed, { maxDetailedLines: 5 });
    assert.deepEqual(outline(list), [
      '34205807 — Paraoxonase-1 and CCL2 in COVID-19.',
      '11111111 — A second COVID-19 paper.',
    ]);
    assertValid(PUBTATOR3, list);
    assert.ok(parsed.documents.every((d) => !d.materialized), 'no document was parsed');
    assert.deepEqual(symbols(PUBTATOR3, 5).map((s) => s.range), symbols(PUBTATOR3).map((s) => s.range), 'the same document ranges');
  });
});

describe('workspace symbols', () => {
  const files = [{ uri: 'file:///a.pubtator', file: service.parse(PUBTATOR3) }, { uri: 'file:///b.pubtator', file: service.parse(BC5CDR) }];

  it('finds a document id across files', () => {
    const found = service.workspaceSymbols(files, '1111');
    assert.deepEqual(found.map((s) => [s.name, s.uri, s.range.start.line]), [['11111111', 'file:///a.pubtator', 16]]);
  });

  it('finds a concept id, with or without its prefix, at its first mention', () => {
    const found = service.workspaceSymbols(files, 'd000086382');
    assert.equal(found.length, 1);
    assert.equal(found[0].name, 'MESH:D000086382 COVID-19');
    assert.equal(found[0].containerName, '3 mentions in 2 documents; first in 34205807');
    assert.equal(textOf(PUBTATOR3, found[0].range), 'MESH:D000086382');
    const part = service.workspaceSymbols(files, 'D006311');
    assert.deepEqual(part.map((s) => s.name), ['D006311 Crohn disease'], 'a composite part is named by its own text');
  });

  it('lists documents for an empty query, stops at the limit, and never throws', () => {
    assert.deepEqual(service.workspaceSymbols(files, '').map((s) => s.name), ['34205807', '11111111', '1000']);
    assert.equal(service.workspaceSymbols(files, '', 2).length, 2);
    assert.deepEqual(service.workspaceSymbols(files, 'no such thing'), []);
    assert.deepEqual(service.workspaceSymbols([], 'x'), []);
    assert.doesNotThrow(() => service.workspaceSymbols(files, undefined as never));
  });
});
