// When the command line re-starts itself under its heap budget (cli/budgetNeed.ts):
// only for inputs that are large, compressed, streamed or not known in advance,
// unless PUBTATOR_HEAP_MB says otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputsFitIn, needsHeapBudget, SMALL_RUN_BYTES } from '../../../server/src/cli/budgetNeed';
import { parseCommandLine } from '../../../server/src/cli/args';
import { heapBudgetMb } from '../../../server/src/cli/memoryBudget';
import { parseConvertArgs } from '../../../server/src/cli/convertArgs';
import { parseFetchArgs } from '../../../server/src/cli/fetchArgs';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-budget-'));
  writeFileSync(join(dir, 'a.pubtator'), 'x'.repeat(1000));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.pubtator'), 'y'.repeat(500));
  return dir;
}

test('small files and folders fit; every file in a folder counts, to the byte', async () => {
  const dir = folder();
  try {
    assert.equal(await inputsFitIn([dir], 1501), true);
    assert.equal(await inputsFitIn([dir], 1500), false);
    assert.equal(await inputsFitIn([join(dir, 'a.pubtator'), join(dir, 'sub')], 1501), true);
    // A path that cannot be read counts nothing: the command reports it.
    assert.equal(await inputsFitIn([join(dir, 'missing.pubtator'), dir], 1501), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stdin, a compressed file, a long walk and a file with no size do not fit', async () => {
  const dir = folder();
  try {
    assert.equal(await inputsFitIn(['-']), false);
    writeFileSync(join(dir, 'c.pubtator.gz'), 'z');
    assert.equal(await inputsFitIn([dir]), false, 'a .gz found in a folder');
    rmSync(join(dir, 'c.pubtator.gz'));
    // The folder, a.pubtator, sub and sub/b.pubtator: four entries.
    assert.equal(await inputsFitIn([dir], SMALL_RUN_BYTES, 4), true);
    assert.equal(await inputsFitIn([dir], SMALL_RUN_BYTES, 3), false);
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'pipe')]);
      assert.equal(await inputsFitIn([join(dir, 'pipe')]), false);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run keeps the budget unless its inputs are known to be small; PUBTATOR_HEAP_MB decides alone when set', async () => {
  const dir = folder();
  const big = join(dir, 'big.pubtator');
  const env = {};
  try {
    assert.equal(await needsHeapBudget(parseCommandLine(['--help']), env), false);
    assert.equal(await needsHeapBudget(parseCommandLine(['--version']), env), false);
    assert.equal(await needsHeapBudget(parseCommandLine(['check', dir]), env), false);
    // A sparse file: 32 MB by its size, nothing on disk.
    writeFileSync(big, '');
    truncateSync(big, SMALL_RUN_BYTES);
    assert.equal(await needsHeapBudget(parseCommandLine(['stats', dir]), env), true, 'the folder now holds 32 MB');
    assert.equal(await needsHeapBudget(parseCommandLine(['check', join(dir, 'a.pubtator')]), env), false);
    assert.equal(await needsHeapBudget(parseCommandLine(['check', join(dir, 'a.pubtator'), '--mesh', big]), env), true, 'a large MeSH file counts');
    assert.equal(await needsHeapBudget(parseCommandLine(['compare', join(dir, 'a.pubtator'), big]), env), true);
    assert.equal(await needsHeapBudget(parseCommandLine(['schema', big]), env), true, 'schema reads its file whole');
    assert.equal(await needsHeapBudget(parseCommandLine(['schema', join(dir, 'a.pubtator')]), env), false);
    assert.equal(await needsHeapBudget(parseCommandLine(['check', '-']), env), true);
    assert.equal(await needsHeapBudget(parseConvertArgs([join(dir, 'a.pubtator')]), env), false);
    assert.equal(await needsHeapBudget(parseFetchArgs(['12345']), env), true, 'what fetch downloads is not known');
    assert.equal(await needsHeapBudget(parseCommandLine(['check', join(dir, 'a.pubtator')]), { PUBTATOR_HEAP_MB: '128' }), true);
    assert.equal(await needsHeapBudget(parseCommandLine(['check', '-']), { PUBTATOR_HEAP_MB: '0' }), false);
    // Set but not a positive number lifts the budget, as it always has (and for the threads too: heapBudgetMb).
    assert.equal(await needsHeapBudget(parseCommandLine(['check', '-']), { PUBTATOR_HEAP_MB: '' }), false);
    assert.deepEqual(['', '0', 'none', '-5', '256'].map((v) => heapBudgetMb({ PUBTATOR_HEAP_MB: v })), [0, 0, 0, 0, 256]);
    assert.equal(heapBudgetMb({}), 128);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
