// Adjudication on a real corpus: the other annotator's file is a seeded copy
// of the CDR test set (some mentions retyped, some dropped). Random decisions,
// taken one at a time as the editor takes them, change only the rows of the
// disagreement decided: every other line of the file stays, in order; and
// deciding everything for theirs gives the other file. Skipped without
// ../shared/corpora.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decisionEdits, disagreements, type Choice } from '../../../server/src/service/merge/adjudication';
import { applyEdits } from '../../../server/src/service/edits/textEdit';
import { corporaDir, corporaSkip } from '../../support/paths';

const MENTION = /^\d+\t\d+\t\d+\t/;

/** The first `n` documents of the CDR test set, and a copy with every 7th mention retyped and every 11th dropped. */
function seeded(n: number): { ours: string; theirs: string } {
  const all = readFileSync(join(corporaDir, 'bc5cdr/CDR_TestSet.PubTator.txt'), 'utf8');
  const ours = all.split('\n\n').slice(0, n).join('\n\n') + '\n\n';
  let k = 0;
  const theirs = ours.split('\n').flatMap((line) => {
    if (!MENTION.test(line)) return [line];
    k++;
    if (k % 11 === 0) return [];
    if (k % 7 === 0) return [line.replace(/\t(Chemical|Disease)\t/, (_, t) => `\t${t === 'Chemical' ? 'Disease' : 'Chemical'}\t`)];
    return [line];
  }).join('\n');
  return { ours, theirs };
}

/** Whether `kept` appears in `text` in order (a subsequence of its lines). */
function keepsInOrder(text: string, kept: string[]): boolean {
  const lines = text.split('\n');
  let i = 0;
  for (const line of kept) {
    while (i < lines.length && lines[i] !== line) i++;
    if (i === lines.length) return false;
    i++;
  }
  return true;
}

test('random decisions on a seeded CDR copy change only the decided rows; all theirs gives the other file', { skip: corporaSkip }, () => {
  const { ours, theirs } = seeded(40);
  assert.ok(disagreements(ours, theirs).length > 20, 'the seeded copy disagrees in many places');
  const choice = fc.constantFrom<Choice>('ours', 'theirs', 'both', 'neither');
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), choice), { minLength: 1, maxLength: 12 }), (steps) => {
    let text = ours;
    for (const [pick, c] of steps) {
      const list = disagreements(text, theirs);
      if (!list.length) break;
      const d = list[pick % list.length];
      const touched = new Set(d.ours.map((r) => r.line));
      const untouched = text.split('\n').filter((_, line) => !touched.has(line));
      const after = applyEdits(text, decisionEdits(text, d, c));
      assert.ok(keepsInOrder(after, untouched), `deciding ${d.id} for ${c} moved or lost a line outside it`);
      text = after;
    }
  }), { numRuns: 25 });
  let text = ours;
  for (let guard = 0; guard < 1000; guard++) {
    const list = disagreements(text, theirs);
    if (!list.length) break;
    text = applyEdits(text, decisionEdits(text, list[0], 'theirs'));
  }
  assert.deepEqual(disagreements(text, theirs), []);
  assert.equal(text, theirs);
});
