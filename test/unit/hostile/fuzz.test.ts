// Fuzzing the service: random bytes, and random edits of the fixtures and of
// real corpus documents (skipped when ../shared/corpora is absent). For each
// input: no exception, every diagnostic range inside the document, the same
// diagnostics when the same text is checked again, and a time bound per size.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { Diagnostic } from '../../../server/src/service/types';
import { corporaDir, corporaSkip, fixturesDir, samplesDir } from '../../support/paths';

const service = createLanguageService();

/** Generous: 1 s plus 1 s per 100 KB, far above what a quiet machine needs. */
function bound(text: string): number {
  return 1000 + text.length / 100;
}

function checkTwice(text: string): Diagnostic[] {
  const started = performance.now();
  const lines = text.split('\n');
  const first = service.validate(service.parse(text));
  for (const d of first) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${d.code}: line ${p.line} of ${lines.length}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${d.code}: character ${p.character} past line ${p.line}`);
    }
  }
  assert.deepEqual(service.validate(service.parse(text)), first, 'same text, same diagnostics');
  service.validate(service.parse(text), { unit: 'utf16' });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound(text), `took ${elapsed.toFixed(0)} ms for ${text.length} characters`);
  return first;
}

function pubtatorFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pubtatorFiles(path);
    return /README|LICENSE|\.json$|\.md$|\.gz$/.test(name) ? [] : [path];
  });
}

/** Pieces that make PubTator break in interesting ways. */
const snippet = fc.oneof(
  fc.constantFrom('\t', '\n', '\n\n', '|', '|t|', '|a|', '\r\n', '\r', '\ufeff', '\u0000', '-1', ';', ',', '+', '𝛼', 'é', '\ud800', 'MESH:', 'CID', '9'),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 1_000_000 }).map(String),
);

function randomEdits(seedTexts: string[]) {
  return fc.tuple(
    fc.integer({ min: 0, max: seedTexts.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.array(snippet, { maxLength: 4 })), { minLength: 1, maxLength: 8 }),
  ).map(([which, edits]) => {
    let text = seedTexts[which];
    for (const [at, remove, parts] of edits) {
      const pos = at % (text.length + 1);
      text = text.slice(0, pos) + parts.join('') + text.slice(pos + remove);
    }
    return text;
  });
}

test('random bytes, decoded as a client would', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
    checkTwice(Buffer.from(bytes).toString('utf8'));
    checkTwice(Buffer.from(bytes).toString('latin1'));
  }), { numRuns: 300 });
});

test('random edits of the fixtures and samples', () => {
  const seeds = [...pubtatorFiles(join(fixturesDir, 'lsp')), ...pubtatorFiles(join(fixturesDir, 'cli')), ...pubtatorFiles(samplesDir)]
    .map((p) => readFileSync(p, 'utf8'));
  fc.assert(fc.property(randomEdits(seeds), (text) => {
    checkTwice(text);
  }), { numRuns: 400 });
});

test('random edits of real corpus documents', { skip: corporaSkip }, () => {
  // A few documents from every corpus file, so each flavour gets mangled.
  const seeds = pubtatorFiles(corporaDir).flatMap((path) => {
    const blocks = readFileSync(path, 'utf8').split(/\n\s*\n/).filter((b) => b.trim());
    return [0, 1, blocks.length >> 1, blocks.length - 1].filter((i) => i >= 0 && i < blocks.length).map((i) => blocks[i] + '\n');
  });
  fc.assert(fc.property(randomEdits(seeds), (text) => {
    checkTwice(text);
  }), { numRuns: 500 });
});
