// The reading view's model on hand-made documents: nested, overlapping and
// crossing spans, composite mentions, wrong spans, the relation graph, the
// header, the window of documents and what the cursor is on.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MeshIndex } from '../../../../server/src/service/concepts/meshIndex';
import { openFixtureIndex, TempDir } from '../../concepts/meshFixtures';
import { ASTRAL, BC5CDR, BIORED, lines, PUBTATOR3, service } from '../support';
import { assertWellFormed, layered, modelAt, shownText } from './support';

function wellFormed(text: string): void {
  const file = service.parse(text);
  file.documents.forEach((d, i) => {
    const w = service.preview(file, { line: d.startLine, around: 0 });
    assertWellFormed(file, d, w.documents[w.current], `document ${i}`);
  });
}

describe('preview: spans', () => {
  it('cuts a mention nested in a longer one into layers, the outer one below', () => {
    const doc = modelAt(BC5CDR);
    wellFormed(BC5CDR);
    assert.deepEqual(layered(doc), ['Crohn disease[0,1]']);
    assert.equal(doc.mentions[0].level, 0);
    assert.equal(doc.mentions[1].level, 1);
    assert.deepEqual(shownText(doc, 0), ['Ulcerative colitis and Crohn disease']);
    assert.deepEqual(shownText(doc, 1), ['Crohn disease']);
  });

  it('keeps two rows on the same words, and spans that cross, each whole', () => {
    const text = lines(
      '1|t|alpha beta gamma delta',
      '1|a|',
      '1\t0\t10\talpha beta\tGene\t1',
      '1\t6\t16\tbeta gamma\tDisease\tD000001',
      '1\t6\t10\tbeta\tChemical\tD000002',
      '1\t6\t10\tbeta\tSpecies\t9606',
    );
    const doc = modelAt(text);
    wellFormed(text);
    assert.deepEqual(layered(doc), ['beta[0,1,2,3]']);
    assert.deepEqual(shownText(doc, 0), ['alpha beta']);
    assert.deepEqual(shownText(doc, 1), ['beta gamma']);
    // Each mention keeps one level on all its segments: the crossing one sits above the first.
    assert.deepEqual(doc.mentions.map((m) => m.level), [0, 1, 2, 3]);
    assert.deepEqual(doc.passages[0].segments.map((s) => s.text), ['alpha ', 'beta', ' gamma', ' delta']);
  });

  it('shows a span across the title/abstract join in both passages and says so', () => {
    const text = lines(
      '1|t|Acute liver',
      '1|a|failure in children.',
      '1\t6\t19\tliver failure\tDisease\tD017093',
    );
    const doc = modelAt(text);
    wellFormed(text);
    assert.deepEqual(shownText(doc, 0), ['liver', 'failure']);
    assert.equal(doc.mentions[0].crossesPassages, true);
  });

  it('marks a span whose offsets cover other text, with what they cover, and lists those outside the text', () => {
    const text = lines(
      '1|t|Ketamine in pain.',
      '1|a|',
      '1\t0\t8\tKetamine\tChemical\tD007649',
      '1\t1\t9\tKetamine\tChemical\tD007649',
      '1\t12\t40\tpain\tDisease\tD010146',
      '1\tx\t4\tpain\tDisease\tD010146',
      '1\t0\t8\tketamine\tChemical\tD007649',
    );
    const doc = modelAt(text);
    wellFormed(text);
    assert.deepEqual(doc.mentions.map((m) => m.status), ['ok', 'mismatch', 'out-of-range', 'bad-offsets', 'minor']);
    const wrong = doc.mentions[1];
    assert.equal(wrong.covered, 'etamine ');
    assert.match(wrong.problem!, /Offsets 1-9 cover "etamine ", not the row's text "Ketamine"\. The row's text occurs at 0-8\./);
    assert.deepEqual(shownText(doc, 1), ['etamine ']);
    assert.equal(doc.mentions[2].placed, false);
    assert.match(doc.mentions[2].problem!, /run past the end of the text \(18 characters\)/);
    assert.equal(doc.mentions[3].placed, false);
    assert.equal(doc.mentions[4].covered, 'Ketamine');
    assert.equal(doc.mentions[4].problem, undefined, 'a case difference is not wrong');
    assert.equal(doc.counts.wrongSpans, 3);
  });

  it('counts offsets in code points past characters outside the BMP (or in UTF-16 units when told)', () => {
    const doc = modelAt(ASTRAL);
    wellFormed(ASTRAL);
    assert.deepEqual(shownText(doc, 0), ['Ketamine']);
    assert.deepEqual(shownText(doc, 1), ['ketamine']);
    assert.deepEqual(shownText(doc, 2), ['😀']);
    const utf16 = modelAt(ASTRAL, 0, { unit: 'utf16' });
    assert.equal(utf16.mentions[0].status, 'mismatch');
  });

  it('gives each mention its family, as the colouring does', () => {
    const doc = modelAt(BIORED);
    assert.deepEqual(doc.mentions.map((m) => m.family), ['gene', 'variant', 'disease', 'variant', 'variant', 'gene']);
    assert.deepEqual(doc.families.map((f) => `${f.label} ${f.count}`), ['Disease 1', 'Gene 2', 'Variant 3']);
  });
});

describe('preview: concepts', () => {
  it('names each part of a composite mention with its own text', () => {
    const doc = modelAt(BC5CDR);
    const parts = doc.mentions[0].concepts;
    assert.deepEqual(parts.map((c) => [c.id, c.partText, c.url]), [
      ['D014786', 'Ulcerative colitis', 'https://meshb.nlm.nih.gov/record/ui?ui=D014786'],
      ['D006311', 'Crohn disease', 'https://meshb.nlm.nih.gov/record/ui?ui=D006311'],
    ]);
  });

  it('names a concept as the document writes it most often, without an index', () => {
    const doc = modelAt(PUBTATOR3);
    const full = doc.mentions.find((m) => m.text === 'Paraoxonase-1')!;
    assert.deepEqual(full.concepts, [{ id: '5444', name: 'PON1', nameSource: 'this document', url: 'https://www.ncbi.nlm.nih.gov/gene/5444', urlLabel: 'NCBI Gene' }]);
  });

  describe('with a MeSH index', () => {
    const tmp = new TempDir();
    let mesh: MeshIndex;
    before(async () => {
      mesh = await openFixtureIndex(tmp);
    });
    after(() => {
      mesh.close();
      tmp.remove();
    });

    it('takes the official name from MeSH, for mentions and graph nodes', () => {
      const text = lines(
        '1|t|ketamine eases the ache',
        '1|a|',
        '1\t0\t8\tketamine\tChemical\tMESH:D007649',
        '1\t19\t23\tache\tDisease\tD010146',
        '1\tNegative_Correlation\tMESH:D007649\tD010146',
      );
      const doc = modelAt(text, 0, { concepts: { mesh } });
      assert.deepEqual(doc.mentions.map((m) => [m.concepts[0].name, m.concepts[0].nameSource]), [['Ketamine', 'MeSH 2025'], ['Pain', 'MeSH 2025']]);
      assert.deepEqual(doc.graph.nodes.map((v) => v.name), ['Ketamine', 'Pain']);
    });
  });
});

describe('preview: relations', () => {
  it('draws CID as directed, keeps a dangling id as a node no mention carries, and joins the composite to its parts', () => {
    const doc = modelAt(BC5CDR);
    wellFormed(BC5CDR);
    assert.deepEqual(doc.relations.map((r) => [r.type, r.directed, r.ends.map((e) => e.mentions)]), [
      ['CID', true, [[2, 3], [0]]],
      ['CID', true, [[2, 3], [0, 1]]],
      ['CID', true, [[2, 3], []]],
    ]);
    assert.deepEqual(doc.graph.nodes.map((v) => [v.id, v.family, v.mentions]), [
      ['D009288', 'chemical', [2, 3]], ['D014786', 'disease', [0]], ['D006311', 'disease', [0, 1]], ['D003924', 'other', []],
    ]);
    assert.deepEqual(doc.graph.edges.map((e) => [e.from, e.to, e.label, e.directed]), [[0, 1, 'CID', true], [0, 2, 'CID', true], [0, 3, 'CID', true]]);
  });

  it('matches relation ids as the checker does: spellings of one MeSH id share a node, a variant id finds its mention', () => {
    const doc = modelAt(PUBTATOR3);
    wellFormed(PUBTATOR3);
    const covid = doc.graph.nodes.findIndex((v) => v.id === 'MESH:D000086382');
    assert.ok(covid >= 0);
    assert.equal(doc.graph.nodes.filter((v) => v.name === 'COVID-19').length, 1);
    const variant = doc.relations[1].ends[0];
    // Mentions of the same variant (sharing its rs number) count too, as for the hover.
    assert.deepEqual(variant.mentions.map((i) => doc.mentions[i].text), ['L55M', 'rs854560']);
    assert.equal(doc.graph.nodes[variant.node!].family, 'variant');
    assert.equal(doc.relations.every((r) => !r.directed), true, 'BioRED-style types have no direction');
  });

  it('bends parallel edges apart and draws a self-relation as a loop', () => {
    const text = lines(
      '1|t|TP53 and MDM2 bind; TP53 binds TP53.',
      '1|a|',
      '1\t0\t4\tTP53\tGene\t7157',
      '1\t9\t13\tMDM2\tGene\t4193',
      '1\tBind\t7157\t4193',
      '1\tAssociation\t4193\t7157',
      '1\tBind\t7157\t7157',
    );
    const doc = modelAt(text);
    wellFormed(text);
    const [a, b, loop] = doc.graph.edges;
    assert.match(a.d, /Q/);
    assert.match(b.d, /Q/);
    assert.notEqual(a.labelX === b.labelX && a.labelY === b.labelY, true, 'parallel labels apart');
    assert.match(loop.d, /C/);
  });

  it('lays out the same document the same way every time', () => {
    const file = service.parse(BIORED);
    const a = service.preview(file, { line: 0 });
    const b = service.preview(service.parse(BIORED), { line: 0 });
    assert.deepEqual(a, b);
  });
});

describe('preview: header and problems', () => {
  it('links a PMID to PubMed and not another id, and counts the document', () => {
    const doc = modelAt(BC5CDR);
    assert.equal(doc.pubmed, 'https://pubmed.ncbi.nlm.nih.gov/1000/');
    assert.deepEqual(doc.counts, { mentions: 4, relations: 3, concepts: 3, problems: 1, errors: 1, warnings: 0, wrongSpans: 0 });
    assert.deepEqual(doc.problems.map((p) => [p.line, p.code, p.severity]), [[8, 'dangling-relation-id', 'error']]);
    const named = modelAt(lines('BC8_Doc7|t|Title.', 'BC8_Doc7|a|'));
    assert.equal(named.id, 'BC8_Doc7');
    assert.equal(named.pubmed, undefined);
  });

  it('takes the file\'s diagnostics when given (file-level checks included), only those of the document', () => {
    const text = lines('7|t|A.', '7|a|', '', '8|t|B.', '8|a|', '', '7|t|C.', '7|a|');
    const file = service.parse(text);
    const diagnostics = service.validate(file);
    assert.ok(diagnostics.some((d) => d.code === 'duplicate-document'));
    const w = service.preview(file, { line: 3, around: 1 }, { problems: diagnostics });
    assert.deepEqual(w.documents.map((d) => d.problems.map((p) => p.code)), [[], [], ['duplicate-document']]);
    // Checked alone, a document cannot know of the other.
    assert.deepEqual(service.preview(file, { line: 6, around: 0 }).documents[0].problems, []);
  });
});

describe('preview: the window and the cursor', () => {
  const text = lines(
    '1|t|One.', '1|a|', '',
    '2|t|Two ketamine.', '2|a|', '2\t4\t12\tketamine\tChemical\tD007649', '2\tCID\tD007649\tD010146', '',
    '3|t|Three.', '3|a|', '',
    '4|t|Four.', '4|a|',
  );
  const file = service.parse(text);

  it('holds the current document and a few around it, never the file', () => {
    const w = service.preview(file, { line: 3 });
    assert.equal(w.total, 4);
    assert.deepEqual(w.documents.map((d) => d.id), ['1', '2', '3']);
    assert.equal(w.documents[w.current].id, '2');
    const first = service.preview(file, { line: 0, around: 2 });
    assert.deepEqual([first.documents.map((d) => d.id), first.current], [['1', '2', '3'], 0]);
    assert.equal(service.preview(file, { line: 0, around: 1000 }).documents.length, 4, 'around is capped, here by the file');
  });

  it('finds what the cursor is on: a word of the text, a mention row, a relation row', () => {
    assert.deepEqual(service.preview(file, { line: 3, character: 9 }).focus, { kind: 'mention', index: 0 });
    assert.deepEqual(service.preview(file, { line: 3, character: 16 }).focus, { kind: 'mention', index: 0 }, 'just past the word');
    assert.deepEqual(service.preview(file, { line: 3, character: 2 }).focus, { kind: 'passage', index: 0 });
    assert.deepEqual(service.preview(file, { line: 5, character: 0 }).focus, { kind: 'mention', index: 0 });
    assert.deepEqual(service.preview(file, { line: 6, character: 0 }).focus, { kind: 'relation', index: 0 });
  });

  it('between documents shows the one above; a file without documents gives an empty window', () => {
    const w = service.preview(file, { line: 7 });
    assert.equal(w.documents[w.current].id, '2');
    assert.equal(w.focus, undefined);
    assert.deepEqual(service.preview(service.parse(''), { line: 0 }), { total: 0, current: -1, documents: [] });
    assert.equal(service.preview(file, { line: 999 }).documents.at(-1)!.id, '4');
  });
});
