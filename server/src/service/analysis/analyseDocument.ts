// Facts about one document that several checks and features share: what each
// mention's span covers, which concept ids the mentions carry, and whether
// mismatching spans follow one drift. Computed once per document and unit.

import type { ConceptAtom, ConceptRef } from '../parse/conceptIds';
import { isIdentifying } from '../parse/conceptIds';
import { cached, type MentionRow, type PubtatorDocument } from '../parse/model';
import { mentionSpan, textLength, toIndex, toOffset, type Span } from '../parse/documentText';
import type { OffsetUnit } from '../types';
import { equalLoosely } from './textFolding';
import { utf8ByteSpan } from './utf8Offsets';

/**
 * How a mention's span relates to its text: `minor` differs only as producers
 * normalise (case, dashes, spaces, Greek spelling); `boundary` covers the
 * row's text plus or minus white space at an end, or stops short of (or runs
 * past) the end of the row's text where it starts, or the start where it ends.
 */
export type SpanStatus = 'ok' | 'minor' | 'boundary' | 'mismatch' | 'bad-offsets' | 'out-of-range';

/** Where a boundary error is, and the offsets (in the file's unit) that fit the row's text. */
export interface Boundary {
  /** `space`: white space covered at an end; `end`/`start`: that end is wrong. */
  kind: 'space' | 'end' | 'start';
  start: number;
  end: number;
}

export interface MentionSpanCheck {
  mention: MentionRow;
  status: SpanStatus;
  span?: Span;
  /** Nearest occurrence of the row's text, in the file's offset unit. */
  nearest?: { start: number; end: number; shift: number };
  /** The offsets read as UTF-8 byte counts would cover the row's text. */
  utf8?: boolean;
  /** For `boundary` (and a `minor` span a dash longer or shorter than its text): which end is wrong and where the span should be. */
  boundary?: Boundary;
  /**
   * For `mismatch`: the row's text (or a loosely equal spelling) sits within a
   * few characters of the span, so the offsets are off, whatever the text
   * column holds (it may hold names rather than covered text).
   */
  shifted?: boolean;
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
  /** Several spans past the end of the text: one cause (a cut text or a missing abstract line). */
  truncation?: Truncation;
  /** The entity types of the mention rows, with their counts. */
  types: TypeTally;
}

export interface Truncation {
  /** `no-abstract`: the document has no abstract line; `cut`: its text ends early. */
  cause: 'no-abstract' | 'cut';
  /** The spans past the end, in offset order. */
  rows: MentionSpanCheck[];
  /** Length of the text in the file's unit. */
  length: number;
}

const KEYS: Record<OffsetUnit, object> = { codepoint: {}, utf16: {} };

export function analyseDocument(doc: PubtatorDocument, unit: OffsetUnit): DocumentAnalysis {
  // Every check of a document asks: a cache hit makes no closure (cached() below is for the first ask).
  const key = KEYS[unit];
  return (doc.cache.get(key) as DocumentAnalysis | undefined) ?? cached(doc, key, COMPUTE[unit]);
}

/** Made once (a closure per call would lose its optimized code at every full collection: parse/model.ts cached). */
const COMPUTE: Record<OffsetUnit, (doc: PubtatorDocument) => DocumentAnalysis> = {
  codepoint: (doc) => compute(doc, 'codepoint'),
  utf16: (doc) => compute(doc, 'utf16'),
};

function compute(doc: PubtatorDocument, unit: OffsetUnit): DocumentAnalysis {
  const budget = { left: SEARCH_BUDGET };
  const mentions = doc.mentions;
  const spans: MentionSpanCheck[] = new Array(mentions.length);
  // The rows are at hand here: count their entity types on the way (the
  // file's conventions need them, and another pass over the rows costs more).
  const types: TypeTally = { names: [], counts: [] };
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    spans[i] = checkSpan(doc, m, unit, budget);
    if (m.typeField) tallyType(types, m.typeField.text);
  }
  const drift = findDrift(spans);
  return new Analysis(doc, unit, spans, drift, findTruncation(doc, unit, spans, drift), types);
}

/** Entity types of a document's mention rows (trimmed) and how often each occurs. */
export interface TypeTally {
  names: string[];
  counts: number[];
}

function tallyType(tally: TypeTally, raw: string): void {
  const { names, counts } = tally;
  // Rows of one type often follow each other: try the last name first.
  const last = names.length - 1;
  if (last >= 0 && names[last] === raw) {
    counts[last]++;
    return;
  }
  const type = raw.trim();
  if (type === '') return;
  for (let k = 0; k < names.length; k++) {
    if (names[k] === type) {
      counts[k]++;
      return;
    }
  }
  names.push(type);
  counts.push(1);
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
    readonly truncation: Truncation | undefined,
    readonly types: TypeTally,
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

/**
 * A span check: a class whose fields are all set in one order, absent ones
 * undefined. Object literals of six shapes (one per outcome) made every check
 * that reads `status` or `span` on each row polymorphic: V8 threw its
 * optimised code away at each new shape and compiled it again, in every thread.
 */
class SpanCheck implements MentionSpanCheck {
  constructor(
    readonly mention: MentionRow,
    readonly status: SpanStatus,
    readonly span?: Span,
    readonly nearest?: MentionSpanCheck['nearest'],
    readonly boundary?: Boundary,
    readonly utf8?: boolean,
    public shifted?: boolean,
  ) {}
}

function checkSpan(doc: PubtatorDocument, m: MentionRow, unit: OffsetUnit, budget: { left: number }): MentionSpanCheck {
  if (m.start === undefined || m.end === undefined || m.start >= m.end) return new SpanCheck(m, 'bad-offsets');
  const span = mentionSpan(doc, m, unit);
  if (!span || m.end > textLength(doc, unit)) return new SpanCheck(m, 'out-of-range', undefined, nearest(doc, m, unit, budget));
  const text = m.textField.text;
  if (span.covered === text) return new SpanCheck(m, 'ok', span);
  // Offsets that count UTF-8 bytes go wrong by the extra bytes, an end or a
  // whole span at a time: that explanation comes before any other.
  const bytes = utf8ByteSpan(doc, m.start, m.end);
  if (bytes && doc.text.slice(bytes.start, bytes.end) === text) {
    return new SpanCheck(m, 'mismatch', span, nearest(doc, m, unit, budget), undefined, true);
  }
  const boundary = findBoundary(doc, m, span, unit);
  if (boundary?.kind === 'space') return new SpanCheck(m, 'boundary', span, undefined, boundary);
  // A dash more or less at an end is minor too, keeping the end it moves (an error where the file is verbatim).
  if (equalLoosely(span.covered, text)) return new SpanCheck(m, 'minor', span, undefined, boundary);
  if (boundary) return new SpanCheck(m, 'boundary', span, undefined, boundary);
  const result = new SpanCheck(m, 'mismatch', span, nearest(doc, m, unit, budget));
  if (sitsNearby(doc, span, text, result.nearest)) result.shifted = true;
  return result;
}

const SPACE = /\s/;

/**
 * A span whose only fault is an end: it takes in white space the row's text
 * does not have, or the row's text starts where the span starts (or ends
 * where it ends) but the span stops short of it or runs on.
 */
function findBoundary(doc: PubtatorDocument, m: MentionRow, span: Span, unit: OffsetUnit): Boundary | undefined {
  const text = m.textField.text;
  const covered = span.covered;
  if (text.trim() === '' || covered === '') return undefined;
  let from = 0;
  let to = covered.length;
  if (!SPACE.test(text[0])) while (from < to && SPACE.test(covered[from])) from++;
  if (!SPACE.test(text[text.length - 1])) while (to > from && SPACE.test(covered[to - 1])) to--;
  if ((from > 0 || to < covered.length) && to > from) {
    const inner = covered.slice(from, to);
    if (inner === text.trim() || equalLoosely(inner, text)) {
      return { kind: 'space', start: toOffset(doc, span.start + from, unit), end: toOffset(doc, span.start + to, unit) };
    }
  }
  if (text.length !== covered.length && doc.text.startsWith(text, span.start)) {
    return { kind: 'end', start: m.start!, end: toOffset(doc, span.start + text.length, unit) };
  }
  const start = span.end - text.length;
  if (text.length !== covered.length && start >= 0 && doc.text.startsWith(text, start)) {
    return { kind: 'start', start: toOffset(doc, start, unit), end: m.end! };
  }
  return undefined;
}

/** How far (in characters) a span may sit from its text and still count as shifted. */
const NEAR_SHIFT = 8;

/** Whether the row's text, or a loosely equal spelling of it, sits within a few characters of the span. */
function sitsNearby(doc: PubtatorDocument, span: Span, text: string, found: MentionSpanCheck['nearest']): boolean {
  if (found && Math.abs(found.shift) <= NEAR_SHIFT && found.shift !== 0) return true;
  const length = span.end - span.start;
  for (let shift = 1; shift <= NEAR_SHIFT; shift++) {
    for (const start of [span.start - shift, span.start + shift]) {
      if (start < 0 || start + length > doc.text.length) continue;
      if (equalLoosely(doc.text.slice(start, start + length), text)) return true;
    }
  }
  return false;
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

// Made once, not per call: see parse/model.ts cached.
const isWrong = (s: MentionSpanCheck) => s.status === 'mismatch' || s.status === 'out-of-range';
const isUtf8 = (s: MentionSpanCheck) => s.utf8;
const isShiftedALittle = (s: MentionSpanCheck) => s.status === 'mismatch' && s.nearest
  && s.nearest.shift !== 0 && Math.abs(s.nearest.shift) <= MAX_DRIFT;

/**
 * One explanation for several mismatches: offsets that count UTF-8 bytes, or a
 * shift of the same sign that stays or grows through the document.
 */
function findDrift(spans: MentionSpanCheck[]): Drift | undefined {
  const wrong = spans.filter(isWrong);
  if (wrong.length < 2) return undefined;
  const utf8 = wrong.filter(isUtf8);
  if (utf8.length >= 2) return { kind: 'utf8', rows: sortByStart(utf8) };
  const shifted = sortByStart(wrong.filter(isShiftedALittle));
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

/**
 * Several spans past the end of the text have one cause: the text is cut
 * short (or its abstract line is missing), not each offset wrong. One span
 * (one place, however often repeated) past the end is left to offset-out-of-range, and so are spans whose texts
 * all occur one same distance away (moved, not cut).
 */
function findTruncation(doc: PubtatorDocument, unit: OffsetUnit, spans: MentionSpanCheck[], drift: Drift | undefined): Truncation | undefined {
  let outside = 0;
  for (const s of spans) if (s.status === 'out-of-range') outside++;
  if (outside < 2) return undefined;
  const explained = new Set(drift?.rows);
  const past = spans.filter((s) => s.status === 'out-of-range' && !explained.has(s));
  // Counted by place: a repeated row is one span, not evidence of a cut.
  if (new Set(past.map((s) => `${s.mention.start}-${s.mention.end}`)).size < 2) return undefined;
  // Texts that all occur one same distance earlier are spans moved, not a text cut.
  const shift = past[0].nearest?.shift;
  if (shift !== undefined && past.every((s) => s.nearest && Math.abs(s.nearest.shift - shift) <= 2)) return undefined;
  return { cause: doc.abstract || !doc.title ? 'cut' : 'no-abstract', rows: sortByStart(past), length: textLength(doc, unit) };
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
