// The whole-file token encoding that full and delta requests send, and the
// edits between two encodings: the encoding is exactly LSP's relative
// encoding of the token list, and applying the edits to the old encoding
// always gives the new one.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { tokenEdits, type TokenEdit } from '../../../server/src/service/features/semanticTokenEdits';
import { encodeTokens } from '../../../server/src/lsp/readingConvert';
import type { OffsetUnit } from '../../../server/src/service/types';
import { corporaDir, corporaSkip } from '../../support/paths';
import { ASTRAL, BC5CDR, BIORED, HOSTILE, PUBTATOR3, service } from './support';

function apply(previous: Uint32Array, edits: TokenEdit[]): number[] {
  const out = Array.from(previous);
  // LSP applies edits against the old array; apply from the back so starts stay valid.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...e.data);
  return out;
}

function assertEncodingMatches(text: string, unit?: OffsetUnit): void {
  const file = service.parse(text);
  const encoded = service.encodedSemanticTokens(file, { unit });
  assert.deepEqual(Array.from(encoded), encodeTokens(service.semanticTokens(file, { unit })).data);
}

describe('encoded semantic tokens of a file', () => {
  it('is LSP\'s relative encoding of the token list, in either offset unit', () => {
    for (const text of [PUBTATOR3, BC5CDR, BIORED, ASTRAL, HOSTILE, '', '\n\n']) {
      assertEncodingMatches(text);
      assertEncodingMatches(text, 'utf16');
    }
  });

  it('matches on real corpora', { skip: corporaSkip }, () => {
    for (const name of ['pubtator3-export/pmids_output.pubtator', 'biored/Dev.PubTator', 'tmvar3/tmVar3_Train.PubTator', 'gnormplus/GNormPlus_Test.PubTator']) {
      assertEncodingMatches(readFileSync(join(corporaDir, name), 'utf8'));
    }
  });

  it('answers again without parsing the documents once more, after their rows were released', () => {
    const file = service.parse(BIORED + '\n' + PUBTATOR3);
    const first = service.encodedSemanticTokens(file);
    assert.ok(file.documents.every((d) => !d.materialized), 'a whole-file request gives the rows back');
    assert.deepEqual(service.encodedSemanticTokens(file), first);
  });
});

describe('semantic token edits', () => {
  it('are none for equal encodings', () => {
    assert.deepEqual(tokenEdits(Uint32Array.of(1, 2, 3, 4, 5), Uint32Array.of(1, 2, 3, 4, 5)), []);
    assert.deepEqual(tokenEdits(new Uint32Array(0), new Uint32Array(0)), []);
  });

  it('replace only the middle that changed', () => {
    assert.deepEqual(tokenEdits(Uint32Array.of(0, 1, 4, 2, 0, 1, 3, 5, 1, 0), Uint32Array.of(0, 1, 4, 2, 0, 0, 9, 5, 1, 0)),
      [{ start: 5, deleteCount: 2, data: [0, 9] }]);
    assert.deepEqual(tokenEdits(Uint32Array.of(1, 2, 3), Uint32Array.of(1, 2, 3, 4, 5)), [{ start: 3, deleteCount: 0, data: [4, 5] }]);
    assert.deepEqual(tokenEdits(Uint32Array.of(1, 2, 3, 4, 5), Uint32Array.of(1, 5)), [{ start: 1, deleteCount: 3, data: [] }]);
  });

  it('turn the old encoding into the new one for any pair (property)', () => {
    const numbers = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }).map((a) => Uint32Array.from(a));
    fc.assert(fc.property(numbers, numbers, (a, b) => {
      assert.deepEqual(apply(a, tokenEdits(a, b)), Array.from(b));
    }));
  });

  it('carry a keystroke in a file: the edit is small and gives the new file\'s tokens', () => {
    // Documents before and after the edited one, so that "small" means something.
    const text = [BIORED, PUBTATOR3, BC5CDR, BIORED, BC5CDR].join('\n');
    const before = service.encodedSemanticTokens(service.parse(text));
    // Break one mention's end offset in the second document: its span takes in a space (a boundary error).
    const lines = text.split('\n');
    const i = lines.findIndex((l, n) => n > lines.indexOf(PUBTATOR3.split('\n')[0]) && /^\d+\t\d+\t\d+\t/.test(l));
    const fields = lines[i].split('\t');
    fields[2] = String(Number(fields[2]) + 1);
    lines[i] = fields.join('\t');
    const after = service.encodedSemanticTokens(service.parse(lines.join('\n')));
    const edits = tokenEdits(before, after);
    assert.equal(edits.length, 1);
    const ownTokens = service.encodedSemanticTokens(service.parse(PUBTATOR3)).length;
    assert.ok(edits[0].data.length <= ownTokens, 'only the edited document\'s stretch is sent');
    assert.deepEqual(apply(before, edits), Array.from(after));
  });
});
