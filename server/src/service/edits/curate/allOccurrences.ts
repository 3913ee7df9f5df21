// "Annotate all occurrences": the same type and id on every other occurrence
// of a mention's text, in its document or the whole file: whole words,
// case-sensitive, inside one passage, skipping words any mention already
// covers. The count comes with the edit so the user sees it before applying;
// all rows are one edit, so one undo takes them back.

import { crossesPassages, mentionSpan } from '../../parse/documentText';
import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import type { TextEdit } from '../textEdit';
import { insertMentionRows, type NewMention } from './rowPlacement';
import type { CurateOptions } from './spanEdits';
import { resolveMention, type Planned, type Refused } from './target';

const WORD = /[\p{L}\p{N}\p{M}_]/u;

export interface AllOccurrences extends Planned {
  /** Rows the edit adds. */
  count: number;
  /** Documents they are in. */
  documents: number;
}

/** Whole-word, case-sensitive occurrences of `needle` in a document's text that no mention overlaps. */
export function freeOccurrences(doc: PubtatorDocument, needle: string, unit: CurateOptions['unit'] = 'codepoint'): { start: number; end: number }[] {
  const taken: [number, number][] = [];
  for (const m of doc.mentions) {
    const s = mentionSpan(doc, m, unit);
    if (s && s.start < s.end) taken.push([s.start, s.end]);
  }
  const text = doc.text;
  const found: { start: number; end: number }[] = [];
  if (needle === '') return found;
  const wordStart = WORD.test(needle[0]);
  const wordEnd = WORD.test(needle[needle.length - 1]);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (wordStart && i > 0 && WORD.test(text[i - 1])) continue;
    if (wordEnd && end < text.length && WORD.test(text[end])) continue;
    if (crossesPassages(doc, i, end)) continue;
    if (taken.some(([s, e]) => s < end && i < e)) continue;
    found.push({ start: i, end });
  }
  return found;
}

export function annotateAll(file: ParsedFile, intent: { mention: unknown; scope?: 'document' | 'file' }, options: CurateOptions = {}): AllOccurrences | Refused {
  const unit = options.unit ?? 'codepoint';
  const found = resolveMention(file, intent?.mention, unit);
  if ('error' in found) return found;
  const { doc, row, span } = found;
  if (!span || span.start >= span.end) return { error: 'The offsets of this mention are not usable; fix them in the editor first.' };
  const needle = span.covered;
  const type = row.typeField?.text ?? '';
  const id = row.idField?.text ?? '';
  const edits: TextEdit[] = [];
  let count = 0;
  let documents = 0;
  const visit = (d: PubtatorDocument) => {
    const spots: NewMention[] = freeOccurrences(d, needle, unit).map(({ start, end }) => ({ start, end, type, id }));
    if (!spots.length) return;
    count += spots.length;
    documents++;
    edits.push(...insertMentionRows(file, d, spots, unit));
  };
  if (intent.scope === 'file') {
    for (const d of file.documents) {
      const wasParsed = d.materialized;
      // A document without the words needs no rows parsed.
      if (d === doc || d.text.includes(needle)) visit(d);
      if (!wasParsed && d !== doc) d.release();
    }
  } else {
    visit(doc);
  }
  const where = intent.scope === 'file' ? `${documents} document${documents === 1 ? '' : 's'}` : 'this document';
  return { edits, count, documents, label: `Annotate ${count} more occurrence${count === 1 ? '' : 's'} of ${JSON.stringify(needle)} in ${where}` };
}
