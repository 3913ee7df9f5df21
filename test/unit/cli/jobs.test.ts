// --jobs N: chunks checked on worker threads give the same output, byte for
// byte and in the same order, as one thread; on every real corpus and on
// generated files built to put the cross-chunk cases (duplicate documents far
// apart, NLM-Chem continuation blocks, a BOM, CRLF, documents without blank
// lines between them) on chunk boundaries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine } from '../../../server/src/cli/args';
import { threadsFor } from '../../../server/src/cli/runners';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { validateFile } from '../../../server/src/service/validate';
import { corporaDir, corporaSkip, samplesDir } from '../../support/paths';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

/** Output without what depends on the clock. */
function timeless(stdout: string): string {
  return stdout.replace(/^Elapsed .*$/m, '').replace(/"elapsedSeconds":[\d.]+,"mbPerSecond":[\d.]+/, '');
}

/** Many small chunks, so a small file spreads over the threads. */
const SMALL_CHUNKS = { PUBTATOR_CHUNK_BYTES: String(16 * 1024) };

function same(args: string[], env: Record<string, string> = {}, jobs = [2, 3]): string {
  const one = run(['check', '--jobs', '1', ...args], { env });
  assert.ok(one.code !== null && one.code <= 2, one.stderr);
  for (const n of jobs) {
    const many = run(['check', '--jobs', String(n), ...args], { env });
    assert.equal(many.code, one.code, `exit status with --jobs ${n}`);
    assert.equal(timeless(many.stdout), timeless(one.stdout), `stdout with --jobs ${n}`);
    assert.equal(many.stderr, one.stderr, `stderr with --jobs ${n}`);
  }
  return one.stdout;
}

test('--jobs takes a number of threads; none given means every core', () => {
  const jobs = (argv: string[]) => {
    const c = parseCommandLine(argv);
    return c.kind === 'check' ? c.jobs : c.kind;
  };
  assert.equal(jobs(['check', 'x']), undefined);
  assert.equal(jobs(['check', '--jobs', '4', 'x']), 4);
  assert.equal(jobs(['check', '-j', '1', 'x']), 1);
  for (const bad of ['0', '-1', 'two', '1.5', '']) assert.equal(jobs(['check', `--jobs=${bad}`, 'x']), 'usage', bad);
  // Threads are started only for as much work as repays their warm-up: 32 chunks (1 MB each) a thread.
  const MB = 1024 * 1024;
  assert.equal(threadsFor(8, { totalBytes: 100 }), 1);
  assert.equal(threadsFor(8, { totalBytes: 3.5 * MB }), 1);
  assert.equal(threadsFor(8, { totalBytes: 64 * MB - 1 }), 1);
  assert.equal(threadsFor(8, { totalBytes: 64 * MB }), 2);
  assert.equal(threadsFor(8, { totalBytes: 100 * MB }), 3);
  assert.equal(threadsFor(8, { totalBytes: 10_000 * MB }), 8);
  assert.equal(threadsFor(8, { totalBytes: 100, compressed: true }), 8);
  assert.equal(threadsFor(1, { totalBytes: 1e9 }), 1);
});

test('every real corpus: --jobs 2 and 3 print what --jobs 1 prints, in text, JSON and SARIF', { skip: corporaSkip }, () => {
  same([corporaDir], SMALL_CHUNKS);
  same(['--format', 'sarif', corporaDir], SMALL_CHUNKS, [2]);
});

/** A generated file whose cross-chunk cases fall on many chunk boundaries. */
function generated(): string {
  const docs = readFileSync(join(samplesDir, 'ketamine.pubtator'), 'utf8').trim().split(/\n\s*\n/);
  const defects = readFileSync(join(samplesDir, 'defects.pubtator'), 'utf8').trim();
  const parts: string[] = [];
  for (let i = 0; parts.join('\n\n').length < 3_000_000; i++) {
    const doc = docs[i % docs.length];
    const id = doc.slice(0, doc.indexOf('|'));
    // Every 97th document repeats an early id (a duplicate far from its first); every 13th is followed by
    // a continuation block of its own id (NLM-Chem); every 7th is glued to the next without a blank line.
    const pmid = i % 97 === 96 ? String(50000000 + (i % 5)) : String(50000000 + i);
    let text = doc.split(id).join(pmid);
    if (i % 13 === 0) text += `\n\n${pmid}|t|Continued passage\n${pmid}|a|`;
    if (i % 41 === 0) text += '\n\n' + defects.split('2385256').join(String(60000000 + i));
    parts.push(text + (i % 7 === 0 ? '\n' : '\n\n'));
  }
  return '\ufeff' + parts.join('');
}

test('a generated file in many chunks: the same with 1, 2 and 3 threads, and what validateFile gives on the whole text', () => {
  const text = generated();
  for (const [name, content] of [['lf.pubtator', text], ['crlf.pubtator', text.replace(/\n/g, '\r\n')]]) {
    const path = join(tmp.path, name);
    writeFileSync(path, content);
    const json = same(['--format', 'json', path], SMALL_CHUNKS);
    const printed = json.trimEnd().split('\n').slice(0, -1).map((l) => JSON.parse(l));
    const whole = validateFile(parsePubtator(content));
    assert.ok(whole.some((d) => d.code === 'duplicate-document'), 'the file has duplicates across chunks');
    assert.deepEqual(printed.map((d) => [d.line, d.character, d.code, d.message]), whole.map((d) => [d.range.start.line, d.range.start.character, d.code, d.message]));
  }
});

test('--fix with threads writes what one thread writes', () => {
  const text = generated();
  const one = join(tmp.path, 'fix1.pubtator');
  const two = join(tmp.path, 'fix2.pubtator');
  writeFileSync(one, text);
  writeFileSync(two, text);
  const a = run(['check', '--fix', '--jobs', '1', one], { env: SMALL_CHUNKS });
  const b = run(['check', '--fix', '--jobs', '2', two], { env: SMALL_CHUNKS });
  assert.match(a.stdout, /^Fixed [1-9]\d* problems in 1 file; left:$/m);
  assert.equal(timeless(b.stdout.split(two).join(one)), timeless(a.stdout));
  assert.equal(readFileSync(two, 'utf8'), readFileSync(one, 'utf8'));
});

test('the corpus schema reaches the worker threads: its declared entity types judge the rows as on one thread', () => {
  const docs = readFileSync(join(samplesDir, 'ketamine.pubtator'), 'utf8').trim().split(/\n\s*\n/);
  const parts: string[] = [];
  for (let i = 0; i < 400; i++) {
    const doc = docs[i % docs.length];
    const id = doc.slice(0, doc.indexOf('|'));
    parts.push(doc.split(id).join(String(70000000 + i)));
  }
  const dir = join(tmp.path, 'schema-jobs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'corpus.pubtator');
  writeFileSync(path, parts.join('\n\n') + '\n');
  // Only Chemical is declared: every Disease row is undeclared, which a worker without the schema never holds
  // (Disease is a known type), found by --schema and by the file's nearest pubtator.schema.json alike.
  const schema = { entityTypes: { Chemical: { family: 'chemical' } } };
  writeFileSync(join(dir, 'pubtator.schema.json'), JSON.stringify(schema));
  for (const args of [[path], ['--schema', join(dir, 'pubtator.schema.json'), path]]) {
    const stdout = same(['--format', 'json', ...args], { PUBTATOR_CHUNK_BYTES: '4096' }, [2]);
    const codes = JSON.parse(stdout.trimEnd().split('\n').pop()!).summary.codes as Record<string, number>;
    assert.ok((codes['undeclared-entity-type'] ?? 0) > 0, `the undeclared Disease rows are reported (${JSON.stringify(codes)})`);
  }
});
