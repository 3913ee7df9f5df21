import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { applyEdits, assertUnrelatedRowsKept, count, diagnostics, first, fixesFor, service } from './support';
import type { Diagnostic } from '../../../server/src/service/types';

const TITLE = 'Ketamine reduces suicidal ideation.';
const ABSTRACT = 'A single infusion of ketamine lowered suicidal ideation in adults with major depressive disorder.';
const TEXT = `${TITLE} ${ABSTRACT}`;

/** A correct mention row for the `nth` occurrence of `words` in the document text. */
function mention(words: string, type: string, id: string, nth = 0, pmid = '1'): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(words, at + 1);
  assert.ok(at >= 0, words);
  return row(pmid, at, at + words.length, words, type, id);
}

function withRows(...rows: string[]): string {
  return file(doc('1', TITLE, ABSTRACT, ...rows));
}

/** Applies a fix and checks it did what a fix must: fewer problems of its code, other rows untouched. */
function applyAndCheck(text: string, d: Diagnostic, title: RegExp): string {
  const fixes = fixesFor(text, d);
  const fix = fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix ${title} among ${JSON.stringify(fixes.map((f) => f.title))}`);
  const after = applyEdits(text, fix.edits!);
  assert.ok(count(after, d.code) < count(text, d.code), `${d.code} not fixed by ${fix.title}`);
  assertUnrelatedRowsKept(text, after, fix.edits!);
  return after;
}

describe('quick fixes', () => {
  const ketamine = TEXT.indexOf('ketamine');

  it('re-anchors a mention to the nearest occurrence of its text, or replaces its text', () => {
    const text = withRows(mention('Ketamine', 'Chemical', 'D007649'), row('1', ketamine + 3, ketamine + 11, 'ketamine', 'Chemical', 'D007649'));
    const d = first(text, 'text-mismatch');
    const fixes = fixesFor(text, d);
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred === true]), [
      [`Move the mention to "ketamine" at ${ketamine}-${ketamine + 8} (3 characters earlier)`, true],
      [`Replace the row's text with "amine lo" (what ${ketamine + 3}-${ketamine + 11} covers)`, false],
    ]);
    const after = applyAndCheck(text, d, /^Move/);
    assert.ok(after.includes(row('1', ketamine, ketamine + 8, 'ketamine', 'Chemical', 'D007649')));
    assert.equal(count(after, 'text-mismatch'), 0);
    const replaced = applyAndCheck(text, d, /^Replace/);
    assert.ok(replaced.includes(row('1', ketamine + 3, ketamine + 11, 'amine lo', 'Chemical', 'D007649')));
  });

  it('sets the end offset from the text length when the start is right', () => {
    const text = withRows(row('1', ketamine, ketamine + 5, 'ketamine', 'Chemical', 'D007649'));
    const d = first(text, 'span-boundary');
    assert.equal(fixesFor(text, d)[0].title, `Set the end offset to ${ketamine + 8} (start + length of "ketamine")`);
    const after = applyAndCheck(text, d, /^Set the end/);
    assert.equal(count(after, 'span-boundary'), 0);
    assert.equal(count(after, 'text-mismatch'), 0);
  });

  it('swaps reversed offsets, and repairs an empty span or an unreadable offset from the text length', () => {
    const swapped = withRows(row('1', ketamine + 8, ketamine, 'ketamine', 'Chemical', 'D007649'));
    const d1 = first(swapped, 'bad-offsets');
    assert.equal(fixesFor(swapped, d1)[0].title, `Swap the start and end offsets (${ketamine}-${ketamine + 8})`);
    assert.equal(diagnostics(applyAndCheck(swapped, d1, /^Swap/)).length, 0);

    const empty = withRows(row('1', ketamine, ketamine, 'ketamine', 'Chemical', 'D007649'));
    assert.equal(diagnostics(applyAndCheck(empty, first(empty, 'bad-offsets'), /^Set the end offset/)).length, 0);

    const garbled = withRows(row('1', ketamine, 'x12', 'ketamine', 'Chemical', 'D007649'));
    assert.equal(diagnostics(applyAndCheck(garbled, first(garbled, 'bad-offsets'), /^Set the end offset/)).length, 0);
    const noStart = withRows(row('1', '?', ketamine + 8, 'ketamine', 'Chemical', 'D007649'));
    assert.equal(diagnostics(applyAndCheck(noStart, first(noStart, 'bad-offsets'), /^Set the start offset/)).length, 0);
  });

  it('moves a span that runs past the end of the text to its text', () => {
    const text = withRows(row('1', TEXT.length + 10, TEXT.length + 18, 'ketamine', 'Chemical', 'D007649'));
    const after = applyAndCheck(text, first(text, 'offset-out-of-range'), /^Move the mention to "ketamine"/);
    assert.equal(diagnostics(after).length, 0);
  });

  it('replaces a row text that differs only in case by what the span covers, first of the fixes', () => {
    const at = TEXT.indexOf('major');
    const text = withRows(row('1', at, at + 25, 'Major Depressive Disorder', 'Disease', 'D003865'));
    // One row in a file that writes the covered text verbatim: an error, whose likely slip is the row's text.
    const d = first(text, 'text-mismatch');
    const fixes = fixesFor(text, d);
    assert.equal(fixes[0].title, `Replace the row's text with "major depressive disorder" (what ${at}-${at + 25} covers)`);
    assert.equal(fixes[0].isPreferred, true);
    assert.equal(fixes.filter((f) => f.isPreferred).length, 1);
    assert.equal(fixes.filter((f) => f.title.startsWith('Replace')).length, 1);
    const after = applyAndCheck(text, d, /^Replace the row's text with "major depressive disorder"/);
    assert.equal(diagnostics(after).length, 0);
  });

  it('corrects a whole-document drift in one edit', () => {
    const rows = ['suicidal ideation', 'infusion', 'ketamine', 'lowered', 'adults'].map((w, i) => {
      const at = TEXT.indexOf(w, 10);
      return row('1', at + 2 + i, at + 2 + i + w.length, w, 'Disease', 'D00' + i);
    });
    const text = withRows(mention('Ketamine', 'Chemical', 'D007649'), ...rows);
    const d = first(text, 'offset-drift');
    const fixes = fixesFor(text, d);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].title, 'Correct the offset drift in document 1 (5 mentions)');
    const after = applyAndCheck(text, d, /^Correct the offset drift/);
    assert.equal(diagnostics(after).length, 0);
  });

  it('converts UTF-8 byte offsets to characters', () => {
    const title = 'Effects of TNF-α and IL-β on β-cells.';
    const abstract = 'The β-cells die when TNF-α is high.';
    const text0 = `${title} ${abstract}`;
    const bytes = (i: number) => Buffer.byteLength(text0.slice(0, i), 'utf8');
    const words = ['IL-β', 'β-cells', 'TNF-α'];
    const rows = words.map((w) => {
      const at = text0.indexOf(w, 20);
      return row('7', bytes(at), bytes(at + w.length), w, 'Gene', '7124');
    });
    const text = file(doc('7', title, abstract, row('7', 11, 16, 'TNF-α', 'Gene', '7124'), ...rows));
    const d = first(text, 'offset-drift');
    const after = applyAndCheck(text, d, /^Convert UTF-8 byte offsets to characters in document 7 \(3 mentions\)/);
    assert.equal(diagnostics(after).length, 0);
  });

  it('writes offsets in the file\'s unit', () => {
    const text = file(doc('3', 'X😀 Ketamine dose.', '😀😀 ketamine.', row('3', 4, 12, 'Ketamine', 'Chemical', 'D007649')));
    for (const [unit, start] of [['codepoint', 3], ['utf16', 4]] as const) {
      const shifted = text.replace('\t4\t12\t', `\t${start + 1}\t${start + 9}\t`);
      const d = diagnostics(shifted, unit).find((x) => x.code === 'text-mismatch')!;
      const fix = service.codeActions(service.parse(shifted), { range: d.range, diagnostics: [d] }, { unit })[0];
      const after = applyEdits(shifted, fix.edits!);
      assert.ok(after.includes(row('3', start, start + 8, 'Ketamine', 'Chemical', 'D007649')), `${unit}: ${after}`);
      assert.equal(service.validate(service.parse(after), { unit }).length, 0, unit);
    }
  });

  it('removes a duplicate row, keeping the first, also on a last line without a line break', () => {
    const k = mention('ketamine', 'Chemical', 'D007649');
    const rel = row('1', 'CID', 'D007649', 'D003865');
    const text = withRows(mention('major depressive disorder', 'Disease', 'D003865'), k, rel, k, rel);
    const dm = first(text, 'duplicate-mention');
    const afterMention = applyAndCheck(text, dm, /^Remove this duplicate mention row \(it repeats line 4\)/);
    assert.equal(afterMention.split(k).length, 2);
    const dr = first(text, 'duplicate-relation');
    const unterminated = text.trimEnd();
    const afterRelation = applyAndCheck(unterminated, first(unterminated, 'duplicate-relation'), /^Remove this duplicate relation row/);
    assert.ok(afterRelation.endsWith(k), JSON.stringify(afterRelation.slice(-40)));
    assert.ok(dr);
  });

  it('changes a dangling relation id to the near miss a mention carries', () => {
    const text = withRows(mention('ketamine', 'Chemical', 'MESH:D007649'), mention('major depressive disorder', 'Disease', 'MESH:D003865'),
      row('1', 'Association', 'MESH:D07649', 'MESH:D003856'));
    const all = diagnostics(text).filter((d) => d.code === 'dangling-relation-id');
    assert.equal(all.length, 2);
    let after = applyAndCheck(text, all[0], /^Change "MESH:D07649" to "MESH:D007649"/);
    after = applyAndCheck(after, first(after, 'dangling-relation-id'), /^Change "MESH:D003856" to "MESH:D003865"/);
    assert.equal(diagnostics(after).length, 0);
  });

  it('offers a fix-all in the document and in the file, in one edit each', () => {
    const shiftedRow = (w: string, nth = 0) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = TEXT.indexOf(w, at + 1);
      return row('1', at + 200, at + 200 + w.length, w, 'Chemical', 'D1');
    };
    const one = doc('1', TITLE, ABSTRACT, shiftedRow('Ketamine'), shiftedRow('ketamine'));
    const two = doc('2', TITLE, ABSTRACT, shiftedRow('Ketamine').replace(/^1/, '2'));
    const text = file(one, two);
    const parsed = service.parse(text);
    const d = diagnostics(text).find((x) => x.code === 'offset-out-of-range')!;
    const actions = service.codeActions(parsed, { range: d.range, diagnostics: [d] });
    const inDoc = actions.find((a) => a.title === 'Fix all out-of-range offsets in document 1 (2)');
    const inFile = actions.find((a) => a.title === 'Fix all out-of-range offsets in file');
    assert.ok(inDoc && inFile, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(count(applyEdits(text, inDoc.edits!), 'offset-out-of-range'), 1);
    assert.equal(count(applyEdits(text, inFile.edits!), 'offset-out-of-range'), 0);
    const lazy = service.codeActions(parsed, { range: d.range, diagnostics: [d] }, { lazyFileFixes: true }).find((a) => a.title.endsWith('in file'))!;
    assert.equal(lazy.edits, undefined);
    assert.deepEqual(service.fixAll(parsed, [lazy.fixAll!.code]), inFile.edits);
  });

  it('offers the source fix-all only when asked for it, fixing errors and warnings of every fixable code', () => {
    const k = mention('ketamine', 'Chemical', 'D007649');
    const text = withRows(row('1', ketamine + 1, ketamine + 9, 'ketamine', 'Chemical', 'D007649'), k, k,
      mention('major depressive disorder', 'Disease', 'D003865'), row('1', 'CID', 'D007648', 'D003865'));
    const parsed = service.parse(text);
    const everything = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    assert.ok(!service.codeActions(parsed, { range: everything }).some((a) => a.kind === 'source.fixAll.pubtator'));
    const [fixAll] = service.codeActions(parsed, { range: everything, only: ['source.fixAll'] });
    assert.equal(fixAll.kind, 'source.fixAll.pubtator');
    const after = applyEdits(text, fixAll.edits!);
    assert.deepEqual(diagnostics(after).map((d) => d.code), ['duplicate-mention'], after);
    const again = service.codeActions(service.parse(after), { range: everything, only: ['source'] })[0];
    assert.deepEqual(diagnostics(applyEdits(after, again.edits!)), []);
  });

  it('looks for file-wide fixes only where the given file diagnostics say there are problems', () => {
    const k = mention('ketamine', 'Chemical', 'D007649');
    const text = file(doc('1', TITLE, ABSTRACT, k, k), doc('2', TITLE, ABSTRACT, k.replace(/^1/, '2'), k.replace(/^1/, '2')));
    const parsed = service.parse(text);
    const all = service.validate(parsed);
    const everything = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
    const fixAll = (fileDiagnostics?: Diagnostic[]) => service.codeActions(parsed, { range: everything, only: ['source.fixAll'] }, { fileDiagnostics })[0]?.edits ?? [];
    assert.equal(fixAll().length, 2);
    assert.equal(fixAll(all).length, 2);
    assert.equal(fixAll(all.filter((d) => d.range.start.line < 5)).length, 1);
    assert.equal(fixAll([]).length, 0);
  });

  it('lists only the client diagnostics that still match the text (same code, range and data)', () => {
    const text = withRows(row('1', ketamine + 3, ketamine + 11, 'ketamine', 'Chemical', 'D007649'));
    const d = first(text, 'text-mismatch');
    const parsed = service.parse(text);
    const stale = { ...d, data: { ...d.data, start: 1 } };
    const moved = { ...d, range: { start: { line: 2, character: 1 }, end: d.range.end } };
    const actions = service.codeActions(parsed, { range: d.range, diagnostics: [stale, moved, { ...d, code: 'bad-offsets' }, d] });
    assert.ok(actions.length > 0);
    for (const a of actions) assert.deepEqual(a.diagnostics, [3]);
  });

  it('offers nothing for a problem the text no longer has', () => {
    const broken = withRows(row('1', ketamine + 3, ketamine + 11, 'ketamine', 'Chemical', 'D007649'));
    const d = first(broken, 'text-mismatch');
    const fixed = withRows(row('1', ketamine, ketamine + 8, 'ketamine', 'Chemical', 'D007649'));
    assert.deepEqual(service.codeActions(service.parse(fixed), { range: d.range, diagnostics: [d] }), []);
  });

  it('never throws on odd requests', () => {
    const parsed = service.parse(withRows(mention('ketamine', 'Chemical', 'D1')));
    const odd: unknown[] = [null, {}, { range: null }, { range: { start: {}, end: {} } }, { range: { start: { line: -1, character: 0 }, end: { line: 1e9, character: 0 } }, diagnostics: [null, {}, { range: 3 }] }];
    for (const p of odd) assert.doesNotThrow(() => service.codeActions(parsed, p as never), JSON.stringify(p));
  });
});
