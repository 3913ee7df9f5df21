// The JSON Schema of pubtator.schema.json files, generated from the same lists
// the checker uses (check codes, families, id namespaces, presets), so the
// editor's completion and validation of a schema file never disagree with what
// the checker reads. scripts/sync-manifest.mjs writes it to
// schemas/pubtator.schema.json (contributed as `jsonValidation`); a test fails
// when the file is stale.

import { EVERY_CHECK } from '../service/bioc/everyCheck';
import { CHECK_LEVELS } from '../service/schema/levels';
import { PRESET_NAMES } from '../service/schema/presets';
import { FAMILIES, ID_NAMESPACES } from '../service/schema/schema';

export function schemaFileJsonSchema(): Record<string, unknown> {
  const entityType = {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      family: { enum: [...FAMILIES], description: 'The colour family of the type, and what relation arguments may call it.' },
      aliases: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Other spellings rows may use for this type.' },
      idNamespaces: {
        type: 'array', items: { enum: [...ID_NAMESPACES] }, uniqueItems: true,
        description: 'Namespaces its ids come from (MESH takes MESH:D007649 and D007649; number any bare number). An id of another namespace is reported (id-pattern-mismatch).',
      },
      idPattern: { type: 'string', format: 'regex', description: 'A regular expression every part of its ids must match (anchored unless it starts with ^).' },
      idOptional: { type: 'boolean', description: 'Whether rows may have no id (-1, -, empty). True unless false here.' },
      description: { type: 'string' },
    },
  };
  const relationType = {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      arguments: {
        type: 'array',
        items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
        description: 'Pairs of entity types (or families, or *) its two concepts may have.',
      },
      direction: { enum: ['directed', 'symmetric'], description: 'directed: the first concept acts on the second (its reverse is another relation); symmetric: the order means nothing.' },
      description: { type: 'string' },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/pubtator-tools/pubtator-vscode/schemas/pubtator.schema.json',
    title: 'PubTator corpus schema',
    description: 'What a PubTator corpus declares about itself: its entity and relation types, offset unit, check levels and files to ignore. Put it at the corpus root as pubtator.schema.json.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      description: { type: 'string' },
      extends: {
        description: `A preset (${PRESET_NAMES.join(', ')}) or a path to another schema file, or a list of them, applied in order before this file.`,
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        examples: PRESET_NAMES,
      },
      entityTypes: { type: 'object', additionalProperties: entityType, description: 'The entity types rows may use (the list is closed: another type is an error).' },
      entityTypePattern: { type: 'string', format: 'regex', description: 'A regular expression for entity types not listed (MedMentions: ^T\\d{3}(,T\\d{3})*$).' },
      relationTypes: { type: 'object', additionalProperties: relationType, description: 'The relation types rows may use (the list is closed).' },
      offsetUnit: { enum: ['codepoint', 'utf16'], description: 'How offsets count characters: code points (Python producers) or UTF-16 units (Java, JavaScript).' },
      checks: {
        type: 'object',
        description: 'Check levels for this corpus, in the editor and on the command line alike.',
        properties: Object.fromEntries(EVERY_CHECK.map((c) => [c.code, { enum: [...CHECK_LEVELS], description: `${c.description} (default: ${c.defaultSeverity})` }])),
        additionalProperties: false,
      },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Files below this folder not to check: globs with **, * and ?.' },
    },
  };
}
