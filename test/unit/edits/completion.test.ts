import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, BC5CDR, BIORED, everyPosition, lines, PUBTATOR3, textOf } from '../features/support';
import { service } from './support';
import type { Position } from '../../../server/src/service/types';

function labels(text: string, p: Position): string[] {
  return service.completion(service.parse(text), p).map((i) => i.label);
}

describe('completion', () => {
  it('offers the entity types the file uses first, then its flavour\'s, then the rest', () => {
    const got = labels(BIORED, at(BIORED, '2000\t0\t4', 'GeneOrGeneProduct', 2));
    assert.deepEqual(got.slice(0, 3), ['SequenceVariant', 'GeneOrGeneProduct', 'DiseaseOrPhenotypicFeature']);
    assert.deepEqual(got.slice(3, 6), ['ChemicalEntity', 'OrganismTaxon', 'CellLine'], 'then the rest of BioRED');
    assert.ok(got.includes('Chemical') && got.includes('SpecificDisease'));
    assert.equal(new Set(got).size, got.length, 'no type twice');
    const items = service.completion(service.parse(BIORED), at(BIORED, '2000\t0\t4', 'GeneOrGeneProduct', 2));
    assert.equal(items[0].detail, 'used 3 times in this file');
    assert.equal(items[3].detail, 'BioRED type (this file\'s flavour)');
    assert.equal(textOf(BIORED, items[0].textEdit.range), 'GeneOrGeneProduct', 'an item replaces the whole field');
  });

  it('offers types while a row is still being typed', () => {
    const text = lines('5|t|Aspirin.', '5|a|', '5\t0\t7\tAspirin\tChemical\tD001241', '5\t0\t7\tAspirin\t');
    const got = labels(text, { line: 3, character: '5\t0\t7\tAspirin\t'.length });
    assert.equal(got[0], 'Chemical');
    assert.deepEqual(got.slice(1, 2), ['Disease'], 'BC5CDR\'s other type next');
  });

  it('offers the relation types allowed between the two concepts\' types first', () => {
    const items = service.completion(service.parse(BC5CDR), at(BC5CDR, '1000\tCID\tD009288\tD014786', 'CID', 1));
    assert.deepEqual(items.slice(0, 4).map((i) => i.label), ['Association', 'Negative_Correlation', 'Positive_Correlation', 'CID']);
    assert.equal(items[0].detail, 'allowed between a chemical and a disease');
    assert.ok(items.find((i) => i.label === 'Bind')!.detail!.startsWith('not listed'));
    const typing = lines('5|t|Aspirin.', '5|a|', '5\t0\t7\tAspirin\tChemical\tD001241', '5\tAs');
    assert.deepEqual(labels(typing, { line: 3, character: 3 }).slice(0, 3), ['Association', 'Positive_Correlation', 'Negative_Correlation']);
  });

  it('offers the document\'s concepts with their names in relation rows', () => {
    const items = service.completion(service.parse(PUBTATOR3), at(PUBTATOR3, '34205807\tPositive', '5444', 1));
    const first = items[0];
    assert.equal(first.label, '5444');
    assert.equal(first.detail, 'PON1 · Gene');
    assert.match(first.documentation!, /\*\*PON1\*\* \(Gene\) · `5444`\n\n3 mentions in this document/);
    const variant = items.find((i) => i.label.startsWith('tmVar:p|SUB|L|55|M'));
    assert.ok(variant, 'a variant is offered with its whole id');
    assert.ok(!items.some((i) => i.label === '11111111' || i.detail?.includes('second COVID')), 'only this document\'s concepts');
    assert.equal(new Set(items.map((i) => i.label)).size, items.length);
    assert.deepEqual(labels(BC5CDR, at(BC5CDR, '1000\tCID\tD009288\tD003924', 'D003924', 2)).sort(), ['D006311', 'D009288', 'D014786']);
  });

  it('offers, in a mention row, the concepts already given to the same text first', () => {
    const text = lines('6|t|Aspirin and pain.', '6|a|Pain again.', '6\t0\t7\tAspirin\tChemical\tD001241', '6\t12\t16\tpain\tDisease\tD010146', '6\t18\t22\tPain\tDisease\t');
    assert.deepEqual(labels(text, { line: 4, character: '6\t18\t22\tPain\tDisease\t'.length }), ['D010146', 'D001241']);
  });

  it('offers nothing in passage lines, offsets and text columns, and never throws', () => {
    assert.deepEqual(labels(BIORED, { line: 0, character: 10 }), []);
    assert.deepEqual(labels(BIORED, at(BIORED, '2000\t0\t4', '4')), []);
    assert.deepEqual(labels(BIORED, at(BIORED, '2000\t0\t4', 'BRAF')), []);
    const parsed = service.parse(BIORED);
    for (const p of everyPosition(BIORED)) assert.doesNotThrow(() => service.completion(parsed, p));
    for (const p of [null, {}, { line: -1, character: 0 }, { line: 1.5, character: 0 }]) {
      assert.deepEqual(service.completion(parsed, p as never), []);
    }
  });
});
