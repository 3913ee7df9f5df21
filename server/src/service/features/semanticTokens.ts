// Mentions in colour: every annotated span of the title and abstract gets a
// semantic token of its entity family. VS Code accepts neither overlapping nor
// multi-line tokens, so:
// - nested or overlapping spans are flattened, the INNERMOST span winning each
//   stretch of text (the shortest span covering it; equal lengths: the earlier
//   row), so a gene inside a longer disease name keeps its own colour and the
//   outer span colours the rest;
// - a span across the title/abstract join is split at the join (the joining
//   space belongs to no line and gets no token).
// A mention row whose span is wrong (offsets that cover other text, run past
// the end, or are not numbers) is marked with the `mismatch` modifier twice:
// on the text its offsets cover, when they cover any, and on the row's own
// text column, which is where the fix goes. "Minor" differences (case,
// dashes, Greek spelling) are not wrong and get no modifier.
//
// Results are plain data; the server encodes them for LSP. A range request
// only visits the documents of the lines it asks for.

import { analyseDocument, type MentionSpanCheck } from '../analysis/analyseDocument';
import type { EntityFamily } from '../knowledge/entityTypes';
import { KNOWN_FAMILIES, type Families } from '../schema/families';
import { rangesOfSpan } from '../parse/documentText';
import { type MentionRow, type ParsedFile, type PubtatorDocument } from '../parse/model';
import type { OffsetUnit, Range } from '../types';
import { documentsBetween, forEachDocument, linesOf } from './documentWindow';
import { partitionPoint } from '../sortedSearch';

/** The legend: token type names, in index order (package.json declares the same). */
export const TOKEN_TYPES = [
  'pubtatorChemical', 'pubtatorDisease', 'pubtatorGene', 'pubtatorSpecies',
  'pubtatorVariant', 'pubtatorCellLine', 'pubtatorOther',
] as const;

/** Token modifier names, in bit order. */
export const TOKEN_MODIFIERS = ['mismatch'] as const;

export const MISMATCH_MODIFIER = 1 << TOKEN_MODIFIERS.indexOf('mismatch');

const TYPE_OF_FAMILY: Record<EntityFamily, number> = {
  chemical: 0, disease: 1, gene: 2, species: 3, variant: 4, cellline: 5, other: 6,
};

export interface SemanticToken {
  line: number;
  /** UTF-16 units from the start of the line. */
  character: number;
  length: number;
  /** Index into TOKEN_TYPES. */
  type: number;
  /** Bit set over TOKEN_MODIFIERS. */
  modifiers: number;
}

export interface SemanticTokenOptions {
  unit?: OffsetUnit;
  /** Entity type families as the corpus schema declares them (the known corpora's when absent). */
  families?: Families;
  /** Only tokens on these lines (the visible part of the editor); all when absent. */
  range?: Range;
}

/** Statuses whose span is wrong enough to mark. */
const WRONG = new Set(['mismatch', 'boundary', 'out-of-range', 'bad-offsets']);

function typeOf(m: MentionRow, families: Families): number {
  return TYPE_OF_FAMILY[families.of(m.typeField?.text ?? '')];
}

interface Painted {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

/**
 * Cuts overlapping spans into non-overlapping segments, the shortest span
 * owning each piece (ties: the first). Most documents have no overlap at all
 * and take the fast path. Otherwise the span boundaries cut the text into
 * elementary pieces, and spans claim the unclaimed pieces they cover, shortest
 * first, skipping claimed runs with a union-find "next unclaimed" pointer: the
 * cost stays O(n log n) whatever the nesting.
 */
export function flattenSpans(spans: readonly Painted[]): Painted[] {
  const usable = spans.filter((s) => s.end > s.start);
  const byStart = usable.map((s, i) => i).sort((a, b) => usable[a].start - usable[b].start || a - b);
  let disjoint = true;
  for (let i = 1; i < byStart.length && disjoint; i++) disjoint = usable[byStart[i]].start >= usable[byStart[i - 1]].end;
  if (disjoint) return byStart.map((i) => ({ ...usable[i] }));

  const points = [...new Set(usable.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const pointIndex = (value: number): number => partitionPoint(points.length, (i) => points[i] < value);
  const owner = new Int32Array(points.length - 1).fill(-1);
  const next = new Int32Array(points.length);
  for (let i = 0; i < next.length; i++) next[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (next[root] !== root) root = next[root];
    while (next[i] !== root) {
      const up = next[i];
      next[i] = root;
      i = up;
    }
    return root;
  };
  const order = usable.map((_, i) => i).sort((a, b) =>
    (usable[a].end - usable[a].start) - (usable[b].end - usable[b].start) || a - b);
  for (const k of order) {
    const stop = pointIndex(usable[k].end);
    for (let i = find(pointIndex(usable[k].start)); i < stop; i = find(i)) {
      owner[i] = k;
      next[i] = i + 1;
    }
  }
  const out: Painted[] = [];
  for (let i = 0; i < owner.length; i++) {
    const k = owner[i];
    if (k < 0) continue;
    const s = usable[k];
    if (i > 0 && owner[i - 1] === k) out[out.length - 1].end = points[i + 1];
    else out.push({ start: points[i], end: points[i + 1], type: s.type, modifiers: s.modifiers });
  }
  return out;
}

function spanTokens(doc: PubtatorDocument, checks: MentionSpanCheck[], families: Families, out: SemanticToken[]): void {
  const painted: Painted[] = [];
  for (const c of checks) {
    if (!c.span) continue;
    painted.push({
      start: c.span.start,
      end: c.span.end,
      type: typeOf(c.mention, families),
      modifiers: WRONG.has(c.status) ? MISMATCH_MODIFIER : 0,
    });
  }
  for (const seg of flattenSpans(painted)) {
    for (const r of rangesOfSpan(doc, seg.start, seg.end)) {
      const length = r.end.character - r.start.character;
      if (length > 0) out.push({ line: r.start.line, character: r.start.character, length, type: seg.type, modifiers: seg.modifiers });
    }
  }
}

/** Tokens of one document, sorted by position, computed from its rows. */
function computeTokens(doc: PubtatorDocument, unit: OffsetUnit, families: Families): SemanticToken[] {
  const checks = analyseDocument(doc, unit).spans;
  const out: SemanticToken[] = [];
  spanTokens(doc, checks, families, out);
  for (const c of checks) {
    const f = c.mention.textField;
    if (WRONG.has(c.status) && f.end > f.start) {
      out.push({ line: c.mention.line, character: f.start, length: f.end - f.start, type: typeOf(c.mention, families), modifiers: MISMATCH_MODIFIER });
    }
    // The grammar colours the type column of the known corpora's types; a type
    // the schema puts in a family of its own gets its colour here.
    const t = c.mention.typeField;
    if (t && t.end > t.start && families.declaredOwn(t.text)) {
      out.push({ line: c.mention.line, character: t.start, length: t.end - t.start, type: typeOf(c.mention, families), modifiers: 0 });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

// Tokens by document object, packed five numbers each (line relative to the
// document's start, character, length, type, modifiers). A document's text
// never changes (an edit makes new documents) but it may move, and its rows
// may be released: this cache survives both, so asking again for the whole
// file only re-reads the documents an edit touched.
const FIELDS = 5;
const known = new WeakMap<PubtatorDocument, Record<string, Int32Array>>();

function packedTokens(doc: PubtatorDocument, unit: OffsetUnit, families: Families): Int32Array {
  let entry = known.get(doc);
  if (!entry) known.set(doc, (entry = {}));
  const key = unit + families.key;
  let packed = entry[key];
  if (!packed) {
    const tokens = computeTokens(doc, unit, families);
    packed = new Int32Array(tokens.length * FIELDS);
    let at = 0;
    for (const t of tokens) {
      packed[at++] = t.line - doc.startLine;
      packed[at++] = t.character;
      packed[at++] = t.length;
      packed[at++] = t.type;
      packed[at++] = t.modifiers;
    }
    entry[key] = packed;
  }
  return packed;
}

/** Tokens of one document on lines `from..to`, appended to `out` in order. */
function appendTokens(doc: PubtatorDocument, unit: OffsetUnit, families: Families, from: number, to: number, out: SemanticToken[]): void {
  const packed = packedTokens(doc, unit, families);
  const base = doc.startLine;
  for (let i = 0; i < packed.length; i += FIELDS) {
    const line = packed[i] + base;
    if (line < from) continue;
    if (line > to) break;
    out.push({ line, character: packed[i + 1], length: packed[i + 2], type: packed[i + 3], modifiers: packed[i + 4] });
  }
}

/**
 * Tokens of the whole file in LSP's relative encoding (five numbers a token:
 * line delta, start delta, length, type, modifiers), built straight from each
 * document's packed tokens: on a 50 MB file this is a copy of a few million
 * numbers, not half a million token objects.
 */
export function encodedFileTokens(file: ParsedFile, options: { unit?: OffsetUnit; families?: Families } = {}): Uint32Array {
  const unit = options.unit ?? 'codepoint';
  const families = options.families ?? KNOWN_FAMILIES;
  const parts: { packed: Int32Array; base: number }[] = [];
  let total = 0;
  forEachDocument(file, (doc) => {
    const packed = packedTokens(doc, unit, families);
    if (packed.length) parts.push({ packed, base: doc.startLine });
    total += packed.length;
  });
  const data = new Uint32Array(total);
  let at = 0;
  let line = 0;
  let character = 0;
  for (const { packed, base } of parts) {
    for (let i = 0; i < packed.length; i += FIELDS) {
      const tokenLine = packed[i] + base;
      const dl = tokenLine - line;
      data[at] = dl;
      data[at + 1] = dl === 0 ? packed[i + 1] - character : packed[i + 1];
      data[at + 2] = packed[i + 2];
      data[at + 3] = packed[i + 3];
      data[at + 4] = packed[i + 4];
      at += FIELDS;
      line = tokenLine;
      character = packed[i + 1];
    }
  }
  return data;
}

/** All tokens of one document, sorted by position. */
export function documentTokens(doc: PubtatorDocument, unit: OffsetUnit, families: Families = KNOWN_FAMILIES): SemanticToken[] {
  const out: SemanticToken[] = [];
  appendTokens(doc, unit, families, doc.startLine, doc.endLine, out);
  return out;
}

/** Tokens of the file, or of the lines of `options.range`, sorted by position. */
export function semanticTokens(file: ParsedFile, options: SemanticTokenOptions = {}): SemanticToken[] {
  const unit = options.unit ?? 'codepoint';
  const families = options.families ?? KNOWN_FAMILIES;
  const lines = linesOf(options.range);
  const out: SemanticToken[] = [];
  if (!lines) {
    forEachDocument(file, (doc) => appendTokens(doc, unit, families, doc.startLine, doc.endLine, out));
  } else {
    for (const doc of documentsBetween(file, lines.from, lines.to)) appendTokens(doc, unit, families, lines.from, lines.to, out);
  }
  return out;
}
