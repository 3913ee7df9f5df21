// The editing features on every real corpus in ../shared/corpora (skipped when
// absent): formatting keeps every document's parse and problems and is
// idempotent; every quick fix and the source fix-all on the files with real
// defects fix what they say and keep every other row byte for byte.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';
import { applyEdits, assertUnrelatedRowsKept, count, diagnostics, parseSummary, problemSummary, service } from './support';
import { FIXABLE_CODES, type TextEdit } from '../../../server/src/service/languageService';

const expected: Record<string, Record<string, number>> = JSON.parse(readFileSync(join(fixturesDir, 'corpora-expected.json'), 'utf8'));
const FILES = Object.keys(expected);
/** Quick fixes tried per file: enough to meet every kind of defect a file has. */
const MAX_FIXES_PER_FILE = 60;

function read(name: string): string {
  return readFileSync(join(corporaDir, name), 'utf8');
}

describe('formatting real corpora', () => {
  for (const name of FILES) {
    it(`keeps every document of ${name} parsing the same, and is idempotent`, { skip: corporaSkip }, () => {
      const text = read(name);
      const edits = service.format(text, service.parse(text));
      const after = applyEdits(text, edits);
      assert.deepEqual(parseSummary(service.parse(after)), parseSummary(service.parse(text)));
      assert.deepEqual(problemSummary(after), problemSummary(text));
      assert.deepEqual(service.format(after, service.parse(after)), [], 'a second run changes nothing');
    });
  }
});

function shift(edits: readonly TextEdit[], lines: number): TextEdit[] {
  return edits.map((e) => ({
    newText: e.newText,
    range: { start: { line: e.range.start.line - lines, character: e.range.start.character }, end: { line: e.range.end.line - lines, character: e.range.end.character } },
  }));
}

describe('quick fixes on real corpora', () => {
  const defective = FILES.filter((name) => Object.keys(expected[name]).some((code) => FIXABLE_CODES.includes(code)));

  for (const name of defective) {
    it(`fixes what it says in ${name} and keeps the other rows byte for byte`, { skip: corporaSkip }, () => {
      const text = read(name);
      const lines = text.split('\n');
      const file = service.parse(text);
      let tried = 0;
      for (const d of service.validate(file)) {
        if (!FIXABLE_CODES.includes(d.code) || tried >= MAX_FIXES_PER_FILE) continue;
        const doc = file.documents.find((x) => x.startLine <= d.range.start.line && d.range.start.line <= x.endLine);
        // A line before any document (a ## header) has no fix.
        if (!doc) {
          assert.deepEqual(service.codeActions(file, { range: d.range, diagnostics: [d] }).filter((a) => a.diagnostics.includes(0)), [], `${name}:${d.range.start.line + 1}`);
          continue;
        }
        const docText = lines.slice(doc.startLine, doc.endLine + 1).join('\n') + '\n';
        const actions = service.codeActions(file, { range: d.range, diagnostics: [d] }).filter((a) => a.diagnostics.includes(0) && !a.title.endsWith('in file'));
        for (const a of actions) {
          const edits = shift(a.edits!, doc.startLine);
          const after = applyEdits(docText, edits);
          assert.ok(count(after, d.code) < count(docText, d.code), `${name}:${d.range.start.line + 1} ${a.title}`);
          assertUnrelatedRowsKept(docText, after, edits);
          tried++;
        }
      }
      const everything = { start: { line: 0, character: 0 }, end: { line: file.lineCount, character: 0 } };
      const [source] = service.codeActions(file, { range: everything, only: ['source.fixAll.pubtator'] });
      if (source) {
        const after = applyEdits(text, source.edits!);
        assert.ok(diagnostics(after).length < diagnostics(text).length);
        assertUnrelatedRowsKept(text, after, source.edits!);
      }
      assert.ok(tried > 0 || source === undefined, 'a defective file gets at least one fix');
    });
  }
});
