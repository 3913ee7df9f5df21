// The chunked checker (map: checkChunk per chunk, reduce: FileReducer in file
// order) must give exactly what validateFile gives on the whole text: same
// diagnostics, same order (the rows held for the file's habits come at its end,
// and are sorted in as the command line prints them), whatever the chunk boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ByteChunker } from '../../../server/src/service/parse/byteChunks';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { StreamingValidator } from '../../../server/src/service/streamingValidator';
import type { Diagnostic } from '../../../server/src/service/types';
import { sortDiagnostics, validateFile, type ValidationOptions } from '../../../server/src/service/validate';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';
import { doc, file, row } from '../../support/build';

/**
 * Feeds `bytes` through the CLI's path in `piece`-byte pieces, cut into chunks
 * of `target` bytes (0: one per document), each decoded and checked on its own.
 */
function streamed(bytes: Uint8Array, piece: number, options: ValidationOptions = {}, target = 0): Diagnostic[] {
  const out: Diagnostic[] = [];
  const validator = new StreamingValidator(options);
  const chunker = new ByteChunker(target);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const check = (chunks: ReturnType<ByteChunker['end']>) => {
    for (const c of chunks) out.push(...validator.validateBlock(decoder.decode(c.bytes), c.firstLine).diagnostics);
  };
  for (let i = 0; i < bytes.length; i += piece) check(chunker.push(bytes.subarray(i, i + piece)));
  check(chunker.end());
  out.push(...validator.end());
  return sortDiagnostics(out);
}

function whole(text: string, options: ValidationOptions = {}): Diagnostic[] {
  return validateFile(parsePubtator(text), options);
}

function sameAsWhole(text: string, chunk: number, options: ValidationOptions = {}): void {
  const expected = whole(text, options);
  for (const target of [0, 50, 1 << 18]) {
    assert.deepEqual(streamed(Buffer.from(text, 'utf8'), chunk, options, target), expected, `blocks of ${target}`);
  }
}

/** Every file below `dir`, skipping binary ones (a NUL byte), which the CLI refuses. */
function textFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...textFiles(path));
    else if (entry.isFile() && !readFileSync(path).subarray(0, 8000).includes(0)) found.push(path);
  }
  return found.sort();
}

const KETAMINE = doc('100', 'Ketamine and pain', 'Ketamine eased pain.',
  row(100, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
  row(100, 13, 17, 'pain', 'Disease', 'MESH:D010146'));

test('every fixture streams to the same diagnostics as validateFile on the whole text', () => {
  const files = textFiles(fixturesDir);
  assert.ok(files.length >= 5, 'the CLI fixtures at least');
  const variants: ValidationOptions[] = [
    {},
    { unit: 'utf16', severities: { 'duplicate-document': 'error', 'unknown-entity-type': 'off' } },
    { severities: { 'duplicate-document': 'off' } },
  ];
  for (const path of files) {
    const bytes = readFileSync(path);
    for (const options of variants) {
      const expected = whole(bytes.toString('utf8'), options);
      for (const target of [0, 200, 1 << 18]) {
        assert.deepEqual(streamed(bytes, 7, options, target), expected, `${path} ${JSON.stringify(options)} blocks of ${target}`);
      }
    }
  }
});

test('every file of the shared corpora streams to the same diagnostics as validateFile', { skip: corporaSkip }, () => {
  const files = textFiles(corporaDir);
  assert.ok(files.length > 10);
  for (const path of files) {
    const bytes = readFileSync(path);
    const expected = whole(bytes.toString('utf8'));
    // An odd chunk size splits lines and multi-byte characters at many places;
    // blocks of one document each, and of the CLI's size.
    assert.deepEqual(streamed(bytes, 65_537), expected, path);
    assert.deepEqual(streamed(bytes, 65_537, {}, 1 << 18), expected, `${path} in large blocks`);
  }
});

test('duplicates across blocks, NLM-Chem continuations and documents without blank lines', () => {
  // Consecutive documents of one id are continuations (NLM-Chem), not duplicates.
  assert.equal(streamed(Buffer.from(file(KETAMINE, KETAMINE)), 16).filter((d) => d.code === 'duplicate-document').length, 0);
  const nlm = ['7|t|Passage one', '7|a|', row(7, 0, 7, 'Passage', 'Chemical', '-'), '', '7|t|Passage two', '7|a|'].join('\n');
  const texts = [
    file(KETAMINE, doc('200', 'Other', 'Text.'), KETAMINE),
    file(nlm, KETAMINE, nlm),
    KETAMINE + '\n' + doc('200', 'Other', 'Text.') + '\n' + KETAMINE + '\n',
    file(KETAMINE, 'junk line', doc('300', 'Third', 'Text.'), 'more\tjunk', KETAMINE),
  ];
  for (const text of texts) {
    const expected = whole(text);
    assert.ok(expected.some((d) => d.code === 'duplicate-document'), 'the case has a duplicate');
    for (const chunk of [1, 3, 64, 1 << 20]) sameAsWhole(text, chunk);
  }
});

test('CRLF, a byte-order mark, a BOM mid-file and a last line without newline', () => {
  const crlf = '\ufeff' + file(KETAMINE, KETAMINE).replace(/\n/g, '\r\n');
  sameAsWhole(crlf, 5);
  sameAsWhole(crlf.trimEnd(), 5);
  // Mid-file the parser does not skip a BOM; the streaming path must not either.
  sameAsWhole(file(KETAMINE, '\ufeff' + KETAMINE), 4);
  sameAsWhole('\ufeff\n' + KETAMINE, 4);
  sameAsWhole('', 1);
  sameAsWhole('\n\n \t\r\n', 1);
});

test('the streaming validator reports duplicate-document at the level asked for, or not at all', () => {
  const text = file(KETAMINE, doc('200', 'Other', 'Text.'), KETAMINE);
  const codes = (options: ValidationOptions) => streamed(Buffer.from(text), 8, options, 0).filter((d) => d.code === 'duplicate-document');
  assert.equal(codes({}).length, 1);
  assert.equal(codes({ severities: { 'duplicate-document': 'error' } })[0].severity, 1);
  assert.equal(codes({ severities: { 'duplicate-document': 'off' } }).length, 0);
  // Called directly with chunks: the first occurrence keeps its line.
  const v = new StreamingValidator();
  v.validateBlock(KETAMINE, 4);
  v.validateBlock(doc('200', 'Other', 'Text.'), 20);
  const second = v.validateBlock(KETAMINE, 40).diagnostics.find((d) => d.code === 'duplicate-document');
  assert.match(second?.message ?? '', /at line 5;/);
});

// Lines to build random files from: every shape the parser tells apart, and
// the ones the splitter must treat with care (BOMs, CR, title lines, blanks).
const LINES = [
  '', ' ', '\t', '\r', '\ufeff', '\ufeff1|t|Bom title',
  '1|t|Alpha beta', '1|a|Gamma delta.', '2|t|Alpha beta', '2|a|Gamma delta.', '2|title|Full text', '2|abstract|Late',
  '1|a|', '3|body|Body text', 'X_1|t|Odd id',
  row(1, 0, 5, 'Alpha', 'Chemical', 'MESH:D1'), row(1, 6, 10, 'beta', 'Disease', 'MESH:D2'),
  row(2, 0, 5, 'Alpha', 'Chemical', 'MESH:D1'), row(2, 'Association', 'MESH:D1', 'MESH:D2'),
  row(2, 'Association', 'MESH:D1', 'MESH:D1'), row(1, 0, 99, 'far', 'Gene', '5444'),
  'junk', 'a\tb', '1\t2\t3', '1|t|\u{1F600} astral', row(1, 0, 1, '\u{1F600}', 'Chemical', ''),
  '1|t|Alpha beta\r', row(2, 0, 5, 'Alpha', 'Chemical', 'MESH:D1') + '\r',
  // Ids that only rows can carry (a bar, spaces around), heading a document.
  row('a|b', 0, 1, 'A', 'Chemical', 'X'), row(' 9 ', 'Association', 'X', 'Y'), ' 9 |t|Spaced id',
];

test('random files stream to the same diagnostics as validateFile, at any chunk size', () => {
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...LINES), { maxLength: 40 }),
    fc.boolean(),
    fc.integer({ min: 1, max: 50 }),
    fc.integer({ min: 0, max: 120 }),
    (lines, finalNewline, chunk, target) => {
      const text = lines.join('\n') + (finalNewline ? '\n' : '');
      assert.deepEqual(streamed(Buffer.from(text, 'utf8'), chunk, {}, target), whole(text));
    },
  ), { numRuns: 400 });
});
