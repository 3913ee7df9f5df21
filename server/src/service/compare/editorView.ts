// A comparison as the editor shows it in the file being judged (the
// predictions; the other file is the reference): every pair's diagnostics
// (pairDiagnostics), a code lens per document with its scores, and the
// summary model the comparison view renders.

import type { OffsetUnit, Range } from '../types';
import { lineRange } from '../types';
import type { FileComparison } from './compareFiles';
import type { CompareDiagnostic } from './diagnosticModel';
import { LEVELS, type Level } from './model';
import { pairDiagnostics } from './pairDiagnostics';
import type { DocumentCounts, DocumentScope } from './scorer';
import { MICRO, scoreOf, type Score, type Tally } from './tally';

/** All diagnostics of a comparison, in line order (those computed with the pairs, else now). */
export function comparisonDiagnostics(c: FileComparison, unit: OffsetUnit = 'codepoint'): CompareDiagnostic[] {
  return c.results.flatMap((r) => r.diagnostics ?? pairDiagnostics(r, unit));
}

export interface CompareLens {
  range: Range;
  title: string;
}

function f1Text(score: Score): string {
  return score.f1 === null ? '–' : score.f1.toFixed(2);
}

const LEVEL_LABEL: Record<Level, string> = { mention: 'mentions', concept: 'concepts', relation: 'relations' };

/** Lens titles per pair tally (a kept pair keeps its tally), so unchanged documents cost a look-up. */
const lensTitles = new WeakMap<Tally, { reference: string; title: string }>();

function lensTitle(tally: Tally, referenceName: string): string {
  const known = lensTitles.get(tally);
  if (known?.reference === referenceName) return known.title;
  const parts = LEVELS.map((level) => {
    const s = scoreOf(level, MICRO, tally.counts(level));
    const counts = level === 'mention' ? ` (TP ${s.tp} FP ${s.fp} FN ${s.fn})` : '';
    return `${LEVEL_LABEL[level]} F1 ${f1Text(s)}${counts}`;
  });
  const title = `vs ${referenceName}: ${parts.join(' · ')}`;
  lensTitles.set(tally, { reference: referenceName, title });
  return title;
}

/** One lens per document of this file that was scored: its F1 per level, with the mention counts. */
export function comparisonLenses(c: FileComparison, referenceName: string): CompareLens[] {
  const out: CompareLens[] = [];
  for (const r of c.results) {
    if (r.predicted) out.push({ range: lineRange(r.predicted.blocks[0].startLine, 0, 0), title: lensTitle(r.tally, referenceName) });
  }
  return out;
}

export interface CompareSummaryModel {
  /** Display names of the two files. */
  current: string;
  reference: string;
  match: 'exact' | 'overlap';
  scope: DocumentScope;
  documents: DocumentCounts;
  /** A few ids of documents only one file has. */
  onlyReference: string[];
  onlyCurrent: string[];
  scores: Score[];
  /** Mentions whose id differs though the span and type match. */
  wrongIds: number;
  /** Mention rows left out of the mention level (unusable offsets). */
  unusable: { reference: number; current: number };
}

const EXAMPLES = 10;

export function summaryModel(c: FileComparison, names: { current: string; reference: string }): CompareSummaryModel {
  return {
    ...names,
    match: c.scorer.match,
    scope: c.scorer.scope,
    documents: { ...c.scorer.documents },
    onlyReference: c.only.gold.slice(0, EXAMPLES),
    onlyCurrent: c.only.predicted.slice(0, EXAMPLES),
    scores: c.scorer.totals.scores(),
    wrongIds: c.results.reduce((n, r) => n + r.idMismatches.length, 0),
    unusable: { reference: c.scorer.unusable.gold, current: c.scorer.unusable.predicted },
  };
}
