// BioC JSON to BioC, streamed: the output is the whole-text conversion's byte
// for byte, fed in pieces of any size, whether the collection's header keys
// come before its documents (written at once), after them or not at all
// (the head is deferred to the end), on every shared BioC JSON file; and the
// documents go out as they are read, not at the end.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { convertText } from '../../../server/src/service/bioc/convert';
import { ConvertStream } from '../../../server/src/service/bioc/convertStream';
import type { FileFormat } from '../../../server/src/service/bioc/detect';
import type { OutHeader } from '../../../server/src/service/bioc/fromPubtator';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';

function streamed(text: string, cuts: number[], to: FileFormat, header?: Partial<OutHeader>): { output: string; stream: ConvertStream; early: string } {
  const stream = new ConvertStream({ to, header });
  let output = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    output += stream.write(text.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  // What is out before the last piece.
  const early = output;
  output += stream.write(text.slice(at));
  output += stream.end();
  if (stream.headDeferred) output = stream.deferredHead() + output;
  return { output, stream, early };
}

/** The documents of the small fixture as BioC JSON objects, each its text. */
function documents(): string[] {
  const pubtator = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8');
  const c = JSON.parse(convertText(pubtator, { to: 'bioc-json' }).output) as { documents: unknown[] };
  // Non-ASCII text before an annotation: the unit is told.
  const pubtator3 = JSON.parse(readFileSync(join(fixturesDir, 'bioc', 'bytes.bioc.json'), 'utf8')) as { documents: unknown[] };
  return [...c.documents, ...pubtator3.documents].map((d) => JSON.stringify(d, null, 1));
}

const docs = documents();
const array = `[\n${docs.join(',\n')}\n]`;
const HEAD = { source: '"Sourcé \\u0041"', date: '20240101', key: '{"a": [1, "x"]}' };

/** Collections of the same documents, the header keys placed every legal way. */
const SHAPES: Record<string, { text: string; final: boolean }> = {
  before: { text: `{"source": ${HEAD.source}, "date": ${HEAD.date}, "key": ${HEAD.key}, "infons": {}, "documents": ${array}}`, final: true },
  after: { text: `{"documents": ${array}, "infons": {"k": "v"}, "source": ${HEAD.source}, "date": ${HEAD.date}, "key": ${HEAD.key}}`, final: false },
  split: { text: `{\n  "source" : ${HEAD.source} ,\n  "documents": ${array},\n  "key": ${HEAD.key}, "date": ${HEAD.date}\n}\n`, final: false },
  absent: { text: `{"documents": ${array}}`, final: false },
  repeated: { text: `{"source": "first", "date": null, "key": true, "documents": ${array}, "source": "second"}`, final: true },
  bareArray: { text: array, final: true },
  pubtator3: { text: `{"PubTator3": ${array}, "source": "late"}`, final: false },
  empty: { text: '{"documents": [], "source": "none", "date": "d", "key": "k"}', final: false },
};

for (const [name, shape] of Object.entries(SHAPES)) {
  test(`BioC JSON, header ${name}: streamed in any pieces, the whole-text conversion to every format`, () => {
    const text = shape.text;
    assert.equal(JSON.parse(text) !== undefined, true);
    fc.assert(fc.property(fc.array(fc.nat(text.length), { maxLength: 16 }), fc.constantFrom<FileFormat>('bioc-xml', 'bioc-json', 'pubtator'), (cuts, to) => {
      const whole = convertText(text, { to });
      const { output, stream } = streamed(text, cuts, to);
      assert.equal(output, whole.output);
      assert.deepEqual(stream.warnings, whole.warnings);
      assert.deepEqual(stream.errors, whole.errors);
      assert.equal(stream.unitNote, whole.unitNote);
      // The head waits only where a header key may still come, and only when there are documents before the end.
      assert.equal(stream.headDeferred, to !== 'pubtator' && !shape.final && name !== 'empty');
    }), { numRuns: 30 });
  });
}

test('BioC JSON, header after the documents: options that set every header key need not wait', () => {
  const text = SHAPES.after.text;
  const header = { source: 's', date: 'd', key: 'k' };
  const { output, stream } = streamed(text, [100, 5000], 'bioc-xml', header);
  assert.equal(stream.headDeferred, false);
  assert.equal(output, convertText(text, { to: 'bioc-xml', header }).output);
  // One key the options leave to the file: it waits.
  assert.equal(streamed(text, [], 'bioc-xml', { source: 's', date: 'd' }).stream.headDeferred, true);
});

test('BioC JSON to BioC goes out document by document as it is read, with the header first when it comes first', () => {
  // ASCII documents (they need not wait for the unit), more than the 4 KB looked at before the format is told.
  const ascii = docs.slice(0, 1);
  const many: string[] = [];
  for (let copy = 0; copy < 40; copy++) for (const d of ascii) many.push(d.replace(/"id": "(\d+)"/, `"id": "${copy}$1"`));
  const list = `[${many.join(',')}]`;
  const before = `{"source": ${HEAD.source}, "date": ${HEAD.date}, "key": ${HEAD.key}, "documents": ${list}}`;
  const { early, stream } = streamed(before, [before.lastIndexOf('{\n "id"')], 'bioc-xml');
  assert.equal(stream.headDeferred, false);
  assert.match(early, /^<\?xml[\s\S]*<source>Sourcé A<\/source>\n {2}<date>20240101<\/date>\n {2}<key>\{"a":\[1,"x"\]\}<\/key>/);
  // Every document but the last is out before the input ends.
  assert.equal(early.match(/<document>/g)?.length, many.length - 1);
  // Header after: the documents still go out as read, the head at the end.
  const after = `{"documents": ${list}, "source": ${HEAD.source}, "date": ${HEAD.date}, "key": ${HEAD.key}}`;
  const late = streamed(after, [after.lastIndexOf('{\n "id"')], 'bioc-json');
  assert.equal(late.stream.headDeferred, true);
  assert.equal(late.early.match(/"passages"/g)?.length, many.length - 1);
  assert.ok(late.early.startsWith('{"id"'), late.early.slice(0, 40));
  assert.match(late.stream.deferredHead(), /^\{"source":"Sourcé A","date":"20240101","key":"\{\\"a\\":\[1,\\"x\\"\]\}"/);
  assert.equal(late.output, convertText(after, { to: 'bioc-json' }).output);
});

test('the unit is the one the whole file votes for, not the first document\'s that tells', () => {
  // "é x": x is at UTF-8 byte 3, code point and UTF-16 unit 2. The first document tells UTF-8, the next two the others.
  const doc = (id: string, offset: number) => ({
    id, infons: {}, relations: [],
    passages: [{ infons: { type: 'title' }, offset: 0, text: 'é x', annotations: [{ id: 'a', infons: { type: 'T' }, text: 'x', locations: [{ offset, length: 1 }] }], relations: [] }],
  });
  const text = JSON.stringify({ source: 's', date: 'd', key: 'k', documents: [doc('1', 3), doc('2', 2), doc('3', 2)] });
  for (const to of ['pubtator', 'bioc-xml', 'bioc-json'] as const) {
    const whole = convertText(text, { to });
    const { output, stream } = streamed(text, [40, 200], to);
    assert.equal(output, whole.output, to);
    assert.equal(stream.unitNote, whole.unitNote);
    assert.match(whole.unitNote ?? '', /UTF-16/);
  }
  // The same as BioC XML.
  const xml = convertText(text, { to: 'bioc-xml' });
  assert.equal(streamed(xml.output, [300], 'pubtator').output, convertText(xml.output, { to: 'pubtator' }).output);
});


test('every shared BioC JSON file streams to BioC XML and JSON as the whole-text conversion does', { skip: corporaSkip }, () => {
  const files = sharedBiocFiles(/\.json$/i);
  assert.ok(files.length >= 5, files.join());
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    fc.assert(fc.property(fc.array(fc.nat(text.length), { maxLength: 8 }), fc.constantFrom<FileFormat>('bioc-xml', 'bioc-json'), (cuts, to) => {
      const whole = convertText(text, { to });
      const { output, stream } = streamed(text, cuts, to);
      assert.equal(output, whole.output, path);
      assert.deepEqual(stream.warnings, whole.warnings, path);
      assert.deepEqual(stream.errors, whole.errors, path);
    }), { numRuns: text.length > 100_000 ? 3 : 10 });
  }
});
