// Facts about one document that several checks and features share: what each
// mention's span covers, which concept ids the mentions carry, and whether
// mismatching spans follow one drift. Computed once per document and unit.

import type { ConceptAtom, ConceptRef } from '../parse/conceptIds';
import { isIdentifying } from '../parse/conceptIds';
import { cached, type MentionRow, type PubtatorDocument } from '../parse/model';
import { mentionSpan, textLength, toIndex, toOffset, type Span } from '../parse/documentText';
import type { OffsetUnit } from '../types';
import { equalAfterFolding } from './textFolding';
import { utf8ByteSpan } from './utf8Offsets';

export type SpanStatus = 'ok' | 'minor' | 'mismatch' | 'bad-offsets' | 'out-of-range';

export interface MentionSpanCheck {
  mention: MentionRow;
  status: SpanStatus;
  span?: Span;
  /** Nearest occurrence of the row's text, in the file's offset unit. */
  nearest?: { start: number; end: number; shift: number };
  /** The offsets read as UTF-8 byte counts would cover the row's text. */
  utf8?: boolean;
}

export interface Drift {
  kind: 'utf8' | 'shift';
  /** The mismatching rows the drift explains, in offset order. */
  rows: MentionSpanCheck[];
}

export interface DocumentAnalysis {
  doc: PubtatorDocument;
  unit: OffsetUnit;
  /** One entry per mention, in row order. */
  spans: MentionSpanCheck[];
  /** Identifying concept key -> mentions that carry it (built on first read). */
  readonly concepts: Map<string, MentionRow[]>;
  /** Variant mentions with the keys of all their key:value fields (built on first read). */
  readonly variants: { mention: MentionRow; keys: Set<string> }[];
  drift?: Drift;
}

const KEYS: Record<OffsetUnit, object> = { codepoint: {}, utf16: {} };

export function analyseDocument(doc: PubtatorDocument, unit: OffsetUnit): DocumentAnalysis {
  return cached(doc, KEYS[unit], () => compute(doc, unit));
}

function compute(doc: PubtatorDocument, unit: OffsetUnit): DocumentAnalysis {
  const budget = { left: SEARCH_BUDGET };
  const spans = doc.mentions.map((m) => checkSpan(doc, m, unit, budget));
  return new Analysis(doc, unit, spans, findDrift(spans));
}

/**
 * A class, not an object literal with getters: per-object getter closures give
 * each analysis its own hidden class, which V8 keeps (with everything the
 * closures reach) until a full collection, so every document's rows were
 * promoted to the old generation and a full check spent a third of its time in GC.
 */
class Analysis implements DocumentAnalysis {
  private index: ConceptIndex | undefined;

  constructor(
    readonly doc: PubtatorDocument,
    readonly unit: OffsetUnit,
    readonly spans: MentionSpanCheck[],
    readonly drift: Drift | undefined,
  ) {}

  // Most documents have no relations: their ids are only parsed if a feature asks.
  get concepts(): Map<string, MentionRow[]> {
    return (this.index ??= indexConcepts(this.doc)).concepts;
  }

  get variants(): DocumentAnalysis['variants'] {
    return (this.index ??= indexConcepts(this.doc)).variants;
  }
}

type ConceptIndex = Pick<DocumentAnalysis, 'concepts' | 'variants'>;

function indexConcepts(doc: PubtatorDocument): ConceptIndex {
  const concepts = new Map<string, MentionRow[]>();
  const variants: DocumentAnalysis['variants'] = [];
  for (const m of doc.mentions) {
    const c = m.concept;
    if (c.none) continue;
    if (c.variant) variants.push({ mention: m, keys: new Set(c.atoms.map((a) => a.key)) });
    for (const a of c.atoms) {
      if (c.variant && !isIdentifying(a)) continue;
      const list = concepts.get(a.key);
      if (list) {
        if (list[list.length - 1] !== m) list.push(m);
      } else {
        concepts.set(a.key, [m]);
      }
    }
  }
  return { concepts, variants };
}

function checkSpan(doc: PubtatorDocument, m: MentionRow, unit: OffsetUnit, budget: { left: number }): MentionSpanCheck {
  if (m.start === undefined || m.end === undefined || m.start >= m.end) return { mention: m, status: 'bad-offsets' };
  const span = mentionSpan(doc, m, unit);
  if (!span || m.end > textLength(doc, unit)) return { mention: m, status: 'out-of-range', nearest: nearest(doc, m, unit, budget) };
  const text = m.textField.text;
  if (span.covered === text) return { mention: m, status: 'ok', span };
  if (equalAfterFolding(span.covered, text)) return { mention: m, status: 'minor', span };
  const result: MentionSpanCheck = { mention: m, status: 'mismatch', span, nearest: nearest(doc, m, unit, budget) };
  const bytes = utf8ByteSpan(doc, m.start, m.end);
  if (bytes && doc.text.slice(bytes.start, bytes.end) === text) result.utf8 = true;
  return result;
}

/**
 * How many characters the searches for misplaced texts may read in one
 * document: a hostile file with thousands of wrong rows over a huge text must
 * not stall the checker (past it, messages just stop saying where the text is).
 */
const SEARCH_BUDGET = 20_000_000;

/** The occurrence of the row's text closest to its stated start. */
function nearest(doc: PubtatorDocument, m: MentionRow, unit: OffsetUnit, budget: { left: number }): MentionSpanCheck['nearest'] {
  const text = m.textField.text;
  if (text.trim() === '' || m.start === undefined || budget.left <= 0) return undefined;
  const target = m.start;
  // Search outwards from the stated start: the cost is the distance to the
  // nearest occurrence, not the length of the document.
  const from = Math.min(toIndex(doc, Math.min(target, textLength(doc, unit)), unit) ?? doc.text.length, doc.text.length);
  const after = doc.text.indexOf(text, from);
  const before = from > 0 ? doc.text.lastIndexOf(text, from - 1) : -1;
  budget.left -= Math.max(after < 0 ? doc.text.length - from : after - from, before < 0 ? from : from - before);
  const candidates = [before, after].filter((i) => i >= 0);
  if (candidates.length === 0) return undefined;
  let bestIndex = candidates[0];
  let best = toOffset(doc, bestIndex, unit);
  for (const i of candidates.slice(1)) {
    const at = toOffset(doc, i, unit);
    if (Math.abs(at - target) < Math.abs(best - target)) {
      best = at;
      bestIndex = i;
    }
  }
  const end = toOffset(doc, bestIndex + text.length, unit);
  return { start: best, end, shift: best - target };
}

/** Larger shifts are another occurrence of the text, not a drift. */
const MAX_DRIFT = 64;

/**
 * One explanation for several mismatches: offsets that count UTF-8 bytes, or a
 * shift of the same sign that stays or grows through the document.
 */
function findDrift(spans: MentionSpanCheck[]): Drift | undefined {
  const wrong = spans.filter((s) => s.status === 'mismatch' || s.status === 'out-of-range');
  if (wrong.length < 2) return undefined;
  const utf8 = wrong.filter((s) => s.utf8);
  if (utf8.length >= 2) return { kind: 'utf8', rows: sortByStart(utf8) };
  const shifted = sortByStart(wrong.filter((s) => s.status === 'mismatch' && s.nearest
    && s.nearest.shift !== 0 && Math.abs(s.nearest.shift) <= MAX_DRIFT));
  if (shifted.length < 3) return undefined;
  const sign = Math.sign(shifted[0].nearest!.shift);
  let size = 0;
  for (const s of shifted) {
    const shift = s.nearest!.shift;
    if (Math.sign(shift) !== sign || Math.abs(shift) < size) return undefined;
    size = Math.abs(shift);
  }
  return { kind: 'shift', rows: shifted };
}

function sortByStart(list: MentionSpanCheck[]): MentionSpanCheck[] {
  return [...list].sort((a, b) => (a.mention.start ?? 0) - (b.mention.start ?? 0));
}

/** Mentions that carry a relation's concept id (empty: the id dangles). */
export function mentionsOf(analysis: DocumentAnalysis, ref: ConceptRef): MentionRow[] {
  if (ref.none || ref.atoms.length === 0) return [];
  if (ref.variant) {
    const keys = ref.atoms.map((a) => a.key);
    const found = analysis.variants.filter((v) => keys.every((k) => v.keys.has(k))).map((v) => v.mention);
    if (found.length) return found;
  }
  if (ref.atoms.length === 1) return analysis.concepts.get(ref.atoms[0].key) ?? [];
  const whole = analysis.doc.mentions.filter((m) => m.concept.raw.trim() === ref.raw.trim());
  if (whole.length) return whole;
  const lists = ref.atoms.map((a) => analysis.concepts.get(a.key));
  if (lists.some((l) => !l)) return [];
  return [...new Set(lists.flatMap((l) => l!))];
}

/** Atoms of a reference that no mention carries. */
export function missingAtoms(analysis: DocumentAnalysis, ref: ConceptRef): ConceptAtom[] {
  if (ref.variant) {
    return ref.atoms.filter((a) => !analysis.variants.some((v) => v.keys.has(a.key)) && !analysis.concepts.has(a.key));
  }
  return ref.atoms.filter((a) => !analysis.concepts.has(a.key));
}
