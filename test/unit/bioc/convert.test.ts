// BioC <-> PubTator: the readers, the projection onto the PubTator model, the
// writers and the round trips, on hand-made fixtures (always) and on the real
// BioC corpora beside their PubTator twins (when ../shared is present).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { convertText } from '../../../server/src/service/bioc/convert';
import { detectFormat } from '../../../server/src/service/bioc/detect';
import { readBiocXml } from '../../../server/src/service/bioc/readXml';
import { readBiocJson } from '../../../server/src/service/bioc/readJson';
import { projectCollection } from '../../../server/src/service/bioc/project';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'bioc', name), 'utf8');

test('format is told by content, not name', () => {
  assert.equal(detectFormat(fixture('small.bioc.xml')), 'bioc-xml');
  assert.equal(detectFormat(fixture('pubtator3.json')), 'bioc-json');
  assert.equal(detectFormat(fixture('bytes.bioc.json')), 'bioc-json');
  assert.equal(detectFormat(fixture('small.pubtator')), 'pubtator');
  assert.equal(detectFormat('<html><body/></html>'), 'pubtator');
  assert.equal(detectFormat('{"a": 1}'), 'pubtator');
  assert.equal(detectFormat('\ufeff  <?xml version="1.0"?><collection></collection>'), 'bioc-xml');
});

test('XML reader keeps where each element is', () => {
  const text = fixture('small.bioc.xml');
  const c = readBiocXml(text);
  assert.deepEqual(c.problems, []);
  assert.equal(c.source, 'test');
  const d = c.documents[0];
  assert.equal(d.id, '100');
  assert.equal(text.slice(d.idRange!.start, d.idRange!.end), '100');
  const title = d.passages[0];
  assert.equal(title.text, 'Aspirin & asthma.');
  assert.equal(title.textVerbatim, false, 'an entity makes the text differ from the file');
  assert.equal(text.slice(title.textRange!.start, title.textRange!.end), 'Aspirin &amp; asthma.');
  const a = d.passages[1].annotations[1];
  assert.equal(a.id, 'T3');
  assert.equal(text.slice(a.locations[0].offsetRange!.start, a.locations[0].offsetRange!.end), '31');
  assert.ok(text.slice(a.range.start, a.range.end).startsWith('<annotation id="T3">'));
  assert.ok(text.slice(a.range.start, a.range.end).endsWith('</annotation>'));
  assert.equal(d.relations[0].nodes.map((n) => n.refid).join(), 'T1,T2');
});

test('BioC XML to PubTator: passages, rows, relations through node refids', () => {
  const r = convertText(fixture('small.bioc.xml'));
  assert.equal(r.from, 'bioc-xml');
  assert.equal(r.to, 'pubtator');
  assert.equal(r.output, fixture('small.pubtator'));
  assert.deepEqual(r.warnings, []);
});

test('PubTator3 JSON: non-string infons, role objects, full-text passages', () => {
  const r = convertText(fixture('pubtator3.json'));
  assert.equal(r.output, [
    '200|t|BRCA1 in cancer',
    '200|a|Cancer needs BRCA1.',
    '200|paragraph|More text.',
    '200\t0\t5\tBRCA1\tGene\t672',
    '200\t16\t22\tCancer\tDisease\tMESH:D009369',
    '200\tAssociation\t672\tMESH:D009369\t0.9',
    '', '',
  ].join('\n'));
  // The paragraph's offset (40) is not the abstract's end + 1 (36), but no annotation needs re-basing.
  // The infons no column holds are named once, with their counts.
  assert.deepEqual(r.warnings, ['annotation infons that no PubTator column holds were not written: "valid" (1), "database" (1), "normalized" (1)']);
});

test('byte offsets are detected and converted to code points', () => {
  const r = convertText(fixture('bytes.bioc.json'));
  assert.match(r.unitNote!, /UTF-8 bytes/);
  const rows = r.output.split('\n').filter((l) => l.includes('\t'));
  assert.deepEqual(rows, ['300\t4\t8\tcafé\tX', '300\t14\t15\tx\tX', '301\t5\t8\ttea\tX']);
  // The PubTator model agrees: each row covers its text.
  const file = parsePubtator(r.output);
  for (const d of file.documents) for (const m of d.mentions) assert.equal([...d.text].slice(m.start, m.end).join(''), m.textField.text);
});

test('passage-local offsets: one warning for the document, rows placed right', () => {
  const xml = `<collection><document><id>9</id>
<passage><offset>0</offset><text>Title here.</text></passage>
<passage><offset>12</offset><text>Abstract with aspirin.</text>
<annotation id="1"><infon key="type">Chemical</infon><location offset="14" length="7"/><text>aspirin</text></annotation>
<annotation id="2"><infon key="type">Chemical</infon><location offset="0" length="8"/><text>Abstract</text></annotation>
</passage></document></collection>`;
  const r = convertText(xml);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0], /passage-local/);
  assert.deepEqual(r.output.split('\n').filter((l) => l.includes('\t')), ['9\t26\t33\taspirin\tChemical', '9\t12\t20\tAbstract\tChemical']);
});

test('discontinuous annotation: one row per location, told once', () => {
  const xml = `<collection><document><id>1</id><passage><offset>0</offset><text>breast and ovarian cancer</text>
<annotation id="1"><infon key="type">Disease</infon><location offset="0" length="6"/><location offset="19" length="6"/><text>breast cancer</text></annotation>
<annotation id="2"><infon key="type">Disease</infon><location offset="11" length="14"/><text>ovarian cancer</text></annotation>
<annotation id="3"><infon key="type">Disease</infon><location offset="0" length="6"/><location offset="19" length="6"/><text>breast cancer</text></annotation>
</passage></document></collection>`;
  const r = convertText(xml);
  assert.deepEqual(r.output.split('\n').filter((l) => l.includes('\t')), [
    '1\t0\t6\tbreast\tDisease', '1\t0\t6\tbreast\tDisease', '1\t11\t25\tovarian cancer\tDisease', '1\t19\t25\tcancer\tDisease', '1\t19\t25\tcancer\tDisease',
  ]);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0], /several locations.*\(2 times\)/);
});

test('BC5CDR composite rows survive PubTator -> BioC -> PubTator, as CompositeMention + IndividualMention', () => {
  const pub = '5|t|Heart and lung failure.\n5|a|x\n5\t0\t22\tHeart and lung failure\tDisease\tD006333|D008171\tHeart failure|lung failure\n5\tCID\tD1\tD006333\n\n';
  for (const to of ['bioc-xml', 'bioc-json'] as const) {
    const bioc = convertText(pub, { to });
    assert.equal(bioc.to, to);
    if (to === 'bioc-xml') {
      assert.match(bioc.output, /<infon key="CompositeRole">IndividualMention<\/infon>\n\s*<infon key="identifier">D006333<\/infon>\n\s*<location offset="0" length="5"\/>\n\s*<location offset="15" length="7"\/>/);
    }
    assert.equal(convertText(bioc.output).output, pub);
  }
});

test('BioRED-style relation columns become named infons and come back', () => {
  const pub = '7|t|A b.\n7|a|C.\n7\t0\t1\tA\tGene\t1\n7\tAssociation\t1\t2\tNovel\n7\tBind\t1\t2\textra\n\n';
  const xml = convertText(pub, { to: 'bioc-xml' }).output;
  assert.match(xml, /<infon key="novel">Novel<\/infon>/);
  assert.match(xml, /<infon key="column5">extra<\/infon>/);
  assert.equal(convertText(xml).output, pub);
});

test('round trip PubTator -> BioC -> PubTator keeps any well-formed file byte for byte', () => {
  const word = fc.array(fc.constantFrom('a', 'Z', 'é', '😀', '&', '<', '"', '测'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
  const doc = fc.record({ title: fc.array(word, { minLength: 1, maxLength: 5 }), abstract: fc.array(word, { maxLength: 8 }) });
  fc.assert(fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), fc.constantFrom('bioc-xml', 'bioc-json'), (docs, to) => {
    let pub = '';
    for (const [i, d] of docs.map((x, k) => [k + 1, x] as const)) {
      const id = String(i);
      const title = d.title.join(' ');
      const abstract = d.abstract.join(' ');
      pub += `${id}|t|${title}\n${id}|a|${abstract}\n`;
      // A mention on the first word of the abstract, counted in code points.
      if (d.abstract.length > 0) {
        const start = [...title].length + 1;
        pub += `${id}\t${start}\t${start + [...d.abstract[0]].length}\t${d.abstract[0]}\tX\tID:1\n`;
      }
      pub += '\n';
    }
    const bioc = convertText(pub, { to });
    assert.equal(convertText(bioc.output).output, pub);
  }), { numRuns: 60 });
});

test('bad input reads without throwing: truncated, wrongly nested, not BioC', () => {
  const cases = [
    '<collection><document><id>1</id><passage><offset>0</offset><text>abc',
    '<collection><document><id>1</passage></document></collection>',
    '<?xml version="1.0"?><html><body>x</body></html>',
    '<collection><document><id>&foo;</id></document></collection>',
    '{"documents": [{"id": "1", "passages": [{"offset": 0, "text": "ab',
    '{"documents": 3, "source": "x"}',
  ];
  for (const text of cases) {
    const c = text.startsWith('{') ? readBiocJson(text) : readBiocXml(text);
    assert.ok(c.problems.length > 0, text);
    projectCollection(c);
  }
  const wrong = readBiocXml('<collection><document><id>1</passage></document></collection>');
  assert.match(wrong.problems[0].message, /not well-formed/);
  assert.ok(wrong.problems[0].range.start > 20);
  assert.match(readBiocXml('<html/>').problems[0].message, /root element is <html>/);
});

const twins: [string, string][] = [
  ['bioc/bc5cdr/CDR_DevelopmentSet.BioC.xml', 'bc5cdr/CDR_DevelopmentSet.PubTator.txt'],
  ['bioc/biored/Dev.BioC.XML', 'biored/Dev.PubTator'],
  ['bioc/biored/Dev.BioC.JSON', 'biored/Dev.PubTator'],
  ['bioc/bconv-examples/NCBIdevset-example.xml', 'bioc/bconv-examples/NCBIdevset-example.pubtator'],
  ['bioc/bconv-examples/NCBIdevset-example.json', 'bioc/bconv-examples/NCBIdevset-example.pubtator'],
  ['bioc/bconv-examples/elliptic-coordination.xml', 'bioc/bconv-examples/elliptic-coordination.pubtator'],
  ['bioc/bconv-examples/elliptic-coordination.json', 'bioc/bconv-examples/elliptic-coordination.pubtator'],
  ['bioc/bconv-examples/tutorial-example.xml', 'bioc/bconv-examples/tutorial-example.pubtator'],
];

/** The twin's rows, documents separated by one blank line (bconv's files end without one). */
const rowsOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

for (const [bioc, twin] of twins) {
  test(`real BioC ${bioc} converts to its PubTator twin's rows`, { skip: corporaSkip || (!existsSync(join(corporaDir, bioc)) && `${bioc} not present`) }, () => {
    const r = convertText(readFileSync(join(corporaDir, bioc), 'utf8'));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(rowsOf(r.output), rowsOf(readFileSync(join(corporaDir, twin), 'utf8')));
  });
}

for (const name of ['biored/Dev.PubTator', 'bc5cdr/CDR_DevelopmentSet.PubTator.txt']) {
  test(`real PubTator ${name} -> BioC XML and JSON -> PubTator byte for byte`, { skip: corporaSkip }, () => {
    const text = readFileSync(join(corporaDir, name), 'utf8');
    for (const to of ['bioc-xml', 'bioc-json'] as const) assert.equal(convertText(convertText(text, { to }).output).output, text, to);
  });
}

test('bioc "everything" file: sentences, document-level annotations, nodes; XML and JSON agree', { skip: corporaSkip }, () => {
  const xml = convertText(readFileSync(join(corporaDir, 'bioc/bioc-everything/everything.xml'), 'utf8'));
  const json = convertText(readFileSync(join(corporaDir, 'bioc/bioc-everything/everything.json'), 'utf8'));
  assert.equal(xml.output, json.output);
  assert.match(xml.output, /^2\|t\|abcdefg测试Non-ASCII$/m);
  assert.match(xml.output, /^2\t7\t9\t测试\t$/m);
});

test('the Python bioc package\'s stand-off output: concept_id is the identifier, a document without text an empty title with its rows, each told once', () => {
  const r = convertText(readFileSync(join(fixturesDir, 'bioc-standoff', 'textless.bioc.xml'), 'utf8'));
  assert.equal(r.output, [
    '26094|t|',
    '26094\t27\t37\tdepression\tDisease\tD003866',
    '26094\t79\t91\thypertensive\tDisease\tD006973',
    '26094\tCID\tD008750\tD003866',
    '',
    '354896|t|',
    '354896\t0\t9\tLidocaine\tChemical\tD008012',
    '',
    '1720453|t|',
    '1720453\t4\t14\tifosfamide\tChemical\tD007069',
    '', '',
  ].join('\n'));
  assert.deepEqual(r.warnings, ['a document has no passage with text: written as an empty title, its annotations with their offsets as they are (3 times)']);
});
