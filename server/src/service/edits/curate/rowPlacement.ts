// Where new rows go and how they read. Mention rows: among the document's
// mention rows in offset order when the file keeps that order, else after its
// last mention row. Relation rows: after the document's last relation row (or
// its last mention row). Several rows landing at one place become one edit, in
// offset order, so a batch is a single set of non-overlapping edits.

import { toOffset } from '../../parse/documentText';
import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import type { OffsetUnit } from '../../types';
import { lastLeadingPassage, mentionRowInsertion } from '../annotate';
import { insertLineAfter, type TextEdit } from '../textEdit';
import { keepsOffsetOrder } from './conventions';

export interface NewMention {
  /** UTF-16 indices into doc.text. */
  start: number;
  end: number;
  type: string;
  id: string;
}

/** A mention row as the file writes it: offsets in the file's unit, the text exactly as covered. */
export function mentionRowText(doc: PubtatorDocument, m: NewMention, unit: OffsetUnit): string {
  return [doc.id, toOffset(doc, m.start, unit), toOffset(doc, m.end, unit), doc.text.slice(m.start, m.end), m.type, m.id].join('\t');
}

/** The edits inserting these mention rows into one document. */
export function insertMentionRows(file: ParsedFile, doc: PubtatorDocument, mentions: readonly NewMention[], unit: OffsetUnit): TextEdit[] {
  const ordered = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const rows = ordered.map((m) => ({ m, row: mentionRowText(doc, m, unit) }));
  if (!keepsOffsetOrder(file, doc)) {
    const last = doc.mentions.length ? doc.mentions[doc.mentions.length - 1].line : lastLeadingPassage(doc);
    return merge(rows.map(({ row }) => insertLineAfter(file, doc, last, row)));
  }
  return merge(rows.map(({ m, row }) => mentionRowInsertion(file, doc, toOffset(doc, m.start, unit), toOffset(doc, m.end, unit), row).edit));
}

/** The edit adding a relation row to a document. */
export function insertRelationRow(file: ParsedFile, doc: PubtatorDocument, row: string): TextEdit {
  const last = doc.relations.length ? doc.relations[doc.relations.length - 1].line
    : doc.mentions.length ? Math.max(...doc.mentions.map((m) => m.line)) : lastLeadingPassage(doc);
  return insertLineAfter(file, doc, last, row);
}

/** Insertions at the same place joined into one edit, keeping their order. */
function merge(edits: TextEdit[]): TextEdit[] {
  const byPlace = new Map<string, TextEdit>();
  for (const e of edits) {
    const key = `${e.range.start.line}:${e.range.start.character}:${e.range.end.line}:${e.range.end.character}`;
    const there = byPlace.get(key);
    if (there) there.newText += e.newText;
    else byPlace.set(key, { range: e.range, newText: e.newText });
  }
  return [...byPlace.values()];
}
