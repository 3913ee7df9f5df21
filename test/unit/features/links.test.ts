import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { atomLink, authorityLink } from '../../../server/src/service/features/links';
import { parseAtom } from '../../../server/src/service/parse/conceptIds';

const url = (raw: string, species = false) => atomLink(parseAtom(raw), species)?.url;

describe('authority links', () => {
  it('builds the documented URL for each authority', () => {
    assert.equal(url('MESH:D007649'), 'https://meshb.nlm.nih.gov/record/ui?ui=D007649');
    assert.equal(url('D007649'), 'https://meshb.nlm.nih.gov/record/ui?ui=D007649');
    assert.equal(url('MESH:C540383'), 'https://meshb.nlm.nih.gov/record/ui?ui=C540383');
    assert.equal(url('5444'), 'https://www.ncbi.nlm.nih.gov/gene/5444');
    assert.equal(url('9606', true), 'https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=9606');
    assert.equal(url('CorrespondingSpecies:9606', false), 'https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=9606');
    assert.equal(url('CVCL_0030'), 'https://www.cellosaurus.org/CVCL_0030');
    assert.equal(url('rs113488022'), 'https://www.ncbi.nlm.nih.gov/snp/rs113488022');
    assert.equal(url('RS#:854560'), 'https://www.ncbi.nlm.nih.gov/snp/rs854560');
    assert.equal(url('OMIM:114480'), 'https://omim.org/entry/114480');
    assert.equal(url('CHEBI:1234'), 'https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:1234');
    assert.equal(authorityLink('pubmed', '37622028')?.url, 'https://pubmed.ncbi.nlm.nih.gov/37622028/');
  });

  it('gives no link when the id part does not validate', () => {
    for (const raw of [
      'MESH:D00)7649', 'MESH:X123', 'MESH:D123 x', 'OMIM:11448a', 'CHEBI:12a', 'CVCL_00-30', 'RS#:85x',
      'MESH:D1](command:evil)', 'MESH:' + 'D'.padEnd(60, '1'), 'p|SUB|V|600|E', 'HGVS:p.L55M', 'C0000005', 'foo',
    ]) {
      assert.equal(url(raw), undefined, raw);
    }
    assert.equal(authorityLink('pubmed', 'BC8_BioRED_Task1_Doc500'), undefined);
    assert.equal(authorityLink('pubmed', '123 '), undefined);
    assert.equal(authorityLink('gene', '١٢٣'), undefined, 'non-ASCII digits');
  });
});
