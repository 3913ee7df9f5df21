// ChunkedTextDocument against the library's TextDocument: same observable
// behaviour after random edits (tiny chunk sizes, so edits hit chunk
// boundaries all the time), and an edit in a big document stays local.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocuments, type TextDocumentsConfiguration } from 'vscode-languageserver';
import { ChunkedTextDocument, DEFAULT_CHUNK_SIZE } from '../../server/src/lsp/chunkedTextDocument';

// ---- generators -----------------------------------------------------------

const SMILE = '\u{1F600}'; // an astral character: a surrogate pair in UTF-16
const unit = fc.constantFrom('a', 'b', 'Z', ' ', '\t', '|', 'é', SMILE, '0');
const shortLine = fc.array(unit, { maxLength: 6 }).map((a) => a.join(''));
const longLine = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 4 }), fc.integer({ min: 20, max: 90 }))
  .map(([a, n]) => a.join('').repeat(n));
const line = fc.oneof({ arbitrary: shortLine, weight: 5 }, { arbitrary: longLine, weight: 1 }, { arbitrary: fc.constant(''), weight: 2 });
// Lone `\r` is a line break here, as in the library, so it is generated too.
const eol = fc.oneof({ arbitrary: fc.constant('\n'), weight: 4 }, { arbitrary: fc.constant('\r\n'), weight: 3 }, { arbitrary: fc.constant('\r'), weight: 1 });

/** Lines joined by random line breaks, sometimes with a final one. */
function textOf(maxLines: number): fc.Arbitrary<string> {
  return fc.tuple(fc.array(fc.tuple(line, eol), { maxLength: maxLines }), line)
    .map(([pairs, last]) => pairs.map(([l, e]) => l + e).join('') + last);
}
const documentText = fc.oneof(textOf(40), fc.constant(''));
// Inserted text: often empty (a delete), single chars, line breaks, several lines.
const insertText = fc.oneof(
  fc.constant(''), fc.constantFrom('x', '\n', '\r', '\r\n', SMILE, '\n\n'), textOf(6),
);

interface RawChange { sl: number; sc: number; el: number; ec: number; text: string }
type Step = { full: string } | { changes: RawChange[] };
const nat = fc.nat({ max: 1_000_000 });
const rawChange = fc.record({ sl: nat, sc: nat, el: nat, ec: nat, text: insertText });
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.array(rawChange, { minLength: 1, maxLength: 3 }).map((changes) => ({ changes })), weight: 12 },
  { arbitrary: documentText.map((full) => ({ full })), weight: 1 },
);

// ---- reference ------------------------------------------------------------

/** Independent of both implementations: line contents and the breaks after them. */
function splitLines(text: string): { lines: string[]; breaks: string[] } {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const breaks: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i]);
    if (i + 1 < parts.length) breaks.push(parts[i + 1]);
  }
  return { lines, breaks };
}

function expectedLines(text: string, first: number, last: number): string {
  const { lines, breaks } = splitLines(text);
  const a = Math.max(first, 0);
  const b = Math.min(last, lines.length - 1);
  let out = '';
  for (let i = a; i <= b; i++) out += lines[i] + (i < b ? breaks[i] : '');
  return out;
}

/** Maps a random natural to a line in [-2, lineCount + 2) and a character in [-2, longest + 4). */
function positionFrom(ref: TextDocument, nl: number, nc: number): Position {
  const longest = Math.max(0, ...splitLines(ref.getText()).lines.map((l) => l.length));
  return { line: (nl % (ref.lineCount + 4)) - 2, character: (nc % (longest + 6)) - 2 };
}

/**
 * Applies the changes to the reference text. Each change goes to a freshly
 * created library document: the library's own incremental line table goes
 * wrong for ranges on lines past the end (see the test below), so the
 * reference is "the library's result on a document created from the text".
 */
function applyToReference(text: string, changes: TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    const doc = TextDocument.create('ref', 'x', 0, text);
    TextDocument.update(doc, [change], 1);
    text = doc.getText();
  }
  return text;
}

function compare(doc: ChunkedTextDocument, text: string, version: number, probes: number[]): void {
  const ref = TextDocument.create('ref', 'x', version, text);
  assert.equal(doc.getText(), text);
  assert.equal(doc.lineCount, ref.lineCount);
  assert.equal(doc.lineCount, splitLines(text).lines.length);
  assert.equal(doc.version, version);
  for (let p = 0; p + 3 < probes.length; p += 4) {
    const [a, b, c, d] = probes.slice(p, p + 4);
    const l1 = (a % (ref.lineCount + 4)) - 2;
    const l2 = (b % (ref.lineCount + 4)) - 2;
    assert.equal(doc.getLines(l1, l2), expectedLines(text, l1, l2), `getLines(${l1}, ${l2})`);
    const offset = (c % (text.length + 7)) - 3;
    assert.deepEqual(doc.positionAt(offset), ref.positionAt(offset), `positionAt(${offset})`);
    const pos = positionFrom(ref, a, d);
    assert.equal(doc.offsetAt(pos), ref.offsetAt(pos), `offsetAt(${JSON.stringify(pos)})`);
    const range: Range = { start: pos, end: positionFrom(ref, b, c) }; // may be reversed
    assert.equal(doc.getText(range), ref.getText(range), `getText(${JSON.stringify(range)})`);
    assert.deepEqual(doc.getLineRange(l1), ref.getLineRange(l1), `getLineRange(${l1})`);
    assert.equal(doc.getEOLCharacters(l2), ref.getEOLCharacters(l2), `getEOLCharacters(${l2})`);
  }
}

// ---- tests ----------------------------------------------------------------

describe('ChunkedTextDocument matches the library TextDocument', () => {
  it('after random incremental and full changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 8, 64, 200), documentText, fc.array(step, { maxLength: 15 }),
        fc.array(nat, { minLength: 24, maxLength: 24 }),
        (chunkSize, initial, steps, probes) => {
          const doc = ChunkedTextDocument.create('file:///a', 'pubtator', 1, initial, { chunkSize });
          let text = initial;
          compare(doc, text, 1, probes);
          steps.forEach((s, n) => {
            const version = n + 2;
            let changes: TextDocumentContentChangeEvent[];
            if ('full' in s) {
              changes = [{ text: s.full }];
            } else {
              // Positions are drawn against the reference as each change will see it.
              changes = [];
              let t = text;
              for (const c of s.changes) {
                const ref = TextDocument.create('ref', 'x', 0, t);
                const change = { range: { start: positionFrom(ref, c.sl, c.sc), end: positionFrom(ref, c.el, c.ec) }, text: c.text };
                changes.push(change);
                t = applyToReference(t, [change]);
              }
            }
            const returned = ChunkedTextDocument.update(doc, changes, version);
            assert.equal(returned, doc);
            text = applyToReference(text, changes);
            compare(doc, text, version, probes);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the library, not us, loses its line table on a range past the last line', () => {
    const change = { range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'x\ny' };
    const lib = TextDocument.update(TextDocument.create('u', 'x', 1, 'a\nb'), [change], 2);
    const ours = ChunkedTextDocument.update(ChunkedTextDocument.create('u', 'x', 1, 'a\nb'), [change], 2);
    assert.equal(lib.getText(), 'a\nbx\ny');
    assert.equal(ours.getText(), 'a\nbx\ny');
    assert.equal(lib.lineCount, 7); // wrong: the text has 3 lines
    assert.equal(ours.lineCount, 3);
  });
});

describe('ChunkedTextDocument line breaks', () => {
  const edit = (doc: ChunkedTextDocument, line: number, character: number, text: string, endLine = line, endCharacter = character) =>
    ChunkedTextDocument.update(doc, [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text }], doc.version + 1);

  it('treats a lone \\r as a line break, like the library', () => {
    const doc = ChunkedTextDocument.create('u', 'x', 1, 'a\rb\r\nc\nd');
    assert.equal(doc.lineCount, 4);
    assert.equal(doc.getLines(0, 1), 'a\rb');
    assert.equal(doc.getLines(1, 3), 'b\r\nc\nd');
    assert.equal(doc.getEOLCharacters(0), '\r');
  });

  it('joins \\r and \\n across a chunk boundary when an edit brings them together', () => {
    // Chunk size 2: "ab\r" is one chunk, "cd\n" the next; deleting "cd" joins \r and \n.
    const doc = ChunkedTextDocument.create('u', 'x', 1, 'ab\rcd\nef', { chunkSize: 2 });
    assert.ok(doc.chunkCount >= 2);
    edit(doc, 1, 0, '', 1, 2);
    assert.equal(doc.getText(), 'ab\r\nef');
    assert.equal(doc.lineCount, 2);
    assert.equal(doc.getLines(0, 0), 'ab');
    assert.deepEqual(doc.positionAt(3), { line: 0, character: 2 });
    // Inserting \n right after a chunk ending in \r.
    const doc2 = ChunkedTextDocument.create('u', 'x', 1, 'ab\rcd', { chunkSize: 2 });
    edit(doc2, 1, 0, '\nX');
    assert.equal(doc2.getText(), 'ab\r\nXcd');
    assert.equal(doc2.lineCount, 2);
    assert.equal(doc2.getLines(1, 1), 'Xcd');
  });

  it('joins \\r and \\n when the text between them is deleted', () => {
    // No position lies between \r and \n (offsetAt clamps before the \r), so start from text with X between them.
    const doc = ChunkedTextDocument.create('u', 'x', 1, 'ab\rX\ncd', { chunkSize: 2 });
    assert.equal(doc.lineCount, 3);
    assert.equal(doc.getLines(1, 1), 'X');
    edit(doc, 1, 0, '', 1, 1); // delete X: \r and \n meet again
    assert.equal(doc.getText(), 'ab\r\ncd');
    assert.equal(doc.lineCount, 2);
  });

  it('empties the document and fills it again', () => {
    const doc = ChunkedTextDocument.create('u', 'x', 1, 'one\ntwo\r\nthree\n', { chunkSize: 4 });
    edit(doc, 0, 0, '', 99, 0);
    assert.equal(doc.getText(), '');
    assert.equal(doc.lineCount, 1);
    assert.equal(doc.getLines(0, 5), '');
    assert.deepEqual(doc.positionAt(10), { line: 0, character: 0 });
    edit(doc, 0, 0, 'x\ny\n');
    assert.equal(doc.lineCount, 3);
    assert.equal(doc.getLines(-4, 99), 'x\ny\n');
  });

  it('clamps getLines to the document', () => {
    const doc = ChunkedTextDocument.create('u', 'x', 1, 'a\nb\nc');
    assert.equal(doc.getLines(-3, 0), 'a');
    assert.equal(doc.getLines(2, 10), 'c');
    assert.equal(doc.getLines(3, 10), '');
    assert.equal(doc.getLines(2, 1), '');
    assert.equal(doc.getLines(Number.NaN, Number.NaN), 'a');
  });

  it('rejects what the library rejects', () => {
    const doc = ChunkedTextDocument.create('u', 'x', 1, 'a');
    assert.throws(() => doc.update([{ rangeLength: 1 } as unknown as TextDocumentContentChangeEvent], 2), /Unknown change event/);
    assert.throws(() => ChunkedTextDocument.update(TextDocument.create('u', 'x', 1, 'a') as ChunkedTextDocument, [], 2));
  });
});

describe('ChunkedTextDocument in TextDocuments', () => {
  it('plugs in as a TextDocumentsConfiguration', () => {
    const configuration: TextDocumentsConfiguration<ChunkedTextDocument> = {
      create: ChunkedTextDocument.create,
      update: ChunkedTextDocument.update,
    };
    const documents = new TextDocuments(configuration);
    assert.deepEqual(documents.all(), []);
    const doc = configuration.create('file:///a', 'pubtator', 3, 'x\ny');
    const same = configuration.update(doc, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'z' }], 4);
    assert.equal(same, doc);
    assert.equal(doc.getText(), 'x\nyz');
    assert.equal(doc.version, 4);
    assert.equal(doc.uri, 'file:///a');
    assert.equal(doc.languageId, 'pubtator');
  });
});

describe('ChunkedTextDocument edits stay local', () => {
  /** About `size` chars of PubTator-like lines; returns the text and its lines. */
  function bigDocument(size: number): { text: string; lines: string[] } {
    const lines: string[] = [];
    let length = 0;
    for (let pmid = 10_000_000; length < size; pmid++) {
      const block = [
        `${pmid}|t|Ketamine-induced changes in the hippocampus of rats ${pmid}`,
        `${pmid}|a|We studied the effect of ketamine on memory. Ketamine caused amnesia in 12 of 40 rats, an effect reversed by lithium.`,
        `${pmid}\t0\t8\tKetamine\tChemical\tD007649`,
        `${pmid}\t97\t104\tamnesia\tDisease\tD000647`,
        `${pmid}\tCID\tD007649\tD000647`,
        '',
      ];
      for (const l of block) { lines.push(l); length += l.length + 1; }
    }
    return { text: lines.join('\n'), lines };
  }

  it('a one-character edit in the middle of a 20 MB document rebuilds at most 3 chunks', () => {
    const { text, lines } = bigDocument(20 * 1024 * 1024);
    const doc = ChunkedTextDocument.create('file:///big', 'pubtator', 1, text);
    assert.ok(doc.chunkCount > 300, `${doc.chunkCount} chunks`);
    const chunksBefore = doc.chunkCount;
    const mid = Math.floor(lines.length / 2);
    ChunkedTextDocument.update(doc, [{ range: { start: { line: mid, character: 3 }, end: { line: mid, character: 3 } }, text: 'Q' }], 2);
    const expected = lines[mid].slice(0, 3) + 'Q' + lines[mid].slice(3);
    assert.equal(doc.getLines(mid, mid), expected);
    assert.equal(doc.getLines(mid - 1, mid + 1), [lines[mid - 1], expected, lines[mid + 1]].join('\n'));
    assert.ok(doc.lastUpdateStats.chunksReplaced <= 3, JSON.stringify(doc.lastUpdateStats));
    assert.ok(doc.lastUpdateStats.charsRechunked <= 4 * DEFAULT_CHUNK_SIZE, JSON.stringify(doc.lastUpdateStats));
    assert.equal(doc.lineCount, lines.length);
    assert.equal(doc.offsetAt({ line: mid, character: 4 }), text.indexOf(lines[mid]) + 4);

    // Deleting 1,000 lines rebuilds only the chunks at the two ends of the range.
    ChunkedTextDocument.update(doc, [{ range: { start: { line: mid, character: 0 }, end: { line: mid + 1000, character: 0 } }, text: '' }], 3);
    assert.equal(doc.lineCount, lines.length - 1000);
    assert.equal(doc.getLines(mid, mid), lines[mid + 1000]);
    assert.ok(doc.lastUpdateStats.charsRechunked <= 4 * DEFAULT_CHUNK_SIZE, JSON.stringify(doc.lastUpdateStats));

    // Many scattered one-character edits neither fragment nor bloat the chunks.
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const l = seed % doc.lineCount;
      const change = n % 2 === 0 ? 'x' : '';
      ChunkedTextDocument.update(doc, [{ range: { start: { line: l, character: 0 }, end: { line: l, character: change ? 0 : 1 } }, text: change }], 4 + n);
      assert.ok(doc.lastUpdateStats.chunksReplaced <= 3);
    }
    assert.ok(doc.chunkCount > chunksBefore * 0.7 && doc.chunkCount < chunksBefore * 1.5, `${chunksBefore} -> ${doc.chunkCount} chunks`);
  });
});
