// Workspace symbols: find a document id or a concept id across the open files.
// Document ids are known from the file's first scan; concept ids need every
// row, so each parsed file gets an index built in one pass on the first query
// (one document at a time, released after, as validation does) and kept until
// the file is parsed again.

import { isIdentifying, type ConceptRef } from '../parse/conceptIds';
import type { MentionRow, ParsedFile } from '../parse/model';
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

const indexes = new WeakMap<ParsedFile, Map<string, ConceptEntry>>();

/** Ids a mention names: each part of a plain id, the identifying fields of a variant. */
function namedAtoms(ref: ConceptRef) {
  if (ref.none) return [];
  return ref.variant ? ref.atoms.filter(isIdentifying) : ref.atoms;
}

function conceptIndex(file: ParsedFile): Map<string, ConceptEntry> {
  let index = indexes.get(file);
  if (index) return index;
  index = new Map();
  const add = (m: MentionRow, docId: string, d: number) => {
    if (!m.idField) return;
    for (const a of namedAtoms(m.concept)) {
      let e = index!.get(a.key);
      if (!e) {
        e = {
          raw: a.raw, match: `${a.raw}\n${a.key}`.toLowerCase(), text: surfaceForm(m, a.key), docId,
          line: m.line, start: m.idField.start + a.start, end: m.idField.start + a.end, mentions: 0, documents: 0, lastDoc: -1,
        };
        index!.set(a.key, e);
      }
      e.mentions++;
      if (e.lastDoc !== d) {
        e.documents++;
        e.lastDoc = d;
      }
    }
  };
  forEachDocument(file, (doc, d) => {
    for (const m of doc.mentions) add(m, doc.id, d);
  });
  indexes.set(file, index);
  return index;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Documents whose id contains the query, then concepts whose id does
 * (case-insensitive), at most `limit` in all. An empty query lists documents.
 */
export function workspaceSymbols(files: readonly OpenFile[], query: string, limit = MAX_WORKSPACE_SYMBOLS): WorkspaceSymbol[] {
  const q = typeof query === 'string' ? query.trim().toLowerCase() : '';
  const out: WorkspaceSymbol[] = [];
  for (const { uri, file } of files) {
    for (const doc of file.documents) {
      if (out.length >= limit) return out;
      if (q !== '' && !doc.id.toLowerCase().includes(q)) continue;
      out.push({ name: label(doc.id, '(no id)'), kind: SymbolKind.Module, uri, range: lineRange(doc.startLine, 0, 0), containerName: 'document' });
    }
  }
  if (q === '') return out;
  for (const { uri, file } of files) {
    for (const e of conceptIndex(file).values()) {
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
