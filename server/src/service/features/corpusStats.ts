// What a corpus holds, counted document by document: what people write a
// one-off script for when they receive a corpus (`pubtator stats`). Counts
// are mergeable: each chunk of a file is counted on its own (possibly on
// another thread) and the plain results are added up in any order.
//
// This is the one place that counts; a per-file profile of learned
// conventions could take its place without touching the command line.

import { isIdentifying, type ConceptAtom, type ConceptRef } from '../parse/conceptIds';
import type { MentionRow, PubtatorDocument } from '../parse/model';
import { toIndex } from '../parse/documentText';
import { utf8ByteSpan } from '../analysis/utf8Offsets';

/** One entity type: its mentions, the distinct concept ids they carry, and the id namespaces. */
export interface TypeStats {
  mentions: number;
  /** Distinct concept keys (ids as the checks compare them). */
  concepts: string[];
  /** Id parts per namespace (`MESH`, `number`, `tmVar`, `(none)` ...). */
  namespaces: Record<string, number>;
}

/** Plain counts (serialisable; what a chunk gives and what is printed). */
export interface CorpusStats {
  /** Documents; passage blocks continuing the one before (NLM-Chem) are not counted again. */
  documents: number;
  passages: number;
  /** Documents per passage layout: their markers in order (`t a`, `t`, `title abstract body` ...). */
  layouts: Record<string, number>;
  mentions: number;
  relations: number;
  /** Lines that are neither passage nor row inside documents, and before any document. */
  malformed: number;
  types: Record<string, TypeStats>;
  relationTypes: Record<string, number>;
  /**
   * Votes of the mentions whose offsets tell the units apart (they cover
   * their text counted in one unit and not in another, which happens only
   * past characters where the units differ: outside the BMP for code points
   * and UTF-16 units, non-ASCII for UTF-8 bytes): one for each unit that fits.
   */
  units: { codepoint: number; utf16: number; utf8: number };
}

export function emptyStats(): CorpusStats {
  return { documents: 0, passages: 0, layouts: {}, mentions: 0, relations: 0, malformed: 0, types: {}, relationTypes: {}, units: { codepoint: 0, utf16: 0, utf8: 0 } };
}

function bump(counts: Record<string, number>, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** The namespace an id part is written in: its prefix, or what a bare value is. */
function namespaceOf(a: ConceptAtom): string {
  if (a.prefix) return a.prefix.replace(/[:#]+$/, '');
  if (a.namespace === 'ncbi') return 'number';
  return `${a.namespace} (bare)`;
}

function namedAtoms(ref: ConceptRef): ConceptAtom[] {
  if (ref.none) return [];
  return ref.variant ? ref.atoms.filter(isIdentifying) : ref.atoms;
}

/** Counts documents into plain stats; distinct concepts are gathered in sets until `result()`. */
export class StatsCounter {
  private readonly stats = emptyStats();
  private readonly concepts = new Map<string, Set<string>>();

  /** A document with its rows; `continues` when it carries on the document before it (NLM-Chem). */
  addDocument(doc: PubtatorDocument, continues = doc.continuesPrevious): void {
    const s = this.stats;
    if (!continues) s.documents++;
    s.passages += doc.passages.length;
    bump(s.layouts, doc.passages.map((p) => p.marker.text).join(' ') || '(none)');
    s.mentions += doc.mentions.length;
    s.relations += doc.relations.length;
    s.malformed += doc.malformed.length;
    for (const m of doc.mentions) this.addMention(doc, m);
    for (const r of doc.relations) bump(s.relationTypes, r.typeField.text.trim() || '(empty)');
  }

  addStray(lines: number): void {
    this.stats.malformed += lines;
  }

  private addMention(doc: PubtatorDocument, m: MentionRow): void {
    const type = m.typeField?.text.trim() || '(none)';
    const t = (this.stats.types[type] ??= { mentions: 0, concepts: [], namespaces: {} });
    t.mentions++;
    const atoms = m.idField ? namedAtoms(m.concept) : [];
    if (atoms.length === 0) bump(t.namespaces, '(none)');
    let set = this.concepts.get(type);
    if (!set) this.concepts.set(type, (set = new Set()));
    for (const a of atoms) {
      bump(t.namespaces, namespaceOf(a));
      set.add(a.key);
    }
    this.voteUnit(doc, m);
  }

  /** When the units disagree on a mention, each unit in which it covers its text gets a vote. */
  private voteUnit(doc: PubtatorDocument, m: MentionRow): void {
    if (m.start === undefined || m.end === undefined || m.start >= m.end) return;
    const text = m.textField.text;
    const covers = (s: number | undefined, e: number | undefined) => s !== undefined && e !== undefined && doc.text.slice(s, e) === text;
    const codepoint = covers(toIndex(doc, m.start, 'codepoint'), toIndex(doc, m.end, 'codepoint'));
    const utf16 = doc.astral ? covers(toIndex(doc, m.start, 'utf16'), toIndex(doc, m.end, 'utf16')) : codepoint;
    // Defined only when the text has non-ASCII characters, where bytes and characters part.
    const bytes = utf8ByteSpan(doc, m.start, m.end);
    const utf8 = bytes ? covers(bytes.start, bytes.end) : codepoint;
    if (codepoint === utf16 && utf16 === utf8) return;
    const units = this.stats.units;
    if (codepoint) units.codepoint++;
    if (utf16) units.utf16++;
    if (utf8) units.utf8++;
  }

  /** The plain counts (distinct concepts as arrays). */
  result(): CorpusStats {
    for (const [type, set] of this.concepts) this.stats.types[type].concepts = [...set];
    return this.stats;
  }
}

/** Adds `b` into `a`: distinct concepts stay distinct (kept as sets in `seen` while adding up). */
export class StatsTotal {
  readonly stats = emptyStats();
  private readonly seen = new Map<string, Set<string>>();

  add(b: CorpusStats): void {
    const a = this.stats;
    a.documents += b.documents;
    a.passages += b.passages;
    a.mentions += b.mentions;
    a.relations += b.relations;
    a.malformed += b.malformed;
    for (const [k, n] of Object.entries(b.layouts)) bump(a.layouts, k, n);
    for (const [k, n] of Object.entries(b.relationTypes)) bump(a.relationTypes, k, n);
    for (const k of ['codepoint', 'utf16', 'utf8'] as const) a.units[k] += b.units[k];
    for (const [type, t] of Object.entries(b.types)) {
      const into = (a.types[type] ??= { mentions: 0, concepts: [], namespaces: {} });
      into.mentions += t.mentions;
      for (const [k, n] of Object.entries(t.namespaces)) bump(into.namespaces, k, n);
      let set = this.seen.get(type);
      if (!set) this.seen.set(type, (set = new Set()));
      for (const c of t.concepts) set.add(c);
    }
  }

  /** Documents continuing across a chunk boundary were counted once per chunk: take the extras back. */
  uncount(documents: number): void {
    this.stats.documents -= documents;
  }

  result(): CorpusStats {
    for (const [type, set] of this.seen) this.stats.types[type].concepts = [...set];
    return this.stats;
  }

  /** Distinct concepts per type without listing them. */
  conceptCounts(): Record<string, number> {
    return Object.fromEntries([...this.seen].map(([type, set]) => [type, set.size]));
  }
}

/** The offset unit the votes point to, or undefined when no mention tells. */
export function guessUnit(units: CorpusStats['units']): 'codepoint' | 'utf16' | 'utf8' | undefined {
  const best = (Object.entries(units) as [keyof typeof units, number][]).sort((x, y) => y[1] - x[1])[0];
  return best && best[1] > 0 ? best[0] : undefined;
}
