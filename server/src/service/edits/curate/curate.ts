// The front door of curation: one intent (what the view asked for) in, the
// edit to apply (or why not, or a question) out. Every intent names what it
// acts on as the view showed it, and is checked against the current text.

import type { ParsedFile } from '../../parse/model';
import { annotateAll } from './allOccurrences';
import { idChoices, relationTypeChoices, typeChoices, type Choice } from './choices';
import { addRelation, deleteRelation, type RelationRef } from './relationEdits';
import { addSpan, deleteMention, reidentify, resize, retype, type CurateOptions, type DeleteAnswer } from './spanEdits';
import { resolveMention, resolveSelection, type MentionRef, type Planned, type Refused, type TextSelection } from './target';

export type { Choice, CurateOptions, MentionRef, Planned, RelationRef, Refused, TextSelection };

export type CurateIntent =
  | { kind: 'addSpan'; selection: TextSelection; type: string; id: string }
  | { kind: 'retype'; mention: MentionRef; type: string }
  | { kind: 'reidentify'; mention: MentionRef; id: string }
  | { kind: 'delete'; mention: MentionRef; relations?: 'ask' | 'keep' | 'delete' }
  | { kind: 'resize'; mention: MentionRef; side: 'start' | 'end'; step?: 1 | -1; to?: number; exact?: boolean }
  | { kind: 'annotateAll'; mention: MentionRef; scope?: 'document' | 'file' }
  | { kind: 'addRelation'; from: MentionRef; to: MentionRef; type: string }
  | { kind: 'deleteRelation'; relation: RelationRef };

export type CurateResult = Planned & { count?: number } | Refused | { ask: string; relations: number[] };

export function curate(file: ParsedFile, intent: CurateIntent, options: CurateOptions = {}): CurateResult {
  switch (intent?.kind) {
    case 'addSpan': return addSpan(file, intent, options);
    case 'retype': return retype(file, intent, options);
    case 'reidentify': return reidentify(file, intent, options);
    case 'delete': return deleteMention(file, intent, options) satisfies DeleteAnswer;
    case 'resize': return resize(file, intent, options);
    case 'annotateAll': return annotateAll(file, intent, options);
    case 'addRelation': return addRelation(file, intent, options);
    case 'deleteRelation': return deleteRelation(file, intent);
    default: return { error: 'Unknown curation action.' };
  }
}

/** What the pickers offer for an intent about to be made. */
export type ChoicesQuery =
  | { kind: 'types'; selection?: TextSelection; mention?: MentionRef }
  | { kind: 'ids'; selection?: TextSelection; mention?: MentionRef; type: string }
  | { kind: 'relationTypes'; from: MentionRef; to: MentionRef };

export interface ChoicesAnswer {
  choices: Choice[];
  /** The words the choice is for (a selection snapped to words, or a mention's text). */
  text?: string;
}

export function curateChoices(file: ParsedFile, query: ChoicesQuery, options: CurateOptions = {}): ChoicesAnswer | Refused {
  const unit = options.unit ?? 'codepoint';
  const target = (q: { selection?: TextSelection; mention?: MentionRef }) => {
    if (q.mention) {
      const m = resolveMention(file, q.mention, unit);
      return 'error' in m ? m : { doc: m.doc, text: m.row.textField.text };
    }
    const s = resolveSelection(file, q.selection);
    return 'error' in s ? s : { doc: s.doc, text: s.doc.text.slice(s.start, s.end) };
  };
  switch (query?.kind) {
    case 'types': {
      const t = target(query);
      if ('error' in t) return t;
      return { choices: typeChoices(file, t.doc, options.schema), text: t.text };
    }
    case 'ids': {
      const t = target(query);
      if ('error' in t) return t;
      return { choices: idChoices(file, t.doc, t.text, typeof query.type === 'string' ? query.type.trim() : '', options.ids), text: t.text };
    }
    case 'relationTypes': {
      const a = resolveMention(file, query.from, unit);
      if ('error' in a) return a;
      const b = resolveMention(file, query.to, unit);
      if ('error' in b) return b;
      return { choices: relationTypeChoices(file, a.doc, a.row.typeField?.text.trim() ?? '', b.row.typeField?.text.trim() ?? '', options.schema) };
    }
    default: return { error: 'Unknown question.' };
  }
}
