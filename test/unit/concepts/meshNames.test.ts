// Search by name in the MeSH index: the name table written and read back,
// prefix and whole-word prefix search, folding, ranking, the version refusal,
// and damaged bytes that never name another record.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  MeshIndexError, buildMeshIndex, bytesInMemory, openMeshIndex, openMeshIndexBytes, type MeshIndex,
} from '../../../server/src/service/concepts/meshIndex';
import { MeshIndexWriter } from '../../../server/src/service/concepts/mesh/indexWriter';
import { HEADER_SIZE } from '../../../server/src/service/concepts/mesh/indexFormat';
import type { MeshSourceRecord } from '../../../server/src/service/concepts/mesh/record';
import { foldForSearch, innerWords } from '../../../server/src/service/concepts/mesh/nameFolding';
import { meshSearch } from '../../../server/src/service/concepts/conceptSources';
import { meshIdPrefix, meshNameChoices } from '../../../server/src/service/edits/curate/meshNames';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { doc, file, row } from '../../support/build';
import { XML_FILES, TempDir } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

const record = (ui: string, name: string, entryTerms: string[] = []): MeshSourceRecord => ({
  ui, kind: ui.startsWith('D') ? 'descriptor' : 'supplementary', name, entryTerms, treeNumbers: [], mappedTo: [],
});

/** A small MeSH: the names a curator types, and look-alikes to rank against. */
const RECORDS: MeshSourceRecord[] = [
  record('D009369', 'Neoplasms', ['Tumors', 'Cancer', 'Neoplasm', 'Benign Neoplasms', 'Malignancy', 'Cancers']),
  record('D007649', 'Ketamine', ['Ketalar', 'Ketamine Hydrochloride', 'CI-581']),
  record('D010146', 'Pain', ['Pain, Burning', 'Burning Pain', 'Suffering, Physical']),
  record('D059408', 'Pain Management', ['Management, Pain']),
  record('D010147', 'Pain Measurement', ['Analgesia Tests']),
  record('D000086382', 'COVID-19', ['COVID 19', 'SARS-CoV-2 Infection']),
  record('D014409', 'Tumor Necrosis Factor-alpha', ['TNF-alpha', 'Cachectin']),
  record('D003072', 'Cognition Disorders', []),
  record('D009404', 'Nephrotic Syndrome', []),
  record('D015009', 'Sjögren\'s Syndrome', ['Sicca Syndrome']),
  record('C000706722', 'esketamine', ['(S)-ketamine', 'Spravato']),
  record('C012345', 'ketamine hydrochloride dimer', ['Ketamine Pain Patch']),
  record('C000600001', 'Cancer Procoagulant', ['cancer procoagulant']),
  record('C000600002', 'pain', []),
];

function writeIndex(name: string, records: MeshSourceRecord[]): string {
  const path = join(tmp.path, name);
  const w = new MeshIndexWriter(path);
  for (const r of records) w.add(r);
  w.finish({ year: 2025, builtAt: 0 });
  return path;
}

const path = writeIndex('names.idx', RECORDS);
const mesh = openMeshIndex(path);
after(() => mesh.close());
const uis = (q: string, limit = 10, index: MeshIndex = mesh) => index.search(q, limit).map((m) => m.ui);

test('folding for search: case, accents, Greek letters, apostrophes, punctuation and dashes', () => {
  assert.equal(foldForSearch('  Pain,  Intractable '), 'pain intractable');
  assert.equal(foldForSearch('COVID-19'), 'covid 19');
  assert.equal(foldForSearch('covid\u201319'), 'covid 19');
  assert.equal(foldForSearch('TNF-α'), 'tnf alpha');
  assert.equal(foldForSearch('Sjögren\'s Syndrome'), 'sjogrens syndrome');
  assert.equal(foldForSearch('(S)-Ketamine'), 's ketamine');
  assert.equal(foldForSearch('---'), '');
});

test('inner words: after the first, starting with a letter, each the end of the folded name', () => {
  const name = 'Pain, Burning 2-(4-Methyl)';
  assert.deepEqual(innerWords(name, foldForSearch(name), 6).map((w) => [name.slice(w.at), w.folded]),
    [['Burning 2-(4-Methyl)', 'burning 2 4 methyl'], ['Methyl)', 'methyl']]);
  assert.equal(innerWords('Sjögren\'s Syndrome', 'sjogrens syndrome', 6).length, 1, 'no word starts after an apostrophe or an accent');
  fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
    const folded = foldForSearch(s);
    for (const w of innerWords(s, folded, 6)) {
      assert.equal(foldForSearch(s.slice(w.at)), w.folded);
      assert.ok(folded.endsWith(` ${w.folded}`));
    }
  }));
});

test('prefix search: a start of a name, of an entry term, or of a later word', () => {
  assert.deepEqual(uis('ketam').slice(0, 2), ['D007649', 'C012345']);
  assert.ok(uis('ketam').includes('C000706722'), 'esketamine through its entry term (S)-ketamine');
  assert.deepEqual(uis('pain manag'), ['D059408']);
  assert.deepEqual(uis('manag'), ['D059408'], 'Pain Management through its entry term Management, Pain');
  assert.deepEqual(uis('measurem'), ['D010147'], 'a later word of the name');
  assert.deepEqual(uis('spravato'), ['C000706722']);
  assert.deepEqual(uis('no such name'), []);
  assert.deepEqual(uis(''), []);
  assert.deepEqual(uis('  --  '), []);
});

test('matches say the heading and the entry term that matched', () => {
  const [cancer] = mesh.search('cancer', 10);
  assert.deepEqual(cancer, { ui: 'D009369', kind: 'descriptor', name: 'Neoplasms', term: 'Cancer', rank: 'exact' });
  const [ketamine] = mesh.search('Ketamine', 1);
  assert.deepEqual(ketamine, { ui: 'D007649', kind: 'descriptor', name: 'Ketamine', rank: 'exact' });
  const management = mesh.search('manag', 1)[0];
  assert.equal(management.term, 'Management, Pain');
  assert.equal(management.rank, 'term');
});

test('folded matching: case, dashes, spaces, Greek letters and accents as typed', () => {
  assert.deepEqual(uis('covid 19'), ['D000086382']);
  assert.deepEqual(uis('COVID\u201119'), ['D000086382']);
  assert.deepEqual(uis('tnf-α'), ['D014409']);
  assert.deepEqual(uis('TNF ALPHA'), ['D014409']);
  assert.deepEqual(uis('sjogren'), ['D015009']);
  assert.deepEqual(uis('pain,   burn'), ['D010146']);
});

test('ranking: exact names first, then name starts, then entry-term starts, then later words; descriptors first at equal rank', () => {
  // "pain": the descriptor Pain and the supplementary record "pain" are exact, then the names
  // starting with it (descriptors first), then Ketamine Pain Patch by a later word of an entry term.
  const pain = mesh.search('pain', 10);
  assert.deepEqual(pain.map((m) => [m.ui, m.rank]), [
    ['D010146', 'exact'], ['C000600002', 'exact'], ['D059408', 'name'], ['D010147', 'name'], ['C012345', 'word'],
  ]);
  // "cancer": the descriptor's entry term is exact and beats a supplementary name that starts with it.
  assert.deepEqual(mesh.search('cancer', 10).map((m) => [m.ui, m.rank]), [['D009369', 'exact'], ['C000600001', 'name']]);
  // Each record once, at its best rank.
  assert.deepEqual(uis('neoplasm'), ['D009369']);
  // The limit keeps the best.
  assert.deepEqual(uis('pain', 2), ['D010146', 'C000600002']);
  assert.deepEqual(uis('pain', 0), []);
});

test('an index in memory (the web worker\'s) answers searches as the file does', () => {
  const inMemory = openMeshIndexBytes(bytesInMemory(new Uint8Array(readFileSync(path))), 'workspace/names.idx');
  for (const q of ['pain', 'ketam', 'cancer', 'covid 19', 'manag', 'x']) assert.deepEqual(inMemory.search(q, 10), mesh.search(q, 10), q);
  inMemory.close();
  assert.throws(() => inMemory.search('pain', 10), (e: unknown) => e instanceof MeshIndexError && e.reason === 'closed');
  assert.deepEqual(meshSearch(inMemory, 'pain', 10), [], 'the service function answers nothing rather than throw');
  assert.deepEqual(meshSearch(undefined, 'pain', 10), []);
});

test('round trip from NLM files: every name and entry term finds its record', async () => {
  const built = join(tmp.path, 'fixtures.idx');
  await buildMeshIndex(XML_FILES, built);
  const index = openMeshIndex(built);
  try {
    for (const ui of ['D007649', 'D010146', 'D003866', 'D000086382', 'D014409', 'C000706722', 'C012345', 'C000654321']) {
      const r = index.lookup(ui)!;
      for (const name of [r.name, ...r.entryTerms]) {
        const found = index.search(name, 50).map((m) => m.ui);
        assert.ok(found.includes(ui), `${JSON.stringify(name)} finds ${ui}: ${found.join(' ')}`);
      }
    }
  } finally {
    index.close();
  }
});

test('a repeated UI: the names of the record left out are not searchable', () => {
  const dup = writeIndex('dup.idx', [record('D007649', 'Ketamine'), record('D007649', 'Not Ketamine', ['Something Else'])]);
  const index = openMeshIndex(dup);
  assert.deepEqual(uis('ketamine', 10, index), ['D007649']);
  assert.deepEqual(uis('something', 10, index), []);
  assert.deepEqual(uis('not ketamine', 10, index), []);
  index.close();
});

test('an index of format 1 gives the "version" error that asks for a rebuild', () => {
  const bytes = readFileSync(path);
  bytes.writeUInt32LE(1, 8);
  const old = join(tmp.path, 'old.idx');
  writeFileSync(old, bytes);
  assert.throws(() => openMeshIndex(old), (e: unknown) => e instanceof MeshIndexError && e.reason === 'version'
    && /format 1; this version reads format 2: build the index again/.test(e.message));
  // A format 1 file is shorter than the new header: still the version error, not "truncated".
  const short = Buffer.alloc(64);
  short.write('PTMESHIX', 0, 'latin1');
  short.writeUInt32LE(1, 8);
  assert.throws(() => openMeshIndexBytes(bytesInMemory(short), 'short.idx'), (e: unknown) => e instanceof MeshIndexError && e.reason === 'version');
});

test('a flipped byte anywhere in the name table: every search is right or an error, never another record', () => {
  const good = readFileSync(path);
  const namesStart = good.readUInt32LE(56);
  const keysStart = good.readUInt32LE(36);
  assert.ok(HEADER_SIZE < namesStart && namesStart < keysStart);
  const queries = ['pain', 'ketam', 'cancer', 'covid 19', 'manag', 'tnf', 'sicca', 'spravato', 'neo'];
  const namesOf = new Map(RECORDS.map((r) => [r.ui, new Set([r.name, ...r.entryTerms].map(foldForSearch))]));
  let errors = 0;
  for (let at = namesStart; at < keysStart; at++) {
    const b = Buffer.from(good);
    b[at] ^= 0x5a;
    const index = openMeshIndexBytes(bytesInMemory(b), 'flip.idx');
    for (const q of queries) {
      try {
        const got = index.search(q, 10);
        // A flip may lose or reorder matches (a damaged pointer order), never list a name that does not match.
        for (const m of got) assert.ok(` ${foldForSearch(m.term ?? m.name)}`.includes(` ${foldForSearch(q)}`), `byte ${at}: ${q} listed ${m.term ?? m.name}`);
        // Whatever a damaged order lists, each record listed has the name it is listed under.
        for (const m of got) {
          const names = namesOf.get(m.ui);
          assert.ok(names, `byte ${at}: ${q} listed ${m.ui}, which is not in the index`);
          const r = RECORDS.find((x) => x.ui === m.ui)!;
          assert.equal(m.name, r.name, `byte ${at}: ${q} gave ${m.ui} another name`);
          if (m.term !== undefined) assert.ok(names.has(foldForSearch(m.term)), `byte ${at}: ${q} gave ${m.ui} the term ${m.term}`);
        }
      } catch (e) {
        assert.ok(e instanceof MeshIndexError && e.reason === 'corrupt', `byte ${at}: ${String(e)}`);
        errors++;
      }
    }
  }
  assert.ok(errors > 0, 'some flipped bytes were noticed');
});

test('the id picker\'s MeSH names are written as the file writes MeSH ids', () => {
  const parsed = (...ids: string[]) => parsePubtator(file(doc('1', 'Ketamine eases pain', '', ...ids.map((id) => row(1, 0, 8, 'Ketamine', 'Chemical', id)))));
  const values = (f: ReturnType<typeof parsePubtator>, typed: string) => meshNameChoices(f, undefined, typed, mesh).map((c) => c.value);
  assert.equal(meshIdPrefix(parsed('MESH:D007649', 'MESH:D010146')), 'MESH:');
  assert.equal(meshIdPrefix(parsed('D007649', 'D010146', 'MESH:D003866')), '', 'most of its MeSH ids are bare');
  assert.equal(meshIdPrefix(parsed('mesh:D007649')), 'mesh:', 'the prefix as the file spells it');
  assert.equal(meshIdPrefix(parsed('5444', '-1')), 'MESH:', 'no MeSH id yet: the prefixed form');
  assert.deepEqual(values(parsed('D007649'), 'cancer'), ['D009369', 'C000600001']);
  assert.deepEqual(values(parsed('MESH:D007649'), 'cancer'), ['MESH:D009369', 'MESH:C000600001']);
  const [neoplasms] = meshNameChoices(parsed('MESH:D007649'), undefined, 'Cancer', mesh);
  assert.deepEqual(neoplasms, { value: 'MESH:D009369', ui: 'D009369', kind: 'descriptor', name: 'Neoplasms', term: 'Cancer' });
  assert.deepEqual(meshNameChoices(parsed('D007649'), undefined, 'cancer', undefined), [], 'no index, no names');
  assert.deepEqual(meshNameChoices(parsed('D007649'), undefined, '   ', mesh), []);
  assert.equal(meshNameChoices(parsed('D007649'), undefined, 'pain', mesh, 2).length, 2);
});

test('property: every name and entry term finds its record, and every match starts with the query at a word', () => {
  const word = fc.stringMatching(/^[a-zA-Zéα]{1,6}$/);
  const term = fc.array(word, { minLength: 1, maxLength: 4 }).chain((ws) => fc.constantFrom(' ', '-', ', ', '  ').map((sep) => ws.join(sep)));
  const recordsArb = fc.uniqueArray(fc.record({ n: fc.integer({ min: 1, max: 999_999 }), desc: fc.boolean(), name: term, terms: fc.array(term, { maxLength: 4 }) }),
    { minLength: 1, maxLength: 25, selector: (r) => `${r.desc}${r.n}` });
  let run = 0;
  fc.assert(fc.property(recordsArb, fc.string({ maxLength: 3 }), (recs, extra) => {
    const records = recs.map((r) => record(`${r.desc ? 'D' : 'C'}${String(r.n).padStart(6, '0')}`, r.name, r.terms));
    const index = openMeshIndex(writeIndex(`prop-${run++}.idx`, records));
    try {
      for (const r of records) {
        for (const t of [r.name, ...r.entryTerms]) {
          if (!foldForSearch(t)) continue;
          assert.ok(index.search(t, 1000).some((m) => m.ui === r.ui), `${JSON.stringify(t)} finds ${r.ui}`);
        }
      }
      for (const q of [records[0].name.slice(0, 2), extra, 'a']) {
        const fq = foldForSearch(q);
        for (const m of index.search(q, 1000)) {
          assert.ok(` ${foldForSearch(m.term ?? m.name)}`.includes(` ${fq}`), `${JSON.stringify(q)} listed ${m.term ?? m.name}`);
        }
      }
    } finally {
      index.close();
    }
  }), { numRuns: 40 });
});
