// What the caller (server, CLI, tests) knows about concepts beyond the file:
// an open MeSH index and an online look-up, both optional. The service only
// reads through these; loading, building and fetching stay with the caller.

import type { MeshIndex, MeshNameMatch, StoredRecord } from './meshIndex';
import type { OnlineAnswer, OnlineNamespace } from './online/types';

/** The part of an open index the checks, the hover and the id picker read. */
export type MeshLookup = Pick<MeshIndex, 'path' | 'year' | 'builtAt' | 'has' | 'lookup' | 'search'>;

export interface OnlineNames {
  /**
   * What is known now about an id, without waiting. An implementation may
   * start a look-up so that a later call knows more; it must never throw.
   */
  known(ns: OnlineNamespace, id: string): OnlineAnswer | undefined;
}

export interface ConceptSources {
  mesh?: MeshLookup;
  online?: OnlineNames;
}

/**
 * The part of the sources that changes diagnostics, as a string for cache
 * keys: loading, rebuilding or dropping an index must re-check documents.
 */
export function conceptSourcesKey(sources: ConceptSources | undefined): string {
  const mesh = sources?.mesh;
  return mesh ? `mesh:${mesh.path}|${mesh.year ?? ''}|${mesh.builtAt}` : '';
}

/**
 * The record, or undefined when the index does not know the UI or cannot read
 * it (a damaged or closed index must not break a check or a hover).
 */
export function meshRecord(mesh: MeshLookup | undefined, ui: string): StoredRecord | undefined {
  if (!mesh) return undefined;
  try {
    return mesh.lookup(ui);
  } catch {
    return undefined;
  }
}

/**
 * MeSH records by name, ranked (mesh/nameSearch.ts says how): none when there
 * is no index or it cannot answer (damaged, closed), so the id picker carries
 * on with the file's own ids.
 */
export function meshSearch(mesh: MeshLookup | undefined, query: string, limit: number): MeshNameMatch[] {
  if (!mesh) return [];
  try {
    return mesh.search(query, limit);
  } catch {
    return [];
  }
}

/** `has`, or undefined when the index cannot answer (closed). */
export function meshHas(mesh: MeshLookup, ui: string): boolean | undefined {
  try {
    return mesh.has(ui);
  } catch {
    return undefined;
  }
}

/** The online answer, undefined when the source fails. */
export function onlineKnown(online: OnlineNames | undefined, ns: OnlineNamespace, id: string): OnlineAnswer | undefined {
  if (!online) return undefined;
  try {
    return online.known(ns, id);
  } catch {
    return undefined;
  }
}
