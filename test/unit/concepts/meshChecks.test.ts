import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseConceptId } from '../../../server/src/service/parse/conceptIds';
import { meshNameMismatch, unknownMeshUi } from '../../../server/src/service/concepts/meshChecks';
import { isMeshAtom, meshBrowserUrl, meshCredit, meshUiOf } from '../../../server/src/service/concepts/meshIds';
import { MeshIndex, buildMeshIndex, openMeshIndex } from '../../../server/src/service/concepts/meshIndex';
import { TempDir, XML_FILES } from './meshFixtures';

const tmp = new TempDir();
let mesh: MeshIndex;
before(async () => {
  const out = join(tmp.path, 'mesh.idx');
  await buildMeshIndex(XML_FILES, out);
  mesh = openMeshIndex(out);
});
after(() => {
  mesh.close();
  tmp.remove();
});

const atom = (id: string) => parseConceptId(id).atoms[0];

test('MeSH ids: MESH: prefixed, bare 6- and 9-digit D and C ids; not genes, CUIs or others', () => {
  assert.equal(meshUiOf(atom('MESH:D007649')), 'D007649');
  assert.equal(meshUiOf(atom('mesh:d007649')), 'D007649');
  assert.equal(meshUiOf(atom('D007649')), 'D007649');
  assert.equal(meshUiOf(atom('C000706722')), 'C000706722');
  assert.equal(meshUiOf(atom('D000086382')), 'D000086382');
  assert.equal(meshUiOf(atom('MESH:D00764')), 'D00764', 'a mistyped MESH: id is still MeSH, to be reported');
  for (const other of ['5444', 'C0011849', 'CVCL_0030', 'rs113488022', 'OMIM:114480', 'D0076']) {
    assert.equal(isMeshAtom(atom(other)), false, other);
  }
  assert.deepEqual(parseConceptId('D014786|D006311').atoms.map(meshUiOf), ['D014786', 'D006311']);
});

test('unknown-mesh-id: only MeSH ids, only with an index', () => {
  assert.equal(unknownMeshUi(atom('MESH:D007649'), mesh), undefined);
  assert.equal(unknownMeshUi(atom('C000706722'), mesh), undefined);
  assert.equal(unknownMeshUi(atom('D999999'), mesh), 'D999999');
  assert.equal(unknownMeshUi(atom('MESH:D00764'), mesh), 'D00764');
  assert.equal(unknownMeshUi(atom('D999999'), undefined), undefined);
  assert.equal(unknownMeshUi(atom('5444'), mesh), undefined);
});

test('mesh-name-mismatch: name and every entry term match, after folding', () => {
  const k = mesh.lookup('D007649')!;
  for (const text of ['Ketamine', 'ketamine', 'KETAMINE', 'Ketalar', 'ketamine  hydrochloride', 'CI‐581']) {
    assert.equal(meshNameMismatch(text, k), false, text);
  }
  // Ketaset and Vetalar are past the 8 entry terms a record shows: the keys still know them.
  assert.ok(!k.entryTerms.includes('Vetalar'));
  assert.equal(meshNameMismatch('Vetalar', k), false);
  assert.equal(meshNameMismatch('Ketaset', k), false);
  assert.equal(meshNameMismatch('propofol', k), true);
  assert.equal(meshNameMismatch('ketamines', k), true);
  assert.equal(meshNameMismatch('   ', k), false, 'an empty text is not compared');
});

test('mesh-name-mismatch: Greek letters spelled or written, inverted terms read both ways', () => {
  const tnf = mesh.lookup('D014409')!;
  for (const text of ['TNF-α', 'TNF-alpha', 'TNF-a', 'tumor necrosis factor-α', 'Tumor Necrosis Factor–alpha']) {
    assert.equal(meshNameMismatch(text, tnf), false, text);
  }
  const pain = mesh.lookup('D010146')!;
  for (const text of ['pain', 'burning pain', 'Radiating pain', 'physical suffering', 'aches']) {
    assert.equal(meshNameMismatch(text, pain), false, text);
  }
  assert.equal(meshNameMismatch('headache', pain), true);
});

test('mesh-name-mismatch also works on a record without keys (plain names)', () => {
  const plain = { name: 'Depression', entryTerms: ['Depressive Symptoms'] };
  assert.equal(meshNameMismatch('depressive symptoms', plain), false);
  assert.equal(meshNameMismatch('depressed', plain), true);
});

test('hover helpers: credit line and browser link', () => {
  assert.equal(meshCredit(2025), 'MeSH 2025, courtesy of the U.S. National Library of Medicine');
  assert.equal(meshCredit(), 'MeSH, courtesy of the U.S. National Library of Medicine');
  assert.equal(meshBrowserUrl('D007649'), 'https://meshb.nlm.nih.gov/record/ui?ui=D007649');
});
