// `pubtator stats` on BioC files counts, code by code, the problems
// `pubtator check` reports on them (both run the streamed check), on every
// shared BioC file and on files with seeded defects; and a file too large to
// be checked whole under the default 128 MB budget (stats used to count it
// without its bioc-* checks, and said so) is counted with them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertText } from '../../../server/src/service/bioc/convert';
import { toldOncePerFile } from '../../../server/src/service/bioc/oncePerFile';
import { ensureBuilt, run, type RunOptions } from './cliHarness';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';

interface Counts { documents: number; codes: Record<string, number>; rows?: number }

function checkCounts(path: string, options?: RunOptions): Counts {
  const r = run(['check', '--json', '--jobs', '1', path], options);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const summary = JSON.parse(r.stdout.trim().split('\n').pop()!).summary as { documents: number; codes: Record<string, number> };
  return { documents: summary.documents, codes: summary.codes };
}

function statsCounts(path: string, options?: RunOptions): Counts & { stderr: string } {
  const r = run(['stats', '--json', '--jobs', '1', path], options);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { total: { documents: number; problems: Record<string, number>; rowsWithProblems: number } };
  return { documents: report.total.documents, codes: report.total.problems, rows: report.total.rowsWithProblems, stderr: r.stderr };
}

function sameAsCheck(path: string, options?: RunOptions): Counts {
  const check = checkCounts(path, options);
  const stats = statsCounts(path, options);
  assert.doesNotMatch(stats.stderr, /without its BioC checks|memory budget/, stats.stderr);
  assert.deepEqual(stats.codes, check.codes, path);
  assert.equal(stats.documents, check.documents, path);
  return stats;
}

/** small.pubtator as a BioC JSON document with defects: a duplicate annotation id, a location past every passage, a wrong text. */
function defectiveJsonDocument(): Record<string, unknown> {
  const pubtator = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8');
  const doc = (JSON.parse(convertText(pubtator, { to: 'bioc-json' }).output) as { documents: Record<string, unknown>[] }).documents[0];
  const passages = doc.passages as { annotations: { id: string; text: string; locations: { offset: number }[] }[] }[];
  passages[1].annotations[0].id = passages[0].annotations[0].id;
  passages[1].annotations[1].locations[0].offset = 900;
  passages[0].annotations[0].text = 'Aspirln';
  return doc;
}

test('stats counts what check reports, code by code, on seeded BioC XML and JSON files', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-stats-'));
  try {
    const seeded = sameAsCheck(join(fixturesDir, 'bioc', 'seeded.bioc.xml'));
    assert.ok(Object.keys(seeded.codes).some((c) => c.startsWith('bioc-')), JSON.stringify(seeded.codes));
    const doc = defectiveJsonDocument();
    const path = join(dir, 'defects.bioc.json');
    writeFileSync(path, JSON.stringify({ source: 's', date: '', key: '', documents: [doc, { ...doc, id: '101' }] }));
    const json = sameAsCheck(path);
    // Hand count: per document one duplicate id, one location outside its passage, one text that is not the passage's.
    assert.equal(json.codes['bioc-duplicate-annotation-id'], 2);
    assert.equal(json.codes['bioc-location-outside-passage'], 2);
    assert.equal(json.codes['text-mismatch'], 2);
    // Rows: the three annotations of each document (the outside one, the renamed one, the wrong text).
    assert.equal(json.rows, 6);
    // Clean: nothing.
    assert.deepEqual(sameAsCheck(join(fixturesDir, 'bioc', 'small.bioc.xml')).codes, {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});


test('stats counts what check reports, code by code, on every shared BioC file', { skip: corporaSkip }, () => {
  ensureBuilt();
  const files = sharedBiocFiles();
  assert.ok(files.length >= 10, files.join());
  for (const path of files) sameAsCheck(path);
});

test('stats: a BioC XML file once too large to check whole under the default budget is counted with its bioc-* problems', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-stats-big-'));
  try {
    const seeded = readFileSync(join(fixturesDir, 'bioc', 'seeded.bioc.xml'), 'utf8');
    const documents = seeded.match(/<document>[\s\S]*?<\/document>/g)!;
    const parts = [seeded.slice(0, seeded.indexOf('<document>'))];
    let size = 0;
    let copies = 0;
    // The old whole-file check took about 15 bytes of heap per byte: above about 12 MB it was refused under 128 MB.
    for (; size < 14e6; copies++) {
      for (const d of documents) {
        const doc = d.replace(/<id>(\d+)<\/id>/, (_, id: string) => `<id>${copies * 10 + Number(id)}</id>`);
        parts.push(doc, '\n');
        size += doc.length + 1;
      }
    }
    parts.push('</collection>\n');
    const path = join(dir, 'big.bioc.xml');
    writeFileSync(path, parts.join(''));
    const env = { env: { PUBTATOR_HEAP_MB: '128' } };
    const counts = sameAsCheck(path, env);
    assert.equal(counts.documents, copies * documents.length);
    const once = checkCounts(join(fixturesDir, 'bioc', 'seeded.bioc.xml')).codes;
    for (const [code, n] of Object.entries(once)) {
      // Those whose cause is the file's writer (oncePerFile.ts) once for the file.
      if (toldOncePerFile(code)) assert.equal(counts.codes[code], 1, code);
      else if (code.startsWith('bioc-')) assert.equal(counts.codes[code], n * copies, code);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stats: a BioC JSON file once too large to check whole under the default budget is counted with its bioc-* problems', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-stats-json-'));
  try {
    const doc = defectiveJsonDocument();
    const docs: string[] = [];
    let size = 0;
    // The old whole-file check took about 50 bytes of heap per byte: above about 4 MB it was refused under 128 MB.
    for (let i = 0; size < 8e6; i++) {
      const text = JSON.stringify({ ...doc, id: String(1000 + i) });
      docs.push(text);
      size += text.length;
    }
    const path = join(dir, 'big.bioc.json');
    writeFileSync(path, `{"documents": [\n${docs.join(',\n')}\n], "source": "s"}`);
    const counts = sameAsCheck(path, { env: { PUBTATOR_HEAP_MB: '128' } });
    assert.equal(counts.documents, docs.length);
    assert.equal(counts.codes['bioc-duplicate-annotation-id'], docs.length);
    assert.equal(counts.codes['bioc-location-outside-passage'], docs.length);
    // Rows: the renamed and the outside annotation of each document; the wrong text repeated in every document is one
    // habit of the file's, told as the PubTator check tells it (its rows as it counts them).
    assert.ok(counts.rows! >= 2 * docs.length && counts.rows! <= 3 * docs.length, `${counts.rows} rows`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stats: a BioC XML file checked on two threads gives the report of one thread, rows with problems included', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-stats-jobs-'));
  try {
    // The duplicate A2 also given a text its span does not hold: two problems on one row.
    const seeded = readFileSync(join(fixturesDir, 'bioc', 'seeded.bioc.xml'), 'utf8')
      .replace('<location offset="35" length="7"/>\n        <text>aspirin</text>', '<location offset="35" length="7"/>\n        <text>aspirim</text>');
    const documents = seeded.match(/<document>[\s\S]*?<\/document>/g)!;
    const parts = [seeded.slice(0, seeded.indexOf('<document>'))];
    for (let copy = 0; copy < 150; copy++) {
      for (const d of documents) parts.push(d.replace(/<id>(\d+)<\/id>/, (_, id: string) => `<id>${copy * 10 + Number(id)}</id>`), '\n');
    }
    parts.push('</collection>\n');
    const path = join(dir, 'some.bioc.xml');
    writeFileSync(path, parts.join(''));
    // Small chunks: the file is worth two threads.
    const env = { PUBTATOR_CHUNK_BYTES: '3000' };
    const one = run(['stats', '--json', '--jobs', '1', path], { env });
    const two = run(['stats', '--json', '--jobs', '2', path], { env });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.stdout, one.stdout);
    const report = JSON.parse(one.stdout) as { total: { rowsWithProblems: number; problems: Record<string, number> } };
    const problems = Object.values(report.total.problems).reduce((n, k) => n + k, 0);
    assert.equal(report.total.problems['bioc-duplicate-annotation-id'], 150);
    // Rows shared by problems count once (a check whose diagnostics lost their rows would count each alone).
    assert.ok(report.total.rowsWithProblems > 150 && report.total.rowsWithProblems < problems, one.stdout.slice(0, 800));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
