// The reading features (tokens, folding, outline, symbols, inlay hints, code
// lenses, selection ranges, text hover) on any text and any request: they
// never throw, and what they return points inside the file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentSymbol } from '../../../server/src/service/features/documentSymbols';
import type { Position, Range } from '../../../server/src/service/types';
import { ASTRAL, BC5CDR, BIORED, everyPosition, HOSTILE, lines, PUBTATOR3, service } from './support';

const ODD = [
  '', '\n', '\ufeff', '\t\t\t', '|t|', '1|t|',
  lines('1|t|a\ud800b', '1|a|\udc00', '1\t0\t3\ta\ud800b\tGene\t1', '1\t99999999999999999999\t1\tx\tGene\t1'),
  '1|t|x\r\n1|a|y\r\n1\t0\t1\tx\tGene\t5|6|7,8;9+10\r\n1\tBind\t5\t\r\n',
  lines('1\t0\t1\tx\tGene\t1', '1|t|x'),
  lines('1|t|x', '1|a|y', '1\t0', '1\t0\t1', '1\t0\t1\tx', '1\tA\tB', 'junk', '1\tCID\t\t'),
  lines('1|t|x', '1|a|y', '1\t0\t1\tx\tSNP\ttmVar:;HGVS:;RS#:;;', '1\tAssociation\t;;;\tRS#:'),
];

function inside(all: string[], r: Range): boolean {
  const ok = (p: Position) => p.line >= 0 && p.line < all.length && p.character >= 0 && p.character <= all[p.line].length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || r.start.character <= r.end.character);
}

function symbolsInside(all: string[], list: DocumentSymbol[]): void {
  for (const s of list) {
    assert.ok(s.name !== '' && inside(all, s.range) && inside(all, s.selectionRange), JSON.stringify(s));
    symbolsInside(all, s.children ?? []);
  }
}

function runAll(text: string, requests: Position[]): void {
  const all = text.split(/\r?\n/);
  for (const unit of ['codepoint', 'utf16'] as const) {
    const file = service.parse(text);
    const whole = { start: { line: 0, character: 0 }, end: { line: all.length, character: 0 } };
    for (const t of service.semanticTokens(file, { unit })) assert.ok(inside(all, { start: t, end: { line: t.line, character: t.character + t.length } }));
    assert.deepEqual(service.semanticTokens(file, { unit, range: whole }), service.semanticTokens(file, { unit }));
    for (const f of service.foldingRanges(file)) assert.ok(f.startLine < f.endLine && f.endLine < all.length);
    const parsed = service.parse(text);
    for (const d of parsed.documents) void d.mentions;
    assert.deepEqual(service.foldingRanges(service.parse(text)), service.foldingRanges(parsed));
    symbolsInside(all, service.documentSymbols(file, { unit }));
    symbolsInside(all, service.documentSymbols(service.parse(text), { unit, maxDetailedLines: 0 }));
    for (const s of service.workspaceSymbols([{ uri: 'u', file }], 'a')) assert.ok(inside(all, s.range));
    for (const h of service.inlayHints(file, whole, { unit })) assert.ok(inside(all, { start: h.position, end: h.position }) && h.label !== '');
    for (const lens of service.codeLenses(file)) {
      const resolved = service.resolveCodeLens(file, lens, { unit });
      assert.ok(inside(all, resolved.range) && resolved.command !== undefined);
    }
    service.selectionRanges(file, requests, { unit }).forEach((r, i) => {
      // A position off the text gets back the empty range at itself; anything else lies inside.
      const p = requests[i];
      const echo = !r.parent && r.range.start.line === r.range.end.line && r.range.start.character === r.range.end.character;
      if (echo) assert.ok(p.line < 0 || p.character < 0 || (r.range.start.line === p.line && r.range.start.character === p.character));
      else for (let s: typeof r | undefined = r; s; s = s.parent) assert.ok(inside(all, s.range), JSON.stringify(s.range));
    });
    for (const p of requests) {
      const h = service.hover(file, p, { unit });
      if (h?.range) assert.ok(inside(all, h.range));
      const one = { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } };
      service.semanticTokens(file, { unit, range: one });
      service.inlayHints(file, one, { unit });
    }
  }
}

describe('reading features never throw and only point inside the file', () => {
  it('on every position of every sample and odd input', () => {
    for (const text of [PUBTATOR3, BC5CDR, BIORED, ASTRAL, HOSTILE, ...ODD]) runAll(text, [...everyPosition(text)]);
  });

  it('on any text made of PubTator pieces (property)', () => {
    const piece = fc.constantFrom(
      '1', '23', '|t|', '|a|', '\t', '\n', '\r\n', ' ', 'Gene', 'SNP', 'Species', 'CID', 'Association', 'MESH:D000001',
      'D014786|D006311', 'p|SUB|V|600|E', 'tmVar:p|SUB|L|55|M;HGVS:p.L55M;RS#:854560;CorrespondingGene:5444',
      '-1', '😀', '\ud800', '`', '[x](command:evil)', '0\t4', '2\t9', '\ufeff',
    );
    fc.assert(fc.property(
      fc.array(piece, { maxLength: 60 }),
      fc.array(fc.record({ line: fc.integer({ min: -2, max: 30 }), character: fc.integer({ min: -2, max: 200 }) }), { minLength: 1, maxLength: 10 }),
      (pieces, positions) => runAll(pieces.join(''), positions),
    ), { numRuns: 200 });
  });
});
