// One pair's differences as diagnostics on the predicted file (the file being
// judged; the other is the reference):
// - a mention only this file has: on its row (wrong type: on the type; a
//   boundary difference: on the offsets);
// - a reference mention missing here: on the words of the title or abstract it
//   should cover;
// - a matched mention with another id: on the id;
// - a relation only this file has: on its row; one it lacks: on the title line.
// Concepts differ only as a consequence of these, so they have no diagnostic
// of their own: their counts are in the lens and the summary.

import { rangesOfSpan, toIndex } from '../parse/documentText';
import type { MentionRow, PubtatorDocument, RelationRow } from '../parse/model';
import { rowAt } from '../features/locate';
import type { OffsetUnit, Range } from '../types';
import { lineRange, Severity } from '../types';
import type { PairResult } from './comparePair';
import { noteText, quoted } from './describe';
import { COMPARE_SOURCE, type CompareCode, type CompareDiagnostic, type CompareFixData, type CompareRelated } from './diagnosticModel';
import type { Difference, DocumentGroup, IdMismatch } from './model';

const NAMES = { gold: 'the reference', predicted: 'this file' };

function mentionRowAt(doc: PubtatorDocument | undefined, line: number): MentionRow | undefined {
  const row = doc && rowAt(doc, line);
  return row?.kind === 'mention' ? row : undefined;
}

function relationRowAt(doc: PubtatorDocument | undefined, line: number): RelationRow | undefined {
  const row = doc && rowAt(doc, line);
  return row?.kind === 'relation' ? row : undefined;
}

/** The block of a group holding `line`. */
function blockAt(group: DocumentGroup, line: number): PubtatorDocument | undefined {
  return group.blocks.find((d) => d.startLine <= line && line <= d.endLine);
}

function titleRange(doc: PubtatorDocument): Range {
  const title = doc.passages[0];
  return title ? lineRange(title.line, title.docId.start, title.marker.end + 1) : lineRange(doc.startLine, 0, 0);
}

/** Where a span of the reference falls in this file's text: its words, or the title line when the texts differ. */
function spanRange(doc: PubtatorDocument, start: number, end: number, unit: OffsetUnit): Range {
  const s = toIndex(doc, start, unit);
  const e = toIndex(doc, end, unit);
  if (s === undefined || e === undefined || s > e) return titleRange(doc);
  const ranges = rangesOfSpan(doc, s, e);
  if (ranges.length === 0) return titleRange(doc);
  return { start: ranges[0].start, end: ranges[ranges.length - 1].end };
}

/**
 * The diagnostics of one pair's differences, on this (the predicted) file.
 * Reads the pair's rows: call it while they are parsed. Messages name no line
 * of either file (lines move as files are edited); the lines are in `related`.
 */
export function pairDiagnostics(result: PairResult, unit: OffsetUnit = 'codepoint'): CompareDiagnostic[] {
  const here = result.predicted;
  if (!here) return [];
  const out: CompareDiagnostic[] = [];
  const push = (range: Range, code: CompareCode, message: string, data: CompareFixData, related: CompareRelated[]) =>
    out.push({ range, severity: Severity.Information, code, message, source: COMPARE_SOURCE, related, data: { compare: data } });
  const inReference = (line: number): CompareRelated => ({ side: 'gold', line, message: 'In the reference' });

  for (const d of result.differences) {
    if (d.level === 'mention' && d.kind === 'fp') mentionFp(d);
    else if (d.level === 'mention' && d.kind === 'fn') mentionFn(d);
    else if (d.level === 'relation' && d.kind === 'fp') relationFp(d);
    else if (d.level === 'relation' && d.kind === 'fn') relationFn(d);
  }
  for (const m of result.idMismatches) wrongId(m);
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  function mentionFp(d: Difference): void {
    const doc = blockAt(here!, d.line);
    const row = mentionRowAt(doc, d.line);
    if (!row) return;
    const data: CompareFixData = { group: d.group, block: here!.blocks.indexOf(doc!), row: { line: d.line, start: d.start, end: d.end, type: d.type } };
    const what = `${d.type} ${d.start}-${d.end} ${quoted(d.text ?? '')}`;
    const note = d.note;
    const related = note ? [inReference(note.otherLine)] : [];
    if (note?.kind === 'wrong-type') {
      const f = row.typeField ?? row.textField;
      push(lineRange(d.line, f.start, f.end), 'wrong-type',
        `Wrong type (FP): the reference has ${note.otherType} on ${d.start}-${d.end}, not ${d.type}.`,
        { ...data, gold: { start: d.start!, end: d.end!, text: d.text ?? '', type: note.otherType, id: '' } }, related);
      return;
    }
    if (note?.kind === 'boundary') {
      push(lineRange(d.line, row.startField.start, row.endField.end), 'wrong-span',
        `Boundary differs (FP): ${what}; the reference has ${note.start}-${note.end} ${quoted(note.text)}.`,
        { ...data, gold: { start: note.start, end: note.end, text: note.text, type: d.type, id: '' } }, related);
      return;
    }
    const last = row.typeField ?? row.textField;
    const extra = note ? `; ${noteText(note, NAMES.gold, false)}` : '';
    push(lineRange(d.line, row.startField.start, last.end), 'extra-mention', `FP: the reference has no ${what}${extra}.`, data, related);
  }

  function mentionFn(d: Difference): void {
    const block = Math.min(d.block!, here!.blocks.length - 1);
    const doc = here!.blocks[block];
    const gold = { start: d.start!, end: d.end!, text: d.text ?? '', type: d.type, id: d.id ?? '' };
    const data: CompareFixData = { group: d.group, block, gold };
    const related = [inReference(d.line)];
    let also = '';
    if (d.note?.kind === 'boundary' || d.note?.kind === 'wrong-type' || d.note?.kind === 'overlap') {
      const partner = mentionRowAt(blockAt(here!, d.note.otherLine), d.note.otherLine);
      if (partner) {
        data.row = { line: partner.line, start: partner.start, end: partner.end, type: partner.typeField?.text.trim() ?? '' };
        also = `; this file has ${d.note.kind === 'wrong-type' ? `it as ${d.note.otherType}` : `${d.note.start}-${d.note.end} ${quoted(partner.textField.text)}`}`;
        related.push({ side: 'predicted', line: partner.line, message: 'This file\'s mention' });
      }
    }
    const idText = d.id ? ` ${d.id}` : '';
    push(spanRange(doc, d.start!, d.end!, unit), 'missing-mention',
      `FN: the reference's ${d.type} mention ${d.start}-${d.end} ${quoted(d.text ?? '')}${idText} is missing here${also}.`, data, related);
  }

  function relationFp(d: Difference): void {
    const doc = blockAt(here!, d.line);
    const row = relationRowAt(doc, d.line);
    if (!row) return;
    const note = d.note ? `; ${noteText(d.note, NAMES.gold, false)}` : '';
    push(lineRange(d.line, row.pmid.start, row.idFields[1].end), 'extra-relation',
      `FP: the reference has no relation ${d.type} ${d.ids![0]} ${d.ids![1]}${note}.`,
      { group: d.group, block: here!.blocks.indexOf(doc!), row: { line: d.line, type: d.type } }, d.note ? [inReference(d.note.otherLine)] : []);
  }

  function relationFn(d: Difference): void {
    const note = d.note ? `; ${noteText(d.note, NAMES.predicted, false)}` : '';
    const related = [inReference(d.line)];
    if (d.note) related.push({ side: 'predicted', line: d.note.otherLine, message: 'This file\'s relation' });
    push(titleRange(here!.blocks[0]), 'missing-relation',
      `FN: the reference's relation ${d.type} ${d.ids![0]} ${d.ids![1]} is missing in document ${d.document}${note}.`,
      { group: d.group, block: 0, relation: { type: d.type, ids: d.ids! } }, related);
  }

  function wrongId(m: IdMismatch): void {
    const doc = blockAt(here!, m.predictedLine);
    const row = mentionRowAt(doc, m.predictedLine);
    if (!row || row.start === undefined || row.end === undefined) return;
    const f = row.idField;
    const after = (row.typeField ?? row.textField).end;
    push(f ? lineRange(m.predictedLine, f.start, f.end) : lineRange(m.predictedLine, after, after), 'wrong-id',
      `Wrong id: the reference has ${m.goldId === '' ? 'no id' : m.goldId} for ${m.type} ${row.start}-${row.end} ${quoted(row.textField.text)}, not ${m.predictedId === '' ? 'none' : m.predictedId}.`,
      {
        group: m.group, block: here!.blocks.indexOf(doc!),
        row: { line: m.predictedLine, start: row.start, end: row.end, type: m.type, id: m.predictedId },
        gold: { start: row.start, end: row.end, text: row.textField.text, type: m.type, id: m.goldId },
      }, [inReference(m.goldLine)]);
  }
}

/** Moves diagnostics whose documents moved: this file's lines by `dPredicted`, the reference's by `dGold`. */
export function shiftDiagnostics(list: readonly CompareDiagnostic[], dGold: number, dPredicted: number): CompareDiagnostic[] {
  const move = (r: Range): Range => ({ start: { line: r.start.line + dPredicted, character: r.start.character }, end: { line: r.end.line + dPredicted, character: r.end.character } });
  return list.map((d) => {
    const row = d.data.compare.row;
    return {
      ...d,
      range: move(d.range),
      related: d.related.map((x) => ({ ...x, line: x.line + (x.side === 'gold' ? dGold : dPredicted) })),
      data: { compare: row ? { ...d.data.compare, row: { ...row, line: row.line + dPredicted } } : d.data.compare },
    };
  });
}
