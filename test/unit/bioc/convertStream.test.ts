// Streaming conversion: fed in pieces of any size, it gives what the whole-text
// conversion gives, for every direction; BioC XML documents are forgotten as
// they are converted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { convertText } from '../../../server/src/service/bioc/convert';
import { ConvertStream } from '../../../server/src/service/bioc/convertStream';
import { BiocXmlReader } from '../../../server/src/service/bioc/readXml';
import type { FileFormat } from '../../../server/src/service/bioc/detect';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'bioc', name), 'utf8');

function streamed(text: string, cuts: number[], to?: FileFormat): { output: string; stream: ConvertStream } {
  const stream = new ConvertStream({ to, header: { date: '2024-01-01' } });
  let output = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    output += stream.write(text.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  output += stream.write(text.slice(at));
  output += stream.end();
  // A BioC JSON header after the documents: its head goes before them, at the end (the CLI keeps them meanwhile).
  if (stream.headDeferred) output = stream.deferredHead() + output;
  return { output, stream };
}

for (const name of ['small.bioc.xml', 'seeded.bioc.xml', 'small.pubtator', 'pubtator3.json', 'bytes.bioc.json']) {
  test(`${name}: any chunking gives the whole-text conversion, to every format`, () => {
    const text = fixture(name);
    fc.assert(fc.property(fc.array(fc.nat(text.length), { maxLength: 12 }), fc.constantFrom<FileFormat>('pubtator', 'bioc-xml', 'bioc-json'), (cuts, to) => {
      const whole = convertText(text, { to, header: { date: '2024-01-01' } });
      const { output, stream } = streamed(text, cuts, to);
      assert.equal(output, whole.output);
      assert.deepEqual(stream.warnings, whole.warnings);
      assert.deepEqual(stream.errors, whole.errors);
    }), { numRuns: 25 });
  });
}

test('the streaming XML reader hands each document over and keeps none', () => {
  const text = fixture('seeded.bioc.xml');
  const ids: string[] = [];
  const reader = new BiocXmlReader((d) => ids.push(d.id));
  for (let i = 0; i < text.length; i += 100) reader.write(text.slice(i, i + 100));
  const c = reader.close();
  assert.deepEqual(ids, ['1', '2', '3']);
  assert.equal(c.documents.length, 0);
  assert.equal(c.source, 'seeded');
  assert.deepEqual(c.problems, []);
});

test('real BioRED BioC XML streamed in 64 KB pieces equals its PubTator twin', { skip: corporaSkip }, () => {
  const text = readFileSync(join(corporaDir, 'bioc/biored/Dev.BioC.XML'), 'utf8');
  const cuts: number[] = [];
  for (let i = 65536; i < text.length; i += 65536) cuts.push(i);
  assert.equal(streamed(text, cuts).output, readFileSync(join(corporaDir, 'biored/Dev.PubTator'), 'utf8'));
});
