// `pubtator check` on BioC XML and JSON streams: a file far larger than the
// old whole-file limit (about 12 MB under the default 128 MB heap budget) is
// checked, not refused, with each seeded defect found in every copy; and the
// output is the same byte for byte on one thread or several, and the same
// diagnostics as the whole-file check of the editor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toldOncePerFile } from '../../../server/src/service/bioc/oncePerFile';
import { checkBioc } from '../../../server/src/service/bioc/checkBioc';
import { convertText } from '../../../server/src/service/bioc/convert';
import { ensureBuilt, run } from './cliHarness';
import { fixturesDir } from '../../support/paths';

const seeded = readFileSync(join(fixturesDir, 'bioc', 'seeded.bioc.xml'), 'utf8');
const documents = seeded.match(/<document>[\s\S]*?<\/document>/g)!;
const head = seeded.slice(0, seeded.indexOf('<document>'));

/** The seeded documents again and again, each copy with ids of its own, until the file has `bytes`. */
function repeated(bytes: number): { xml: string; copies: number } {
  const parts = [head];
  let size = head.length;
  let copies = 0;
  while (size < bytes) {
    for (const d of documents) {
      const doc = d.replace(/<id>(\d+)<\/id>/, (_, id: string) => `<id>${copies * 10 + Number(id)}</id>`);
      parts.push(doc, '\n');
      size += doc.length + 1;
    }
    copies++;
  }
  parts.push('</collection>\n');
  return { xml: parts.join(''), copies };
}

interface JsonLine { code?: string; line?: number; character?: number; summary?: { documents: number; codes: Record<string, number> } }

function jsonLines(stdout: string): JsonLine[] {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonLine);
}

test('check: a 32 MB BioC XML file is checked under the default memory budget, every copy of each defect found', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-big-'));
  try {
    const { xml, copies } = repeated(32 * 1024 * 1024);
    const path = join(dir, 'big.bioc.xml');
    writeFileSync(path, xml);
    assert.ok(statSync(path).size > 32e6);
    const r = run(['check', '--json', '--jobs', '1', path], { env: { PUBTATOR_HEAP_MB: '128' } });
    assert.doesNotMatch(r.stderr, /memory budget|not checked/, r.stderr);
    assert.equal(r.code, 1, r.stderr);
    const summary = jsonLines(r.stdout).find((l) => l.summary)!.summary!;
    assert.equal(summary.documents, copies * documents.length);
    const once = checkBioc(seeded).diagnostics;
    const perCopy = new Map<string, number>();
    for (const d of once) perCopy.set(String(d.code), (perCopy.get(String(d.code)) ?? 0) + 1);
    // BioC's own findings once per copy; a PubTator row mismatch repeated in every copy is one habit broken, settled as the PubTator check settles it.
    for (const [code, n] of perCopy) {
      // Those whose cause is the file's writer (oncePerFile.ts) once for the file, counting the others.
      if (toldOncePerFile(code)) assert.equal(summary.codes[code], 1, code);
      else if (code.startsWith('bioc-')) assert.equal(summary.codes[code], n * copies, code);
      else assert.ok(summary.codes[code] >= 1, code);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check: a BioC XML file gives the same output on one thread and on two, and the whole-file check\'s diagnostics', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-jobs-'));
  try {
    const { xml } = repeated(200_000);
    const path = join(dir, 'some.bioc.xml');
    writeFileSync(path, xml);
    // Small batches: many of them, in flight on both threads.
    const env = { PUBTATOR_CHUNK_BYTES: '3000' };
    const one = run(['check', '--json', '--jobs', '1', path], { env });
    const two = run(['check', '--json', '--jobs', '2', path], { env });
    const strip = (s: string) => s.replace(/"elapsedSeconds":[\d.]+,"mbPerSecond":[\d.]+/, '');
    assert.equal(strip(two.stdout), strip(one.stdout));
    assert.equal(two.code, one.code);
    const found = jsonLines(one.stdout).filter((l) => l.code).map((l) => `${l.code}@${l.line}:${l.character}`);
    const whole = checkBioc(xml).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    assert.ok(whole.length > 20, 'defects in every copy');
    assert.deepEqual(found, whole);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check: a 10 MB BioC JSON file is checked under the default memory budget (read whole, it ran out of memory)', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-json-'));
  try {
    const pubtator = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8');
    const collection = JSON.parse(convertText(pubtator, { to: 'bioc-json' }).output) as { documents: { id: string }[] };
    const one = collection.documents;
    const docs: unknown[] = [];
    let size = 0;
    for (let copy = 0; size < 10 * 1024 * 1024; copy++) {
      for (const d of one) {
        const doc = { ...d, id: `${copy}-${d.id}` };
        docs.push(doc);
        size += JSON.stringify(doc).length;
      }
    }
    const path = join(dir, 'big.bioc.json');
    writeFileSync(path, JSON.stringify({ ...collection, documents: docs }, null, 1));
    const r = run(['check', '--json', '--jobs', '1', path], { env: { PUBTATOR_HEAP_MB: '128' } });
    assert.doesNotMatch(r.stderr, /memory budget|not checked/, r.stderr);
    assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 2000));
    const summary = jsonLines(r.stdout).find((l) => l.summary)!.summary!;
    assert.equal(summary.documents, docs.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('convert and stats: a 10 MB BioC JSON file converts to PubTator and is counted under the default budget', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bioc-json-convert-'));
  try {
    const pubtator = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8').trim();
    const blocks: string[] = [];
    let size = 0;
    for (let i = 0; size < 4 * 1024 * 1024; i++) {
      const block = pubtator.split('100').join(String(5000000 + i));
      blocks.push(block);
      size += block.length;
    }
    const original = blocks.join('\n\n') + '\n\n';
    const source = join(dir, 'many.pubtator');
    writeFileSync(source, original);
    const json = join(dir, 'many.bioc.json');
    const env = { PUBTATOR_HEAP_MB: '128' };
    assert.equal(run(['convert', source, '--to', 'bioc-json', '-o', json], { env }).code, 0);
    assert.ok(statSync(json).size > 10e6, `${statSync(json).size} bytes of JSON`);
    const back = join(dir, 'back.pubtator');
    const r = run(['convert', json, '-o', back], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(back, 'utf8'), original);
    const stats = run(['stats', json], { env });
    assert.equal(stats.code, 0, stats.stderr);
    assert.match(stats.stdout, new RegExp(`\\b${blocks.length.toLocaleString('en-US')} documents\\b`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
