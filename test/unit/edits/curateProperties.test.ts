// Properties of curation on real corpora (skipped when ../shared/corpora is
// absent): any sequence of curation edits keeps every span that covered its
// text covering it, adds no problem of a span, and keeps every line it did not
// mean to touch byte for byte.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { corporaDir, corporaSkip } from '../../support/paths';
import { applyEdits, assertUnrelatedRowsKept, service } from './support';
import { curate, type CurateIntent, type MentionRef } from '../../../server/src/service/edits/curate/curate';
import { mentionSpan } from '../../../server/src/service/parse/documentText';
import type { ParsedFile } from '../../../server/src/service/parse/model';

const FILES = ['biored/Dev.PubTator', 'bc5cdr-sample/CDR_sample.txt'];
const DOCUMENTS = 6;

/** The first documents of a corpus file. */
function head(name: string): string | undefined {
  const path = join(corporaDir, name);
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8').split(/\n\n/).slice(0, DOCUMENTS).join('\n\n') + '\n';
}

/** Mentions whose offsets cover their text, as `pmid start end text`. */
function covering(file: ParsedFile): number {
  let n = 0;
  for (const d of file.documents) for (const m of d.mentions) if (mentionSpan(d, m, 'codepoint')?.covered === m.textField.text) n++;
  return n;
}

/** An intent picked by numbers from the current file (so the sequence always names what is there). */
function intentOf(file: ParsedFile, pick: number[]): CurateIntent | undefined {
  const doc = file.documents[pick[0] % file.documents.length];
  const m = doc.mentions.length ? doc.mentions[pick[1] % doc.mentions.length] : undefined;
  const ref: MentionRef | undefined = m && { line: m.line, offsets: `${m.startField.text}-${m.endField.text}`, text: m.textField.text, type: m.typeField?.text ?? '', id: m.idField?.text ?? '' };
  const p = doc.passages[pick[2] % doc.passages.length];
  const at = pick[3] % Math.max(1, p.text.text.length);
  const to = Math.min(p.text.text.length, at + (pick[4] % 20));
  switch (pick[5] % 7) {
    case 0: return { kind: 'addSpan', selection: { line: p.line, from: at, to, text: p.text.text.slice(at, to) }, type: 'Added', id: '' };
    case 1: return ref && { kind: 'retype', mention: ref, type: 'Retyped' };
    case 2: return ref && { kind: 'reidentify', mention: ref, id: 'NEW' + pick[6] };
    case 3: return ref && { kind: 'delete', mention: ref, relations: pick[6] % 2 ? 'keep' : 'delete' };
    case 4: return ref && { kind: 'resize', mention: ref, side: pick[6] % 2 ? 'start' : 'end', step: pick[7] % 2 ? 1 : -1 };
    case 5: return ref && { kind: 'annotateAll', mention: ref, scope: pick[6] % 2 ? 'file' : 'document' };
    default: {
      const other = doc.mentions[pick[6] % Math.max(1, doc.mentions.length)];
      return ref && other && { kind: 'addRelation', from: ref, to: { line: other.line, offsets: `${other.startField.text}-${other.endField.text}`, text: other.textField.text, type: other.typeField?.text ?? '', id: other.idField?.text ?? '' }, type: 'Related' };
    }
  }
}

describe('curation properties on real corpora', () => {
  for (const name of FILES) {
    it(`keeps spans covering their text and other lines as they were (${name})`, { skip: corporaSkip }, () => {
      const start = head(name);
      if (start === undefined) return;
      fc.assert(fc.property(fc.array(fc.array(fc.nat(10000), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 8 }), (picks) => {
        let text = start;
        for (const pick of picks) {
          const file = service.parse(text);
          const intent = intentOf(file, pick);
          if (!intent) continue;
          const r = curate(file, intent);
          if (!('edits' in r)) continue;
          const after = applyEdits(text, r.edits);
          assertUnrelatedRowsKept(text, after, r.edits);
          const parsed = service.parse(after);
          const removed = intent.kind === 'delete' ? 1 : 0;
          assert.ok(covering(parsed) >= covering(file) - removed, `${intent.kind} left a span not covering its text`);
          assert.equal(parsed.documents.length, file.documents.length);
          text = after;
        }
      }), { numRuns: 40 });
    });
  }
});
