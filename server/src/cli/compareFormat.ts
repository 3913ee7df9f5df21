// What `pubtator compare` prints: the score table (or one JSON object a line),
// the details of each false positive and false negative, and the summary.

import { describeDifference } from '../service/compare/describe';
import type { Difference } from '../service/compare/model';
import type { DocumentCounts } from '../service/compare/scorer';
import { MACRO, MICRO, type Score } from '../service/compare/tally';
import { printable } from './format';
import { count, plural } from './numbers';

export const SIDE_NAMES = { gold: 'GOLD', predicted: 'PREDICTED' };

/** `{"level","type","tp","fp","fn","precision","recall","f1"}`; a score is null when undefined (see tally.ts). */
export function scoreJson(s: Score): string {
  return JSON.stringify({ level: s.level, type: s.type, tp: s.tp, fp: s.fp, fn: s.fn, precision: s.precision, recall: s.recall, f1: s.f1 });
}

function cell(value: number | null): string {
  return value === null ? '-' : value.toFixed(4);
}

/** An aligned table: one row per level and type, then the micro and macro rows of the level. */
export function scoreTable(scores: Score[]): string {
  const rows = scores.map((s) => [
    s.level,
    s.type === MICRO ? 'all (micro)' : s.type === MACRO ? 'all (macro)' : printable(s.type),
    ...(s.type === MACRO ? ['', '', ''] : [count(s.tp), count(s.fp), count(s.fn)]),
    cell(s.precision), cell(s.recall), cell(s.f1),
  ]);
  const head = ['level', 'type', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = [line(head)];
  let level = '';
  for (const r of rows) {
    if (level && r[0] !== level) out.push('');
    level = r[0];
    out.push(line(r));
  }
  return out.join('\n');
}

/** Where a BioC file's row is (its element's line and character, 0-based), given instead of the projection's line. */
export interface FilePlace {
  line: number;
  character: number;
}

/** `path:line:` (1-based), or `path:line:column:` at a BioC element. */
function where(path: string, line: number, at: FilePlace | undefined): string {
  return at ? `${printable(path)}:${at.line + 1}:${at.character + 1}:` : `${printable(path)}:${line + 1}:`;
}

/** A detail line: `path:line: FP mention ...` (line 1-based; `path:line:column:` at a BioC element). */
export function detailText(path: string, d: Difference, at?: FilePlace): string {
  return `${where(path, d.line, at)} ${printable(describeDifference(d, SIDE_NAMES))}`;
}

/** A detail object: the difference with its file; `line` 0-based as in `check --json` (and `character` at a BioC element). */
export function detailJson(path: string, d: Difference, at?: FilePlace): string {
  const out: Record<string, unknown> = { level: d.level, type: d.type, kind: d.kind, file: path, line: at ? at.line : d.line, ...(at ? { character: at.character } : {}), document: d.document };
  if (d.level === 'mention') Object.assign(out, { start: d.start, end: d.end, text: d.text, id: d.id });
  if (d.level === 'concept') out.id = d.id;
  if (d.level === 'relation') Object.assign(out, { id1: d.ids![0], id2: d.ids![1] });
  if (d.note) out.note = d.note;
  return JSON.stringify(out);
}

export interface OnlyOneSide {
  side: 'gold' | 'predicted';
  path: string;
  line: number;
  document: string;
  /** In a BioC file: where the document's element is. */
  at?: FilePlace;
}

export function onlyText(o: OnlyOneSide): string {
  const [here, there] = o.side === 'gold' ? ['GOLD', 'PREDICTED'] : ['PREDICTED', 'GOLD'];
  return `${where(o.path, o.line, o.at)} document ${printable(o.document)} is only in ${here} (not in ${there})`;
}

export function onlyJson(o: OnlyOneSide): string {
  const line = o.at ? { line: o.at.line, character: o.at.character } : { line: o.line };
  return JSON.stringify({ level: 'document', kind: o.side === 'gold' ? 'only-gold' : 'only-predicted', file: o.path, ...line, document: o.document });
}

export interface CompareSummary {
  gold: { path: string; files: number; bytes: number };
  predicted: { path: string; files: number; bytes: number };
  documents: DocumentCounts;
  /** A few ids of documents only one side has, for the text summary. */
  onlyExamples: { gold: string[]; predicted: string[] };
  scope: 'all' | 'intersection';
  match: 'exact' | 'overlap';
  unusable: { gold: number; predicted: number };
  outOfOrder: boolean;
  peakHeld: number;
  elapsedMs: number;
}


export function summaryText(s: CompareSummary): string {
  const d = s.documents;
  const lines = [
    `Compared ${printable(s.predicted.path)} (PREDICTED) with ${printable(s.gold.path)} (GOLD), `
      + `${s.match} mention match: ${plural(d.shared, 'shared document')}.`,
  ];
  for (const side of ['gold', 'predicted'] as const) {
    const n = side === 'gold' ? d.onlyGold : d.onlyPredicted;
    if (n === 0) continue;
    const examples = s.onlyExamples[side].map(printable).join(', ');
    const scored = s.scope === 'all'
      ? (side === 'gold' ? 'scored: their items are false negatives' : 'scored: their items are false positives')
      : 'not scored (--documents intersection)';
    lines.push(`${plural(n, 'document')} only in ${SIDE_NAMES[side]} (${examples}${n > s.onlyExamples[side].length ? ', …' : ''}), ${scored}.`);
  }
  for (const side of ['gold', 'predicted'] as const) {
    const n = s.unusable[side];
    if (n) lines.push(`${plural(n, 'mention row')} of ${SIDE_NAMES[side]} left out of the mention level: offsets that are not numbers, or start after end.`);
  }
  if (s.outOfOrder) lines.push(`The files list documents in different orders: up to ${plural(s.peakHeld, 'document')} held in memory to pair them.`);
  lines.push(`Elapsed ${(s.elapsedMs / 1000).toFixed(2)} s.`);
  return lines.join('\n');
}

export function summaryJson(s: CompareSummary): string {
  return JSON.stringify({
    summary: {
      gold: s.gold.path,
      predicted: s.predicted.path,
      files: { gold: s.gold.files, predicted: s.predicted.files },
      bytes: { gold: s.gold.bytes, predicted: s.predicted.bytes },
      documents: s.documents,
      scored: s.scope,
      match: s.match,
      unusableOffsets: s.unusable,
      outOfOrder: s.outOfOrder,
      peakHeldDocuments: s.peakHeld,
      elapsedSeconds: Math.round(s.elapsedMs) / 1000,
    },
  });
}
