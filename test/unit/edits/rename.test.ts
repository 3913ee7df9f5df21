import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, BC5CDR, everyPosition, lines, PUBTATOR3, textOf } from '../features/support';
import { applyEdits, assertUnrelatedRowsKept, service } from './support';
import type { Position } from '../../../server/src/service/types';

function renamed(text: string, p: Position, newName: string, scope?: 'document' | 'file'): string {
  const result = service.rename(service.parse(text), p, newName, { scope });
  assert.ok('edits' in result, JSON.stringify(result));
  const after = applyEdits(text, result.edits);
  assertUnrelatedRowsKept(text, after, result.edits);
  return after;
}

function refusal(text: string, p: Position, newName?: string): string {
  const parsed = service.parse(text);
  const result = newName === undefined ? service.prepareRename(parsed, p) : service.rename(parsed, p, newName);
  assert.ok('error' in result, JSON.stringify(result));
  return result.error;
}

describe('rename', () => {
  it('prepares on the value of the id part under the cursor', () => {
    const p = at(PUBTATOR3, '34205807\t26', 'D000086382', 3);
    const prepared = service.prepareRename(service.parse(PUBTATOR3), p);
    assert.ok('range' in prepared);
    assert.equal(prepared.placeholder, 'D000086382');
    assert.equal(textOf(PUBTATOR3, prepared.range), 'D000086382');
    const composite = service.prepareRename(service.parse(BC5CDR), at(BC5CDR, '1000\t0\t36', 'D006311', 1));
    assert.ok('range' in composite && composite.placeholder === 'D006311');
  });

  it('renames every mention and relation of the document, keeping each prefix, not other documents', () => {
    const after = renamed(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'D000086382', 3), 'D000086383');
    assert.equal(after.split('MESH:D000086383').length - 1, 5);
    assert.ok(after.includes('11111111\t9\t17\tCOVID-19\tDisease\tMESH:D000086382'), 'the other document keeps its id');
    const typedWithPrefix = renamed(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'D000086382', 3), 'MESH:D000086383');
    assert.equal(typedWithPrefix, after);
    const everywhere = renamed(PUBTATOR3, at(PUBTATOR3, '34205807\t26', 'D000086382', 3), 'D000086383', 'file');
    assert.equal(everywhere.split('MESH:D000086383').length - 1, 6);
  });

  it('renames only the atom of a composite id, and a plain id but not a variant\'s gene attribute', () => {
    const after = renamed(BC5CDR, at(BC5CDR, '1000\t23\t36', 'D006311'), 'D999999');
    assert.ok(after.includes('D014786|D999999\tUlcerative colitis|Crohn disease'));
    assert.ok(after.includes('1000\tCID\tD009288\tD999999'));
    const gene = renamed(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', '5444'), '5445');
    assert.equal(gene.split('\t5445').length - 1, 4);
    assert.ok(gene.includes('CorrespondingGene:5444'), 'the variant attribute is not the gene mention');
  });

  it('renames an identifying part of a variant wherever the variant is named', () => {
    const after = renamed(PUBTATOR3, at(PUBTATOR3, '34205807\t41', 'RS#:854560', 4), '999');
    assert.equal(after.split('RS#:999').length - 1, 3);
    assert.ok(!after.includes('RS#:854560'));
  });

  it('refuses what is not an id, with a reason', () => {
    assert.match(refusal(PUBTATOR3, { line: 0, character: 3 }), /Only a concept id can be renamed/);
    assert.match(refusal(PUBTATOR3, at(PUBTATOR3, '34205807\t0\t13', 'Gene')), /Only a concept id/);
    assert.match(refusal(PUBTATOR3, at(PUBTATOR3, '34205807\t41', 'VariantGroup', 2)), /attribute of the variant/);
    const noId = lines('1|t|x', '1|a|', '1\t0\t1\tx\tChemical\t-1');
    assert.match(refusal(noId, at(noId, '1\t0', '-1')), /names no concept/);
    const p = at(BC5CDR, '1000\t23\t36', 'D006311');
    assert.match(refusal(BC5CDR, p, ''), /empty/);
    assert.match(refusal(BC5CDR, p, 'a\tb'), /TAB/);
    assert.match(refusal(BC5CDR, p, 'D1|D2'), /split the id/);
    assert.deepEqual(service.rename(service.parse(BC5CDR), p, 'D006311'), { edits: [] });
  });

  it('refuses a new value that would leave occurrences spelled differently naming different ids', () => {
    const mixed = lines('1|t|Aspirin.', '1|a|', '1\t0\t7\tAspirin\tChemical\tD001241', '1\tCID\tMESH:D001241\tD001241');
    assert.match(refusal(mixed, at(mixed, '1\t0', 'D001241'), 'MESH:D9'), /another id/);
    const ok = renamed(mixed, at(mixed, '1\t0', 'D001241'), 'D000009');
    assert.ok(ok.includes('1\tCID\tMESH:D000009\tD000009'));
  });

  it('never throws', () => {
    const parsed = service.parse(PUBTATOR3);
    for (const p of everyPosition(PUBTATOR3)) {
      assert.doesNotThrow(() => service.prepareRename(parsed, p));
      assert.doesNotThrow(() => service.rename(parsed, p, 'X1'));
    }
    assert.doesNotThrow(() => service.rename(parsed, { line: 2, character: 40 }, undefined as never));
  });
});
