// The id picker's own index of the workspace's closed files (lsp/corpusIds.ts),
// with a disk, a client and workspace checks made up here: never waited for,
// smallest files first up to the limit, open files left out, files changed or
// removed followed, the checks' index used when they run, a cancelled pass not
// started again until the settings change, and no disk: nothing.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../support/build';
import { CorpusIds, type CheckedFiles } from '../../server/src/lsp/corpusIds';
import { idsByTextOf, type IdsByText } from '../../server/src/service/features/idsByText';
import type { DiskFile, WorkspaceDisk } from '../../server/src/lsp/workspaceDisk';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A file giving `id` to "Aspirin" `times` times. */
function aspirin(id: string, times = 1): string {
  return file(doc('2', Array.from({ length: times }, () => 'Aspirin').join(' '), '',
    ...Array.from({ length: times }, (_, i) => row('2', i * 8, i * 8 + 7, 'Aspirin', 'Chemical', id))));
}

class FakeDisk implements WorkspaceDisk {
  readonly files = new Map<string, { text: string | Uint8Array; version: number }>();
  reads: string[] = [];
  /** While set, a read waits for it before it gives any bytes (a slow disk, to act in the middle of a pass). */
  gate: Promise<void> | undefined;

  write(name: string, text: string | Uint8Array): void {
    const old = this.files.get(name);
    this.files.set(name, { text, version: (old?.version ?? 0) + 1 });
  }

  listed(): DiskFile[] {
    return [...this.files].map(([name, f]) => ({ uri: `file:///ws/${name}`, size: f.text.length, stamp: `${f.text.length}:${f.version}` }));
  }

  async list(): Promise<DiskFile[]> {
    return this.listed();
  }

  async stat(uri: string): Promise<DiskFile | undefined> {
    return this.listed().find((f) => f.uri === uri);
  }

  async read(uri: string, onBytes: (bytes: Uint8Array) => void | Promise<void>): Promise<void> {
    const f = this.files.get(uri.slice('file:///ws/'.length));
    if (!f) throw new Error('gone');
    this.reads.push(uri.slice('file:///ws/'.length));
    await this.gate;
    const bytes = typeof f.text === 'string' ? new TextEncoder().encode(f.text) : f.text;
    // In two pieces, as a stream gives them.
    await onBytes(bytes.subarray(0, bytes.length >> 1));
    await onBytes(bytes.subarray(bytes.length >> 1));
  }
}

function setup(options: { disk?: boolean; limitBytes?: number; open?: string[] } = {}) {
  const disk = new FakeDisk();
  const open = new Set(options.open ?? []);
  let checked: { uri: string; ids: IdsByText }[] | undefined;
  let cancel: (() => void) | undefined;
  const progress: string[] = [];
  const logged: string[] = [];
  const checks: CheckedFiles = {
    idIndexes: () => checked,
    filesToIndex: async () => (checked ? undefined : disk.listed()),
    showsProgress: true,
  };
  const window = {
    createWorkDoneProgress: async () => ({
      token: { onCancellationRequested: (f: () => void) => (cancel = f) },
      begin: (title: string) => progress.push(`begin ${title}`),
      report: (_p: number, m: string) => progress.push(m),
      done: () => progress.push('done'),
    }),
  };
  const ids = new CorpusIds({
    connection: { window } as never,
    disk: options.disk === false ? undefined : disk,
    isOpen: (uri) => open.has(uri.slice('file:///ws/'.length)),
    checks,
    limitBytes: options.limitBytes ?? 1 << 20,
    relistAfterMs: 0,
    log: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
  });
  /** What the picker gets for "Aspirin", per file name. */
  const answer = () => Object.fromEntries(ids.ready().map((f) => [f.name, f.ids.idsFor('Aspirin')]));
  /** Asks until the answer passes `accept`. */
  const until = async (accept: (a: ReturnType<typeof answer>) => boolean) => {
    for (let i = 0; i < 200; i++) {
      const a = answer();
      if (accept(a)) return a;
      await wait(5);
    }
    assert.fail(`never: ${JSON.stringify(answer())}`);
  };
  return {
    disk, open, ids, progress, logged, answer, until,
    setChecked: (c: typeof checked) => (checked = c),
    cancel: () => cancel?.(),
  };
}

describe('the id picker\'s own index of the closed files', () => {
  it('answers at once with nothing, then with every closed file once it is read', async () => {
    const t = setup();
    t.disk.write('a.pubtator', aspirin('D001241', 2));
    t.disk.write('b.pubtator', aspirin('D001241'));
    assert.deepEqual(t.answer(), {}, 'the first answer does not wait');
    const a = await t.until((x) => Object.keys(x).length === 2);
    assert.deepEqual(a, { 'a.pubtator': [['D001241', 2]], 'b.pubtator': [['D001241', 1]] });
    assert.equal(t.progress[0], 'begin PubTator: indexing the workspace\'s ids for the id picker');
    assert.equal(t.progress.at(-1), 'done');
  });

  it('reads the smallest files first, up to the limit, and leaves the open files out', async () => {
    const t = setup({ limitBytes: 200, open: ['open.pubtator'] });
    t.disk.write('large.pubtator', aspirin('D3', 6));
    t.disk.write('small.pubtator', aspirin('D1'));
    t.disk.write('open.pubtator', aspirin('D2'));
    assert.ok(aspirin('D1').length + aspirin('D2').length <= 200 && aspirin('D1').length + aspirin('D2').length + aspirin('D3', 6).length > 200);
    await t.until((x) => 'small.pubtator' in x);
    await wait(30);
    assert.deepEqual(Object.keys(t.answer()), ['small.pubtator']);
    assert.deepEqual(t.disk.reads, ['small.pubtator'], 'the open file is not read; the large one is over the limit');
    // Closed, the open file is read at the next use.
    t.open.clear();
    await t.until((x) => 'open.pubtator' in x);
  });

  it('follows files changed and removed, reading only what changed', async () => {
    const t = setup();
    t.disk.write('a.pubtator', aspirin('D1'));
    t.disk.write('b.pubtator', aspirin('D2'));
    await t.until((x) => Object.keys(x).length === 2);
    t.disk.reads = [];
    t.disk.write('a.pubtator', aspirin('D9', 3));
    t.disk.files.delete('b.pubtator');
    const a = await t.until((x) => !('b.pubtator' in x) && x['a.pubtator']?.[0]?.[0] === 'D9');
    assert.deepEqual(a, { 'a.pubtator': [['D9', 3]] });
    assert.deepEqual(t.disk.reads, ['a.pubtator']);
  });

  it('uses the workspace checks\' index when they run, and drops its own', async () => {
    const t = setup();
    t.disk.write('a.pubtator', aspirin('D1'));
    await t.until((x) => 'a.pubtator' in x);
    t.disk.reads = [];
    t.setChecked([{ uri: 'file:///ws/checked.pubtator', ids: idsByTextOf(aspirin('D5')) }]);
    // What was read here is offered until a pass learns that the checks index the files.
    assert.deepEqual(t.answer(), { 'checked.pubtator': [['D5', 1]], 'a.pubtator': [['D1', 1]] });
    await t.until((x) => !('a.pubtator' in x));
    assert.deepEqual(t.answer(), { 'checked.pubtator': [['D5', 1]] });
    assert.deepEqual(t.disk.reads, [], 'nothing read while the checks run');
  });

  it('a cancelled pass stops and does not start again until the settings change', async () => {
    const t = setup();
    for (let i = 0; i < 30; i++) t.disk.write(`f${String(i).padStart(2, '0')}.pubtator`, aspirin(`D${i}`));
    // The disk holds the first read until the pass is cancelled, so the cancel comes mid-pass however fast the machine.
    let release!: () => void;
    t.disk.gate = new Promise((r) => { release = r; });
    t.answer();
    await t.until(() => t.progress.length > 0 && t.disk.reads.length > 0);
    t.cancel();
    t.disk.gate = undefined;
    release();
    await wait(50);
    const read = t.disk.reads.length;
    assert.ok(read < 30, `stopped after ${read} files`);
    t.answer();
    await wait(50);
    assert.equal(t.disk.reads.length, read, 'not started again by the picker');
    assert.ok(t.logged.some((m) => /cancelled/.test(m)));
    t.ids.settingsChanged();
    await t.until((x) => Object.keys(x).length === 30);
  });

  it('a binary file is not offered and not read again until it changes', async () => {
    const t = setup();
    t.disk.write('binary.pubtator', new Uint8Array([1, 0, 2, 3]));
    t.disk.write('a.pubtator', aspirin('D1'));
    await t.until((x) => 'a.pubtator' in x);
    t.answer();
    await wait(30);
    assert.deepEqual(Object.keys(t.answer()), ['a.pubtator']);
    assert.deepEqual(t.disk.reads.filter((r) => r === 'binary.pubtator'), ['binary.pubtator']);
    assert.ok(t.logged.some((m) => /binary\.pubtator: binary data/.test(m)));
  });

  it('without a disk (the browser host): nothing, and nothing asked', async () => {
    const t = setup({ disk: false });
    t.disk.write('a.pubtator', aspirin('D1'));
    assert.deepEqual(t.answer(), {});
    await wait(30);
    assert.deepEqual(t.answer(), {});
    assert.deepEqual(t.progress, []);
  });
});
