// Agreement on real corpora: the CDR test set against the DNorm and tmChem
// outputs (F1 as compare counts it; kappa as a plain re-implementation of the
// documented tokenisation computes it), and a corpus against a seeded copy of
// itself. Skipped, saying so, without ../shared/corpora.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreeFiles, pairScore } from '../../../server/src/service/agreement/agreeFiles';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { corporaDir, corporaSkip } from '../../support/paths';

const read = (name: string) => readFileSync(join(corporaDir, name), 'utf8');

/** Cohen's kappa by the docs' definition, written plainly: documents by id, text from the reference. */
function plainKappa(gold: string, other: string, type: string): { items: number; kappa: number } {
  const docs = (text: string) => {
    const out = new Map<string, { text: string[]; spans: [number, number][] }>();
    for (const line of text.split('\n')) {
      const p = /^([^\t|]+)\|[a-z]+\|(.*)$/.exec(line);
      const get = (id: string) => out.get(id) ?? out.set(id, { text: [], spans: [] }).get(id)!;
      if (p) { get(p[1]).text.push(p[2]); continue; }
      const f = line.split('\t');
      if (f.length >= 5 && /^\d+$/.test(f[1]) && f[4] === type) get(f[0]).spans.push([Number(f[1]), Number(f[2])]);
    }
    return out;
  };
  const g = docs(gold);
  const o = docs(other);
  let items = 0, agree = 0, ga = 0, oa = 0;
  for (const [id, d] of g) {
    const chars = [...d.text.join(' ')];
    const tokens: [number, number][] = [];
    for (let i = 0; i < chars.length; i++) {
      if (/[\p{L}\p{N}\p{M}]/u.test(chars[i])) {
        let j = i;
        while (j + 1 < chars.length && /[\p{L}\p{N}\p{M}]/u.test(chars[j + 1])) j++;
        tokens.push([i, j + 1]);
        i = j;
      } else if (!/\s/u.test(chars[i])) tokens.push([i, i + 1]);
    }
    const covered = (spans: [number, number][], [s, e]: [number, number]) => spans.some(([a, b]) => a < e && b > s);
    for (const t of tokens) {
      const x = covered(d.spans, t);
      const y = covered(o.get(id)?.spans ?? [], t);
      items++;
      if (x === y) agree++;
      if (x) ga++;
      if (y) oa++;
    }
  }
  const po = agree / items;
  const pe = (ga / items) * (oa / items) + (1 - ga / items) * (1 - oa / items);
  return { items, kappa: (po - pe) / (1 - pe) };
}

test('CDR test set against DNorm (Disease) and tmChem (Chemical): F1 as compare, kappa as the plain definition', { skip: corporaSkip }, () => {
  const gold = read('bc5cdr/CDR_TestSet.PubTator.txt');
  for (const [name, type, tp, fp, fn] of [
    ['bc5cdr-system-output/TestSet.DNorm.PubTator.txt', 'Disease', 3491, 786, 933],
    ['bc5cdr-system-output/TestSet.tmChem.PubTator.txt', 'Chemical', 4837, 270, 548],
  ] as const) {
    const other = read(name);
    const r = agreeFiles([parsePubtator(gold), parsePubtator(other)], { entityTypes: new Set([type]) });
    const s = pairScore(r.pairs[0], 'mention', type)!;
    assert.deepEqual([s.tp, s.fp, s.fn], [tp, fp, fn]);
    assert.equal(s.f1, (2 * tp) / (2 * tp + fp + fn));
    const k = r.tokens.find((t) => t.type === '*')!.agreement;
    const plain = plainKappa(gold, other, type);
    assert.equal(k.items, plain.items);
    assert.ok(Math.abs(k.kappa! - plain.kappa) < 1e-9, `${type}: ${k.kappa} vs ${plain.kappa}`);
    // Real systems: high raw agreement (most tokens are no entity), kappa well below it.
    assert.ok(k.kappa! > 0.5 && k.kappa! < k.observed! - 0.05, JSON.stringify(k));
  }
});

test('NCBI-disease development set against itself, and against a copy with every tenth mention dropped', { skip: corporaSkip }, () => {
  const text = read('ncbi-disease/NCBIdevelopset_corpus.txt');
  const same = agreeFiles([parsePubtator(text), parsePubtator(text)]);
  assert.equal(pairScore(same.pairs[0], 'mention')!.f1, 1);
  assert.equal(same.tokens[0].agreement.kappa, 1);
  let n = 0;
  let dropped = 0;
  const seeded = text.split('\n').filter((l) => {
    if (!/^\d+\t\d+\t\d+\t/.test(l)) return true;
    if (n++ % 10 !== 0) return true;
    dropped++;
    return false;
  }).join('\n');
  const r = agreeFiles([parsePubtator(text), parsePubtator(seeded)]);
  const m = pairScore(r.pairs[0], 'mention')!;
  assert.equal(m.fp, 0);
  assert.ok(m.fn > 0 && m.fn <= dropped);
  const k = r.tokens[0].agreement;
  assert.ok(k.kappa! < 1 && k.kappa! > 0.8, JSON.stringify(k));
});
