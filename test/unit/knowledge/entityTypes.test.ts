// What the checker knows of an entity type from its name: its family, whether
// a known corpus uses it, and whether the type column holds a concept id
// instead. The answers are remembered per name (with the last one before the
// map), so they must not depend on the order the names are asked in.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entityFamily, isKnownEntityType, looksLikeConceptId } from '../../../server/src/service/knowledge/entityTypes';

describe('entity types', () => {
  it('gives the families of the known corpora\'s types, whatever their case and surrounding space', () => {
    assert.equal(entityFamily('Chemical'), 'chemical');
    assert.equal(entityFamily(' GeneOrGeneProduct '), 'gene');
    assert.equal(entityFamily('SequenceVariant'), 'variant');
    assert.equal(entityFamily('Alpharix'), 'other');
    assert.equal(isKnownEntityType('DiseaseClass'), true);
    assert.equal(isKnownEntityType('CellType'), true);
    assert.equal(isKnownEntityType('T038,T047'), true);
    assert.equal(isKnownEntityType('Alpharix'), false);
  });

  it('takes no name from the object prototype for a known type', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      assert.equal(isKnownEntityType(name), false, name);
      assert.equal(entityFamily(name), 'other', name);
    }
  });

  it('tells a concept id in the type column from a type', () => {
    for (const id of ['MESH:D007649', 'D007649', '5743', 'rs1234', 'tmVar:p|SUB|V|600|E', 'CVCL:0030']) {
      assert.equal(looksLikeConceptId(id), true, id);
    }
    for (const type of ['Chemical', 'Disease', 'Gene', 'Alpharix', 'T038']) assert.equal(looksLikeConceptId(type), false, type);
  });

  it('answers the same whatever was asked before (names alternating, repeated, padded)', () => {
    const names = ['Chemical', 'D007649', 'Disease', 'Disease', ' Gene ', 'Gene', 'Alpharix', 'Chemical', 'constructor', 'MESH:D1'];
    const first = names.map((n) => [entityFamily(n), isKnownEntityType(n), looksLikeConceptId(n)]);
    const reversed = [...names].reverse().map((n) => [entityFamily(n), isKnownEntityType(n), looksLikeConceptId(n)]).reverse();
    assert.deepEqual(reversed, first);
    assert.deepEqual(first[1], ['other', false, true]);
    assert.deepEqual(first[4], ['gene', true, false]);
  });
});
