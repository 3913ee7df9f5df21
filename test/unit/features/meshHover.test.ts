// The concept hover with knowledge from outside the file: a MeSH index built
// from the fixtures, and an online source stubbed in memory.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildMeshIndex, openMeshIndex, type MeshIndex } from '../../../server/src/service/concepts/meshIndex';
import type { ConceptSources, OnlineNames } from '../../../server/src/service/concepts/conceptSources';
import type { OnlineAnswer, OnlineNamespace } from '../../../server/src/service/concepts/online/types';
import type { Position } from '../../../server/src/service/types';
import { openFixtureIndex, TempDir } from '../concepts/meshFixtures';
import { at, lines, PUBTATOR3, service } from './support';
import { assertInert, loadRenderer } from './render';

const tmp = new TempDir();
let mesh: MeshIndex;
let hostile: MeshIndex;

const TEXT = lines(
  '1|t|Ketamine and esketamine for pain',
  '1|a|Norketamine.',
  '1\t0\t8\tKetamine\tChemical\tMESH:D007649',
  '1\t13\t23\tesketamine\tChemical\tMESH:C000706722',
  '1\t28\t32\tpain\tDisease\tD010146',
  '1\t33\t44\tNorketamine\tChemical\tMESH:C012345',
  '1\t28\t32\tpain\tDisease\tD999999',
  '1\tCID\tD007649\tD010146',
);

function hoverMd(text: string, p: Position, concepts?: ConceptSources): string {
  const h = service.hover(service.parse(text), p, { concepts });
  assert.ok(h, `a hover at ${JSON.stringify(p)}`);
  return h.contents;
}

before(async () => {
  await loadRenderer();
  mesh = await openFixtureIndex(tmp);
  // A record whose every field tries to become markup.
  const evil = tmp.file('d2025.bin', [
    '*NEWRECORD', 'RECTYPE = D', 'MH = Evil [click](command:workbench.action.quit) <img src=x onerror=alert(1)>',
    'ENTRY = `code` **bold**', 'ENTRY = # heading', 'MN = D01.[x](javascript:alert(1))',
    'MS = <script>alert(1)</script> A note with ![img](https://evil.example/x.png). Second sentence.', 'UI = D000001', '',
  ].join('\n'));
  const evilOut = join(tmp.path, 'evil.idx');
  await buildMeshIndex([evil], evilOut);
  hostile = openMeshIndex(evilOut);
});
after(() => {
  mesh.close();
  hostile.close();
  tmp.remove();
});

describe('hover with a MeSH index', () => {
  it('shows the official name, a few entry terms, tree numbers, the scope note\'s first sentence and the credit', () => {
    const md = hoverMd(TEXT, at(TEXT, '1\t0\t8', 'D007649'), { mesh });
    assert.match(md, /MeSH heading \*\*Ketamine\*\*/);
    assert.match(md, /Entry terms: Ketalar, Ketamine Hydrochloride, Calipsol, CI\\-581, CI581 and 6 more/);
    assert.match(md, /Tree numbers: `D02\.455\.326\.271\.665\.202`, `D02\.455\.526\.728\.468\.202`/);
    assert.match(md, /A cyclohexanone derivative given intravenously or intramuscularly to bring on anesthesia for short procedures\\\./);
    assert.doesNotMatch(md, /NMDA/, 'only the first sentence');
    const last = md.split('\n\n').pop()!;
    assert.match(last, /^\*MeSH 2025.*\*$/, 'the credit ends the hover, in italics');
    // The file's own name for it is still there.
    assert.match(md, /\*\*Ketamine\*\* · Chemical/);
    const visible = assertInert(md);
    assert.match(visible, /MeSH 2025, courtesy of the U\.S\. National Library of Medicine/);
  });

  it('shows the heading a supplementary record maps to, linked, with its qualifier', () => {
    const esk = hoverMd(TEXT, at(TEXT, '1\t13\t23', 'C000706722'), { mesh });
    assert.match(esk, /MeSH supplementary concept \*\*esketamine\*\*/);
    assert.match(esk, /Synonyms: \\\(S\\\)\\-ketamine, S\\-ketamine, Spravato, esketamine hydrochloride/);
    assert.match(esk, /Maps to \*\*Ketamine\*\* \[D007649\]\(https:\/\/meshb\.nlm\.nih\.gov\/record\/ui\?ui=D007649\)/);
    assertInert(esk);
    const nor = hoverMd(TEXT, at(TEXT, '1\t33\t44', 'C012345'), { mesh });
    assert.match(nor, /Maps to \*\*Ketamine\*\*\/analogs &amp; derivatives/);
  });

  it('shows MeSH knowledge on a relation row\'s id too', () => {
    const md = hoverMd(TEXT, at(TEXT, '1\tCID', 'D010146'), { mesh });
    assert.match(md, /MeSH heading \*\*Pain\*\*/);
  });

  it('says an id is not in the index, without a credit line', () => {
    const md = hoverMd(TEXT, at(TEXT, '1\t28\t32\tpain\tDisease\tD999', 'D999999'), { mesh });
    assert.match(md, /MeSH 2025 has no record `D999999`: the id is obsolete/);
    assert.doesNotMatch(md, /courtesy/);
  });

  it('is the plain hover without an index, or with a closed one', () => {
    const plain = hoverMd(TEXT, at(TEXT, '1\t0\t8', 'D007649'));
    assert.doesNotMatch(plain, /MeSH heading|courtesy/);
    const closed = openMeshIndex(mesh.path);
    closed.close();
    assert.equal(hoverMd(TEXT, at(TEXT, '1\t0\t8', 'D007649'), { mesh: closed }), plain);
  });

  it('escapes every field of a record', () => {
    const text = lines('2|t|Evil', '2|a|', '2\t0\t4\tEvil\tChemical\tD000001');
    const md = hoverMd(text, at(text, '2\t0\t4', 'D000001'), { mesh: hostile });
    const visible = assertInert(md);
    assert.match(visible, /Evil \[click\]\(command:workbench\.action\.quit\) <img src=x onerror=alert\(1\)>/);
    assert.match(visible, /`code` \*\*bold\*\*, # heading/);
    assert.match(visible, /<script>alert\(1\)<\/script> A note with !\[img\]\(https:\/\/evil\.example\/x\.png\)\./);
    assert.match(visible, /Tree numbers: D01\.\[x\]\(javascript:alert\(1\)\)/, 'shown as code, not as a link');
  });
});

describe('hover with online names', () => {
  const asked: string[] = [];
  const answers: Record<string, OnlineAnswer> = {
    'gene:5444': { found: true, facts: { name: 'PON1', description: 'paraoxonase 1', organism: 'Homo sapiens', synonyms: ['ESA', 'PON', 'MVCD5', 'A', 'B', 'C'] } },
    'taxonomy:9606': { found: true, facts: { name: 'Homo sapiens', description: 'species', synonyms: ['human'] } },
    'dbsnp:854560': { found: true, facts: { name: 'rs854560', description: 'PON1; chromosome 7:95316772' } },
    'gene:6347': { found: false },
  };
  const online: OnlineNames = {
    known(ns: OnlineNamespace, id: string) {
      asked.push(`${ns}:${id}`);
      return answers[`${ns}:${id}`];
    },
  };

  it('shows the name the authority gives, when known', () => {
    const md = hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', '5444'), { online });
    assert.match(md, /NCBI Gene: \*\*PON1\*\* · paraoxonase 1 · \*Homo sapiens\*/);
    assert.match(md, /Also: ESA, PON, MVCD5, A, B and 1 more/);
    assert.ok(asked.includes('gene:5444'));
  });

  it('reads a bare number on species mentions as Taxonomy, and says when an id is unknown', () => {
    assert.match(hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t113', '9606'), { online }), /NCBI Taxonomy: \*\*Homo sapiens\*\* · species/);
    assert.match(hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t18\t22', '6347'), { online }), /NCBI Gene has no record `6347`\./);
  });

  it('names the fields of a variant id', () => {
    const md = hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t41\t45', 'RS#'), { online });
    const visible = assertInert(md);
    assert.match(visible, /RS#: 854560 · PON1; chromosome 7:95316772 · dbSNP/);
    assert.match(md, /- CorrespondingGene: `5444` · \*\*PON1\*\*/);
    assert.match(md, /- CorrespondingSpecies: `9606` · \*\*Homo sapiens\*\*/);
  });

  it('shows nothing more while the answer is not known, and survives a failing source', () => {
    const plain = hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'MESH'));
    const unknown = hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t98\t102', '6347'), { online: { known: () => undefined } });
    assert.doesNotMatch(unknown, /NCBI Gene:|no record/);
    const failing: OnlineNames = { known: () => { throw new Error('offline'); } };
    assert.doesNotMatch(hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', '5444'), { online: failing }), /NCBI Gene:/);
    assert.equal(hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'MESH'), { online }), plain, 'MeSH ids are not looked up online');
  });

  it('escapes remote text', () => {
    const evil: OnlineNames = {
      known: () => ({ found: true, facts: { name: '[x](command:evil) <b>bold</b>', description: '`tick` *em*', note: '<img src=x onerror=alert(1)>' } }),
    };
    const md = hoverMd(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', '5444'), { online: evil });
    const visible = assertInert(md);
    assert.match(visible, /\[x\]\(command:evil\) <b>bold<\/b> · `tick` \*em\*/);
    assert.match(visible, /<img src=x onerror=alert\(1\)>/);
  });
});
