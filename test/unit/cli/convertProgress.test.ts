/* eslint-disable no-control-regex -- the tests look for terminal escapes */
// `pubtator convert`'s progress bar (runConvert with progress.ts): drawn on
// stderr only when stderr is a terminal, counting the input's bytes of its
// size, erased at the end and before converted text goes to the same
// terminal; never off a terminal, never with --quiet (which also drops the
// note on the offset unit); the output is the same either way. The bar's timing is shortened so a small file shows it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConvert } from '../../../server/src/cli/runConvert';
import { parseConvertArgs, type ConvertCommand } from '../../../server/src/cli/convertArgs';
import { tempDir } from './cliHarness';

/** A stream that records what is written; a terminal when `tty`. */
function stream(tty: boolean) {
  let text = '';
  const s = { isTTY: tty, columns: 100, write: (chunk: string) => { text += chunk; return true; } } as unknown as NodeJS.WriteStream;
  return { s, get text() { return text; } };
}

function command(argv: string[]): ConvertCommand {
  const c = parseConvertArgs(argv);
  assert.equal(c.kind, 'convert');
  return c as ConvertCommand;
}

/** A PubTator file big enough that converting it takes some ticks of a 1 ms bar. */
function corpus(dir: string): string {
  const docs: string[] = [];
  for (let i = 1; i <= 3000; i++) docs.push(`${i}|t|Aspirin and tumour ${i}\n${i}|a|Aspirin lowers the risk of tumour growth in patients.\n${i}\t0\t7\tAspirin\tChemical\tMESH:D001241\n${i}\t12\t18\ttumour\tDisease\tMESH:D009369\n`);
  const path = join(dir, 'big.pubtator');
  writeFileSync(path, docs.join('\n'));
  return path;
}

const fast = { showAfterMs: 0, redrawMs: 1 };
const BAR = /\r\[[#-]{20}\] +\d+% [\d.]+\/[\d.]+ MB {2}[\d.]+ MB\/s.*big\.pubtator\x1b\[K/;

test('convert progress: on a terminal, a bar of bytes read on stderr, erased at the end; the file written is the same', async () => {
  const dir = tempDir();
  try {
    const input = corpus(dir.path);
    const out = join(dir.path, 'out.xml');
    const err = stream(true);
    const code = await runConvert(command([input, '-o', out, '--date', '2024-01-01']), { stdout: stream(false).s, stderr: err.s }, fast);
    assert.equal(code, 0, err.text);
    assert.match(err.text, BAR);
    const size = (statSync(input).size / 1024 / 1024).toFixed(1);
    assert.ok(err.text.includes(`/${size} MB`), 'the total is the input size');
    assert.ok(err.text.endsWith('\r\x1b[K'), 'erased at the end, so what follows starts a clean line');
    const quiet = join(dir.path, 'quiet.xml');
    const err2 = stream(true);
    assert.equal(await runConvert(command([input, '-o', quiet, '--date', '2024-01-01', '--quiet']), { stdout: stream(false).s, stderr: err2.s }, fast), 0);
    assert.equal(err2.text, '', '--quiet: no bar');
    assert.equal(readFileSync(quiet, 'utf8'), readFileSync(out, 'utf8'));
  } finally {
    dir.remove();
  }
});

test('convert progress: off a terminal, nothing on stderr; to a terminal stdout, the bar is erased before each piece of text', async () => {
  const dir = tempDir();
  try {
    const input = corpus(dir.path);
    const err = stream(false);
    const out = stream(false);
    assert.equal(await runConvert(command([input, '--to', 'bioc-json', '--date', '2024-01-01']), { stdout: out.s, stderr: err.s }, fast), 0);
    assert.equal(err.text, '');
    // One terminal for both: record the order of writes to either.
    let both = '';
    const tty = (mark: string) => ({ isTTY: true, columns: 100, write: (chunk: string) => { both += mark === 'out' ? `<out:${chunk.length}>` : chunk; return true; } }) as unknown as NodeJS.WriteStream;
    assert.equal(await runConvert(command([input, '--to', 'bioc-json', '--date', '2024-01-01']), { stdout: tty('out'), stderr: tty('err') }, fast), 0);
    // Whenever the bar was drawn before a piece of text, it was erased in between.
    assert.doesNotMatch(both, /\r\[[#-]{20}\][^\r<]*\x1b\[K<out:/, 'text written just after a drawn bar');
    assert.match(both, /\r\x1b\[K<out:\d+>/, 'a drawn bar erased before text');
    assert.match(both, /<out:\d+>/);
  } finally {
    dir.remove();
  }
});

test('convert --quiet and -q are options of convert', () => {
  assert.equal(command(['in.xml', '-q']).quiet, true);
  assert.equal(command(['in.xml']).quiet, undefined);
});

test('convert --quiet drops the note on the offset unit, not the conversion', async () => {
  const dir = tempDir();
  try {
    const xml = join(dir.path, 'one.xml');
    writeFileSync(xml, '<?xml version="1.0"?><collection><source>S</source><date>D</date><key>K</key><document><id>1</id><passage><infon key="type">title</infon><offset>0</offset><text>Aspirin</text><annotation id="1"><infon key="type">Chemical</infon><location offset="0" length="7"/><text>Aspirin</text></annotation></passage></document></collection>');
    const loud = stream(false);
    const out1 = stream(false);
    assert.equal(await runConvert(command([xml]), { stdout: out1.s, stderr: loud.s }), 0);
    assert.match(loud.text, /bioc-xml -> pubtator/);
    const quiet = stream(false);
    const out2 = stream(false);
    assert.equal(await runConvert(command([xml, '--quiet']), { stdout: out2.s, stderr: quiet.s }), 0);
    assert.equal(quiet.text, '');
    assert.equal(out2.text, out1.text);
    assert.match(out1.text, /^1\|t\|Aspirin\n/);
  } finally {
    dir.remove();
  }
});
