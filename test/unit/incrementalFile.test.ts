// Incremental re-parsing must give exactly what a full parse of the new text
// gives: random edits of PubTator text, compared edit by edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalFile } from '../../server/src/service/incrementalFile';
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { validateFile } from '../../server/src/service/validate';
import { fileCounts } from '../../server/src/service/features/fileIndex';
import { doc, file, row } from '../support/build';

const SEED = file(
  doc('1', 'Naloxone reverses clonidine hypotension', 'Naloxone blocked it.',
    row(1, 0, 8, 'Naloxone', 'Chemical', 'D009270'), row(1, 18, 27, 'clonidine', 'Chemical', 'D003000'),
    row(1, 'CID', 'D003000', 'D007022')),
  doc('2', 'Aspirin and pain', 'Aspirin helps.', row(2, 0, 7, 'Aspirin', 'Chemical', 'D001241'), row(2, 12, 16, 'pain', 'Disease', 'D010146')),
  doc('2', 'Aspirin again', ''),
  doc('3', 'Third', 'Text', row(3, 0, 5, 'Third', 'Other', '-')),
);

const KEYS = ['MESH:D009270', 'MESH:D003000', 'MESH:D001241', 'MESH:D007022', 'D1', 'NCBI:1'];

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies one edit both ways and compares. */
function step(inc: IncrementalFile, text: string, at: number, remove: number, insert: string): string {
  const end = Math.min(text.length, at + remove);
  const newText = text.slice(0, at) + insert + text.slice(end);
  const s = position(text, at);
  const e = position(text, end);
  const newEnd = position(newText, at + insert.length);
  const lines = newText.split('\n');
  inc.applyEdit({ startLine: s.line, endLine: e.line, newEndLine: newEnd.line }, (a, b) => lines.slice(a, b + 1).join('\n'));
  const full = parsePubtator(newText);
  const got = inc.file;
  assert.deepEqual(got.documents.map((d) => [d.id, d.startLine, d.endLine, d.continuesPrevious, d.mentions.length, d.relations.length, d.text]),
    full.documents.map((d) => [d.id, d.startLine, d.endLine, d.continuesPrevious, d.mentions.length, d.relations.length, d.text]));
  assert.deepEqual(got.stray.map((s) => s.line), full.stray.map((s) => s.line));
  assert.equal(got.lineCount, full.lineCount);
  assert.deepEqual(inc.diagnostics(), validateFile(full));
  for (const key of KEYS) assert.deepEqual(fileCounts(got, key), fileCounts(full, key), key);
  return newText;
}

test('typing a character, a tab, a newline or deleting one keeps the model exact', () => {
  let text = SEED;
  const inc = new IncrementalFile(text);
  inc.diagnostics();
  fileCounts(inc.file, KEYS[0]);
  text = step(inc, text, text.indexOf('Naloxone\tChem'), 1, 'n');
  text = step(inc, text, text.indexOf('\n\n2|t|'), 1, '');
  text = step(inc, text, text.indexOf('2|a|'), 0, '\n');
  text = step(inc, text, text.indexOf('3|t|'), 0, '3\t0\t1\tx\tOther\t-\n');
  text = step(inc, text, 0, 0, 'junk line\n');
  step(inc, text, text.length, 0, '4|t|New doc\n4|a|\n');
});

test('random edits give the same documents, stray lines and diagnostics as a full parse', () => {
  const snippet = fc.constantFrom('', 'x', '\t', '\n', '\n\n', '1|t|T', '2|a|A', '1\t0\t1\tN\tChemical\tD1', '\tCID\tD003000\tD1', '|', '3', 'é', '𝛼', '\r\n');
  fc.assert(fc.property(
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.array(snippet, { maxLength: 3 })), { minLength: 1, maxLength: 12 }),
    (edits) => {
      let text = SEED;
      const inc = new IncrementalFile(text);
      inc.diagnostics();
      fileCounts(inc.file, KEYS[0]);
      for (const [at, remove, parts] of edits) {
        // Edits never split a surrogate pair: editors do not either.
        let pos = at % (text.length + 1);
        if (pos > 0 && pos < text.length && text.charCodeAt(pos) >= 0xdc00 && text.charCodeAt(pos) <= 0xdfff) pos--;
        let end = Math.min(text.length, pos + remove);
        if (end > 0 && end < text.length && text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end++;
        text = step(inc, text, pos, end - pos, parts.join(''));
      }
    },
  ), { numRuns: 300 });
});
