import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OffsetUnit, Position } from '../../../server/src/service/types';
import { ASTRAL, at, BC5CDR, BIORED, everyPosition, HOSTILE, lines, PUBTATOR3, service, textOf } from './support';
import { assertInert, loadRenderer } from './render';

function hoverAt(text: string, p: Position, unit?: OffsetUnit) {
  return service.hover(service.parse(text), p, { unit });
}

function contents(text: string, p: Position, unit?: OffsetUnit): string {
  const h = hoverAt(text, p, unit);
  assert.ok(h, `a hover at ${JSON.stringify(p)}`);
  return h.contents;
}

describe('hover on a concept id', () => {
  before(loadRenderer);

  it('names a gene by its most frequent surface form, lists the others, counts and links', () => {
    const md = contents(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', '5444'));
    assert.match(md, /\*\*NCBI Gene\*\* `5444`/);
    assert.match(md, /\[Open in NCBI Gene\]\(https:\/\/www\.ncbi\.nlm\.nih\.gov\/gene\/5444\)/);
    assert.match(md, /\*\*PON1\*\* · Gene/);
    assert.match(md, /Written as `PON1` ×2, `Paraoxonase-1`/);
    assert.match(md, /3 mentions and 1 relation in this document/);
    assert.match(md, /3 mentions in 1 document of the file/);
    assertInert(md);
  });

  it('counts a MeSH id over the whole file and links it', () => {
    const md = contents(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'MESH'));
    assert.match(md, /\*\*MeSH\*\* `MESH:D000086382`/);
    assert.match(md, /https:\/\/meshb\.nlm\.nih\.gov\/record\/ui\?ui=D000086382/);
    assert.match(md, /2 mentions and 3 relations in this document · 3 mentions in 2 documents of the file/);
  });

  it('reads a bare number carried by species mentions as a Taxonomy id', () => {
    const md = contents(PUBTATOR3, at(PUBTATOR3, '34205807\t113', '9606'));
    assert.match(md, /\*\*NCBI Taxonomy\*\* `9606`/);
    assert.match(md, /wwwtax\.cgi\?id=9606\)/);
  });

  it('covers the id field (or atom) with its range', () => {
    const p = at(PUBTATOR3, '34205807\t0\t13', '5444', 2);
    const h = hoverAt(PUBTATOR3, p)!;
    assert.equal(textOf(PUBTATOR3, h.range!), '5444');
  });

  it('describes the atom under the cursor in a composite id, named by its own text', () => {
    const first = hoverAt(BC5CDR, at(BC5CDR, '1000\t0\t36', 'D014786'))!;
    assert.equal(textOf(BC5CDR, first.range!), 'D014786');
    assert.match(first.contents, /\*\*MeSH\*\* `D014786`/);
    assert.match(first.contents, /Part 1 of 2 of the composite id `D014786\|D006311`/);
    assert.match(first.contents, /\*\*Ulcerative colitis\*\* · Disease/);
    const second = hoverAt(BC5CDR, at(BC5CDR, '1000\t0\t36', 'D006311'))!;
    assert.equal(textOf(BC5CDR, second.range!), 'D006311');
    assert.match(second.contents, /Part 2 of 2/);
    assert.match(second.contents, /\*\*Crohn disease\*\* · Disease\n/);
    assert.match(second.contents, /2 mentions and 1 relation in this document/);
  });

  it('describes a relation id by the mentions carrying it', () => {
    const md = contents(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD014786', 'D009288'));
    assert.match(md, /\*\*naproxen\*\* · Chemical/);
    assert.match(md, /Written as `naproxen`, `Naproxen`/);
    assert.match(md, /2 mentions and 3 relations in this document/);
  });

  it('says that no mention carries a dangling relation id', () => {
    const h = hoverAt(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD003924', 'D003924'))!;
    assert.match(h.contents, /No mention in document `1000` carries `D003924`/);
    assert.match(h.contents, /0 mentions and 1 relation in this document · 0 mentions in 0 documents of the file/);
    assert.equal(textOf(BC5CDR, h.range!), 'D003924');
  });

  it('treats a BioRED tmVar key with bars as one variant id', () => {
    const md = contents(BIORED, at(BIORED, '2000\t5\t10', 'SUB'));
    assert.match(md, /\*\*Variant\*\* `p\|SUB\|V\|600\|E`/);
    assert.match(md, /- tmVar variant: `p\|SUB\|V\|600\|E`/);
    assert.match(md, /\*\*V600E\*\* · SequenceVariant/);
    assert.match(md, /2 mentions and 1 relation in this document/);
    const rel = contents(BIORED, at(BIORED, '2000\tAssociation', 'V|600'));
    assert.match(rel, /\*\*V600E\*\* · SequenceVariant[\s\S]*2 mentions and 1 relation/);
  });

  it('links a bare rs id to dbSNP', () => {
    const md = contents(BIORED, at(BIORED, '2000\t44', 'rs113488022', 0, 1));
    assert.match(md, /\*\*dbSNP\*\* `rs113488022` · \[Open in dbSNP\]\(https:\/\/www\.ncbi\.nlm\.nih\.gov\/snp\/rs113488022\)/);
  });

  it('resolves a PubTator3 relation variant id to the mentions of that variant, fields listed', () => {
    const p = at(PUBTATOR3, '34205807\tAssociation\tRS#', 'HGVS');
    const h = hoverAt(PUBTATOR3, p)!;
    assert.equal(textOf(PUBTATOR3, h.range!), 'RS#:854560;HGVS:p.L55M;CorrespondingGene:5444');
    const md = h.contents;
    assert.match(md, /- RS\\#: `854560` · \[dbSNP\]\(https:\/\/www\.ncbi\.nlm\.nih\.gov\/snp\/rs854560\)/);
    assert.match(md, /- HGVS: `p\.L55M`/);
    assert.match(md, /- CorrespondingGene: `5444` · \[NCBI Gene\]\(https:\/\/www\.ncbi\.nlm\.nih\.gov\/gene\/5444\)/);
    assert.match(md, /\*\*L55M\*\* · ProteinMutation, SNP/);
    assert.match(md, /2 mentions and 1 relation in this document/);
    assert.match(md, /2 mentions carrying `RS#:854560` in 1 document of the file/);
    assertInert(md);
  });

  it('lists every key:value field of a variant mention', () => {
    const md = contents(PUBTATOR3, at(PUBTATOR3, '34205807\t41', 'VariantGroup'));
    for (const line of ['- tmVar: `p|SUB|L|55|M`', '- VariantGroup: `1`', '- CorrespondingSpecies: `9606` · [NCBI Taxonomy]']) {
      assert.ok(md.includes(line), `${line} in\n${md}`);
    }
  });

  it('says that a dangling variant relation id has no mention', () => {
    const text = PUBTATOR3.replace('RS#:854560;HGVS:p.L55M;CorrespondingGene:5444', 'RS#:999;HGVS:p.L55M');
    const md = contents(text, at(text, '34205807\tAssociation\tRS#', 'RS#'));
    assert.match(md, /No mention in document `34205807` carries this variant/);
  });

  it('says a row without a concept id names none', () => {
    assert.match(contents(ASTRAL, at(ASTRAL, '3000\t1\t2', '-')), /No concept: this mention row has `-`/);
    const text = lines('1|t|A b', '1|a|', '1\t0\t1\tA\tGene\t');
    assert.match(contents(text, { line: 2, character: 13 }), /No concept: this mention row has an empty id/);
  });

  it('gives no link when the id does not validate, and shows it inert', () => {
    const md = contents(HOSTILE, at(HOSTILE, '<svg onload=alert(1)>\t54', 'MESH'));
    assert.equal(md.includes('Open in'), false, md);
    const shown = assertInert(md);
    assert.ok(shown.includes('MESH:D1](command:evil)'), shown);
  });
});

describe('hover renders file text as inert text', () => {
  before(loadRenderer);

  it('shows hostile mention texts, types and ids literally', () => {
    const md = contents(HOSTILE, at(HOSTILE, '<svg onload=alert(1)>\t0\t17', 'MESH'));
    const shown = assertInert(md);
    for (const piece of ['[x](command:evil)', '<img src=x onerror=alert(1)>', '`a` `', '<b>Chem</b>', '`x`']) {
      assert.ok(shown.includes(piece), `${piece} shown in ${shown}`);
    }
  });

  it('shows hostile relation types, document ids and extra columns literally', () => {
    const md = contents(HOSTILE, at(HOSTILE, '<svg onload=alert(1)>\t[r]', '[r]'));
    const shown = assertInert(md);
    for (const piece of ['[r](command:x)', '<script>x</script>', 'MESH:D1](command:evil)']) {
      assert.ok(shown.includes(piece), `${piece} shown in ${shown}`);
    }
    const doc = contents(HOSTILE, { line: 0, character: 2 });
    assert.ok(assertInert(doc).includes('<svg onload=alert(1)>'));
    assert.equal(/pubmed/i.test(doc), false, 'no PubMed link for an id that is not all digits');
  });

  it('every hover on every position of every sample renders inert', () => {
    for (const text of [PUBTATOR3, BC5CDR, BIORED, ASTRAL, HOSTILE]) {
      const file = service.parse(text);
      for (const p of everyPosition(text)) {
        for (const unit of ['codepoint', 'utf16'] as const) {
          const h = service.hover(file, p, { unit });
          if (h) assertInert(h.contents);
        }
      }
    }
  });
});

describe('hover on offsets, relation types and document ids', () => {
  it('shows what an offset pair covers and that it matches', () => {
    const h = hoverAt(PUBTATOR3, at(PUBTATOR3, '34205807\t18', '18'))!;
    assert.match(h.contents, /\*\*Offsets\*\* `18`–`22` \(counting code points\) cover `CCL2`/);
    assert.match(h.contents, /This matches the row's text\./);
    assert.equal(textOf(PUBTATOR3, h.range!), '18');
    const end = hoverAt(PUBTATOR3, at(PUBTATOR3, '34205807\t18', '22'))!;
    assert.equal(textOf(PUBTATOR3, end.range!), '22');
  });

  it('says when the covered text differs, and where the row text is', () => {
    const md = contents(HOSTILE, at(HOSTILE, '<svg onload=alert(1)>\t48', '48'));
    assert.match(md, /does not match the row's text/);
    assert.match(md, /occurs at 47–52 \(shift -1\)/);
    // White space covered at the ends that the row's text lacks is a boundary error, and the hover says where the words are.
    assert.match(contents(HOSTILE, at(HOSTILE, '<svg onload=alert(1)>\t18', '18')), /the span has white space at an end: `18`–`46` would cover it exactly/);
  });

  it('says when offsets are unusable or run past the text', () => {
    const text = lines('1|t|Abc', '1|a|', '1\tx\t2\tAb\tGene\t1', '1\t5\t2\tAb\tGene\t1', '1\t0\t99\tAb\tGene\t1');
    assert.match(contents(text, at(text, '1\tx', 'x')), /not usable offsets/);
    assert.match(contents(text, at(text, '1\t5', '5')), /not usable offsets/);
    assert.match(contents(text, at(text, '1\t0\t99', '99')), /Past the end of the text of document `1`, which has 4 characters/);
  });

  it('says when a span runs from the title into the abstract', () => {
    const text = lines('1|t|Breast', '1|a|cancer here', '1\t0\t13\tBreast cancer\tDisease\tD001943');
    const md = contents(text, at(text, '1\t0', '13'));
    assert.match(md, /cover `Breast cancer`/);
    assert.match(md, /runs from one passage into the next/);
  });

  it('counts offsets in the unit asked for (surrogate pairs)', () => {
    const p = at(ASTRAL, '3000\t3\t11', '\t3', 1);
    assert.match(contents(ASTRAL, p, 'codepoint'), /cover `Ketamine`[\s\S]*This matches/);
    const utf16 = contents(ASTRAL, p, 'utf16');
    assert.match(utf16, /\(counting UTF-16 units\) cover ` {2}Ketamin `/, "the code span is padded because the text starts with a space");
    assert.match(utf16, /does not match/);
  });

  it('names both concepts of a relation', () => {
    const md = contents(PUBTATOR3, at(PUBTATOR3, '34205807\tPositive_Correlation', 'Positive'));
    assert.match(md, /^\*\*Positive\\_Correlation\*\* relation/);
    assert.match(md, /- `5444`: \*\*PON1\*\* · Gene · 3 mentions/);
    assert.match(md, /- `MESH:D000086382`: \*\*COVID\\-19\*\* · Disease · 2 mentions/);
    const dangling = contents(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD003924', 'CID'));
    assert.match(dangling, /- `D003924`: no mention in document `1000` carries it/);
    assert.match(contents(BIORED, at(BIORED, '2000\tAssociation', 'Assoc')), /Further columns: `Novel`/);
  });

  it('links a numeric document id to PubMed and counts its rows, from any line', () => {
    for (const p of [{ line: 0, character: 0 }, { line: 1, character: 8 }, at(PUBTATOR3, '34205807\tAssociation\tRS', '3420')]) {
      const md = contents(PUBTATOR3, p);
      assert.match(md, /\*\*Document\*\* `34205807` · \[Open in PubMed\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/34205807\/\)/);
      assert.match(md, /10 mentions · 3 relations · 2 passages · lines 1–15/);
    }
  });

  it('points out a row whose id is not its document\'s', () => {
    const text = lines('1|t|Abc', '1|a|', '2\t0\t1\tA\tGene\t5');
    assert.match(contents(text, { line: 2, character: 0 }), /differs from its document's id `1`/);
  });

  it('has nothing to say on passage text outside mentions, markers, types, blank lines and malformed lines', () => {
    const text = lines('1|t|Abc', '1|a|', 'junk', '1\t0\t1\tA\tGene\t5', '');
    for (const p of [{ line: 0, character: 6 }, { line: 0, character: 2 }, { line: 2, character: 1 }, at(text, '1\t0', 'Gene'), { line: 4, character: 0 }]) {
      assert.equal(hoverAt(text, p), undefined, JSON.stringify(p));
    }
  });
});
