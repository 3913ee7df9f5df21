// Search by name over the index's name table (nameTable.ts), reading only the
// entries the bisection and the answer touch: nothing is loaded at open, so
// it costs the same in Node (positioned reads) and in a browser worker (bytes
// in memory).
//
// Ranking: an exact name first (the whole folded name or entry term equals the
// folded query), then names that start with the query, then entry terms that
// do, then names and entry terms with a later word that does. At equal rank a
// descriptor comes before a supplementary record: descriptors are the ~30,000
// headings corpora annotate with (diseases and chemicals alike), while the
// ~300,000 supplementary records are mostly single chemicals with look-alike
// names that would otherwise push the heading a curator wants off the list.
// Within a group the order is the folded text's, shorter first for a shared start.

import type { StoredRecord } from './indexFormat';
import { MeshIndexError, readUint32, readVarint } from './indexFormat';
import type { MeshRecordKind } from './record';
import { foldForSearch } from './nameFolding';
import { ENTRY_TERM, NameGroup, POINTER_SIZE, compareUtf8, utf8 } from './nameTable';
import { foldedForms } from '../../analysis/textFolding';
import { hash32 } from './termKeys';
import { partitionPoint } from '../../sortedSearch';

export type MeshMatchRank = 'exact' | 'name' | 'term' | 'word';

export interface MeshNameMatch {
  ui: string;
  kind: MeshRecordKind;
  /** Heading (descriptor) or record name (supplementary). */
  name: string;
  /** The entry term that matched, as MeSH writes it, when the match is not on the name. */
  term?: string;
  rank: MeshMatchRank;
}

export interface NameTableSource {
  readonly path: string;
  read(position: number, length: number): Uint8Array;
  namesOffset: number;
  namesLength: number;
  pointerOffset: number;
  groupEnds: readonly number[];
  /** The record at this place of the key table (checked against its checksum), or an error. */
  recordAt(place: number): StoredRecord;
  /** Records in the key table. */
  records: number;
}

interface Entry {
  place: number;
  term: boolean;
  text: string;
  /** The folded text from the pointer's word on. */
  folded: string;
}

const FIRST_READ = 256;
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** Pointers read past the ones kept (names of records already listed), so that a short query stays fast. */
const MAX_SKIPPED = 2000;

const EXACT_ORDER = [NameGroup.DescriptorName, NameGroup.DescriptorTerm, NameGroup.SupplementaryName, NameGroup.SupplementaryTerm];
const PREFIX_ORDER: [NameGroup, MeshMatchRank][] = [
  [NameGroup.DescriptorName, 'name'], [NameGroup.SupplementaryName, 'name'],
  [NameGroup.DescriptorTerm, 'term'], [NameGroup.SupplementaryTerm, 'term'],
  [NameGroup.DescriptorWord, 'word'], [NameGroup.SupplementaryWord, 'word'],
];

export function searchNames(t: NameTableSource, query: string, limit: number): MeshNameMatch[] {
  const q = foldForSearch(query);
  if (!q || !(limit > 0)) return [];
  const qBytes = utf8(q);
  const found: MeshNameMatch[] = [];
  const listed = new Set<number>();
  let skipped = 0;
  const damaged = () => new MeshIndexError(`${t.path}: the index's name table is damaged; build the index again`, 'corrupt');

  const entryAt = (pointer: number): Entry => {
    const p = t.read(t.pointerOffset + pointer * POINTER_SIZE, POINTER_SIZE);
    if (p.length !== POINTER_SIZE) throw damaged();
    const offset = readUint32(p, 0);
    const wordByte = p[4];
    if (offset >= t.namesLength) throw damaged();
    const start = t.namesOffset + offset;
    let b = t.read(start, Math.min(FIRST_READ, t.namesLength - offset));
    const head = readVarint(b, 0, b.length);
    const length = head && readVarint(b, head[1], b.length);
    if (!head || !length) throw damaged();
    const place = Math.floor(head[0] / 2);
    const term = head[0] % 2 === ENTRY_TERM;
    const textAt = head[1] + length[1];
    const end = textAt + length[0];
    if (place >= t.records || offset + end > t.namesLength || (wordByte > 0 && wordByte >= length[0])) throw damaged();
    if (end > b.length) b = t.read(start, end);
    if (b.length < end) throw damaged();
    const text = UTF8.decode(b.subarray(textAt, end));
    const rest = wordByte ? UTF8.decode(b.subarray(textAt + wordByte, end)) : text;
    return { place, term, text, folded: foldForSearch(rest) };
  };

  const bounds = (group: NameGroup): [number, number] => {
    const start = group === 0 ? 0 : t.groupEnds[group - 1];
    return [start, t.groupEnds[group]];
  };
  const firsts = new Map<NameGroup, number>();
  /** The group's first pointer whose folded text is not before the query (found once for both passes). */
  const lowerBound = (group: NameGroup): number => {
    let first = firsts.get(group);
    if (first === undefined) {
      const [start, end] = bounds(group);
      first = start + partitionPoint(end - start, (i) => compareUtf8(utf8(entryAt(start + i).folded), qBytes) < 0);
      firsts.set(group, first);
    }
    return first;
  };

  /** Adds the entry's record unless listed; checks that the record has this name, so damage never names another record. */
  const add = (e: Entry, rank: MeshMatchRank): void => {
    if (listed.has(e.place)) {
      skipped++;
      return;
    }
    const record = t.recordAt(e.place);
    const named = e.term ? hasTermKey(record.termKeys, hash32(foldedForms(e.text)[0])) : record.name === e.text;
    if (!named) throw damaged();
    listed.add(e.place);
    found.push({ ui: record.ui, kind: record.kind, name: record.name, ...(e.term ? { term: e.text } : {}), rank });
  };

  for (const group of EXACT_ORDER) {
    const [, end] = bounds(group);
    for (let i = lowerBound(group); i < end && found.length < limit; i++) {
      const e = entryAt(i);
      if (e.folded !== q) break;
      add(e, 'exact');
    }
  }
  for (const [group, rank] of PREFIX_ORDER) {
    const [, end] = bounds(group);
    for (let i = lowerBound(group); i < end && found.length < limit && skipped < MAX_SKIPPED; i++) {
      const e = entryAt(i);
      if (!e.folded.startsWith(q)) break;
      add(e, rank);
    }
  }
  return found;
}

function hasTermKey(keys: Uint32Array, key: number): boolean {
  const i = partitionPoint(keys.length, (k) => keys[k] < key);
  return i < keys.length && keys[i] === key;
}
