// `pubtator convert` from BioC JSON to BioC, streamed: a header after the
// documents is written first all the same (the documents wait in a temporary
// file, from a file or from stdin), the output is the whole-text conversion's
// byte for byte, and a 60 MB collection converts under the default 128 MB
// heap budget (read whole, it ran out of it from a few MB).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertText } from '../../../server/src/service/bioc/convert';
import { ensureBuilt, run } from './cliHarness';
import { fixturesDir } from '../../support/paths';

const HEAD = '"source": "big", "date": "2024-01-01", "key": "k.key"';

/** A BioC JSON collection of `bytes` or more: the small fixture's document again and again, each with an id of its own. */
function collection(path: string, bytes: number, header: 'before' | 'after'): number {
  const pubtator = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8');
  const doc = JSON.stringify((JSON.parse(convertText(pubtator, { to: 'bioc-json' }).output) as { documents: unknown[] }).documents[0]);
  const fd = openSync(path, 'w');
  writeSync(fd, header === 'before' ? `{${HEAD}, "documents": [\n` : '{"documents": [\n');
  let size = 0;
  let n = 0;
  let parts: string[] = [];
  for (; size < bytes; n++) {
    const part = (n ? ',\n' : '') + doc.replace(/"id":"\d+"/, `"id":"${n + 1}"`);
    parts.push(part);
    size += part.length;
    if (parts.length >= 1000) { writeSync(fd, parts.join('')); parts = []; }
  }
  writeSync(fd, parts.join('') + (header === 'before' ? ']}\n' : `], ${HEAD}}\n`));
  closeSync(fd);
  return n;
}

/** Temporary files of the converter left in the temporary folder. */
function spools(): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith('pubtator-convert-'));
}

test('convert: BioC JSON with its header after the documents gives the whole conversion, from a file and from stdin', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-json-after-'));
  try {
    const path = join(dir, 'after.bioc.json');
    collection(path, 3e6, 'after');
    const text = readFileSync(path, 'utf8');
    const before = new Set(spools());
    for (const to of ['bioc-xml', 'bioc-json'] as const) {
      const whole = convertText(text, { to }).output;
      const out = join(dir, `out.${to}`);
      const r = run(['convert', path, '--to', to, '-o', out, '--quiet']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(readFileSync(out, 'utf8') === whole, `${to} from a file`);
      const piped = run(['convert', '-', '--to', to, '--quiet'], { input: text });
      assert.equal(piped.code, 0, piped.stderr);
      assert.ok(piped.stdout === whole, `${to} from stdin`);
    }
    assert.ok(convertText(text, { to: 'bioc-xml' }).output.includes('<source>big</source>'));
    assert.deepEqual(spools().filter((n) => !before.has(n)), [], 'the temporary files are removed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('convert: a 60 MB BioC JSON collection converts to BioC XML under the default memory budget, header before or after', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-json-big-'));
  try {
    for (const header of ['before', 'after'] as const) {
      const path = join(dir, `${header}.bioc.json`);
      const documents = collection(path, 60e6, header);
      assert.ok(statSync(path).size > 60e6);
      const out = join(dir, `${header}.xml`);
      const r = run(['convert', path, '--to', 'bioc-xml', '-o', out, '--quiet'], { env: { PUBTATOR_HEAP_MB: '128' } });
      assert.doesNotMatch(r.stderr, /memory budget|out of memory/, r.stderr.slice(0, 2000));
      assert.equal(r.code, 0, r.stderr.slice(0, 2000));
      const xml = readFileSync(out, 'utf8');
      assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection>\n  <source>big</source>\n  <date>2024-01-01</date>\n  <key>k.key</key>\n'), xml.slice(0, 300));
      assert.equal(xml.split('<document>').length - 1, documents);
      assert.ok(xml.includes(`<id>${documents}</id>`) && xml.endsWith('  </document>\n</collection>\n'));
      rmSync(out);
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('convert: BioC JSON to BioC JSON of a header-after collection is read back as the same documents', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-json-round-'));
  try {
    const path = join(dir, 'after.bioc.json');
    const n = collection(path, 200_000, 'after');
    const out = join(dir, 'out.bioc.json');
    assert.equal(run(['convert', path, '--to', 'bioc-json', '-o', out, '--quiet']).code, 0);
    const back = JSON.parse(readFileSync(out, 'utf8')) as { source: string; key: string; documents: { id: string }[] };
    assert.equal(back.source, 'big');
    assert.equal(back.key, 'k.key');
    assert.deepEqual(back.documents.map((d) => d.id), Array.from({ length: n }, (_, i) => String(i + 1)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
