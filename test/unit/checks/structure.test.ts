import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { check, codes, only } from '../../support/validate';

test('malformed-line: stray lines, missing columns and a type column holding an id', () => {
  const text = file('##USE-MESH-VOCABULARY\n' + doc('1', 'Abc def', 'Ghi',
    row(1, 0, 3),
    row(1, 0, 3, 'Abc'),
    row(1, 'Note', 'just a note'),
    row(1, 4, 7, 'def', 'p|SUB|P|29|S', 'RSID:2075789'),
    'free text'));
  const d = only(text, 'malformed-line');
  assert.equal(d.length, 6);
  assert.match(d[0].message, /before any document/);
  assert.match(d[1].message, /needs the text and the entity type/);
  assert.match(d[3].message, /relation row needs ID, type and two concept ids/);
  assert.match(d[4].message, /type column holds "p\|SUB\|P\|29\|S", which looks like a concept id/);
  assert.deepEqual(d[4].range, { start: { line: 6, character: 10 }, end: { line: 6, character: 22 } });
});

test('pmid-mismatch, missing-title, missing-abstract, misplaced-passage', () => {
  assert.deepEqual(codes(file(doc('1', 'T', 'A', row(2, 0, 1, 'T', 'Other', '-')))), ['pmid-mismatch']);
  assert.deepEqual(codes(file('1|a|Abstract only')), ['missing-title']);
  assert.deepEqual(codes(file(doc('1', 'T', undefined))), ['missing-abstract']);
  assert.deepEqual(codes(['1|t|T', row(1, 0, 1, 'T', 'Other', '-'), '1|a|A', ''].join('\n')), ['misplaced-passage']);
});

test('duplicate-document, but not NLM-Chem style consecutive passage blocks', () => {
  const d = only(file(doc('1', 'T', 'A'), doc('2', 'T', 'A'), doc('1', 'T', 'A')), 'duplicate-document');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /already appears at line 1/);
  assert.deepEqual(check(file(doc('5', 'Intro', ''), doc('5', 'Methods', ''), doc('5', 'Results', ''))), []);
  // A byte-order mark shifts line 0 only, even when it is alone on that line.
  const bomAlone = only('\ufeff\n' + file(doc('1', 'T', 'A'), doc('2', 'T', 'A'), doc('1', 'T', 'A')), 'duplicate-document');
  assert.deepEqual(bomAlone[0].relatedInformation?.[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  const bomFirst = only('\ufeff' + file(doc('1', 'T', 'A'), doc('1', 'T', 'A')).replace('\n\n', '\n\n2|t|x\n\n'), 'duplicate-document');
  assert.deepEqual(bomFirst[0].relatedInformation?.[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
});

test('duplicate-mention', () => {
  const m = row(1, 0, 5, 'Hello', 'Other', '-');
  const d = only(file(doc('1', 'Hello', 'world', m, m)), 'duplicate-mention');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /repeats line 3/);
});

test('composite-count-mismatch (BC5CDR 7th column)', () => {
  const t = 'Ocular and auditory toxicity';
  const good = row(1, 0, 28, t, 'Disease', 'D014786|D006311', 'Ocular toxicity|auditory toxicity');
  const bad = row(1, 0, 28, t, 'Disease', 'D014786|D006311|D000001', 'Ocular toxicity|auditory toxicity');
  assert.deepEqual(check(file(doc('1', t, '', good))), []);
  assert.match(only(file(doc('1', t, '', bad)), 'composite-count-mismatch')[0].message, /3 ids but 2 individual texts/);
  assert.deepEqual(check(file(doc('1', t, '', row(1, 0, 28, t, 'DNAMutation', 'c|SUB|G|5|C', 'RSID:2234671')))), []);
});

test('unknown-entity-type is a hint, and knows every flavour', () => {
  const types = ['Chemical', 'Disease', 'SpecificDisease', 'DiseaseClass', 'Modifier', 'CompositeMention', 'GeneOrGeneProduct',
    'DiseaseOrPhenotypicFeature', 'ChemicalEntity', 'OrganismTaxon', 'SequenceVariant', 'CellLine', 'Gene', 'Species',
    'ProteinMutation', 'DNAMutation', 'SNP', 'FamilyName', 'DomainMotif', 'T038,T047'];
  const rows = types.map((t) => row(1, 0, 1, 'T', t, '-'));
  assert.deepEqual(check(file(doc('1', 'T', '', ...rows))).filter((d) => d.code !== 'duplicate-mention'), []);
  const [d] = only(file(doc('1', 'T', '', row(1, 0, 1, 'T', 'Chemcial', '-'))), 'unknown-entity-type');
  assert.equal(d.severity, 4);
});

test('checks never throw on hostile input', () => {
  const junk = ['\u0000\t\u0000\t\u0000', '1\t99999999999999999999\t3\tx\ty\tz', '1|t|' + '\ud800'.repeat(10), '1\t0\t1\t\t\t\t\t\t\t', '1\tCID\t\t'];
  for (const j of junk) assert.doesNotThrow(() => check(j + '\n' + j));
});
