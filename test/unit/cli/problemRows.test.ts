// `stats` counts the rows a summary diagnostic stands for: a file whose
// relations all dangle has that many rows with problems, not one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemRows } from '../../../server/src/cli/problemRows';
import { HOLD_LIMIT } from '../../../server/src/service/conventions/held';
import { Severity, lineRange, type Diagnostic } from '../../../server/src/service/types';
import { only } from '../../support/validate';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const at = (line: number, data?: Record<string, unknown>): Diagnostic =>
  ({ range: lineRange(line, 0, 1), severity: Severity.Error, code: 'x', message: 'm', source: 'pubtator', ...(data ? { data } : {}) });

/** A file of `docs` documents with three relation rows each and no mention row. */
function noMentions(docs: number): string {
  const out: string[] = [];
  for (let i = 1; i <= docs; i++) out.push(`${i}|t|Title ${i}\n${i}|a|Abstract\n${i}\tCID\tD${i}\tD${i + 1}\n${i}\tCID\tD${i}\tD${i + 2}\n${i}\tCID\tD${i}\tD${i + 3}\n`);
  return out.join('\n');
}

test('ProblemRows: a line once, a summary for its rows, every relation for a file whose relations all dangle, never more than the rows', () => {
  const p = new ProblemRows();
  [at(1), at(1), at(2), at(5, { rows: 40 }), at(9, { replacement: 'x' })].forEach((d) => p.add(d));
  assert.equal(p.total(0, 1000), 3 + 40);
  assert.equal(p.total(0, 10), 10);
  const all = new ProblemRows();
  all.add(at(3, { everyRelation: true }));
  assert.equal(all.total(1342, 1842), 1342);
  assert.equal(new ProblemRows().total(5, 5), 0);
});

test('the summaries say what they stand for: every relation of a file without mention rows; past the hold limit, the held rows', () => {
  const dangling = only(noMentions(3), 'dangling-relation-id');
  assert.equal(dangling.length, 1);
  assert.deepEqual(dangling[0].data, { everyRelation: true });
  // Documents without an abstract line, in a file whose other documents have one: past the limit, one summary.
  const docs: string[] = [];
  for (let i = 1; i <= 3 * HOLD_LIMIT; i++) docs.push(i % 2 ? `${i}|t|Title\n` : `${i}|t|Title\n${i}|a|Abstract\n`);
  const many = only(docs.join('\n'), 'missing-abstract');
  assert.equal(many.length, 1);
  assert.deepEqual(many[0].data, { rows: 1.5 * HOLD_LIMIT });
});

test('the CLI: stats on a file whose 1,500 relations all dangle counts 1,500 rows with problems', () => {
  const path = join(tmp.path, 'dangle.pubtator');
  writeFileSync(path, noMentions(500));
  const r = run(['stats', path]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Rows with problems: 1,500 of 2,500 \(60\.0%\): dangling-relation-id 1\./);
  const json = JSON.parse(run(['stats', '--json', path]).stdout);
  assert.equal(json.total.rowsWithProblems, 1500);
});
