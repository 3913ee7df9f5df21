import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspectMeshFile, readMeshFile, yearFromName } from '../../../server/src/service/concepts/mesh/meshFile';
import { MeshSourceRecord, firstSentence, parseHeadingMappedTo } from '../../../server/src/service/concepts/mesh/record';
import { MeshXmlReader } from '../../../server/src/service/concepts/mesh/xmlReader';
import { MeshAsciiReader } from '../../../server/src/service/concepts/mesh/asciiReader';
import { TempDir, meshFixture } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

async function records(path: string): Promise<Map<string, MeshSourceRecord>> {
  const out = new Map<string, MeshSourceRecord>();
  await readMeshFile(inspectMeshFile(path), (r) => out.set(r.ui, r));
  return out;
}

const KETAMINE_TREES = ['D02.455.326.271.665.202', 'D02.455.526.728.468.202'];
const KETAMINE_NOTE = 'A cyclohexanone derivative given intravenously or intramuscularly to bring on anesthesia for short procedures. It blocks NMDA receptors, and patients may report vivid dreams on waking.';

for (const [label, descFile] of [['ASCII', 'd2025.bin'], ['XML', 'desc2025.xml']]) {
  test(`${label} descriptors: heading, entry terms, tree numbers, scope note`, async () => {
    const recs = await records(meshFixture(descFile));
    assert.deepEqual([...recs.keys()].sort(), ['D000086382', 'D003866', 'D007649', 'D010146', 'D014409']);
    const k = recs.get('D007649')!;
    assert.equal(k.kind, 'descriptor');
    assert.equal(k.name, 'Ketamine');
    assert.deepEqual(k.treeNumbers, KETAMINE_TREES);
    assert.equal(k.scopeNote?.replace(/\s+/g, ' ').trim(), KETAMINE_NOTE);
    assert.ok(!k.entryTerms.includes('Ketamine'), 'the heading is not its own entry term');
    for (const t of ['Ketalar', 'Ketamine Hydrochloride', 'CI-581', 'Vetalar']) assert.ok(k.entryTerms.includes(t), t);
    assert.deepEqual(k.mappedTo, []);
    assert.equal(recs.get('D000086382')!.name, 'COVID-19');
  });
}

test('XML: names inside qualifiers and pharmacological actions are not taken for the heading; permuted terms are left out', async () => {
  const recs = await records(meshFixture('desc2025.xml'));
  const k = recs.get('D007649')!;
  for (const wrong of ['adverse effects', 'isolation & purification', 'Anesthetics, Dissociative']) {
    assert.ok(k.name !== wrong && !k.entryTerms.includes(wrong), wrong);
  }
  // The scope note is the preferred concept's, not a narrower concept's.
  assert.match(k.scopeNote!, /^A cyclohexanone/);
  const pain = recs.get('D010146')!;
  assert.ok(!pain.entryTerms.includes('Suffering, Physical'), 'IsPermutedTermYN="Y" is skipped');
  assert.ok(pain.entryTerms.includes('Physical Suffering'));
});

for (const [label, suppFile] of [['ASCII', 'c2025.bin'], ['XML', 'supp2025.xml']]) {
  test(`${label} supplementary records: name, synonyms, note, heading mapped to`, async () => {
    const recs = await records(meshFixture(suppFile));
    const e = recs.get('C000706722')!;
    assert.equal(e.kind, 'supplementary');
    assert.equal(e.name, 'esketamine');
    assert.deepEqual(e.entryTerms, ['(S)-ketamine', 'S-ketamine', 'Spravato', 'esketamine hydrochloride']);
    assert.deepEqual(e.treeNumbers, []);
    assert.match(e.scopeNote!, /^the S-enantiomer of ketamine/);
    assert.equal(e.mappedTo.length, 1);
    assert.equal(e.mappedTo[0].name, 'Ketamine');
    const nor = recs.get('C012345')!;
    assert.equal(nor.mappedTo[0].name, 'Ketamine');
    assert.equal(nor.mappedTo[0].qualifier, 'analogs & derivatives');
    assert.deepEqual(recs.get('C000654321')!.mappedTo.map((m) => m.name), ['Pain', 'Depression']);
    if (label === 'XML') assert.deepEqual(recs.get('C000654321')!.mappedTo.map((m) => m.ui), ['D010146', 'D003866']);
  });
}

test('gzipped files are recognised by content and read as a stream', async () => {
  for (const name of ['d2025.bin', 'c2025.bin', 'desc2025.xml', 'supp2025.xml']) {
    const gz = tmp.gzipped(meshFixture(name), name + '.gz');
    const info = inspectMeshFile(gz);
    assert.equal(info.gzip, true);
    assert.equal(info.nameYear, 2025);
    assert.deepEqual([...(await records(gz)).keys()].sort(), [...(await records(meshFixture(name))).keys()].sort(), name);
  }
});

test('a byte-order mark and CRLF line ends are tolerated', async () => {
  const bin = readFileSync(meshFixture('d2025.bin'), 'utf8');
  const windows = tmp.file('d2025-windows.bin', '\uFEFF' + bin.replace(/\n/g, '\r\n'));
  const recs = await records(windows);
  assert.equal(recs.size, 5);
  assert.equal(recs.get('D007649')!.name, 'Ketamine');
  assert.equal(recs.get('D007649')!.treeNumbers[1], 'D02.455.526.728.468.202');
  const xml = readFileSync(meshFixture('desc2025.xml'), 'utf8');
  assert.equal((await records(tmp.file('desc2025-bom.xml', '\uFEFF' + xml.replace(/\n/g, '\r\n')))).size, 5);
});

test('the same records whatever the chunk boundaries', () => {
  for (const [name, make] of [
    ['desc2025.xml', (cb: (r: MeshSourceRecord) => void) => new MeshXmlReader(cb)],
    ['d2025.bin', (cb: (r: MeshSourceRecord) => void) => new MeshAsciiReader(cb)],
  ] as const) {
    const text = readFileSync(meshFixture(name), 'utf8');
    const whole: MeshSourceRecord[] = [];
    const w = make((r) => whole.push(r));
    w.write(text);
    w.end();
    for (const size of [1, 3, 64, 1000]) {
      const pieces: MeshSourceRecord[] = [];
      const r = make((rec) => pieces.push(rec));
      for (let i = 0; i < text.length; i += size) r.write(text.slice(i, i + size));
      r.end();
      assert.deepEqual(pieces, whole, `${name} in pieces of ${size}`);
    }
  }
});

test('the MeSH year: from the file name, else the DTD, else the newest DateCreated', async () => {
  assert.equal(yearFromName('desc2025.xml'), 2025);
  assert.equal(yearFromName('supp2024.gz'), 2024);
  assert.equal(yearFromName('d2023.bin'), 2023);
  assert.equal(yearFromName('c2025.bin.gz'), 2025);
  assert.equal(yearFromName('mesh.xml'), undefined);
  assert.equal(yearFromName('d1234.bin'), undefined);
  const renamedXml = tmp.copy(meshFixture('desc2025.xml'), 'descriptors.xml');
  assert.deepEqual(await readMeshFile(inspectMeshFile(renamedXml), () => undefined), { records: 5, skipped: 0, year: 2025, yearSource: 'dtd' });
  const renamedAscii = tmp.copy(meshFixture('d2025.bin'), 'descriptors.bin');
  const ascii = await readMeshFile(inspectMeshFile(renamedAscii), () => undefined);
  assert.equal(ascii.yearSource, 'date-created');
  assert.equal(ascii.year, 2020); // the newest DA among the records
});

test('files that are not MeSH, or are damaged, give a clear error naming the file', async () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['notes.txt', 'hello', /notes\.txt: not a MeSH file/],
    ['qual2025.xml', '<?xml version="1.0"?>\n<QualifierRecordSet LanguageCode = "eng">\n</QualifierRecordSet>\n', /QualifierRecordSet file/],
    ['q2025.bin', '*NEWRECORD\nRECTYPE = Q\nSH = abnormalities\nUI = Q000002\n', /qualifier files are not needed/],
    ['other.xml', '<?xml version="1.0"?>\n<html></html>\n', /not MeSH descriptors/],
    ['bad.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0, 0, 1, 2, 3, 4, 5, 6]), /bad\.gz: damaged gzip data/],
  ];
  for (const [name, content, message] of cases) {
    assert.throws(() => inspectMeshFile(tmp.file(name, content)), message, name);
  }
  assert.throws(() => inspectMeshFile(tmp.path + '/missing.xml'), /missing\.xml: cannot be read/);
  const empty = tmp.file('desc2025-empty.xml', '<?xml version="1.0"?>\n<DescriptorRecordSet LanguageCode = "eng">\n</DescriptorRecordSet>\n');
  await assert.rejects(readMeshFile(inspectMeshFile(empty), () => undefined), /no MeSH descriptor records found/);
});

test('a truncated file is an error, not a shorter list of records', async () => {
  const xml = readFileSync(meshFixture('desc2025.xml'), 'utf8');
  const cutXml = tmp.file('desc2025-cut.xml', xml.slice(0, Math.floor(xml.length * 0.6)));
  await assert.rejects(readMeshFile(inspectMeshFile(cutXml), () => undefined), /truncated|ends inside/);
  const bin = readFileSync(meshFixture('d2025.bin'), 'utf8');
  const cutBin = tmp.file('d2025-cut.bin', bin.slice(0, bin.indexOf('UI = D003866')));
  await assert.rejects(readMeshFile(inspectMeshFile(cutBin), () => undefined), /truncated/);
  const gz = readFileSync(tmp.gzipped(meshFixture('supp2025.xml'), 'supp2025.gz'));
  const cutGz = tmp.file('supp2025-cut.gz', gz.subarray(0, gz.length - 40));
  await assert.rejects(readMeshFile(inspectMeshFile(cutGz), () => undefined), /supp2025-cut\.gz: (damaged or truncated gzip|.*truncated)/);
});

test('first sentence of a scope note: abbreviations do not end it, long notes are clipped', () => {
  assert.equal(firstSentence('Pain, e.g. a burn. Second.'), 'Pain, e.g. a burn.');
  assert.equal(firstSentence('Found in the U.S. Army in 1990. Later.'), 'Found in the U.S. Army in 1990.');
  assert.equal(firstSentence('  One line\n   wrapped.  Two.'), 'One line wrapped.');
  assert.equal(firstSentence('No full stop at all'), 'No full stop at all');
  const long = firstSentence('word '.repeat(200));
  assert.ok(long.length <= 401 && long.endsWith('…'));
});

test('HM values: the star and a qualifier are split off', () => {
  assert.deepEqual(parseHeadingMappedTo('*Ketamine'), { name: 'Ketamine' });
  assert.deepEqual(parseHeadingMappedTo('Ketamine/analogs & derivatives'), { name: 'Ketamine', qualifier: 'analogs & derivatives' });
});
