import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OffsetUnit, Position, Range } from '../../../server/src/service/types';
import { ASTRAL, at, BC5CDR, BIORED, lines, PUBTATOR3, service, textOf } from './support';

function definitionAt(text: string, p: Position, unit?: OffsetUnit): Range[] {
  return service.definition(service.parse(text), p, { unit });
}

/** Each range as `line:text`. */
function shown(text: string, ranges: Range[]): string[] {
  return ranges.map((r) => `${r.start.line}:${textOf(text, r)}`);
}

describe('definition', () => {
  it('goes from a relation id to the id of every mention carrying it', () => {
    const d = definitionAt(PUBTATOR3, at(PUBTATOR3, '34205807\tPositive_Correlation', '5444'));
    assert.deepEqual(shown(PUBTATOR3, d), ['2:5444', '5:5444', '9:5444']);
  });

  it('narrows to the part of a composite mention id', () => {
    const d = definitionAt(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD014786', 'D014786'));
    assert.deepEqual(shown(BC5CDR, d), ['2:D014786']);
    const e = definitionAt(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD006311', 'D006311'));
    assert.deepEqual(shown(BC5CDR, e), ['2:D006311', '3:D006311']);
  });

  it('finds nothing for a dangling relation id', () => {
    assert.deepEqual(definitionAt(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD003924', 'D003924')), []);
  });

  it('goes from a PubTator3 relation variant id to the mentions of that variant', () => {
    const d = definitionAt(PUBTATOR3, at(PUBTATOR3, '34205807\tAssociation\tRS#', 'CorrespondingGene'));
    assert.deepEqual(d.map((r) => r.start.line), [6, 7]);
    assert.ok(textOf(PUBTATOR3, d[0]).startsWith('tmVar:p|SUB|L|55|M;HGVS:p.L55M'));
  });

  it('goes from a BioRED variant relation id with bars to its mentions', () => {
    const d = definitionAt(BIORED, at(BIORED, '2000\tAssociation', '600'));
    assert.deepEqual(shown(BIORED, d), ['3:p|SUB|V|600|E', '5:p|SUB|V|600|E']);
  });

  it('goes from a mention id to the other mentions of the concept', () => {
    const d = definitionAt(PUBTATOR3, at(PUBTATOR3, '34205807\t36', '5444'));
    assert.deepEqual(shown(PUBTATOR3, d), ['2:5444', '9:5444']);
    assert.deepEqual(definitionAt(PUBTATOR3, at(PUBTATOR3, '34205807\t113', '9606')), [], 'its only mention');
  });

  it('goes from offsets or text to the span they cover', () => {
    for (const p of [at(PUBTATOR3, '34205807\t18', '18'), at(PUBTATOR3, '34205807\t18', '22'), at(PUBTATOR3, '34205807\t18', 'CCL2')]) {
      assert.deepEqual(shown(PUBTATOR3, definitionAt(PUBTATOR3, p)), ['0:CCL2']);
    }
    assert.deepEqual(shown(PUBTATOR3, definitionAt(PUBTATOR3, at(PUBTATOR3, '34205807\t98', '98'))), ['1:CCL2']);
  });

  it('gives two ranges for a span across the title and abstract', () => {
    const text = lines('1|t|Breast', '1|a|cancer here', '1\t0\t13\tBreast cancer\tDisease\tD001943');
    assert.deepEqual(shown(text, definitionAt(text, at(text, '1\t0', 'Breast'))), ['0:Breast', '1:cancer']);
  });

  it('maps offsets to editor positions in either unit (surrogate pairs)', () => {
    const title = at(ASTRAL, '3000\t3', 'Ketamine');
    const abstract = at(ASTRAL, '3000\t21', 'ketamine');
    assert.deepEqual(shown(ASTRAL, definitionAt(ASTRAL, title, 'codepoint')), ['0:Ketamine']);
    assert.deepEqual(shown(ASTRAL, definitionAt(ASTRAL, abstract, 'codepoint')), ['1:ketamine']);
    assert.deepEqual(definitionAt(ASTRAL, title, 'codepoint'), [{ start: { line: 0, character: 11 }, end: { line: 0, character: 19 } }]);
    assert.deepEqual(shown(ASTRAL, definitionAt(ASTRAL, title, 'utf16')), ['0: Ketamin']);
    assert.deepEqual(shown(ASTRAL, definitionAt(ASTRAL, at(ASTRAL, '3000\t1\t2', '😀'), 'codepoint')), ['0:😀']);
  });

  it('finds nothing for unusable or out-of-range offsets', () => {
    const text = lines('1|t|Abc', '1|a|', '1\tx\t2\tAb\tGene\t1', '1\t0\t99\tAb\tGene\t1');
    assert.deepEqual(definitionAt(text, at(text, '1\tx', 'x')), []);
    assert.deepEqual(definitionAt(text, at(text, '1\t0\t99', '99')), []);
  });

  it('goes from a row\'s document id to the document\'s first line', () => {
    assert.deepEqual(shown(PUBTATOR3, definitionAt(PUBTATOR3, { line: 12, character: 3 })), ['0:34205807']);
    assert.deepEqual(definitionAt(PUBTATOR3, { line: 1, character: 3 }), [], 'a passage line is itself the place');
  });

  it('finds nothing on types, relation types, blank lines, past the end or in an empty file', () => {
    for (const p of [at(PUBTATOR3, '34205807\t18', 'Gene'), at(PUBTATOR3, '34205807\tAssociation', 'Assoc'), { line: 15, character: 0 }, { line: 2, character: 200 }]) {
      assert.deepEqual(definitionAt(PUBTATOR3, p), [], JSON.stringify(p));
    }
    assert.deepEqual(definitionAt('', { line: 0, character: 0 }), []);
  });
});
