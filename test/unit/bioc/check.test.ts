// Checking BioC: each seeded defect found once, on its element's line and
// column; clean real BioC files quiet; bad input a diagnostic, never a throw.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBioc } from '../../../server/src/service/bioc/checkBioc';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'bioc', name), 'utf8');

/** code@line:column (1-based, as the CLI prints them) of every diagnostic. */
function found(text: string): string[] {
  return checkBioc(text).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

test('seeded defects: each told once, at its element', () => {
  const text = fixture('seeded.bioc.xml');
  const lines = text.split('\n');
  const lineOf = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
  assert.deepEqual(found(text), [
    `bioc-duplicate-annotation-id@${lineOf('<annotation id="A2">', lineOf('<annotation id="A2">'))}:23`,
    `text-mismatch@${lineOf('<annotation id="A4">')}:7`,
    `bioc-location-outside-passage@${lineOf('offset="400"')}:9`,
    `bioc-dangling-node@${lineOf('refid="A9"')}:7`,
    `bioc-passage-offset@${lineOf('<offset>50</offset>')}:15`,
    `bioc-passage-local-offsets@${lineOf('<id>3</id>')}:9`,
  ]);
});

test('a clean file is quiet; the fixtures that convert cleanly check cleanly', () => {
  assert.deepEqual(found(fixture('small.bioc.xml')), []);
  assert.deepEqual(found(fixture('pubtator3.json')), [], 'PubTator3 nodes do not name annotation ids: no dangling-node');
  assert.deepEqual(found(fixture('bytes.bioc.json')), []);
});

test('a text mismatch inside a verbatim passage text points at the exact characters', () => {
  const xml = '<collection><document><id>1</id><passage><offset>0</offset><text>Aspirin works.</text>\n'
    + '<annotation id="1"><infon key="type">Chemical</infon><location offset="8" length="5"/><text>Aspirin</text></annotation>\n'
    + '</passage></document></collection>';
  const d = checkBioc(xml).diagnostics;
  assert.equal(d.length, 1);
  assert.equal(d[0].code, 'text-mismatch');
  assert.equal(d[0].range.start.line, 1);
});

test('not well-formed and not BioC: one diagnostic at the position, no throw', () => {
  const broken = checkBioc('<collection>\n<document><id>1</id>\n</passage>\n</collection>').diagnostics;
  assert.equal(broken[0].code, 'bioc-not-well-formed');
  assert.equal(broken[0].range.start.line, 2);
  const json = checkBioc('{"documents": [\n{"id": "1", "passages": [}]}').diagnostics;
  assert.equal(json[0].code, 'bioc-not-well-formed');
  assert.equal(json[0].range.start.line, 1);
  const html = checkBioc('<html><body/></html>').diagnostics;
  assert.match(html[0].message, /not a BioC collection/);
  // A 2 MB single line of text in a passage: read, not choked on.
  const long = `<collection><document><id>1</id><passage><offset>0</offset><text>${'a'.repeat(2_000_000)}</text></passage></document></collection>`;
  assert.deepEqual(checkBioc(long).diagnostics, []);
});

for (const name of ['bioc/bc5cdr/CDR_DevelopmentSet.BioC.xml', 'bioc/biored/Dev.BioC.XML', 'bioc/biored/Dev.BioC.JSON']) {
  test(`real BioC ${name} checks clean`, { skip: corporaSkip }, () => {
    const r = checkBioc(readFileSync(join(corporaDir, name), 'utf8'));
    assert.deepEqual(r.diagnostics.filter((d) => d.severity <= 2), []);
    assert.ok(r.mentions > 3000);
  });
}

test('documents with annotations but no passage text (the Python bioc package\'s converter): one finding for the file, nothing per annotation', () => {
  const text = readFileSync(join(fixturesDir, 'bioc-standoff', 'textless.bioc.xml'), 'utf8');
  const { diagnostics } = checkBioc(text);
  assert.deepEqual(found(text), ['bioc-document-without-text@7:9']);
  assert.equal(diagnostics[0].message, 'document 26094 has 2 annotations but no passage text: they are not checked against any text; so do 2 more documents of this file');
  // One such document among documents with text: told for it alone; the others are checked as ever.
  const mixed = fixture('small.bioc.xml').replace('</collection>', text.slice(text.indexOf('<document>', text.indexOf('</document>')), text.indexOf('</collection>')) + '</collection>');
  const codes = checkBioc(mixed).diagnostics.map((d) => d.code);
  assert.deepEqual(codes.filter((c) => c.startsWith('bioc-document')), ['bioc-document-without-text']);
  assert.ok(!codes.includes('truncated-text') && !codes.includes('bioc-location-outside-passage'), codes.join());
  assert.match(checkBioc(mixed).diagnostics.find((d) => d.code === 'bioc-document-without-text')!.message, /^document 354896 has 1 annotation but no passage text: it is not checked against any text; so do 1 more document of this file$/);
});

test('offsets counted from each passage in every document (the writer\'s habit): one finding for the file, pointing at the other documents', () => {
  const doc = (id: number, local: boolean) => {
    const title = 'Aspirin and asthma.';
    const abstract = 'We gave aspirin to patients with asthma.';
    const at = abstract.indexOf('asthma');
    return `<document><id>${id}</id>\n`
      + `<passage><offset>0</offset><text>${title}</text>\n<annotation id="A1"><infon key="type">Chemical</infon><location offset="0" length="7"/><text>Aspirin</text></annotation></passage>\n`
      + `<passage><offset>${title.length + 1}</offset><text>${abstract}</text>\n`
      + `<annotation id="A2"><infon key="type">Disease</infon><location offset="${(local ? 0 : title.length + 1) + at}" length="6"/><text>asthma</text></annotation></passage>\n`
      + '</document>\n';
  };
  const file = (docs: string[]) => `<?xml version="1.0"?>\n<collection><source>s</source><date>d</date><key>k</key>\n${docs.join('')}</collection>\n`;
  const text = file([1, 2, 3, 4].map((id) => doc(id, true)));
  const every = checkBioc(text).diagnostics;
  assert.deepEqual(every.map((d) => d.code), ['bioc-passage-local-offsets']);
  assert.match(every[0].message, /^document 1: .*; so do 3 more documents of this file$/);
  const idLine = (id: number) => text.split('\n').findIndex((l) => l.includes(`<id>${id}</id>`));
  assert.deepEqual(every[0].relatedInformation!.map((r) => r.range.start.line), [idLine(2), idLine(3), idLine(4)]);
  // One document among clean ones: told for it, as ever.
  const one = checkBioc(file([doc(1, false), doc(2, true), doc(3, false)])).diagnostics;
  assert.deepEqual(one.map((d) => d.code), ['bioc-passage-local-offsets']);
  assert.match(one[0].message, /^document 2: [^;]*$/);
  assert.equal(one[0].relatedInformation, undefined);
});
