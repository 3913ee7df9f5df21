// The preview's modal questions (annotate all, delete with relations) are asked
// once at a time per file: a second ask while the first is open is dropped, not
// queued behind it (client/src/preview/oneQuestion.ts).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OneQuestionAtATime } from '../../client/src/preview/oneQuestion';

/** A question the test answers when it likes. */
function question<T>(): { ask: () => Promise<T>; answer: (v: T) => void; asked: () => number } {
  let asked = 0;
  let answer: (v: T) => void = () => undefined;
  const pending = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { ask: () => { asked++; return pending; }, answer: (v) => answer(v), asked: () => asked };
}

describe('one question at a time per file', () => {
  it('drops a second question for the same file while the first is open', async () => {
    const q = new OneQuestionAtATime();
    const first = question<string>();
    const second = question<string>();
    const a = q.run('file:///a.pubtator', first.ask);
    const b = q.run('file:///a.pubtator', second.ask);
    assert.equal(await b, undefined, 'the second ask is dropped at once');
    assert.equal(second.asked(), 0, 'and never asked');
    first.answer('Annotate 1');
    assert.equal(await a, 'Annotate 1');
    assert.equal(first.asked(), 1);
  });

  it('asks again once the first question is answered', async () => {
    const q = new OneQuestionAtATime();
    assert.equal(await q.run('k', async () => 1), 1);
    assert.equal(await q.run('k', async () => 2), 2);
  });

  it('asks for another file at the same time', async () => {
    const q = new OneQuestionAtATime();
    const first = question<number>();
    const a = q.run('a', first.ask);
    assert.equal(await q.run('b', async () => 7), 7);
    first.answer(3);
    assert.equal(await a, 3);
  });

  it('a question that fails frees its file', async () => {
    const q = new OneQuestionAtATime();
    await assert.rejects(q.run('k', async () => {
      throw new Error('the server is gone');
    }), /the server is gone/);
    assert.equal(await q.run('k', async () => 'again'), 'again');
  });
});
