// `pubtator compare --details` on BioC files: a difference of a BioC side is
// named by the line and column of its <annotation>/<relation> element (or
// JSON object), in the text and JSON outputs; a PubTator side keeps its line;
// a document only in a BioC file is named at its title passage. Positions
// hand-read from test/fixtures/bioc/small.bioc.xml; the JSON one is found by
// searching the file for the annotation's object.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, run, tempDir } from './cliHarness';
import { fixturesDir } from '../../support/paths';

const XML = join(fixturesDir, 'bioc', 'small.bioc.xml');
const TWIN = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8');
/** The twin without its third mention (T3, "aspirin" at 31-38). */
const withoutT3 = TWIN.split('\n').filter((l) => !l.startsWith('100\t31\t38')).join('\n');

test('compare --details: a BioC gold names its false negative at the <annotation> element, a PubTator side by its line', () => {
  ensureBuilt();
  const dir = tempDir();
  try {
    const pred = join(dir.path, 'pred.pubtator');
    writeFileSync(pred, withoutT3);
    // small.bioc.xml line 30: `      <annotation id="T3">`, the element at column 7.
    const text = run(['compare', '--details', XML, pred]);
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.startsWith(`${XML}:30:7: FN mention Chemical 31-38 "aspirin" in document 100\n`), text.stdout);
    const json = run(['compare', '--details', '--json', XML, pred]);
    const detail = JSON.parse(json.stdout.split('\n')[0]);
    assert.deepEqual([detail.kind, detail.line, detail.character, detail.file], ['fn', 29, 6, XML]);
    // The other way round, the BioC file is PREDICTED: the same place, as a false positive.
    const back = run(['compare', '--details', pred, XML]);
    assert.ok(back.stdout.startsWith(`${XML}:30:7: FP mention Chemical 31-38 "aspirin" in document 100\n`), back.stdout);
    // A PubTator gold keeps `path:line:` (line 5 of the twin is T3's row).
    const pub = join(dir.path, 'gold.pubtator');
    writeFileSync(pub, TWIN);
    const xmlPred = join(dir.path, 'pred.bioc.xml');
    writeFileSync(xmlPred, readFileSync(XML, 'utf8').replace(/\s*<annotation id="T3">[\s\S]*?<\/annotation>/, ''));
    const pubGold = run(['compare', '--details', pub, xmlPred]);
    assert.ok(pubGold.stdout.startsWith(`${pub}:5: FN mention Chemical 31-38 "aspirin" in document 100\n`), pubGold.stdout);
  } finally {
    dir.remove();
  }
});

test('compare --details: a relation at its <relation> element; a document only in the BioC file at its title passage', () => {
  ensureBuilt();
  const dir = tempDir();
  try {
    const norel = join(dir.path, 'norel.pubtator');
    writeFileSync(norel, TWIN.split('\n').filter((l) => !l.includes('Positive_Correlation')).join('\n'));
    // Line 37: `    <relation id="R1">`.
    const r = run(['compare', '--details', XML, norel]);
    assert.ok(r.stdout.startsWith(`${XML}:37:5: FN relation Positive_Correlation MESH:D001241 MESH:D001249 in document 100\n`), r.stdout);
    const other = join(dir.path, 'other.pubtator');
    writeFileSync(other, '200|t|Other.\n200|a|Text.\n');
    // Line 9: `    <passage>`, the title passage of document 100.
    const o = run(['compare', '--details', XML, other]);
    assert.match(o.stdout, new RegExp(`^${XML.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:5: document 100 is only in GOLD \\(not in PREDICTED\\)$`, 'm'));
    assert.match(o.stdout, /other\.pubtator:1: document 200 is only in PREDICTED/);
  } finally {
    dir.remove();
  }
});

test('compare --details: a BioC JSON gold names the annotation object it reads', () => {
  ensureBuilt();
  const dir = tempDir();
  try {
    const json = join(dir.path, 'small.json');
    const converted = run(['convert', join(fixturesDir, 'bioc', 'small.pubtator'), '--to', 'bioc-json', '--date', '2024-01-01', '-o', json]);
    assert.equal(converted.code, 0, converted.stderr);
    const pred = join(dir.path, 'pred.pubtator');
    writeFileSync(pred, withoutT3);
    const text = readFileSync(json, 'utf8');
    // The annotation object of "aspirin" (the third annotation, id "2"): its opening brace.
    const at = text.indexOf('{"id":"2"');
    assert.ok(at > 0);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const r = run(['compare', '--details', json, pred]);
    assert.ok(r.stdout.startsWith(`${json}:${line}:${column}: FN mention Chemical 31-38 "aspirin" in document 100\n`), r.stdout);
  } finally {
    dir.remove();
  }
});

test('compare --details: the note\'s line of the other side is the BioC element\'s line too', () => {
  ensureBuilt();
  const dir = tempDir();
  try {
    // PREDICTED (PubTator) has T3's span as Disease: FP Disease, and GOLD (BioC) has Chemical on the same span at line 30.
    const pred = join(dir.path, 'pred.pubtator');
    writeFileSync(pred, TWIN.replace('100\t31\t38\taspirin\tChemical', '100\t31\t38\taspirin\tDisease'));
    const r = run(['compare', '--details', XML, pred]);
    assert.match(r.stdout, /pred\.pubtator:5: FP mention Disease 31-38 "aspirin" in document 100; GOLD has Chemical on the same span \(line 30\)\n/);
    assert.ok(r.stdout.includes(`${XML}:30:7: FN mention Chemical 31-38 "aspirin" in document 100; PREDICTED has Disease on the same span (line 5)\n`), r.stdout);
  } finally {
    dir.remove();
  }
});
