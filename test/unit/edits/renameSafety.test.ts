// Rename on generated damaged files and on real corpus documents: whatever id
// is renamed, every row it does not touch stays byte for byte, and only id
// fields change on the rows it does touch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, assertUnrelatedRowsKept, service } from './support';
import { pubtatorFile } from './generate';
import { corporaDir, corporaSkip } from '../../support/paths';

/** Positions on every id field of mention and relation rows. */
function idPositions(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, n) => {
    const fields = line.split('\t');
    const relation = fields.length >= 4 && !/^\s*\d/.test(fields[1]);
    const ids = relation ? [2, 3] : fields.length >= 6 ? [5] : [];
    for (const k of ids) out.push({ line: n, character: fields.slice(0, k).join('\t').length + 1 + Math.floor(fields[k].length / 2) });
  });
  return out;
}

function renameEverywhere(text: string, limit = Infinity): number {
  const file = service.parse(text);
  let renamed = 0;
  for (const p of idPositions(text).slice(0, limit)) {
    const result = service.rename(file, p, 'ZZ999999', { scope: 'file' });
    if (!('edits' in result)) continue;
    const after = applyEdits(text, result.edits);
    assertUnrelatedRowsKept(text, after, result.edits);
    // On the touched rows, only id columns changed.
    const before = text.split('\n');
    const now = after.split('\n');
    for (const e of result.edits) {
      const old = before[e.range.start.line].split('\t');
      const changed = now[e.range.start.line].split('\t');
      assert.equal(changed.length, old.length, 'no column added or lost');
      old.forEach((f, k) => {
        if (f !== changed[k]) assert.ok(k >= 2, `column ${k} of ${JSON.stringify(before[e.range.start.line])} changed`);
      });
    }
    renamed++;
  }
  return renamed;
}

test('rename keeps every unrelated row of generated damaged files', () => {
  fc.assert(fc.property(pubtatorFile, (text) => {
    renameEverywhere(text);
  }), { numRuns: 150 });
});

test('rename keeps every unrelated row of real corpus documents', { skip: corporaSkip }, () => {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : /README|LICENSE/.test(n) ? [] : [p];
  });
  let renamed = 0;
  for (const path of walk(corporaDir)) {
    // The first few documents of each file: every flavour of id gets renamed.
    const head = readFileSync(path, 'utf8').split(/\n\s*\n/).slice(0, 3).join('\n\n') + '\n';
    renamed += renameEverywhere(head, 60);
  }
  assert.ok(renamed > 500, `only ${renamed} renames tried`);
});
