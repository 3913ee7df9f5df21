import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Position, Range } from '../../../server/src/service/types';
import { at, BC5CDR, BIORED, lines, PUBTATOR3, service, textOf } from './support';

function refs(text: string, p: Position, includeDeclaration?: boolean): string[] {
  return shown(text, service.references(service.parse(text), p, { includeDeclaration }));
}

function shown(text: string, ranges: Range[]): string[] {
  return ranges.map((r) => `${r.start.line}:${textOf(text, r)}`);
}

describe('references', () => {
  it('finds every mention and relation field naming a plain id, not a variant\'s gene attribute', () => {
    const expected = ['2:5444', '5:5444', '9:5444', '14:5444'];
    assert.deepEqual(refs(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', '5444')), expected);
    assert.deepEqual(refs(PUBTATOR3, at(PUBTATOR3, '34205807\tPositive', '5444')), expected);
  });

  it('leaves out the occurrence under the cursor when the declaration is not wanted', () => {
    assert.deepEqual(refs(PUBTATOR3, at(PUBTATOR3, '34205807\t36', '5444'), false), ['2:5444', '9:5444', '14:5444']);
    assert.deepEqual(refs(PUBTATOR3, at(PUBTATOR3, '34205807\tPositive', '5444'), false), ['2:5444', '5:5444', '9:5444']);
  });

  it('matches the atom of a composite id', () => {
    assert.deepEqual(refs(BC5CDR, at(BC5CDR, '1000\t0\t36', 'D006311')), ['2:D006311', '3:D006311', '7:D006311']);
    assert.deepEqual(refs(BC5CDR, at(BC5CDR, '1000\t0\t36', 'D014786')), ['2:D014786', '6:D014786']);
  });

  it('stays inside the document', () => {
    const found = refs(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'MESH'));
    assert.deepEqual(found, ['4:MESH:D000086382', '8:MESH:D000086382', '12:MESH:D000086382', '13:MESH:D000086382', '14:MESH:D000086382']);
    assert.deepEqual(refs(PUBTATOR3, at(PUBTATOR3, '11111111\t9', 'MESH')), ['18:MESH:D000086382']);
  });

  it('matches a PubTator3 variant as a whole, from its mention or its relation id', () => {
    const fromMention = refs(PUBTATOR3, at(PUBTATOR3, '34205807\t41', 'HGVS')).map((s) => s.split(':')[0]);
    const fromRelation = refs(PUBTATOR3, at(PUBTATOR3, '34205807\tAssociation\tRS#', 'RS#')).map((s) => s.split(':')[0]);
    assert.deepEqual(fromMention, ['6', '7', '13']);
    assert.deepEqual(fromRelation, ['6', '7', '13']);
  });

  it('matches a BioRED variant id with bars, and not the bare rs id of the same text', () => {
    assert.deepEqual(refs(BIORED, at(BIORED, '2000\t5\t10', 'SUB')), ['3:p|SUB|V|600|E', '5:p|SUB|V|600|E', '8:p|SUB|V|600|E']);
    assert.deepEqual(refs(BIORED, at(BIORED, '2000\t44', 'rs', 0, 1)), ['6:rs113488022']);
  });

  it('finds the relation fields of a dangling id', () => {
    const text = BC5CDR + '1000\tCID\tD003924\tD009288\n';
    assert.deepEqual(refs(text, at(text, '1000\tCID\tD009288\tD003924', 'D003924')), ['8:D003924', '9:D003924']);
    const variant = lines('1|t|x', '1|a|', '1\tAssociation\tRS#:1;HGVS:p.A1B\t5', '1\tBind\tHGVS:p.A1B;RS#:1\t6');
    assert.deepEqual(refs(variant, at(variant, '1\tBind', 'HGVS')).map((s) => s.split(':')[0]), ['2', '3']);
  });

  it('finds nothing off an id, on an empty id, or outside documents', () => {
    const text = lines('1|t|A b', '1|a|', '1\t0\t1\tA\tGene\t', '1\t2\t3\tb\tGene\t-1', '', 'stray');
    for (const p of [{ line: 0, character: 5 }, { line: 2, character: 13 }, at(text, '1\t2', '-1'), { line: 4, character: 0 }, { line: 5, character: 1 }]) {
      assert.deepEqual(refs(text, p), [], JSON.stringify(p));
    }
  });
});

describe('document highlights', () => {
  it('marks mention fields as Write (3) and relation fields as Read (2)', () => {
    const file = service.parse(PUBTATOR3);
    const found = service.documentHighlights(file, at(PUBTATOR3, '34205807\tPositive', '5444'));
    assert.deepEqual(found.map((h) => [h.range.start.line, textOf(PUBTATOR3, h.range), h.kind]), [
      [2, '5444', 3], [5, '5444', 3], [9, '5444', 3], [14, '5444', 2],
    ]);
  });

  it('highlights the same ranges as references', () => {
    const file = service.parse(BC5CDR);
    for (const p of [at(BC5CDR, '1000\t0\t36', 'D006311'), at(BC5CDR, '1000\tCID\tD009288\tD014786', 'D009288')]) {
      assert.deepEqual(service.documentHighlights(file, p).map((h) => h.range), service.references(file, p));
    }
  });

  it('highlights nothing off an id', () => {
    const file = service.parse(PUBTATOR3);
    assert.deepEqual(service.documentHighlights(file, { line: 0, character: 15 }), []);
    assert.deepEqual(service.documentHighlights(file, at(PUBTATOR3, '34205807\t18', '18')), []);
  });
});
