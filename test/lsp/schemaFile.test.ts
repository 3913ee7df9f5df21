// The JSON Schema for pubtator.schema.json files: generated from the checker's
// own lists, contributed to VS Code, shipped in the .vsix, and in step with
// what the checker reads (the example in docs/schema.md reads without a problem).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFileJsonSchema } from '../../server/src/lsp/schemaJsonSchema';
import { readSchema } from '../../server/src/service/schema/readSchema';
import { repoRoot } from '../support/paths';

test('schemas/pubtator.schema.json is what the checker\'s lists generate (run npm run sync-schema when this fails)', () => {
  const file = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'pubtator.schema.json'), 'utf8'));
  assert.deepEqual(file, schemaFileJsonSchema());
});

test('package.json contributes it for pubtator.schema.json files, and the .vsix carries it', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['pubtator.schema.json', '*.pubtator-schema.json'], url: './schemas/pubtator.schema.json' }]);
  assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!schemas\/pubtator\.schema\.json$/m);
  assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'pubtator.createSchema'));
});

test('the example schema of docs/schema.md reads without a problem, and every field the checker reads is in the JSON Schema', () => {
  const docs = readFileSync(join(repoRoot, 'docs', 'schema.md'), 'utf8');
  const example = /^# The corpus schema[\s\S]*?```json\n([\s\S]*?)```/m.exec(docs)?.[1];
  assert.ok(example, 'docs/schema.md has an example schema');
  assert.deepEqual(readSchema(example).problems, []);
  const props = schemaFileJsonSchema().properties as Record<string, unknown>;
  for (const field of ['extends', 'entityTypes', 'entityTypePattern', 'relationTypes', 'offsetUnit', 'checks', 'ignore']) assert.ok(field in props, field);
});
