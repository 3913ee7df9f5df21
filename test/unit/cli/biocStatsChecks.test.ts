// `pubtator stats` on a BioC file counts the problems `pubtator check`
// reports on it, BioC's own checks (bioc-*) with the PubTator ones: a copy of
// small.bioc.xml with a seeded duplicate annotation id and a location outside
// every passage gives one of each (hand-counted) and nothing else (the
// outside row's offsets are not told again by the PubTator offset checks),
// on two rows; the clean file counts none; --severity turns one off.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine, type StatsCommand } from '../../../server/src/cli/args';
import { runStats } from '../../../server/src/cli/runStats';
import { fixturesDir } from '../../support/paths';
import { tempDir } from './cliHarness';

const XML = join(fixturesDir, 'bioc', 'small.bioc.xml');

function sink() {
  let text = '';
  return { stream: { write: (s: string) => { text += s; return true; }, isTTY: false } as unknown as NodeJS.WriteStream, get text() { return text; } };
}

async function stats(argv: string[]) {
  const command = parseCommandLine(['stats', '--json', '--jobs', '1', ...argv]) as StatsCommand;
  assert.equal(command.kind, 'stats');
  const out = sink();
  const err = sink();
  const code = await runStats(command, { stdout: out.stream, stderr: err.stream });
  return { code, report: JSON.parse(out.text), err: err.text };
}

/** small.bioc.xml with T3's id made T2's, and T2 pointed past the end of every passage. */
function seeded(dir: string): string {
  const text = readFileSync(XML, 'utf8')
    .replace('<annotation id="T3">', '<annotation id="T2">')
    .replace('<location offset="18" length="6"/>', '<location offset="500" length="6"/>');
  const path = join(dir, 'seeded.bioc.xml');
  writeFileSync(path, text);
  return path;
}

test('stats on BioC: the problems check reports, bioc-* among them, on the rows they stand for', async () => {
  const dir = tempDir();
  try {
    const clean = await stats([XML]);
    assert.equal(clean.code, 0, clean.err);
    assert.deepEqual(clean.report.total.problems, {});
    assert.equal(clean.report.total.rowsWithProblems, 0);
    const r = await stats([seeded(dir.path)]);
    assert.equal(r.code, 0, r.err);
    const problems = r.report.total.problems as Record<string, number>;
    assert.equal(problems['bioc-duplicate-annotation-id'], 1);
    assert.equal(problems['bioc-location-outside-passage'], 1);
    assert.deepEqual(Object.keys(problems).sort(), ['bioc-duplicate-annotation-id', 'bioc-location-outside-passage']);
    // Rows: title, abstract, three mentions, one relation; the two findings sit on two mention rows.
    assert.equal(r.report.files[0].rows, 6);
    assert.equal(r.report.files[0].rowsWithProblems, 2);
    const off = await stats(['--severity', 'bioc-duplicate-annotation-id=off', seeded(dir.path)]);
    assert.equal(off.report.total.problems['bioc-duplicate-annotation-id'], undefined);
    assert.equal(off.report.total.problems['bioc-location-outside-passage'], 1);
    assert.equal(off.report.files[0].rowsWithProblems, r.report.files[0].rowsWithProblems - 1);
  } finally {
    dir.remove();
  }
});

test('stats on BioC: the text report names the bioc-* codes with the others', async () => {
  const dir = tempDir();
  try {
    const command = parseCommandLine(['stats', '--jobs', '1', seeded(dir.path)]) as StatsCommand;
    const out = sink();
    assert.equal(await runStats(command, { stdout: out.stream, stderr: sink().stream }), 0);
    assert.match(out.text, /Rows with problems: .*bioc-duplicate-annotation-id 1/);
    assert.match(out.text, /bioc-location-outside-passage 1/);
  } finally {
    dir.remove();
  }
});

test('stats on BioC: two findings about one annotation are one row; a passage finding is its passage row', async () => {
  const dir = tempDir();
  try {
    // T2 renamed T1 (a duplicate id) with a text its offsets do not cover, and the abstract passage's offset one too far.
    const text = readFileSync(XML, 'utf8')
      .replace('<annotation id="T2">', '<annotation id="T1">')
      .replace('<location offset="18" length="6"/>\n        <text>Asthma</text>', '<location offset="18" length="6"/>\n        <text>Asthmx</text>')
      .replace('<offset>18</offset>', '<offset>19</offset>');
    const path = join(dir.path, 'two.bioc.xml');
    writeFileSync(path, text);
    const r = await stats([path]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.report.total.problems, { 'bioc-duplicate-annotation-id': 1, 'bioc-passage-offset': 1, 'text-mismatch': 1 });
    // The renamed annotation's row (two findings) and the abstract's row.
    assert.equal(r.report.files[0].rowsWithProblems, 2);
  } finally {
    dir.remove();
  }
});
