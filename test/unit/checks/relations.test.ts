import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { check, codes, only } from '../../support/validate';

const TITLE = 'Naloxone reverses clonidine hypotension';
const ABSTRACT = 'Naloxone blocked the fall in blood pressure.';
const base = [
  row(1, 0, 8, 'Naloxone', 'Chemical', 'D009270'),
  row(1, 18, 27, 'clonidine', 'Chemical', 'D003000'),
  row(1, 28, 39, 'hypotension', 'Disease', 'D007022'),
];
const one = (...rows: string[]) => file(doc('1', TITLE, ABSTRACT, ...base, ...rows));

test('relations whose ids are carried by mentions are clean, MESH: prefix or not', () => {
  assert.deepEqual(check(one(row(1, 'CID', 'D003000', 'D007022'), row(1, 'CID', 'MESH:D009270', 'D007022'))), []);
});

test('dangling-relation-id points at the id and names near misses', () => {
  const [d] = only(one(row(1, 'CID', 'D003001', 'D007022')), 'dangling-relation-id');
  assert.deepEqual(d.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 13 } });
  assert.equal(d.message, 'No mention in document 1 carries "D003001"; did you mean "D003000" (one character away, mentioned as "clonidine")?');
  assert.deepEqual(d.data, { replacement: 'D003000', near: 'D003000' });
  const [prefix] = only(one(row(1, 'CID', 'OMIM:D003000', 'D007022')), 'dangling-relation-id');
  assert.match(prefix.message, /did you mean "D003000" \(the same id under another prefix/);
  const [name] = only(one(row(1, 'CID', 'Famotidine', 'delirium')), 'dangling-relation-id');
  assert.match(name.message, /looks like a name, not a concept id/);
});

test('a document with relations and no mention rows is one problem, and a file with no mention rows at all is one', () => {
  const bare = (id: string, ...rows: string[]) => doc(id, TITLE, ABSTRACT, ...rows);
  // One document without mentions among documents with them: said once, on its first relation.
  const mixed = file(doc('1', TITLE, ABSTRACT, ...base), bare('2', row(2, 'CID', 'D1', 'D2'), row(2, 'CID', 'D3', 'D4')));
  const [d, ...more] = only(mixed, 'dangling-relation-id');
  assert.equal(more.length, 0);
  assert.equal(d.message, 'Document 2 has 2 relations but no mention rows, so no mention carries their ids.');
  assert.equal(d.range.start.line, 8);
  assert.equal(d.relatedInformation?.length, 1);
  // No document has mentions, and the ids are names: one problem for the file, naming the likely cause.
  const none = file(bare('1', row(1, 'CID', 'Famotidine', 'delirium')), bare('2', row(2, 'CID', 'indomethacin', 'renal failure')));
  const all = only(none, 'dangling-relation-id');
  assert.deepEqual(all.map((x) => x.message), [
    'No document of this file has mention rows, so the ids of the relations of its 2 documents match no mention; the relations name concepts by text ("Famotidine", "delirium"), not by id.',
  ]);
  assert.equal(all[0].relatedInformation?.length, 2);
});

test('composite mention ids carry each part', () => {
  const text = file(doc('2', 'Ocular and auditory toxicity', '',
    row(2, 0, 28, 'Ocular and auditory toxicity', 'Disease', 'D014786|D006311', 'Ocular toxicity|auditory toxicity'),
    row(2, 'CID', 'D000001', 'D006311')));
  assert.deepEqual(only(text, 'dangling-relation-id').map((d) => d.message), ['No mention in document 2 carries "D000001".']);
});

test('PubTator3 variant relation ids match a reordered subset of the mention fields', () => {
  const text = file(doc('3', 'L55M in PON1', '',
    row(3, 0, 4, 'L55M', 'ProteinMutation', 'tmVar:p|SUB|L|55|M;HGVS:p.L55M;VariantGroup:1;CorrespondingGene:5444;RS#:854560;CorrespondingSpecies:9606'),
    row(3, 8, 12, 'PON1', 'Gene', '5444'),
    row(3, 'Association', 'RS#:854560;HGVS:p.L55M;CorrespondingGene:5444', '5444'),
    row(3, 'Association', 'RS#:854561;HGVS:p.L55M', '5444')));
  const d = only(text, 'dangling-relation-id');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /missing: "RS#:854561"/);
});

test('BioRED variant ids with | in them match whole', () => {
  const text = file(doc('4', 'V600E in BRAF', '',
    row(4, 0, 5, 'V600E', 'SequenceVariant', 'p|SUB|V|600|E'),
    row(4, 9, 13, 'BRAF', 'GeneOrGeneProduct', '673'),
    row(4, 'Association', 'p|SUB|V|600|E', '673', 'Novel')));
  assert.deepEqual(check(text), []);
});

test('duplicate-relation (also with the ids swapped) and self-relation', () => {
  const dup = only(one(row(1, 'CID', 'D003000', 'D007022'), row(1, 'CID', 'D003000', 'D007022'), row(1, 'CID', 'D007022', 'D003000')), 'duplicate-relation');
  assert.equal(dup.length, 2);
  assert.match(dup[1].message, /repeats line 6 with the two ids in the other order/);
  assert.deepEqual(codes(one(row(1, 'Association', 'D003000', 'MESH:D003000'))), ['self-relation']);
  assert.deepEqual(codes(one(row(1, 'Bind', 'D003000', 'D003000'))), [], 'Bind to itself is a homodimer');
});

test('relation-type-not-allowed is off by default and uses the per-pair table', () => {
  const text = one(row(1, 'Bind', 'D007022', 'D007022'), row(1, 'Bind', 'D003000', 'D007022'));
  assert.deepEqual(only(text, 'relation-type-not-allowed'), []);
  const d = only(text, 'relation-type-not-allowed', { severities: { 'relation-type-not-allowed': 'hint' } });
  assert.deepEqual(d.map((x) => x.message), [
    'No relation type is defined between a disease and a disease.',
    '"Bind" is not a relation type between a chemical and a disease; allowed: Association, Negative_Correlation, Positive_Correlation, CID.',
  ]);
});
