// `pubtator check --fix` and `--fix-dry-run`: every safe fix (the preferred
// quick fix of each problem) applied without a human, on copies of the
// defective real corpora and on synthetic files: nothing fixable is left,
// no other byte changes, line ends, BOM and permissions are kept, the file is
// replaced atomically and only when something changed; the dry run's diff is
// what --fix does. Chunk by chunk gives what the whole file gives.
import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { FIXABLE_CODES, fixAllEdits } from '../../../server/src/service/edits/codeActions';
import { fixText } from '../../../server/src/service/edits/fixText';
import { chunkBytes } from '../../../server/src/service/parse/byteChunks';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { validateFile } from '../../../server/src/service/validate';
import { corporaDir, corporaSkip, fixturesDir, samplesDir } from '../../support/paths';
import { CLI_FIXTURES, ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const expected: Record<string, Record<string, number>> = JSON.parse(readFileSync(join(fixturesDir, 'corpora-expected.json'), 'utf8'));
const DEFECTIVE = Object.keys(expected).filter((name) => Object.keys(expected[name]).some((code) => FIXABLE_CODES.includes(code)));
const DEFECTS = readFileSync(join(samplesDir, 'defects.pubtator'), 'utf8');

let copies = 0;
function copy(text: string | Buffer, name = 'f.pubtator'): string {
  const dir = join(tmp.path, `c${copies++}`);
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The problems a fix-all would still fix in a text. */
function fixableLeft(text: string): number {
  return fixAllEdits(parsePubtator(text), FIXABLE_CODES).length;
}

/** Fixes `text` chunk by chunk, as the CLI does, each chunk on its own. */
function fixInChunks(text: string, target: number): { text: string; fixes: string[] } {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  const fixes: string[] = [];
  const chunks = chunkBytes(Buffer.from(text, 'utf8'), target);
  for (const [i, c] of chunks.entries()) {
    const fixed = fixText(decoder.decode(c.bytes), { firstLine: c.firstLine, followed: i < chunks.length - 1 });
    parts.push(fixed.text);
    fixes.push(...fixed.fixes.map((f) => `${f.line}:${f.character} ${f.code} ${f.title}`));
  }
  return { text: parts.join('\n'), fixes };
}

/**
 * What may change: lines with a fixable problem (a whole document's rows for
 * a drift), and there only offsets, the text column and ids; a removed line
 * must be one a problem was reported on. Every other line stays byte for byte.
 */
function assertOnlyFixesChanged(before: string, fixed: string): void {
  const file = parsePubtator(before);
  const fixable = new Set<number>();
  for (const d of validateFile(file)) {
    if (!FIXABLE_CODES.includes(d.code)) continue;
    if (d.code === 'offset-drift') {
      const doc = file.documents.find((x) => x.startLine <= d.range.start.line && d.range.start.line <= x.endLine)!;
      for (let l = doc.startLine; l <= doc.endLine; l++) fixable.add(l);
    } else {
      fixable.add(d.range.start.line);
    }
  }
  let line = 0;
  const parts = diffArrays(before.split('\n'), fixed.split('\n'));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      line += part.count!;
      continue;
    }
    if (part.added) throw new Error(`a line was added: ${JSON.stringify(part.value)}`);
    const removed = part.value.map((text, k) => ({ text, line: line + k }));
    for (const r of removed) assert.ok(fixable.has(r.line), `line ${r.line + 1} changed without a fixable problem on it: ${JSON.stringify(r.text)}`);
    const added = parts[i + 1]?.added ? parts[++i].value : [];
    assert.ok(added.length <= removed.length, 'never more lines than before');
    // Each new line is an old one with only offsets, the text column or ids changed.
    for (const now of added) {
      const k = removed.findIndex((r) => sameFixedColumns(r.text, now));
      assert.ok(k >= 0, `${JSON.stringify(now)} changed more than offsets, text and ids`);
      removed.splice(k, 1);
    }
    line += part.count!;
  }
}

/** PMID, type and extra columns of a mention, or PMID and type of a relation: what no fix changes. */
function sameFixedColumns(a: string, b: string): boolean {
  const x = a.split('\t');
  const y = b.split('\t');
  if (x.length !== y.length) return false;
  const mention = /^\d+$/.test(x[1] ?? '') || /^\d+$/.test(x[2] ?? '');
  const kept = mention ? [...x.keys()].filter((c) => c === 0 || c === 4 || c >= 6) : [0, 1];
  return kept.every((c) => x[c] === y[c]);
}

test('fixing chunk by chunk gives what fixing the whole text gives', () => {
  for (const text of [DEFECTS, DEFECTS.replace(/\n/g, '\r\n'), '\ufeff' + DEFECTS, DEFECTS + '\n' + DEFECTS]) {
    const whole = fixText(text);
    for (const target of [0, 100, 1 << 20]) {
      const chunked = fixInChunks(text, target);
      assert.equal(chunked.text, whole.text, `chunks of ${target}`);
      assert.deepEqual(chunked.fixes, whole.fixes.map((f) => `${f.line}:${f.character} ${f.code} ${f.title}`));
    }
  }
});

test('random files: chunked fixing equals whole fixing, leaves nothing fixable and keeps unrelated lines', () => {
  const LINES = [
    '', '1|t|Alpha beta gamma', '1|a|Delta alpha.', '2|t|Alpha beta', '2|a|', '\ufeff3|t|Beta', '1|t|Alpha beta gamma\r',
    '1\t1\t6\tAlpha\tChemical\tD1', '1\t0\t5\tAlpha\tChemical\tD1', '1\t6\t10\tbeta\tDisease\tD2', '1\t6\t10\tBETA\tDisease\tD2',
    '1\tCID\tD1\tD2', '1\tCID\tD1\tD3', '2\t0\t5\tAlpha\tChemical\tD1', '2\t0\t5\tAlpha\tChemical\tD1', '2\tCID\tD1\tD1', 'junk',
  ];
  fc.assert(fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), fc.integer({ min: 0, max: 80 }), (lines, target) => {
    const text = lines.join('\n');
    const whole = fixText(text);
    assert.equal(fixInChunks(text, target).text, whole.text);
    assert.equal(fixableLeft(whole.text), 0);
  }), { numRuns: 300 });
});

describe('--fix on copies of the defective real corpora', () => {
  let fixedFiles = 0;
  after(() => {
    if (!corporaSkip) assert.ok(fixedFiles >= 10, `most defective corpora get fixes (${fixedFiles})`);
  });
  for (const name of DEFECTIVE) {
    it(`${name}: nothing fixable left, no other byte changed, the same with --jobs 1 and 2`, { skip: corporaSkip }, () => {
      const original = readFileSync(join(corporaDir, name));
      const path = copy(original, name.replace(/\//g, '_'));
      const r = run(['check', '--fix', '--jobs', '2', path]);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const fixed = readFileSync(path, 'utf8');
      const reported = r.stdout.split('\n').filter((l) => / fixed [\w-]+ /.test(l)).length;
      if (reported > 0) fixedFiles++;
      assert.match(r.stdout, new RegExp(`^Fixed ${reported} problems? in ${reported ? 1 : 0} files?; left:$`, 'm'));
      assert.equal(fixableLeft(fixed), 0, 'no fixable problem left');
      assertOnlyFixesChanged(original.toString('utf8'), fixed);
      const single = copy(original, 'single.pubtator');
      run(['check', '--fix', '--jobs', '1', single]);
      assert.equal(readFileSync(single, 'utf8'), fixed, '--jobs 1 writes the same bytes');
      // A second run finds nothing to fix and leaves the file alone.
      const inode = statSync(path).ino;
      const again = run(['check', '--fix', path]);
      assert.match(again.stdout, /^Fixed 0 problems in 0 files; left:$/m);
      assert.equal(statSync(path).ino, inode, 'not rewritten');
      assert.deepEqual(readdirSync(join(path, '..')).sort(), [name.replace(/\//g, '_')], 'no temporary file left behind');
    });
  }
});

test('CRLF line ends, a BOM and the file mode are kept', () => {
  const lf = copy(DEFECTS);
  run(['check', '--fix', lf]);
  const fixedLf = readFileSync(lf, 'utf8');
  assert.notEqual(fixedLf, DEFECTS);
  const crlf = copy('\ufeff' + DEFECTS.replace(/\n/g, '\r\n'));
  chmodSync(crlf, 0o640);
  const r = run(['check', '--fix', crlf]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^Fixed 3 problems in 1 file; left:$/m);
  assert.equal(readFileSync(crlf, 'utf8'), '\ufeff' + fixedLf.replace(/\n/g, '\r\n'));
  assert.equal(statSync(crlf).mode & 0o777, 0o640);
  // No final newline: none is added.
  const bare = copy(DEFECTS.trimEnd());
  run(['check', '--fix', bare]);
  assert.equal(readFileSync(bare, 'utf8'), fixedLf.trimEnd());
});

test('a symbolic link stays a link; the file it points to is fixed', () => {
  const target = copy(DEFECTS);
  const link = join(target, '..', 'link.pubtator');
  symlinkSync(target, link);
  run(['check', '--fix', link]);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.notEqual(readFileSync(target, 'utf8'), DEFECTS);
});

test('--fix-dry-run prints a diff that patch applies to give what --fix writes, and writes nothing', () => {
  const path = copy(DEFECTS);
  const dry = run(['check', '--fix-dry-run', path]);
  assert.equal(dry.code, 1);
  assert.equal(readFileSync(path, 'utf8'), DEFECTS, 'nothing written');
  assert.match(dry.stdout, /^--- .*f\.pubtator\n\+\+\+ .*f\.pubtator\n@@ -1,13 \+1,12 @@\n/);
  assert.match(dry.stderr, /fixed text-mismatch Move the mention/);
  assert.match(dry.stderr, /pubtator: 3 problems would be fixed\.\n$/);
  const patched = copy(DEFECTS, 'patched.pubtator');
  execFileSync('patch', ['-s', patched], { input: dry.stdout });
  run(['check', '--fix', path]);
  assert.equal(readFileSync(patched, 'utf8'), readFileSync(path, 'utf8'));
  const clean = run(['check', '--fix-dry-run', join(CLI_FIXTURES, 'clean.pubtator')]);
  assert.equal(clean.code, 0);
  assert.equal(clean.stdout, '');
  // From stdin, and on .gz files: nothing is written, so both are fine.
  assert.equal(run(['check', '--fix-dry-run', '-'], { input: DEFECTS }).stdout.replace(/^(---|\+\+\+) .*$/gm, ''), dry.stdout.replace(/^(---|\+\+\+) .*$/gm, ''));
  const gz = copy(gzipSync(DEFECTS), 'f.pubtator.gz');
  assert.equal(run(['check', '--fix-dry-run', gz]).code, 1);
});

test('.gz and stdin are fixed only with --output; --output writes there (gzipped for .gz) and checks it', () => {
  const gz = copy(gzipSync(DEFECTS), 'f.pubtator.gz');
  const refused = run(['check', '--fix', gz]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /f\.pubtator\.gz: not fixed: --fix writes files in place, and does not rewrite a \.gz file; give --output PATH/);
  assert.deepEqual(gunzipSync(readFileSync(gz)).toString('utf8'), DEFECTS);
  const stdin = run(['check', '--fix', '-'], { input: DEFECTS });
  assert.equal(stdin.code, 2);
  assert.match(stdin.stderr, /-: not fixed: .* stdin/);

  const out = join(gz, '..', 'fixed.pubtator.gz');
  const r = run(['check', '--fix', gz, '--output', out]);
  assert.equal(r.code, 1, r.stderr);
  const fixed = gunzipSync(readFileSync(out)).toString('utf8');
  assert.equal(fixableLeft(fixed), 0);
  assert.match(r.stdout, /fixed\.pubtator\.gz:9:70: warning composite-count-mismatch/, 'what is left is checked in the output file');
  const piped = run(['check', '--fix', '-', '-o', '-'], { input: DEFECTS });
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stdout, fixed);
  assert.match(piped.stderr, /fixed text-mismatch/);
  for (const argv of [['check', '--output', out, gz], ['check', '--fix', '--output', out, gz, gz], ['check', '--fix', '--fix-dry-run', gz], ['check', '--fix-dry-run', '-o', out, gz]]) {
    assert.equal(run(argv).code, 2, argv.join(' '));
  }
});

test('a file that is not valid UTF-8, or not writable, is left alone and reported', () => {
  const latin1 = copy(Buffer.concat([Buffer.from(DEFECTS.slice(0, 40)), Buffer.from([0xe9, 0x0a]), Buffer.from(DEFECTS.slice(40))]));
  const bytes = readFileSync(latin1);
  const r = run(['check', '--fix', latin1]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not valid UTF-8 text: not fixed/);
  assert.deepEqual(readFileSync(latin1), bytes);
  if (process.getuid?.() !== 0) {
    const locked = copy(DEFECTS);
    chmodSync(locked, 0o444);
    const denied = run(['check', '--fix', locked]);
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /permission denied/);
    assert.equal(readFileSync(locked, 'utf8'), DEFECTS);
  }
});

test('a fix that would make a new problem waits for a person: the near-miss id that would repeat a relation', () => {
  const path = copy(DEFECTS);
  const r = run(['check', '--fix', path]);
  assert.match(r.stdout, /:12:13: error dangling-relation-id No mention in document 2385256 carries "D003001"/);
  assert.match(readFileSync(path, 'utf8'), /\tCID\tD003001\tD007022\n/);
});

test('--fix --quiet fixes errors only; a check turned off is not fixed', () => {
  const quiet = copy(DEFECTS);
  run(['check', '--fix', '--quiet', quiet]);
  assert.equal(readFileSync(quiet, 'utf8').split('\n')[12], '2385256\tCID\tD003000\tD007022', 'the warning-level duplicate relation is left');
  // A case difference in a file that writes the covered text verbatim is an error: its row's text is fixed.
  assert.match(readFileSync(quiet, 'utf8'), /\t207\t215\tnaloxone\t/);
  assert.doesNotMatch(readFileSync(quiet, 'utf8'), /\t50\t59\tclonidine\t/, 'the error is fixed');
  const off = copy(DEFECTS);
  run(['check', '--fix', '--severity', 'text-mismatch=off', off]);
  assert.match(readFileSync(off, 'utf8'), /\t50\t59\tclonidine\t/);
});
