// Properties over random files (generate.ts): formatting is idempotent and
// keeps every document's parse; every quick fix and fix-all leaves strictly
// fewer problems of its kind and the rows it does not mean to change as they
// were.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pubtatorFile } from './generate';
import { applyEdits, assertUnrelatedRowsKept, count, diagnostics, parseSummary, problemSummary, service } from './support';
import type { CodeAction } from '../../../server/src/service/languageService';

function format(text: string): string {
  return applyEdits(text, service.format(text, service.parse(text)));
}

const RUNS = { numRuns: 150 };

describe('formatting properties', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(pubtatorFile, (text) => {
      const once = format(text);
      assert.deepEqual(service.format(once, service.parse(once)), []);
    }), RUNS);
  });

  it('keeps every document\'s parse and problems, and never touches a passage line', () => {
    fc.assert(fc.property(pubtatorFile, fc.boolean(), (text, sortMentions) => {
      const after = applyEdits(text, service.format(text, service.parse(text), { sortMentions }));
      assert.deepEqual(parseSummary(service.parse(after)), parseSummary(service.parse(text)));
      assert.deepEqual(problemSummary(after), problemSummary(text));
      const passages = (t: string) => t.split(/\r?\n/).filter((l) => /^\d+\|[ta]\|/.test(l));
      assert.deepEqual(passages(after), passages(text));
    }), RUNS);
  });
});

describe('quick fix properties', () => {
  it('every quick fix leaves strictly fewer problems of its kind and the other rows unchanged', () => {
    fc.assert(fc.property(pubtatorFile, (text) => {
      const file = service.parse(text);
      for (const d of service.validate(file)) {
        const actions = service.codeActions(file, { range: d.range, diagnostics: [d] });
        for (const a of actions.filter((x) => x.diagnostics.includes(0) && !x.title.startsWith('Fix all'))) {
          const after = applyEdits(text, a.edits!);
          assert.ok(count(after, d.code) < count(text, d.code), `${a.title} did not fix ${d.code} in\n${text}`);
          assertUnrelatedRowsKept(text, after, a.edits!);
        }
      }
    }), { numRuns: 100 });
  });

  it('every fix-all leaves strictly fewer problems of its kind, and the source fix-all fewer problems', () => {
    fc.assert(fc.property(pubtatorFile, (text) => {
      const file = service.parse(text);
      const all = service.validate(file);
      const seen = new Set<string>();
      for (const d of all) {
        const fixAll: CodeAction[] = service.codeActions(file, { range: d.range, diagnostics: [d] }).filter((a) => a.title.startsWith('Fix all') && !seen.has(a.title));
        for (const a of fixAll) {
          seen.add(a.title);
          const after = applyEdits(text, a.edits!);
          assert.ok(count(after, d.code) < count(text, d.code), `${a.title} in\n${text}`);
          assertUnrelatedRowsKept(text, after, a.edits!);
        }
      }
      const everything = { start: { line: 0, character: 0 }, end: { line: file.lineCount, character: 0 } };
      const [source] = service.codeActions(file, { range: everything, only: ['source.fixAll.pubtator'] });
      if (source) {
        const after = applyEdits(text, source.edits!);
        assert.ok(diagnostics(after).length < all.length, `source fix-all in\n${text}`);
        assertUnrelatedRowsKept(text, after, source.edits!);
      }
    }), { numRuns: 100 });
  });
});
