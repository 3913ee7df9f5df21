// The server's collection after large work: when it runs, when a later edit
// holds it back, and that it really is V8's full collection.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fullCollection, MemoryReclaimer } from '../../server/src/lsp/memoryReclaimer';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counting(quietMs: number): { reclaimer: MemoryReclaimer; count: () => number } {
  let n = 0;
  return { reclaimer: new MemoryReclaimer(() => n++, quietMs), count: () => n };
}

describe('MemoryReclaimer', () => {
  it('collects once the server has been quiet, not before', async () => {
    const { reclaimer, count } = counting(40);
    reclaimer.whenQuiet();
    assert.equal(count(), 0);
    await wait(80);
    assert.equal(count(), 1);
  });

  it('waits again when work arrives during the quiet spell', async () => {
    const { reclaimer, count } = counting(60);
    reclaimer.whenQuiet();
    await wait(35);
    reclaimer.postpone();
    await wait(35);
    assert.equal(count(), 0, 'the edit restarted the wait');
    await wait(60);
    assert.equal(count(), 1);
  });

  it('does not start a collection on work when none is pending', async () => {
    const { reclaimer, count } = counting(10);
    reclaimer.postpone();
    await wait(30);
    assert.equal(count(), 0);
  });

  it('collects at once on now(), replacing a pending collection', async () => {
    const { reclaimer, count } = counting(20);
    reclaimer.whenQuiet();
    reclaimer.now();
    assert.equal(count(), 1);
    await wait(50);
    assert.equal(count(), 1);
  });

  it('cancel drops a pending collection', async () => {
    const { reclaimer, count } = counting(10);
    reclaimer.whenQuiet();
    reclaimer.cancel();
    await wait(30);
    assert.equal(count(), 0);
  });

  it('is a no-op where the process cannot collect', async () => {
    const reclaimer = new MemoryReclaimer(null, 5);
    assert.equal(reclaimer.available, false);
    reclaimer.whenQuiet();
    reclaimer.postpone();
    reclaimer.now();
    await wait(20);
  });

  it('gets V8\'s full collection in a process started without --expose-gc', async () => {
    const gc = fullCollection();
    assert.ok(gc, 'a collection function');
    // An object only a WeakRef holds is gone after a full collection (and a turn of the event loop).
    let ref: WeakRef<object> | undefined;
    (() => { ref = new WeakRef({ big: new Array(1000).fill(0) }); })();
    await wait(0);
    gc();
    await wait(0);
    assert.equal(ref!.deref(), undefined);
  });
});
