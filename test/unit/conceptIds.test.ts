import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConceptId } from '../../server/src/service/parse/conceptIds';

const keys = (s: string) => parseConceptId(s).atoms.map((a) => a.key);

test('MeSH ids match with or without the MESH: prefix', () => {
  assert.deepEqual(keys('MESH:D007649'), ['MESH:D007649']);
  assert.deepEqual(keys('D007649'), ['MESH:D007649']);
  assert.deepEqual(keys('C017487'), ['MESH:C017487']);
  // Descriptors added since 2018 have nine digits, as supplementary records do.
  assert.deepEqual(keys('D000086382'), keys('MESH:D000086382'));
  assert.deepEqual(keys('C000706722'), ['MESH:C000706722']);
  assert.equal(parseConceptId('MESH:D007649').atoms[0].namespace, 'mesh');
  assert.equal(parseConceptId('MESH:D007649').atoms[0].prefix, 'MESH:');
});

test('no-id markers name no concept', () => {
  for (const s of ['', '-', '-1', '  ']) assert.equal(parseConceptId(s).none, true, JSON.stringify(s));
  assert.equal(parseConceptId('D1').none, false);
});

test('composite ids split on | , ; + with each part located in the field', () => {
  const ref = parseConceptId('D014786|D006311');
  assert.deepEqual(ref.atoms.map((a) => [a.raw, a.start, a.end]), [['D014786', 0, 7], ['D006311', 8, 15]]);
  assert.deepEqual(keys('3172,3651,6927'), ['NCBI:3172', 'NCBI:3651', 'NCBI:6927']);
  assert.deepEqual(keys('22142,53857;22152'), ['NCBI:22142', 'NCBI:53857', 'NCBI:22152']);
  assert.deepEqual(keys('D004829+D003294'), ['MESH:D004829', 'MESH:D003294']);
  assert.deepEqual(keys(',15978,16153'), ['NCBI:15978', 'NCBI:16153']);
  assert.deepEqual(keys('D002544|-1'), ['MESH:D002544']);
  assert.deepEqual(keys(' D008661'), ['MESH:D008661']);
});

test('namespaces are recognised', () => {
  const ns = (s: string) => parseConceptId(s).atoms[0].namespace;
  assert.equal(ns('OMIM:114480'), 'omim');
  assert.equal(ns('5444'), 'ncbi');
  assert.equal(ns('CVCL_0030'), 'cellosaurus');
  assert.equal(ns('rs113488022'), 'dbsnp');
  assert.equal(ns('CHEBI:15377'), 'chebi');
  assert.equal(ns('C0000005'), 'umls');
  assert.equal(ns('Gene:3577'), 'gene');
  assert.equal(ns('Tax:9606'), 'taxonomy');
  const gene = parseConceptId('100155702(Tax:9823)').atoms[0];
  assert.equal(gene.key, 'NCBI:100155702');
  assert.equal(gene.species, '9823');
});

test('tmVar variant ids keep their | and split only on ;', () => {
  const biored = parseConceptId('p|SUB|V|600|E');
  assert.equal(biored.variant, true);
  assert.deepEqual(biored.atoms.map((a) => a.key), ['TMVAR:p|SUB|V|600|E']);
  assert.deepEqual(keys('|DEL|46|S'), ['TMVAR:|DEL|46|S']);
  assert.deepEqual(keys('c|SUB|G|IVS2+1|A'), ['TMVAR:c|SUB|G|IVS2+1|A']);
  const pt3 = parseConceptId('tmVar:p|SUB|L|55|M;HGVS:p.L55M;VariantGroup:1;CorrespondingGene:5444;RS#:854560;CorrespondingSpecies:9606;CA#:123413');
  assert.equal(pt3.variant, true);
  assert.deepEqual(pt3.atoms.map((a) => a.key), [
    'TMVAR:p|SUB|L|55|M', 'HGVS:p.L55M', 'VARIANTGROUP:1', 'NCBI:5444', 'RS:854560', 'NCBI:9606', 'CA#:123413',
  ]);
  const rel = parseConceptId('RS#:854560;HGVS:p.L55M;CorrespondingGene:5444');
  assert.equal(rel.variant, true);
  assert.deepEqual(rel.atoms.map((a) => a.key), ['RS:854560', 'HGVS:p.L55M', 'NCBI:5444']);
  assert.deepEqual(keys('tmVar:|Allele|C→A|;VariantGroup:3'), ['TMVAR:|Allele|C→A|', 'VARIANTGROUP:3']);
});

test('dbSNP spellings share one key', () => {
  assert.deepEqual(keys('rs2234671'), keys('RS#:2234671'));
  assert.deepEqual(keys('RSID:2234671'), keys('rs2234671'));
});

test('odd input never throws', () => {
  for (const s of ['|||', ';;;', ':', 'tmVar:', '((', '\u0000', 'a'.repeat(10000), '|'.repeat(5000) + 'x']) {
    assert.doesNotThrow(() => parseConceptId(s));
  }
});
