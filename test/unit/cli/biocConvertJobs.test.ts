// `pubtator convert --jobs N` from BioC XML to PubTator, the documents split
// between real worker threads (cli/biocConvertSplit.ts), writes what --jobs 1
// writes, byte for byte, with the same warnings and note on stderr and the
// same exit status: on a generated collection (plain, .gz, with defects, with
// non-ASCII documents) and on the BioC XML files of ../shared/corpora/bioc.
// BioC to BioC and PubTator to BioC take --jobs and convert as before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

/** Small chunks: a file of a few hundred KB gets worker threads. */
const SMALL_CHUNKS = { PUBTATOR_CHUNK_BYTES: String(16 * 1024) };

function same(file: string, extra: string[] = [], jobs = [2]): string {
  const one = run(['convert', '--jobs', '1', ...extra, file], { env: SMALL_CHUNKS });
  assert.ok(one.code !== null && one.code <= 1, one.stderr);
  for (const n of jobs) {
    const many = run(['convert', '--jobs', String(n), ...extra, file], { env: SMALL_CHUNKS });
    assert.equal(many.code, one.code, `${file}: exit status with --jobs ${n}`);
    assert.ok(many.stdout === one.stdout, `${file}: output with --jobs ${n} differs from --jobs 1`);
    assert.equal(many.stderr, one.stderr, `${file}: stderr with --jobs ${n}`);
  }
  return one.stdout;
}

/** The fixtures' documents repeated and renumbered; from `nonAsciiFrom` on, passage texts end in a non-ASCII word. */
function collection(n: number, nonAsciiFrom = Infinity): string {
  const docs = ['small.bioc.xml', 'seeded.bioc.xml'].flatMap((f) => [...readFileSync(join(fixturesDir, 'bioc', f), 'utf8').matchAll(/<document>[\s\S]*?<\/document>/g)].map((m) => m[0]));
  const body = Array.from({ length: n }, (_, i) => {
    const d = docs[i % docs.length].replace(/<id>[^<]*<\/id>/, `<id>${1000 + i}</id>`);
    return i >= nonAsciiFrom ? d.replace(/(<passage>[\s\S]*?<text>[^<]*)<\/text>/g, '$1 βeta\u00e9</text>') : d;
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n<collection><source>test</source><date>2026</date><key>k</key>\n' + body.join('\n') + '\n</collection>\n';
}

test('convert --jobs N, BioC XML to PubTator on worker threads, writes what --jobs 1 writes', () => {
  const text = collection(1500);
  const files: [string, string | Buffer][] = [
    ['clean.xml', text],
    ['clean.xml.gz', gzipSync(text)],
    ['truncated.xml', text.slice(0, Math.floor(text.length * 0.7))],
    ['hidden.xml', text.replace(/<passage>/g, (m, at: number) => (at % 4 === 0 ? '<!-- </document> -->' + m : m))],
    ['nonascii.xml', collection(1500, 700)],
  ];
  for (const [name, content] of files) {
    const path = join(tmp.path, name);
    writeFileSync(path, content);
    const out = same(path, [], name === 'clean.xml' ? [2, 3] : [2]);
    assert.ok(out.length > text.length / 10, `${name}: converted text to compare`);
  }
  // Through -o as well: the file written is the same.
  const input = join(tmp.path, 'clean.xml');
  for (const n of ['1', '2']) assert.equal(run(['convert', '-q', '--jobs', n, input, '-o', join(tmp.path, `out${n}.pubtator`)], { env: SMALL_CHUNKS }).code, 0);
  assert.ok(readFileSync(join(tmp.path, 'out1.pubtator'), 'utf8') === readFileSync(join(tmp.path, 'out2.pubtator'), 'utf8'));
});

test('convert --jobs N to BioC, and from PubTator, converts as --jobs 1 does (read on this thread)', () => {
  const path = join(tmp.path, 'tobioc.xml');
  writeFileSync(path, collection(300));
  same(path, ['--to', 'bioc-json', '--date', '2024-01-01']);
  const pubtator = join(tmp.path, 'from.pubtator');
  writeFileSync(pubtator, run(['convert', path]).stdout);
  same(pubtator, ['--date', '2024-01-01']);
});

test('convert --jobs: a usage error for a number out of range', () => {
  const r = run(['convert', '--jobs', '0', join(tmp.path, 'clean.xml')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--jobs takes a number of threads/);
});

test('convert --jobs N on the BioC XML files of ../shared/corpora writes what --jobs 1 writes', { skip: corporaSkip }, () => {
  const files = sharedBiocFiles(/\.xml$/i);
  assert.ok(files.length > 0, 'BioC XML files in ../shared/corpora/bioc');
  for (const f of files) same(f);
});
