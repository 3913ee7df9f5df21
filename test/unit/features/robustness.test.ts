import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParsedFile } from '../../../server/src/service/parse/model';
import type { Position, Range } from '../../../server/src/service/types';
import { ASTRAL, BC5CDR, BIORED, everyPosition, HOSTILE, lines, PUBTATOR3, service } from './support';

/** Odd inputs: malformed rows, lone surrogates, CRLF, BOM, huge numbers, missing columns. */
const ODD = [
  '',
  '\n',
  '\ufeff',
  '\t\t\t',
  '|t|',
  '1|t|',
  lines('1|t|a\ud800b', '1|a|\udc00', '1\t0\t3\ta\ud800b\tGene\t1', '1\t99999999999999999999\t1\tx\tGene\t1'),
  '1|t|x\r\n1|a|y\r\n1\t0\t1\tx\tGene\t5|6|7,8;9+10\r\n1\tBind\t5\t\r\n',
  lines('1\t0\t1\tx\tGene\t1', '1|t|x'),
  lines('1|t|x', '1|a|y', '1\t0', '1\t0\t1', '1\t0\t1\tx', '1\tA\tB', 'junk', '1\tCID\t\t'),
  lines('1|t|x', '1|a|y', '1\t0\t1\tx\tSNP\ttmVar:;HGVS:;RS#:;;', '1\tAssociation\t;;;\tRS#:'),
  lines('1|t|x', '1|a|y', '1\t0\t1\tx\tGene\t100155702(Tax:9823)', '1\t0\t1\tx\tSpecies\t9606', '1\tBind\t9606\t100155702'),
];

/** Whether a range lies on existing lines, within them. */
function inside(text: string, r: Range): boolean {
  const all = text.split(/\r?\n/);
  const ok = (p: Position) => p.line >= 0 && p.line < all.length && p.character >= 0 && p.character <= all[p.line].length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || r.start.character <= r.end.character);
}

function runAll(text: string, file: ParsedFile, p: Position): void {
  for (const unit of ['codepoint', 'utf16'] as const) {
    const h = service.hover(file, p, { unit });
    if (h) {
      assert.equal(typeof h.contents, 'string');
      if (h.range) assert.ok(inside(text, h.range), `hover range at ${JSON.stringify(p)}`);
    }
    for (const r of service.definition(file, p, { unit })) assert.ok(inside(text, r), `definition at ${JSON.stringify(p)}`);
    for (const r of service.references(file, p, { unit, includeDeclaration: false })) assert.ok(inside(text, r));
    const refs = service.references(file, p, { unit });
    const highlights = service.documentHighlights(file, p, { unit });
    assert.deepEqual(highlights.map((h) => h.range), refs);
    for (const h of highlights) assert.ok(h.kind === 2 || h.kind === 3);
  }
}

describe('features never throw and only point inside the file', () => {
  it('at every position of every sample and odd input', () => {
    for (const text of [PUBTATOR3, BC5CDR, BIORED, ASTRAL, HOSTILE, ...ODD]) {
      const file = service.parse(text);
      for (const p of everyPosition(text)) runAll(text, file, p);
    }
  });

  it('at any position of any text made of PubTator pieces', () => {
    const piece = fc.constantFrom(
      '1', '23', '|t|', '|a|', '\t', '\n', '\r\n', ' ', 'Gene', 'SNP', 'Species', 'CID', 'Association', 'MESH:D000001',
      'D014786|D006311', 'p|SUB|V|600|E', 'tmVar:p|SUB|L|55|M;HGVS:p.L55M;RS#:854560;CorrespondingGene:5444',
      'RS#:854560;HGVS:p.L55M', '-1', 'rs113488022', 'CVCL_0030', '😀', '\ud800', '`', '[x](command:evil)', '<img>',
    );
    fc.assert(fc.property(
      fc.array(piece, { maxLength: 60 }),
      fc.array(fc.record({ line: fc.integer({ min: -2, max: 30 }), character: fc.integer({ min: -2, max: 200 }) }), { minLength: 1, maxLength: 20 }),
      (pieces, positions) => {
        const text = pieces.join('');
        const file = service.parse(text);
        for (const p of positions) runAll(text, file, p);
      },
    ), { numRuns: 300 });
  });
});
