// One MeSH record as the readers yield it and the index returns it: the part a
// hover shows, kept small (a few entry terms, one sentence of scope note).

export type MeshRecordKind = 'descriptor' | 'supplementary';

/** The heading a supplementary record maps to (`HM = *Ketamine`). */
export interface MeshHeadingRef {
  /** Descriptor UI, when the file gives it (XML) or the build resolved the name. */
  ui?: string;
  name: string;
  /** A qualifier (`Ketamine/analogs & derivatives`), when the mapping has one. */
  qualifier?: string;
}

export interface MeshRecord {
  ui: string;
  kind: MeshRecordKind;
  /** Descriptor heading (MH) or supplementary record name (NM). */
  name: string;
  /** Entry terms or synonyms in file order, without the name itself. */
  entryTerms: string[];
  /** Descriptor tree numbers (MN); supplementary records have none. */
  treeNumbers: string[];
  /** Descriptor scope note (MS) or supplementary note (NO). */
  scopeNote?: string;
  /** Headings a supplementary record maps to (HM). */
  mappedTo: MeshHeadingRef[];
}

/** What a reader yields: a record with every term, before the index trims it. */
export interface MeshSourceRecord extends MeshRecord {
  /** Year of DateCreated (XML) or DA (ASCII), when given: a fallback for the MeSH year. */
  createdYear?: number;
}

export const MAX_ENTRY_TERMS = 8;
export const MAX_TREE_NUMBERS = 32;
export const MAX_MAPPED = 16;
const MAX_NOTE = 400;

// Abbreviations whose period does not end a sentence in scope notes.
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|spp?|al|approx|ca|cf|Dr|St|No|U\.S|U\.K|Fig|var|subsp)\.$/i;

/** The first sentence of a note, white space collapsed, at most MAX_NOTE characters. */
export function firstSentence(note: string): string {
  const text = note.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z0-9(["'])/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const upTo = text.slice(0, m.index + 1);
    if (ABBREVIATIONS.test(upTo) || /\s[A-Z]\.$/.test(upTo)) continue;
    return clip(upTo);
  }
  return clip(text);
}

function clip(s: string): string {
  if (s.length <= MAX_NOTE) return s;
  const cut = s.lastIndexOf(' ', MAX_NOTE - 1);
  return s.slice(0, cut > MAX_NOTE / 2 ? cut : MAX_NOTE - 1) + '…';
}

/** Splits `Ketamine/analogs & derivatives` and drops the major-topic star (`*Ketamine`). */
export function parseHeadingMappedTo(value: string): MeshHeadingRef {
  const v = value.trim().replace(/^\*/, '');
  const slash = v.indexOf('/');
  if (slash < 0) return { name: v };
  return { name: v.slice(0, slash).trim(), qualifier: v.slice(slash + 1).trim() || undefined };
}

/** `MESH:d007649 ` -> `D007649`. */
export function normaliseMeshUi(id: string): string {
  return id.trim().replace(/^mesh:/i, '').toUpperCase();
}

/** `D007649`, `C000706722`: a letter and 6 or 9 digits. */
export const MESH_UI = /^[CD](?:\d{6}|\d{9})$/;
