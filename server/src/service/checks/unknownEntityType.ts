// Entity types no known corpus uses (with a schema that lists types: that the
// schema does not declare) are held with their rows: a type the file uses
// consistently is its own (a custom type, a renamed one), not a defect.
// Settled here: a rare one with no close spelling among the file's types gets
// one hint (a rare one close to a type the file relies on is a typo:
// entityTypeTypo).

import type { DocumentCheck } from './check';
import { fieldRange, quote } from './ranges';
import { isKnownEntityType, looksLikeConceptId } from '../knowledge/entityTypes';
import { declaredType, declaresEntityTypes } from '../schema/schema';

/** More rare types than this are one cause (a column out of place, say): one hint for them all. */
const MAX_NAMED = 20;

export const unknownEntityType: DocumentCheck = {
  code: 'unknown-entity-type',
  defaultSeverity: 'hint',
  description: 'An entity type that no known corpus uses and that the file itself uses only once or twice (a typo, or a type added by mistake).',
  holds: ['entity-type'],
  settles: ['entity-type'],
  document(doc, ctx) {
    for (const m of doc.mentions) {
      const t = m.typeField;
      if (!t) continue;
      const type = t.text.trim();
      if (type === '' || looksLikeConceptId(type)) continue;
      // With a schema that lists its types, the list says what is known; else the known corpora do.
      if (declaresEntityTypes(ctx.schema) ? declaredType(ctx.schema, type) !== undefined : isKnownEntityType(type)) continue;
      ctx.hold('entity-type', type, () => ({ range: fieldRange(m.line, t) }));
    }
  },
  settle(ctx) {
    if (declaresEntityTypes(ctx.schema)) return; // undeclaredEntityType says it, as an error
    const rare = [...ctx.groups('entity-type')].filter((g) => ctx.learned.rareUnknown.has(g.key));
    if (rare.length > MAX_NAMED) {
      const first = rare.reduce((a, b) => (before(b.first.range, a.first.range) ? b : a));
      if (!ctx.inScope(first.first.range)) return;
      ctx.report('unknown-entity-type', first.first.range,
        `${rare.length} entity types are each used once or twice in this file and by no known corpus (this is the first): a column may be out of place.`,
        { related: rare.slice(0, MAX_NAMED).map((g) => ({ range: g.first.range, message: quote(g.key) })) });
      return;
    }
    for (const g of rare) {
      if (!ctx.inScope(g.first.range)) continue;
      const suggestion = ctx.learned.rareUnknown.get(g.key)?.suggestion;
      const times = g.count === 1 ? 'once' : 'twice';
      ctx.report('unknown-entity-type', g.first.range,
        `${quote(g.key)} is used ${times} in this file and by no known corpus${suggestion ? `; did you mean ${quote(suggestion)}?` : '.'}`,
        { related: g.items.slice(1).map((item) => ({ range: item.range, message: 'Also here' })) });
    }
  },
};

function before(a: { start: { line: number; character: number } }, b: { start: { line: number; character: number } }): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}
