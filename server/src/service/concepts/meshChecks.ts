// The facts behind two checks, kept pure so they can be registered with the
// others: `mesh-name-mismatch` (optional, off by default) and `unknown-mesh-id`
// (a warning, only when an index is loaded).

import { equalAfterFolding } from '../analysis/textFolding';
import type { ConceptAtom } from '../parse/conceptIds';
import type { StoredRecord } from './mesh/indexFormat';
import type { MeshIndex } from './mesh/indexReader';
import { mentionKeys } from './mesh/termKeys';
import { meshUiOf } from './meshIds';
import { partitionPoint } from '../sortedSearch';

type NamedRecord = Pick<StoredRecord, 'name' | 'entryTerms'> & Partial<Pick<StoredRecord, 'termKeys'>>;

/**
 * Whether a mention's text matches neither the record's name nor any of its
 * entry terms, ignoring case, dashes, white space and Greek spelling (TNF-α =
 * tnf-alpha = TNF-a), and reading inverted terms both ways (`Pain, Burning`).
 * All entry terms count, not only the few a record shows, through its keys.
 */
export function meshNameMismatch(mentionText: string, record: NamedRecord): boolean {
  if (mentionText.trim() === '') return false;
  const keys = record.termKeys;
  if (keys && mentionKeys(mentionText).some((k) => contains(keys, k))) return false;
  return ![record.name, ...record.entryTerms].some((t) => equalAfterFolding(mentionText, t));
}

function contains(sorted: Uint32Array, key: number): boolean {
  const i = partitionPoint(sorted.length, (k) => sorted[k] < key);
  return i < sorted.length && sorted[i] === key;
}

/**
 * The UI to report as unknown, or undefined: only MeSH ids, only with an index
 * loaded. Reads the index's key table only, never a record.
 */
export function unknownMeshUi(atom: ConceptAtom, index: Pick<MeshIndex, 'has'> | undefined): string | undefined {
  if (!index) return undefined;
  const ui = meshUiOf(atom);
  return ui !== undefined && !index.has(ui) ? ui : undefined;
}
