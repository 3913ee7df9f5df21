// Rows brought into a file by a merge are written as the file writes its own:
// its id prefix per namespace (MESH: or bare), its "no concept" id, its
// columns (trailing empty ones it does not use dropped; a filled one kept);
// and ids spelled two ways compare equal, so a restyle is no disagreement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeThree, mergeTwo } from '../../../server/src/service/merge/mergeFiles';
import { learnStyle, restyleRow } from '../../../server/src/service/merge/rowStyle';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';

const PREFIXED = [
  '1|t|Aspirin and pain.', '1|a|Aspirin relieves headache.',
  '1\t0\t7\tAspirin\tChemical\tMESH:D001241', '1\t12\t16\tpain\tDisease\tMESH:D010146', '1\t18\t25\tAspirin\tChemical\t-1',
  '1\tCID\tMESH:D001241\tMESH:D010146',
  '',
].join('\n');

test('the style learned: the prefix written most per namespace, the no-concept id, the column counts', () => {
  const style = learnStyle(parsePubtator(PREFIXED));
  assert.deepEqual([...style.prefixes], [['MESH', 'MESH:']]);
  assert.equal(style.none, '-1');
  assert.equal(style.mentionColumns, 6);
  assert.equal(style.relationColumns, 4);
  const bare = learnStyle(parsePubtator(PREFIXED.replace(/MESH:/g, '')));
  assert.deepEqual([...bare.prefixes], [['MESH', '']]);
});

test('a row restyled: each part of an id, both ids of a relation, the no-concept id, empty trailing columns; others left alone', () => {
  const style = learnStyle(parsePubtator(PREFIXED));
  assert.equal(restyleRow('1\t0\t4\tpain\tDisease\tD010146|D006261', style), '1\t0\t4\tpain\tDisease\tMESH:D010146|MESH:D006261');
  assert.equal(restyleRow('1\tCID\tD001241\tMESH:D010146', style), '1\tCID\tMESH:D001241\tMESH:D010146');
  assert.equal(restyleRow('1\t0\t4\tpain\tDisease\t-', style), '1\t0\t4\tpain\tDisease\t-1');
  assert.equal(restyleRow('1\t0\t4\tpain\tDisease\tD010146\t\t', style), '1\t0\t4\tpain\tDisease\tMESH:D010146');
  assert.equal(restyleRow('1\t0\t4\tpain\tDisease\tD010146\tpain|ache', style), '1\t0\t4\tpain\tDisease\tMESH:D010146\tpain|ache');
  // Namespaces the file never writes, and lines that are not rows, come back as they are.
  assert.equal(restyleRow('1\t0\t4\tBRCA1\tGene\tNCBIGene:672', style), '1\t0\t4\tBRCA1\tGene\tNCBIGene:672');
  assert.equal(restyleRow('1|t|Aspirin and pain.', style), '1|t|Aspirin and pain.');
  // A bare style strips the prefix.
  const bare = learnStyle(parsePubtator(PREFIXED.replace(/MESH:/g, '')));
  assert.equal(restyleRow('1\t0\t4\tpain\tDisease\tMESH:D010146', bare), '1\t0\t4\tpain\tDisease\tD010146');
});

test('two-way merge: B\'s rows and documents come in A\'s id style and columns; the same ids spelled otherwise agree', () => {
  const b = [
    '1|t|Aspirin and pain.', '1|a|Aspirin relieves headache.',
    '1\t0\t7\tAspirin\tChemical\tD001241', '1\t12\t16\tpain\tDisease\tD010146', '1\t18\t25\tAspirin\tChemical\t-',
    '1\t39\t47\theadache\tDisease\tD006261\t',
    '1\tCID\tD001241\tD010146', '1\tCID\tD001241\tD006261',
    '',
    '2|t|Fever.', '2|a|Fever in children.', '2\t0\t5\tFever\tDisease\tD005334',
    '',
  ].join('\n');
  const merged = mergeTwo(PREFIXED, b, 'both');
  // Only the new rows and the new document are disagreements: the restyled ones agree.
  assert.deepEqual(merged.decisions.map((d) => [d.kind, d.b]), [
    ['rows', ['1\t39\t47\theadache\tDisease\tD006261\t']],
    ['rows', ['1\tCID\tD001241\tD006261']],
    ['document', ['2|t|Fever.', '2|a|Fever in children.', '2\t0\t5\tFever\tDisease\tD005334']],
  ]);
  assert.equal(merged.text, [
    '1|t|Aspirin and pain.', '1|a|Aspirin relieves headache.',
    '1\t0\t7\tAspirin\tChemical\tMESH:D001241', '1\t12\t16\tpain\tDisease\tMESH:D010146', '1\t18\t25\tAspirin\tChemical\t-1',
    '1\t39\t47\theadache\tDisease\tMESH:D006261',
    '1\tCID\tMESH:D001241\tMESH:D010146', '1\tCID\tMESH:D001241\tMESH:D006261',
    '',
    '2|t|Fever.', '2|a|Fever in children.', '2\t0\t5\tFever\tDisease\tMESH:D005334',
    '',
  ].join('\n'));
  // The other way round (A bare, B prefixed): B brings nothing new, only A's own rows and document are its alone.
  const back = mergeTwo(b, PREFIXED, 'both');
  assert.deepEqual(back.decisions.map((d) => [d.kind, d.a.length, d.b.length]), [['rows', 1, 0], ['rows', 1, 0], ['document', 3, 0]]);
  assert.equal(back.text, b);
});

test('three-way: theirs\' added rows come in ours\' style; a branch that only restyled ids changes nothing', () => {
  const base = PREFIXED;
  const theirs = PREFIXED.replace(/MESH:/g, '').replace('1\tCID', '1\t39\t47\theadache\tDisease\tD006261\n1\tCID');
  const r = mergeThree(base, base, theirs);
  assert.equal(r.conflicts, 0);
  assert.equal(r.text, PREFIXED.replace('1\tCID', '1\t39\t47\theadache\tDisease\tMESH:D006261\n1\tCID'));
});
