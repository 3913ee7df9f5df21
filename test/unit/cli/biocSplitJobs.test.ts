// `pubtator check --jobs N` on BioC XML, the documents split between real
// worker threads (cli/biocSplit.ts), prints what --jobs 1 prints, byte for
// byte: on a generated collection with defects spread over it, on a truncated
// copy, on one hiding `</document>` in comments and CDATA, and on the BioC XML
// files of ../shared/corpora/bioc; and a folder of such files (their workers shared).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

/** Small chunks: a file of a few hundred KB gets worker threads, and many batches. */
const SMALL_CHUNKS = { PUBTATOR_CHUNK_BYTES: String(16 * 1024) };

function timeless(stdout: string): string {
  return stdout.replace(/"elapsedSeconds":[\d.]+,"mbPerSecond":[\d.]+/, '');
}

function same(file: string): string {
  const one = run(['check', '--json', '--jobs', '1', file], { env: SMALL_CHUNKS });
  assert.ok(one.code !== null && one.code <= 2, one.stderr);
  for (const n of [2, 3]) {
    const many = run(['check', '--json', '--jobs', String(n), file], { env: SMALL_CHUNKS });
    assert.equal(many.code, one.code, `${file}: exit status with --jobs ${n}`);
    assert.equal(timeless(many.stdout), timeless(one.stdout), `${file}: stdout with --jobs ${n}`);
    assert.equal(many.stderr, one.stderr, `${file}: stderr with --jobs ${n}`);
  }
  return one.stdout;
}

/** The fixtures' documents repeated, renumbered, one every few lines; every seventh id repeats an earlier one. */
function collection(n: number): string {
  const docs = ['small.bioc.xml', 'seeded.bioc.xml'].flatMap((f) => [...readFileSync(join(fixturesDir, 'bioc', f), 'utf8').matchAll(/<document>[\s\S]*?<\/document>/g)].map((m) => m[0]));
  const body = Array.from({ length: n }, (_, i) => docs[i % docs.length].replace(/<id>[^<]*<\/id>/, `<id>${i % 7 === 6 ? 1000 + i - 6 : 1000 + i}</id>`));
  return '<?xml version="1.0" encoding="UTF-8"?>\n<collection><source>test</source><date>2026</date><key>k</key>\n' + body.join('\n') + '\n</collection>\n';
}

test('check --jobs N on BioC XML split between worker threads prints what --jobs 1 prints', () => {
  const text = collection(1500);
  const files: [string, string][] = [
    ['clean.xml', text],
    ['truncated.xml', text.slice(0, Math.floor(text.length * 0.7))],
    ['hidden.xml', text.replace(/<passage>/g, (m, at: number) => (at % 4 === 0 ? '<!-- </document> -->' + m : m)).replace(/<text>/g, (m, at: number) => (at % 6 === 0 ? m + '<![CDATA[</document>]]>' : m))],
    ['nesting.xml', text.replace(/<\/annotation>/g, (m, at: number) => (at > text.length / 2 && at < text.length / 2 + 400 ? '</annotatio>' : m))],
  ];
  for (const [name, content] of files) {
    const path = join(tmp.path, name);
    writeFileSync(path, content);
    const out = same(path);
    assert.match(out, /"code":"/, `${name} has findings to compare`);
  }
});

test('check --jobs N on the BioC XML files of ../shared/corpora prints what --jobs 1 prints', { skip: corporaSkip }, () => {
  const files = sharedBiocFiles(/\.xml$/i);
  assert.ok(files.length > 0, 'BioC XML files in ../shared/corpora/bioc');
  for (const f of files) same(f);
});

test('check --jobs N on a folder of BioC XML files (their workers shared, warmed once) prints what --jobs 1 prints', () => {
  const dir = join(tmp.path, 'folder');
  mkdirSync(dir);
  const text = collection(900);
  writeFileSync(join(dir, 'a.xml'), text);
  writeFileSync(join(dir, 'b.xml'), text.slice(0, Math.floor(text.length * 0.6)));
  writeFileSync(join(dir, 'c.xml'), text.replace(/<passage>/g, (m, at: number) => (at % 4 === 0 ? '<!-- </document> -->' + m : m)));
  writeFileSync(join(dir, 'd.pubtator'), '1|t|Aspirin\n1|a|Aspirin again.\n1\t0\t7\tAspirin\tChemical\tMESH:D001241\n');
  writeFileSync(join(dir, 'e.xml'), text.replace(/<id>1(\d+)<\/id>/g, '<id>2$1</id>'));
  const out = same(dir);
  assert.match(out, /"files":5/);
});
