// A worker reads its own range of a plain file (cli/fileRanges.ts): the
// chunks of all ranges, joined by "\n", are the file byte for byte, whatever
// the range size (a document longer than a range leaves the ranges it covers
// empty), each chunk ends where the parser closes a document, and rangeAt
// gives each of those ranges on its own.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fileRanges, rangeAt, readRange, refuseBinary } from '../../../server/src/cli/fileRanges';
import { chunkBytes } from '../../../server/src/service/parse/byteChunks';
import { tempDir } from './cliHarness';

const tmp = tempDir();
after(() => tmp.remove());

/** The chunks of `path` read range by range (undefined: an empty range), with their line counts. */
function readAll(path: string, size: number, target: number): ({ text: string; lines: number } | undefined)[] {
  return fileRanges(path, size, target).map((r) => {
    const piece = readRange(r);
    return piece && { text: Buffer.from(piece.bytes).toString('utf8'), lines: piece.lines };
  });
}

const LINES = ['1|t|Title one', '1|a|Abstract', '1\t0\t5\tTitle\tChemical\tD1', '', '2|t|T2', '2|a|Ab é', '2\tCID\tD1\tD2', ' \t', '3|title|T3',
  '\ufeff', 'stray line', '12345678|t|Long ' + 'x'.repeat(300), '12345678\t0\t4\tLong\tDisease\tD9'];

test('the chunks of every range, joined by newlines, are the file; their lines add up; cuts as the stream chunker makes', () => {
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...LINES), { maxLength: 60 }), fc.boolean(), fc.integer({ min: 1, max: 400 }),
    (lines, finalNewline, target) => {
      const text = lines.join('\n') + (finalNewline ? '\n' : '');
      const path = join(tmp.path, 'ranges.pubtator');
      writeFileSync(path, text);
      const size = Buffer.byteLength(text);
      const chunks = readAll(path, size, target);
      const kept = chunks.filter((c) => c !== undefined);
      assert.equal(kept.map((c) => c.text).join('\n'), text);
      assert.equal(kept.reduce((n, c) => n + c.lines, 0), text.split('\n').length);
      // Every cut is one the stream chunker makes too: where the next line is blank or a title line.
      const streamCuts = new Set<number>();
      let at = 0;
      for (const c of chunkBytes(Buffer.from(text), 0)) streamCuts.add((at += c.lineCount));
      let line = 0;
      for (const c of kept.slice(0, -1)) assert.ok(streamCuts.has((line += c.lines)), `a cut before line ${line}`);
    },
  ), { numRuns: 200 });
});

test('a document longer than several ranges: the ranges it covers are empty, the next starts after it', () => {
  const long = ['9|t|' + 'y'.repeat(1000), '9|a|' + 'z'.repeat(1000), '9\t0\t1\ty\tGene\t7'].join('\n');
  const text = ['1|t|A', '1|a|B', '', long, '', '2|t|C', '2|a|D'].join('\n') + '\n';
  const path = join(tmp.path, 'long.pubtator');
  writeFileSync(path, text);
  const chunks = readAll(path, Buffer.byteLength(text), 256);
  assert.ok(chunks.filter((c) => c === undefined).length >= 4, 'ranges inside the long document are empty');
  assert.equal(chunks.filter((c) => c !== undefined).map((c) => c!.text).join('\n'), text);
});

test('rangeAt gives range i of fileRanges, and a count given to readRange is the one it returns', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 700 }), (size, target) => {
    const ranges = fileRanges('f', size, target);
    if (size > 0) ranges.forEach((r, i) => assert.deepEqual(rangeAt('f', size, target, i), r));
  }));
  const path = join(tmp.path, 'counted.pubtator');
  writeFileSync(path, '1|t|A\n1|a|B\n');
  assert.equal(readRange({ path, start: 0, end: 12, size: 12 })!.lines, 3);
  assert.equal(readRange({ path, start: 0, end: 12, size: 12 }, 3)!.lines, 3);
});

test('an empty file is one empty chunk of one line, as the stream chunker gives', () => {
  const path = join(tmp.path, 'empty.pubtator');
  writeFileSync(path, '');
  assert.deepEqual(readAll(path, 0, 1024), [{ text: '', lines: 1 }]);
});

test('binary data is refused before any range is read', async () => {
  const path = join(tmp.path, 'binary.pubtator');
  writeFileSync(path, Buffer.from([49, 124, 116, 124, 0, 1, 2]));
  await assert.rejects(refuseBinary(path), /binary data \(a NUL byte at byte 4\)/);
  writeFileSync(path, '1|t|fine\n');
  await refuseBinary(path);
});
