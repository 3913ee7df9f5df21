import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileCounts, variantCountingAtom } from '../../../server/src/service/features/fileIndex';
import { parseConceptId } from '../../../server/src/service/parse/conceptIds';
import { BC5CDR, PUBTATOR3, service } from './support';

describe('file index', () => {
  it('counts mentions, documents and relations of a concept across the file', () => {
    const file = service.parse(PUBTATOR3 + '\n' + BC5CDR);
    assert.deepEqual(fileCounts(file, 'MESH:D000086382'), { mentions: 3, documents: 2, relations: 3 });
    assert.deepEqual(fileCounts(file, 'NCBI:5444'), { mentions: 3, documents: 1, relations: 1 });
    assert.deepEqual(fileCounts(file, 'MESH:D006311'), { mentions: 2, documents: 1, relations: 1 });
    assert.deepEqual(fileCounts(file, 'MESH:D003924'), { mentions: 0, documents: 0, relations: 1 });
    assert.deepEqual(fileCounts(file, 'RS:854560'), { mentions: 2, documents: 1, relations: 1 });
    assert.deepEqual(fileCounts(file, 'nothing'), { mentions: 0, documents: 0, relations: 0 });
  });

  it('counts a MESH: prefixed and a bare MeSH id as one concept', () => {
    const file = service.parse('1|t|a b\n1|a|\n1\t0\t1\ta\tChemical\tD000001\n1\t2\t3\tb\tChemical\tMESH:D000001\n');
    assert.equal(fileCounts(file, 'MESH:D000001').mentions, 2);
  });

  it('leaves documents that nobody had open unparsed, and open ones open', () => {
    const file = service.parse(PUBTATOR3);
    const [first, second] = file.documents;
    void first.mentions;
    assert.equal(second.materialized, false);
    fileCounts(file, 'NCBI:5444');
    assert.equal(first.materialized, true);
    assert.equal(second.materialized, false);
  });

  it('counts a variant by its rs number, else its HGVS name, else its first identifying field', () => {
    assert.equal(variantCountingAtom(parseConceptId('tmVar:p|SUB|L|55|M;HGVS:p.L55M;RS#:854560'))?.key, 'RS:854560');
    assert.equal(variantCountingAtom(parseConceptId('tmVar:p|SUB|L|55|M;HGVS:p.L55M;VariantGroup:1'))?.key, 'HGVS:p.L55M');
    assert.equal(variantCountingAtom(parseConceptId('p|SUB|V|600|E'))?.key, 'TMVAR:p|SUB|V|600|E');
  });
});
