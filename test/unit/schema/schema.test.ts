// The corpus schema: reading a schema file (what is wrong is said, what is
// usable is kept), presets and `extends`, and every check a schema makes exact.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readSchema } from '../../../server/src/service/schema/readSchema';
import { presetSchema, resolveSchema, type SchemaFile } from '../../../server/src/service/schema/resolve';
import { PRESET_NAMES } from '../../../server/src/service/schema/presets';
import type { CorpusSchema } from '../../../server/src/service/schema/schema';
import { check, codes, only } from '../../support/validate';
import { doc, file, row } from '../../support/build';
import { Severity } from '../../../server/src/service/types';

async function resolved(text: string, files: Record<string, string> = {}): Promise<{ schema: CorpusSchema; problems: string[] }> {
  const read = async (ref: string): Promise<SchemaFile | undefined> => (ref in files ? { location: ref, text: files[ref] } : undefined);
  const r = await resolveSchema({ location: '/corpus/pubtator.schema.json', text }, read);
  return { schema: r.schema, problems: r.problems.map((p) => `${p.location} ${p.path}: ${p.message}`) };
}

const TEXT = 'Ketamine eased pain in rats given morphine.';

describe('reading a schema file', () => {
  it('keeps what it can use and says what is wrong, field by field', () => {
    const { schema, problems } = readSchema(JSON.stringify({
      entityTypes: { Chemical: { family: 'chemical', idNamespaces: ['MESH', 'MeSH'] }, Disease: { family: 'illness' }, Bad: 3 },
      relationTypes: { CID: { arguments: [['Chemical', 'Disease']], direction: 'sideways' } },
      offsetUnit: 'bytes', checks: { 'text-mismatch': 'loud', 'self-relation': 'off' }, colour: 'red',
    }));
    assert.deepEqual(problems.map((p) => p.path), ['colour', 'entityTypes.Chemical.idNamespaces', 'entityTypes.Disease.family', 'entityTypes.Bad',
      'relationTypes.CID.direction', 'offsetUnit', 'checks.text-mismatch']);
    assert.deepEqual(schema.entityTypes?.Chemical, { family: 'chemical', idNamespaces: ['MESH'] });
    assert.deepEqual(schema.checks, { 'self-relation': 'off' });
    assert.deepEqual(readSchema('{ not json').problems.map((p) => p.path), ['']);
    assert.match(readSchema('[1]').problems[0].message, /one JSON object/);
    assert.match(readSchema('{"entityTypes":{"G":{"idPattern":"(("}}}').problems[0].message, /not a regular expression/);
  });

  it('resolves presets and extended files in order, the file itself last', async () => {
    const base = JSON.stringify({ extends: 'bc5cdr', entityTypes: { Gene: { family: 'gene' } }, checks: { 'self-relation': 'off' }, ignore: ['tmp/**'] });
    const { schema, problems } = await resolved(JSON.stringify({
      extends: ['./base.json'], entityTypes: { Chemical: { aliases: ['Drug'] } }, offsetUnit: 'utf16', checks: { 'self-relation': 'hint' },
    }), { './base.json': base });
    assert.deepEqual(problems, []);
    assert.deepEqual([...schema.entityTypes!.keys()].sort(), ['Chemical', 'Disease', 'Gene']);
    assert.deepEqual(schema.entityTypes!.get('Chemical'), { family: 'chemical', idNamespaces: ['MESH'], aliases: ['Drug'], name: 'Chemical' });
    assert.equal(schema.aliases.get('Drug'), 'Chemical');
    assert.equal(schema.relationTypes!.get('CID')?.direction, 'directed');
    assert.equal(schema.offsetUnit, 'utf16');
    assert.deepEqual(schema.checks, { 'self-relation': 'hint' });
    assert.deepEqual(schema.ignore, [{ base: '.', glob: 'tmp/**' }]);
    assert.deepEqual(schema.sources, ['/corpus/pubtator.schema.json', 'preset bc5cdr', './base.json']);
  });

  it('says when an extended file is missing or extends in a loop, and still resolves the rest', async () => {
    const r = await resolved(JSON.stringify({ extends: ['nope', './a.json'] }), { './a.json': JSON.stringify({ extends: './a.json', entityTypes: { X: {} } }) });
    assert.equal(r.problems.length, 2, r.problems.join('\n'));
    assert.match(r.problems[0], /"nope" is neither a preset/);
    assert.match(r.problems[1], /loop/);
    assert.ok(r.schema.entityTypes?.has('X'));
  });

  it('every preset resolves without a problem', () => {
    for (const name of PRESET_NAMES) assert.ok(presetSchema(name), name);
  });
});

describe('checks with a schema', () => {
  const bc5cdr = presetSchema('bc5cdr')!;

  it('an undeclared entity type is an error, with the close declared type as its fix; an alias is declared', async () => {
    const text = file(doc('1', TEXT, '', row(1, 0, 8, 'Ketamine', 'Chemcial', 'D007649'), row(1, 15, 19, 'pain', 'Symptom', 'D010146')));
    const found = only(text, 'undeclared-entity-type', { schema: bc5cdr });
    assert.deepEqual(found.map((d) => d.severity), [Severity.Error, Severity.Error]);
    assert.match(found[0].message, /"Chemcial" is not an entity type of the schema preset bc5cdr; did you mean "Chemical"\?/);
    assert.deepEqual(found[0].data, { replacement: 'Chemical' });
    assert.deepEqual(codes(text, { schema: bc5cdr }).filter((c) => c === 'entity-type-typo' || c === 'unknown-entity-type'), []);
    const { schema } = await resolved(JSON.stringify({ extends: 'bc5cdr', entityTypes: { Disease: { aliases: ['Symptom'] } } }));
    assert.deepEqual(only(text, 'undeclared-entity-type', { schema }).length, 1);
  });

  it('an undeclared type used on many rows is one error, and a type pattern declares types', async () => {
    const docs = Array.from({ length: 1100 }, (_, i) => doc(String(i), TEXT, '', row(i, 0, 8, 'Ketamine', 'Drugish', 'D007649')));
    const found = only(file(...docs), 'undeclared-entity-type', { schema: bc5cdr });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /and 1100 rows use it/);
    const mm = presetSchema('medmentions')!;
    assert.deepEqual(codes(file(doc('1', TEXT, '', row(1, 0, 8, 'Ketamine', 'T121,T109', 'C0022614'))), { schema: mm }), []);
  });

  it('an undeclared relation type, and relation arguments of the wrong types, are errors', () => {
    const text = file(doc('1', TEXT, '', row(1, 0, 8, 'Ketamine', 'Chemical', 'D007649'), row(1, 15, 19, 'pain', 'Disease', 'D010146'),
      row(1, 34, 42, 'morphine', 'Chemical', 'D009020'),
      row(1, 'CID', 'D007649', 'D010146'), row(1, 'CID', 'D010146', 'D007649'), row(1, 'CID', 'D007649', 'D009020'), row(1, 'Treats', 'D007649', 'D010146')));
    const found = check(text, { schema: bc5cdr }).filter((d) => d.severity === Severity.Error);
    assert.deepEqual(found.map((d) => `${d.range.start.line} ${d.code}`), ['6 relation-argument-types', '7 relation-argument-types', '8 undeclared-relation-type']);
    assert.match(found[0].message, /A CID relation joins Disease → Chemical; the schema allows Chemical → Disease\./);
    // CID is directed: a row and its reverse are not duplicates.
    assert.deepEqual(only(text, 'duplicate-relation', { schema: bc5cdr }), []);
  });

  it('arguments may name families and `*`; symmetric types take either order', async () => {
    const { schema } = await resolved(JSON.stringify({
      entityTypes: { Drug: { family: 'chemical' }, Illness: { family: 'disease' }, Gene: { family: 'gene' } },
      relationTypes: { Treats: { arguments: [['chemical', 'disease']], direction: 'symmetric' }, Any: { arguments: [['Gene', '*']] } },
    }));
    const text = file(doc('1', TEXT, '', row(1, 0, 8, 'Ketamine', 'Drug', 'D1'), row(1, 15, 19, 'pain', 'Illness', 'D2'), row(1, 23, 27, 'rats', 'Gene', 'G1'),
      row(1, 'Treats', 'D2', 'D1'), row(1, 'Any', 'G1', 'D2'), row(1, 'Treats', 'G1', 'D2')));
    assert.deepEqual(only(text, 'relation-argument-types', { schema }).map((d) => d.range.start.line), [7]);
  });

  it('an id outside its type\'s namespaces or pattern is an error; many such ids are one', async () => {
    const { schema } = await resolved(JSON.stringify({
      entityTypes: { Gene: { idNamespaces: ['NCBIGene'] }, Chemical: { idPattern: 'D\\d{6}' }, Species: { idOptional: false } },
    }));
    const text = file(doc('1', TEXT, '', row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'), row(1, 15, 19, 'pain', 'Gene', '5444|MESH:D010146'),
      row(1, 23, 27, 'rats', 'Species', '-1')));
    const found = only(text, 'id-pattern-mismatch', { schema });
    assert.deepEqual(found.map((d) => d.message), [
      '"MESH:D007649" does not fit the schema\'s Chemical ids: it does not match Chemical\'s id pattern D\\d{6}.',
      '"MESH:D010146" does not fit the schema\'s Gene ids: MESH is not one of Gene\'s namespaces (NCBIGene).',
      'A Species mention needs an id (the schema says ids are not optional).',
    ]);
    // The range is the offending part of a composite id.
    assert.equal(text.split('\n')[3].slice(found[1].range.start.character, found[1].range.end.character), 'MESH:D010146');
    const many = file(...Array.from({ length: 1200 }, (_, i) => doc(String(i), TEXT, '', row(i, 15, 19, 'pain', 'Gene', 'MESH:D010146'))));
    const one = only(many, 'id-pattern-mismatch', { schema });
    assert.equal(one.length, 1);
    assert.match(one[0].message, /1200 Gene mentions have MESH ids, which the schema does not allow for Gene/);
  });

  it('the schema\'s check levels and offset unit apply; options given by the caller win', async () => {
    const { schema } = await resolved(JSON.stringify({ offsetUnit: 'utf16', checks: { 'text-mismatch': 'warning' } }));
    // 😀 is one code point and two UTF-16 units: `drug` is at 5-9 in UTF-16 units, past the end in code points.
    const text = file(doc('1', 'A 😀 drug', '', row(1, 5, 9, 'drug', 'Chemical', 'D1')));
    assert.ok(check(text).some((d) => d.severity === Severity.Error), 'code points by default');
    assert.deepEqual(check(text, { schema }), [], 'UTF-16 as the schema says');
    const wrong = file(doc('1', TEXT, '', row(1, 0, 8, 'Kétamine', 'Chemical', 'D1')));
    assert.equal(check(wrong, { schema })[0].severity, Severity.Warning);
    assert.equal(check(wrong, { schema, severities: { 'text-mismatch': 'error' } })[0].severity, Severity.Error);
  });
});
