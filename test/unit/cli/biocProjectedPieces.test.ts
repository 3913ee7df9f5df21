// Property: a generated PubTator file converted to BioC XML or JSON, read back
// through its projection (projectedInput.ts) as compare reads it, scores
// exactly against the PubTator file: every mention and relation a true positive.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { convertText } from '../../../server/src/service/bioc/convert';
import { Scorer } from '../../../server/src/service/compare/scorer';
import type { DocumentGroup } from '../../../server/src/service/compare/model';
import { documentGroups } from '../../../server/src/cli/documentStream';
import type { InputFile } from '../../../server/src/cli/discover';

const word = fc.array(fc.constantFrom('a', 'Z', 'é', '😀', '&', '<', '测'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const docArb = fc.record({
  title: fc.array(word, { minLength: 1, maxLength: 5 }),
  abstract: fc.array(word, { minLength: 1, maxLength: 6 }),
  picks: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
  related: fc.boolean(),
});

/** A PubTator file whose picked words are Chemical mentions (offsets in code points), and a relation between the first two concepts. */
type Doc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function pubtator(docs: Doc[]): { text: string; mentions: number } {
  let mentions = 0;
  const out: string[] = [];
  docs.forEach((d, n) => {
    const id = String(1000 + n);
    const title = d.title.join(' ');
    const abstract = d.abstract.join(' ');
    const rows: string[] = [];
    const ids: string[] = [];
    let at = 0;
    [...d.title, ...d.abstract].forEach((w, k) => {
      if (k === d.title.length) at = [...title].length + 1;
      const len = [...w].length;
      if (d.picks[k % d.picks.length]) {
        rows.push(`${id}\t${at}\t${at + len}\t${w}\tChemical\tMESH:D${k}`);
        ids.push(`MESH:D${k}`);
      }
      at += len + 1;
    });
    mentions += rows.length;
    const distinct = [...new Set(ids)];
    if (d.related && distinct.length >= 2) rows.push(`${id}\tAssociation\t${distinct[0]}\t${distinct[1]}`);
    out.push(`${id}|t|${title}\n${id}|a|${abstract}\n${rows.map((r) => `${r}\n`).join('')}`);
  });
  return { text: out.join('\n'), mentions };
}

async function groups(path: string): Promise<DocumentGroup[]> {
  const file: InputFile = { path, size: statSync(path).size, gzip: false };
  const all: DocumentGroup[] = [];
  for await (const g of documentGroups([file], { raw: 0, text: 0 }, (_f, err) => { throw err; })) all.push(g);
  return all;
}

test('property: BioC converted from a PubTator file compares to it with no difference', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bioc-pieces-'));
  try {
    await fc.assert(fc.asyncProperty(fc.array(docArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('bioc-xml' as const, 'bioc-json' as const), async (docs, to) => {
      const { text, mentions } = pubtator(docs);
      const bioc = convertText(text, { to });
      assert.deepEqual(bioc.errors, []);
      const gold = join(dir, 'gold.pubtator');
      const predicted = join(dir, to === 'bioc-xml' ? 'pred.bioc.xml' : 'pred.bioc.json');
      writeFileSync(gold, text);
      writeFileSync(predicted, bioc.output);
      const [g, p] = [await groups(gold), await groups(predicted)];
      assert.deepEqual(p.map((x) => x.id), g.map((x) => x.id));
      const scorer = new Scorer();
      g.forEach((x, i) => scorer.pair(x, p[i]));
      for (const s of scorer.totals.scores()) assert.deepEqual([s.level, s.type, s.fp, s.fn], [s.level, s.type, 0, 0]);
      const all = scorer.totals.scores().find((s) => s.level === 'mention' && s.type === '*');
      assert.equal(all?.tp ?? 0, mentions);
    }), { numRuns: 40 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
