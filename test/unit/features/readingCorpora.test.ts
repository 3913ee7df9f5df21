// The reading features on real corpora: tokens stay well formed, the blocks
// read from the lines match the ones read from parsed rows, every relation id
// the checker resolves gets a name hint.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentShape } from '../../../server/src/service/features/documentShape';
import { corporaDir, corporaSkip } from '../../support/paths';
import { service } from './support';

const FILES = [
  'pubtator3-export/pmids_output.pubtator',
  'biored/Dev.PubTator',
  'bc5cdr-sample/CDR_sample.txt',
  'tmvar3/tmVar3_Train.PubTator',
  'gnormplus/GNormPlus_Test.PubTator',
  'nlm-chem/NLMchem_Test.PubTator',
  'tmvar3-fulltext-output/s41586-023-05755-9.xml.PubTator',
];

describe('reading features on real corpora', () => {
  for (const name of FILES) {
    it(`tokens, folding and outline of ${name}`, { skip: corporaSkip }, () => {
      const text = readFileSync(join(corporaDir, name), 'utf8');
      const all = text.split('\n');
      const file = service.parse(text);
      let previous = { line: -1, end: 0 };
      const tokens = service.semanticTokens(file);
      for (const t of tokens) {
        assert.ok(t.length > 0 && t.character + t.length <= all[t.line].length, `token on line ${t.line + 1}`);
        assert.ok(t.line > previous.line || t.character >= previous.end, `overlap on line ${t.line + 1}`);
        previous = { line: t.line, end: t.character + t.length };
      }
      assert.ok(tokens.length > 0);
      // Blocks read from the lines of unparsed documents, and from parsed rows.
      const reparsed = service.parse(text);
      for (const d of reparsed.documents) void d.mentions;
      assert.deepEqual(service.foldingRanges(file), service.foldingRanges(reparsed));
      file.documents.forEach((d, i) => assert.deepEqual(documentShape(d), documentShape(reparsed.documents[i]), d.id));
      const outline = service.documentSymbols(file);
      assert.equal(outline.length, file.documents.length);
    });
  }

  it('names every relation id that resolves', { skip: corporaSkip }, () => {
    const text = readFileSync(join(corporaDir, 'biored/Dev.PubTator'), 'utf8');
    const file = service.parse(text);
    const dangling = new Set(service.validate(file).filter((d) => d.code === 'dangling-relation-id').map((d) => d.range.start.line));
    const hints = service.inlayHints(file, { start: { line: 0, character: 0 }, end: { line: file.lineCount, character: 0 } });
    const hinted = new Set(hints.map((h) => h.position.line));
    let relations = 0;
    for (const doc of file.documents) {
      for (const r of doc.relations) {
        relations++;
        if (!dangling.has(r.line)) assert.ok(hinted.has(r.line), `relation on line ${r.line + 1} has a name hint`);
      }
    }
    assert.ok(relations > 1000);
  });
});
