// `pubtator stats` and `pubtator compare` on BioC files: both run on the
// projection onto PubTator, so a BioC file and its PubTator twin agree.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, run } from './cliHarness';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';

const BIOC = join(fixturesDir, 'bioc');
const XML = join(BIOC, 'small.bioc.xml');
const TWIN = join(BIOC, 'small.pubtator');

interface Score { level: string; type: string; tp: number; fp: number; fn: number; f1: number }
const scores = (stdout: string): Score[] => stdout.split('\n').filter((l) => l.startsWith('{"level"')).map((l) => JSON.parse(l) as Score);
const micro = (all: Score[], level: string) => all.find((s) => s.level === level && s.type === '*')!;

function withTemp(each: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'bioc-compare-'));
  try {
    each(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('stats: a BioC XML file counts as its PubTator twin does', () => {
  ensureBuilt();
  const bioc = run(['stats', '--json', XML]);
  const twin = run(['stats', '--json', TWIN]);
  assert.equal(bioc.code, 0, bioc.stderr);
  const a = JSON.parse(bioc.stdout).files[0];
  const b = JSON.parse(twin.stdout).files[0];
  // Hand count of small.bioc.xml: one document, title and abstract, 2 Chemical + 1 Disease, one relation.
  assert.equal(a.documents, 1);
  assert.equal(a.passages, 2);
  assert.equal(a.mentions, 3);
  assert.equal(a.relations, 1);
  assert.equal(a.entityTypes.Chemical.mentions, 2);
  assert.equal(a.entityTypes.Disease.mentions, 1);
  for (const key of ['documents', 'passages', 'mentions', 'relations', 'entityTypes', 'relationTypes', 'rows', 'rowsWithProblems']) {
    assert.deepEqual(a[key], b[key], key);
  }
});

test('stats: a BioC document of one passage is not counted as missing its abstract (no line layout in BioC)', () => {
  ensureBuilt();
  // bytes.bioc.json: one document with title and abstract, one with a title passage only.
  const r = run(['stats', '--json', join(BIOC, 'bytes.bioc.json')]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.total.layouts, { 't a': 1, t: 1 });
  assert.equal(report.total.rowsWithProblems, 0);
  assert.equal(report.total.problems['missing-abstract'], undefined);
});

test('stats: a folder takes its BioC files beside the PubTator ones', () => {
  ensureBuilt();
  const r = run(['stats', '--json', BIOC]);
  const files = (JSON.parse(r.stdout).files as { file: string }[]).map((f) => f.file.slice(f.file.lastIndexOf('/') + 1));
  assert.deepEqual(files, ['bytes.bioc.json', 'pubtator3.json', 'seeded.bioc.xml', 'small.bioc.xml', 'small.pubtator']);
});

test('compare: BioC XML gold against its PubTator twin scores 1.0, and either way round', () => {
  ensureBuilt();
  for (const [gold, predicted] of [[XML, TWIN], [TWIN, XML], [XML, XML]]) {
    const r = run(['compare', '--json', gold, predicted]);
    assert.equal(r.code, 0, r.stderr);
    const s = scores(r.stdout);
    assert.deepEqual([micro(s, 'mention').tp, micro(s, 'mention').fp, micro(s, 'mention').fn], [3, 0, 0]);
    assert.deepEqual([micro(s, 'relation').tp, micro(s, 'relation').f1], [1, 1]);
  }
});

test('compare: a prediction missing one mention of the BioC gold is one false negative', () => {
  ensureBuilt();
  withTemp((dir) => {
    const predicted = join(dir, 'pred.pubtator');
    // Drop the Disease mention (Asthma, 18-24).
    writeFileSync(predicted, readFileSync(TWIN, 'utf8').split('\n').filter((l) => !l.includes('\tAsthma\t')).join('\n'));
    const r = run(['compare', '--json', XML, predicted]);
    assert.equal(r.code, 0, r.stderr);
    const s = scores(r.stdout);
    const disease = s.find((x) => x.level === 'mention' && x.type === 'Disease')!;
    assert.deepEqual([disease.tp, disease.fp, disease.fn], [0, 0, 1]);
    assert.deepEqual([micro(s, 'mention').tp, micro(s, 'mention').fn], [2, 1]);
  });
});

test('compare: a truncated BioC file scores what could be read and exits 2', () => {
  ensureBuilt();
  withTemp((dir) => {
    const cut = join(dir, 'cut.bioc.xml');
    const xml = readFileSync(XML, 'utf8');
    writeFileSync(cut, xml.slice(0, xml.indexOf('<relation')));
    const r = run(['compare', cut, TWIN]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cut\.bioc\.xml: not well-formed BioC/);
    assert.match(r.stderr, /could not be read in full/);
  });
});

const TWINS: [string, string][] = [
  ['bioc/biored/Dev.BioC.XML', 'biored/Dev.PubTator'],
  ['bioc/biored/Dev.BioC.JSON', 'biored/Dev.PubTator'],
  ['bioc/bc5cdr/CDR_DevelopmentSet.BioC.xml', 'bc5cdr/CDR_DevelopmentSet.PubTator.txt'],
];
for (const [bioc, pubtator] of TWINS) {
  const present = existsSync(join(corporaDir, bioc)) && existsSync(join(corporaDir, pubtator));
  test(`compare: real ${bioc} against ${pubtator} gives F1 1.0`, { skip: corporaSkip || (!present && `${bioc} or ${pubtator} not present; skipped`) }, () => {
    ensureBuilt();
    const r = run(['compare', '--json', join(corporaDir, bioc), join(corporaDir, pubtator)]);
    assert.equal(r.code, 0, r.stderr);
    const s = scores(r.stdout);
    for (const level of ['mention', 'concept', 'relation']) {
      const m = micro(s, level);
      assert.ok(m.tp > 0, `${level}: nothing scored`);
      assert.deepEqual([m.fp, m.fn, m.f1], [0, 0, 1], level);
    }
  });
}
