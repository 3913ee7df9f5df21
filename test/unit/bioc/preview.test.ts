// The preview of a BioC file: computed on the projection, its lines and
// columns on the XML elements (hand-read from test/fixtures/bioc/small.bioc.xml).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { biocPreview } from '../../../server/src/service/bioc/biocPreview';
import { checkBioc } from '../../../server/src/service/bioc/checkBioc';
import { fixturesDir } from '../../support/paths';

const text = readFileSync(join(fixturesDir, 'bioc', 'small.bioc.xml'), 'utf8');
const lines = text.split('\n');
/** 0-based line of the first line holding `s`. */
const lineOf = (s: string) => lines.findIndex((l) => l.includes(s));

test('BioC preview: the document, its mentions and relation on their XML elements', () => {
  const view = checkBioc(text);
  const w = biocPreview(view, { position: { line: lineOf('<id>100</id>'), character: 6 } });
  assert.equal(w.total, 1);
  const doc = w.documents[w.current];
  assert.equal(doc.id, '100');
  assert.deepEqual(doc.mentions.map((m) => [m.text, m.type]), [['Aspirin', 'Chemical'], ['Asthma', 'Disease'], ['aspirin', 'Chemical']]);
  assert.deepEqual(doc.mentions.map((m) => m.line), [lineOf('<annotation id="T1">'), lineOf('<annotation id="T2">'), lineOf('<annotation id="T3">')]);
  assert.deepEqual(doc.relations.map((r) => [r.type, r.line]), [['Positive_Correlation', lineOf('<relation id="R1">')]]);
  // Passage texts start right after <text> on their lines.
  const title = lineOf('<text>Aspirin &amp; asthma.</text>');
  assert.deepEqual([doc.passages[0].line, doc.passages[0].textStart], [title, lines[title].indexOf('<text>') + '<text>'.length]);
  const abstract = lineOf('<text>Asthma after aspirin.</text>');
  assert.deepEqual([doc.passages[1].line, doc.passages[1].textStart], [abstract, lines[abstract].indexOf('<text>') + '<text>'.length]);
  // From the first passage to the relation's end.
  assert.deepEqual([doc.startLine, doc.endLine], [lineOf('<passage>'), lineOf('</relation>')]);
  assert.deepEqual(doc.problems, []);
});

test('BioC preview: the cursor on an annotation focuses that mention; outside any element it still finds a document', () => {
  const view = checkBioc(text);
  const at = lineOf('<text>Asthma</text>');
  const w = biocPreview(view, { position: { line: at, character: lines[at].indexOf('Asthma') + 2 } });
  assert.equal(w.focus?.kind, 'mention');
  assert.equal(w.documents[w.current].mentions[(w.focus as { index: number }).index].text, 'Asthma');
  const top = biocPreview(view, { position: { line: 0, character: 0 } });
  assert.equal(top.documents[top.current].id, '100');
});

test('BioC preview: a file that is not BioC, or empty, previews nothing without throwing', () => {
  for (const bad of ['', '<collection><document><id>1', '{"documents": [']) {
    const w = biocPreview(checkBioc(bad), { position: { line: 0, character: 0 } });
    assert.ok(w.total >= 0 && Array.isArray(w.documents));
  }
});
