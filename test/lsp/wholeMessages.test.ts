// The stdio re-cutter in front of vscode-jsonrpc's reader: it never changes a
// byte, hands on each well-framed message as one chunk, passes input it cannot
// frame through untouched, and the reader behind it reads the same messages.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { StreamMessageReader, type Message } from 'vscode-jsonrpc/node';
import { WholeMessages } from '../../server/src/lsp/wholeMessages';

function frame(body: string, extraHeader = ''): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n${extraHeader}\r\n`, 'ascii'), bytes]);
}

/** Feeds `input` cut at `cuts` and collects what comes out. */
async function recut(input: Buffer, cuts: number[]): Promise<Buffer[]> {
  const stream = new WholeMessages();
  const out: Buffer[] = [];
  stream.on('data', (c: Buffer) => out.push(c));
  const ends = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const end of [...ends, input.length]) {
    if (end > from) stream.write(input.subarray(from, end));
    from = Math.max(from, end);
  }
  stream.end();
  await new Promise((r) => stream.on('end', r));
  return out;
}

const bodies = fc.array(fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify({ jsonrpc: '2.0', method: 'm', params: v })),
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 300 }),
), { maxLength: 8 });

describe('WholeMessages', () => {
  it('hands on each message as one chunk, bytes unchanged, however the input is cut (property)', async () => {
    await fc.assert(fc.asyncProperty(bodies, fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), async (list, cuts, typed) => {
      const messages = list.map((b) => frame(b, typed ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : ''));
      const out = await recut(Buffer.concat(messages), cuts);
      assert.deepEqual(out.map((c) => c.toString('latin1')), messages.map((m) => m.toString('latin1')));
    }));
  });

  it('passes input it cannot frame through untouched, from there on', async () => {
    const good = frame('{"a":1}');
    const bad = Buffer.from('Content-Type: text/plain\r\n\r\n{"b":2}garbage', 'ascii');
    for (const cuts of [[], [3], [good.length + 5, good.length + 30]]) {
      const input = Buffer.concat([good, bad, good]);
      const out = await recut(input, cuts);
      assert.deepEqual(Buffer.concat(out), input);
      assert.deepEqual(out[0], good);
    }
    const huge = Buffer.from('Content-Length: 99999999999999999\r\n\r\n{"a":1}', 'ascii');
    assert.deepEqual(Buffer.concat(await recut(huge, [10])), huge);
    const noEnd = Buffer.alloc(70 * 1024, 'x');
    assert.deepEqual(Buffer.concat(await recut(noEnd, [1000, 40000])), noEnd);
  });

  it('passes on a message cut off by the end of the input as it came', async () => {
    const whole = frame('{"jsonrpc":"2.0","method":"initialized","params":{}}');
    for (const cut of [5, 20, whole.length - 3]) {
      assert.deepEqual(Buffer.concat(await recut(whole.subarray(0, cut), [2])), whole.subarray(0, cut));
    }
  });

  it('gives vscode-jsonrpc\'s reader the same messages, a 5 MB one among them', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'é\t'.repeat(2_500_000) } });
    const list = [JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }), big, JSON.stringify({ jsonrpc: '2.0', method: 'exit' })];
    const input = Buffer.concat(list.map((b) => frame(b)));
    const read = async (through: boolean): Promise<Message[]> => {
      const source = new PassThrough();
      const reader = new StreamMessageReader(through ? source.pipe(new WholeMessages()) : source);
      const got: Message[] = [];
      const done = new Promise<void>((resolve) => reader.listen((m) => {
        got.push(m);
        if (got.length === list.length) resolve();
      }));
      for (let at = 0; at < input.length; at += 65536) source.write(input.subarray(at, at + 65536));
      await done;
      reader.dispose();
      return got;
    };
    const direct = await read(false);
    assert.deepEqual(await read(true), direct);
    assert.deepEqual(direct.map((m) => JSON.stringify(m)), list.map((b) => JSON.stringify(JSON.parse(b))));
  });
});
