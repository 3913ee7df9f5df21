// Text corrections carry the annotations (edits/curate/carryAnnotations.ts):
// hand-worked shifts, growth, shrinking and lost spans, the file's offset
// unit, and a property on real corpora: after any edit of a passage's text,
// every span that covered its words still covers them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { row } from '../../support/build';
import { lines } from '../features/support';
import { applyEdits, diagnostics, service } from './support';
import { carryAnnotations, composeLineChanges, type Carry, type LineChange } from '../../../server/src/service/edits/curate/carryAnnotations';
import { mentionSpan } from '../../../server/src/service/parse/documentText';
import type { ParsedFile } from '../../../server/src/service/parse/model';
import type { OffsetUnit } from '../../../server/src/service/types';
import { corporaDir, corporaSkip } from '../../support/paths';
import { CarryTracker } from '../../../server/src/service/edits/curate/carryTracker';

const TEXT = lines(
  '9|t|Aspirin and pain relief.',
  '9|a|Aspirin eased chronic pain in adults.',
  row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
  row('9', 12, 16, 'pain', 'Disease', 'D010146'),
  row('9', 25, 32, 'Aspirin', 'Chemical', 'D001241'),
  row('9', 39, 51, 'chronic pain', 'Disease', 'D059350'),
  row('9', 'CID', 'D001241', 'D059350'),
);

/** Replaces the `nth` occurrence of `old` on a line's text by `text`, carrying the rows; returns the new file text. */
function edit(text: string, line: number, old: string, replacement: string, unit: OffsetUnit = 'codepoint', nth = 0): { after: string; carry: Carry } {
  const l = text.split('\n')[line];
  let at = l.indexOf('|', l.indexOf('|') + 1);
  for (let i = 0; i <= nth; i++) at = l.indexOf(old, at + 1);
  assert.ok(at >= 0, old);
  const range = { start: { line, character: at }, end: { line, character: at + old.length } };
  const carry = carryAnnotations(service.parse(text), { range, text: replacement }, unit);
  assert.ok(carry);
  return { after: applyEdits(text, [{ range, newText: replacement }, ...carry.edits]), carry };
}

describe('carrying annotations through text corrections', () => {
  it('grows a mention an edit replaces and shifts every mention after it', () => {
    const { after, carry } = edit(TEXT, 0, 'Aspirin', 'Low-dose Aspirin');
    assert.deepEqual(after.split('\n').slice(2, 6), [
      row('9', 0, 16, 'Low-dose Aspirin', 'Chemical', 'D001241'),
      row('9', 21, 25, 'pain', 'Disease', 'D010146'),
      row('9', 34, 41, 'Aspirin', 'Chemical', 'D001241'),
      row('9', 48, 60, 'chronic pain', 'Disease', 'D059350'),
    ]);
    assert.equal(carry.shifted, 3);
    assert.deepEqual(diagnostics(after), []);
  });

  it('shifts a mention an insertion comes right before, and leaves one it comes right after', () => {
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } };
    const carry = carryAnnotations(service.parse(TEXT), { range, text: 'New ' }, 'codepoint')!;
    const after = applyEdits(TEXT, [{ range, newText: 'New ' }, ...carry.edits]);
    assert.equal(after.split('\n')[2], row('9', 4, 11, 'Aspirin', 'Chemical', 'D001241'));
    const end = { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } };
    const c2 = carryAnnotations(service.parse(TEXT), { range: end, text: 's' }, 'codepoint')!;
    assert.equal(applyEdits(TEXT, [{ range: end, newText: 's' }, ...c2.edits]).split('\n')[2], row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'));
    assert.equal(c2.shifted, 3);
  });

  it('grows and shrinks a mention the edit falls inside, keeping its id', () => {
    const grown = edit(TEXT, 1, 'chronic', 'chronical');
    assert.equal(grown.after.split('\n')[5], row('9', 39, 53, 'chronical pain', 'Disease', 'D059350'));
    assert.equal(grown.carry.resized, 1);
    const shrunk = edit(TEXT, 1, 'chronic pain', 'chronic ache');
    assert.equal(shrunk.after.split('\n')[5], row('9', 39, 51, 'chronic ache', 'Disease', 'D059350'));
    assert.deepEqual(diagnostics(grown.after), []);
  });

  it('shifts mentions of the abstract after an edit of the title', () => {
    const { after } = edit(TEXT, 0, 'pain relief', 'relief');
    assert.deepEqual(after.split('\n').slice(2, 6), [
      row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
      row('9', 12, 18, 'relief', 'Disease', 'D010146'),
      row('9', 20, 27, 'Aspirin', 'Chemical', 'D001241'),
      row('9', 34, 46, 'chronic pain', 'Disease', 'D059350'),
    ]);
  });

  it('leaves a mention whose words are deleted, and counts it lost', () => {
    const { after, carry } = edit(TEXT, 0, 'Aspirin ', '');
    assert.equal(carry.lost, 1);
    assert.equal(after.split('\n')[2], row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'));
    assert.equal(after.split('\n')[3], row('9', 4, 8, 'pain', 'Disease', 'D010146'));
  });

  it('counts in the file\'s unit past astral characters', () => {
    const astral = lines('5|t|The 𝛂 chain of TNF.', row('5', 15, 18, 'TNF', 'Gene', '7124'));
    assert.equal(edit(astral, 0, 'The', 'A 𝛃', 'codepoint').after.split('\n')[1], row('5', 15, 18, 'TNF', 'Gene', '7124'));
    assert.equal(edit(astral, 0, 'The', '𝛃', 'codepoint').after.split('\n')[1], row('5', 13, 16, 'TNF', 'Gene', '7124'));
    const u16 = lines('5|t|The 𝛂 chain of TNF.', row('5', 16, 19, 'TNF', 'Gene', '7124'));
    assert.equal(edit(u16, 0, 'The', '𝛃', 'utf16').after.split('\n')[1], row('5', 15, 18, 'TNF', 'Gene', '7124'));
  });

  it('does nothing for a change outside a passage\'s text', () => {
    const file = service.parse(TEXT);
    assert.equal(carryAnnotations(file, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '8' }, 'codepoint'), undefined);
    assert.equal(carryAnnotations(file, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: '' }, 'codepoint'), undefined);
    assert.equal(carryAnnotations(file, { range: { start: { line: 0, character: 5 }, end: { line: 1, character: 2 } }, text: '' }, 'codepoint'), undefined);
  });
});

function rightSpans(file: ParsedFile): number {
  let n = 0;
  for (const d of file.documents) for (const m of d.mentions) if (mentionSpan(d, m, 'codepoint')?.covered === m.textField.text) n++;
  return n;
}

describe('carrying annotations on real corpora', () => {
  it('keeps every span covering its words after any edit of a passage', { skip: corporaSkip }, () => {
    const path = join(corporaDir, 'biored', 'Dev.PubTator');
    if (!existsSync(path)) return;
    const text = readFileSync(path, 'utf8').split('\n\n').slice(0, 4).join('\n\n') + '\n';
    const file = service.parse(text);
    const passages = file.documents.flatMap((d) => d.passages);
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(12), fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', 'é'), maxLength: 10 }), (p, at, length, inserted) => {
      const passage = passages[p % passages.length];
      const from = passage.text.start + (at % (passage.text.text.length + 1));
      const to = Math.min(passage.text.end, from + length);
      const range = { start: { line: passage.line, character: from }, end: { line: passage.line, character: to } };
      const carry = carryAnnotations(file, { range, text: inserted }, 'codepoint');
      assert.ok(carry);
      const after = service.parse(applyEdits(text, [{ range, newText: inserted }, ...carry.edits]));
      assert.ok(rightSpans(after) >= rightSpans(file) - carry.lost, 'a span lost its words');
    }), { numRuns: 200 });
  });
});

describe('composing keystrokes into one correction', () => {
  const apply = (text: string, c: LineChange) => text.slice(0, c.start) + c.text + text.slice(c.end);

  it('adds up typing, deleting and replacing', () => {
    assert.deepEqual(composeLineChanges('abc def', { start: 4, end: 4, text: 'x' }, { start: 5, end: 5, text: 'y' }), { start: 4, end: 4, text: 'xy' });
    assert.deepEqual(composeLineChanges('abc def', { start: 4, end: 4, text: 'x' }, { start: 4, end: 5, text: '' }), { start: 4, end: 4, text: '' });
    assert.deepEqual(composeLineChanges('abc def', { start: 3, end: 4, text: '' }, { start: 2, end: 3, text: '' }), { start: 2, end: 4, text: '' });
    assert.deepEqual(composeLineChanges('abc def', { start: 0, end: 1, text: 'A' }, { start: 6, end: 7, text: 'F' }), { start: 0, end: 7, text: 'Abc deF' });
  });

  it('gives the same line as the two changes: property', () => {
    const change = (length: number) => fc.tuple(fc.nat(length), fc.nat(length), fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 4 }))
      .map(([x, y, text]) => ({ start: Math.min(x, y), end: Math.max(x, y), text }));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 12 }).chain((line) =>
      change(line.length).chain((first) => change(apply(line, first).length).map((next) => ({ line, first, next })))), ({ line, first, next }) => {
      const both = composeLineChanges(line, first, next);
      assert.equal(apply(line, both), apply(apply(line, first), next));
      assert.ok(both.start <= Math.min(first.start, next.start) && both.end >= first.end);
    }), { numRuns: 500 });
  });
});

describe('a run of keystrokes carried as one correction', () => {
  it('shifts the rows by everything typed since the run began, and starts again after another edit', () => {
    const tracker = new CarryTracker();
    let text = TEXT;
    let version = 1;
    let last: Carry | undefined;
    const at = TEXT.split('\n')[1].indexOf('eased');
    for (const [i, ch] of [...'much '].entries()) {
      const range = { start: { line: 1, character: at + i }, end: { line: 1, character: at + i } };
      last = tracker.edit(service.parse(text), { range, text: ch }, ++version, ['codepoint'])?.get('codepoint');
      text = applyEdits(text, [{ range, newText: ch }]);
    }
    assert.ok(last);
    assert.equal(last.shifted, 1);
    const after = applyEdits(text, last.edits);
    assert.equal(after.split('\n')[5], row('9', 44, 56, 'chronic pain', 'Disease', 'D059350'));
    assert.deepEqual(diagnostics(after), []);
    // The carry applied is an edit of a row: the run ends, the next keystroke starts another.
    assert.equal(tracker.edit(service.parse(text), { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '' }, ++version, ['codepoint']), undefined);
    const range = { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } };
    const again = tracker.edit(service.parse(after), { range, text: 'X' }, version + 1, ['codepoint'])!.get('codepoint')!;
    assert.equal(applyEdits(applyEdits(after, [{ range, newText: 'X' }]), again.edits).split('\n')[5], row('9', 45, 57, 'chronic pain', 'Disease', 'D059350'));
  });
});
