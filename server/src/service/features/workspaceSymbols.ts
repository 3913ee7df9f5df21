// Workspace symbols: find a document id or a concept id across the open files,
// and across files of the workspace that are not open, through a compact
// index of each (SymbolIndex: ids and a few facts, no parsed rows) built
// while they are checked in the background. For an open file the index is
// built in one pass on the first query (one document at a time, released
// after, as validation does) and kept until the file is parsed again.

import { isIdentifying, type ConceptRef } from '../parse/conceptIds';
import type { MentionRow, ParsedFile, PubtatorDocument } from '../parse/model';
import type { Range } from '../types';
import { lineRange } from '../types';
import { surfaceForm } from './conceptFacts';
import { SymbolKind } from './documentSymbols';
import { label } from './label';
import { forEachDocument } from './documentWindow';

export interface WorkspaceSymbol {
  name: string;
  kind: number;
  uri: string;
  range: Range;
  containerName?: string;
}

export interface OpenFile {
  uri: string;
  file: ParsedFile;
}

export const MAX_WORKSPACE_SYMBOLS = 500;

interface ConceptEntry {
  /** The id as first written, for the symbol's name. */
  raw: string;
  /** Lower-cased forms the query is matched against. */
  match: string;
  text: string;
  docId: string;
  line: number;
  start: number;
  end: number;
  mentions: number;
  documents: number;
  lastDoc: number;
}

/** Ids a mention names: each part of a plain id, the identifying fields of a variant. */
function namedAtoms(ref: ConceptRef) {
  if (ref.none) return [];
  return ref.variant ? ref.atoms.filter(isIdentifying) : ref.atoms;
}

/** A file's document ids and concept ids, with where each first occurs: what workspace symbols search. */
export class SymbolIndex {
  readonly documents: { id: string; line: number }[] = [];
  readonly concepts = new Map<string, ConceptEntry>();

  /** Adds the next document of the file (its rows are read). */
  addDocument(doc: PubtatorDocument): void {
    const d = this.documents.length;
    this.documents.push({ id: doc.id, line: doc.startLine });
    for (const m of doc.mentions) this.addMention(m, doc.id, d);
  }

  private addMention(m: MentionRow, docId: string, d: number): void {
    if (!m.idField) return;
    for (const a of namedAtoms(m.concept)) {
      let e = this.concepts.get(a.key);
      if (!e) {
        e = {
          raw: a.raw, match: `${a.raw}\n${a.key}`.toLowerCase(), text: surfaceForm(m, a.key), docId,
          line: m.line, start: m.idField.start + a.start, end: m.idField.start + a.end, mentions: 0, documents: 0, lastDoc: -1,
        };
        this.concepts.set(a.key, e);
      }
      e.mentions++;
      if (e.lastDoc !== d) {
        e.documents++;
        e.lastDoc = d;
      }
    }
  }
}

const indexes = new WeakMap<ParsedFile, SymbolIndex>();

function conceptIndex(file: ParsedFile): Map<string, ConceptEntry> {
  let index = indexes.get(file);
  if (!index) {
    const built = new SymbolIndex();
    forEachDocument(file, (doc) => built.addDocument(doc));
    index = built;
    indexes.set(file, index);
  }
  return index.concepts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A file that is not open, known by its index. */
export interface IndexedFile {
  uri: string;
  index: SymbolIndex;
}

/**
 * Documents whose id contains the query, then concepts whose id does
 * (case-insensitive), at most `limit` in all; open files first, then the
 * indexed ones. An empty query lists documents.
 */
export function workspaceSymbols(
  files: readonly OpenFile[], query: string, limit = MAX_WORKSPACE_SYMBOLS, indexed: readonly IndexedFile[] = [],
): WorkspaceSymbol[] {
  const q = typeof query === 'string' ? query.trim().toLowerCase() : '';
  const out: WorkspaceSymbol[] = [];
  const documentsOf = [
    ...files.map(({ uri, file }) => ({ uri, documents: file.documents.map((d) => ({ id: d.id, line: d.startLine })) })),
    ...indexed.map(({ uri, index }) => ({ uri, documents: index.documents })),
  ];
  for (const { uri, documents } of documentsOf) {
    for (const doc of documents) {
      if (out.length >= limit) return out;
      if (q !== '' && !doc.id.toLowerCase().includes(q)) continue;
      out.push({ name: label(doc.id, '(no id)'), kind: SymbolKind.Module, uri, range: lineRange(doc.line, 0, 0), containerName: 'document' });
    }
  }
  if (q === '') return out;
  const conceptsOf = [
    ...files.map(({ uri, file }) => ({ uri, concepts: () => conceptIndex(file) })),
    ...indexed.map(({ uri, index }) => ({ uri, concepts: () => index.concepts })),
  ];
  for (const { uri, concepts } of conceptsOf) {
    for (const e of concepts().values()) {
      if (out.length >= limit) return out;
      if (!e.match.includes(q)) continue;
      out.push({
        name: label(`${e.raw} ${e.text}`),
        kind: SymbolKind.Key,
        uri,
        range: lineRange(e.line, e.start, e.end),
        containerName: label(`${plural(e.mentions, 'mention')} in ${plural(e.documents, 'document')}; first in ${e.docId}`),
      });
    }
  }
  return out;
}
