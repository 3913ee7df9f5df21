// The features on real corpora, cross-checked with the checker: a relation id
// has a definition exactly when the checker does not call it dangling.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, corporaSkip } from '../../support/paths';
import { service } from './support';

const FILES = [
  'pubtator3-export/pmids_output.pubtator',
  'biored/Dev.PubTator',
  'bc5cdr-sample/CDR_sample.txt',
];

describe('features on real corpora', () => {
  for (const name of FILES) {
    it(`relation ids in ${name} resolve unless the checker says they dangle`, { skip: corporaSkip }, () => {
      const text = readFileSync(join(corporaDir, name), 'utf8');
      const file = service.parse(text);
      const dangling = new Set(service.validate(file)
        .filter((d) => d.code === 'dangling-relation-id')
        .map((d) => `${d.range.start.line}:${d.range.start.character}`));
      let checked = 0;
      for (const doc of file.documents) {
        for (const r of doc.relations) {
          r.idFields.forEach((f, i) => {
            const ref = r.concepts[i];
            if (!ref.variant && ref.atoms.length !== 1) return; // composites resolve atom by atom here
            const position = { line: r.line, character: f.start };
            const found = service.definition(file, position);
            assert.equal(found.length === 0, dangling.has(`${r.line}:${f.start}`), `line ${r.line + 1}: ${f.text}`);
            const refs = service.references(file, position);
            assert.ok(refs.some((x) => x.start.line === r.line), 'references include the relation itself');
            assert.ok(service.hover(file, position), 'a hover');
            checked++;
          });
        }
      }
      assert.ok(checked > 0);
    });
  }
});
