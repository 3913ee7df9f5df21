// The shapes of a comparison of two annotation sets: what is compared (a
// document group), at which level, with which options, and what differs.
// Plain data, so the CLI prints it, the server turns it into diagnostics and
// tests read it.

import type { PubtatorDocument } from '../parse/model';
import type { OffsetUnit } from '../types';

export type Level = 'mention' | 'concept' | 'relation';
export const LEVELS: readonly Level[] = ['mention', 'concept', 'relation'];

/** Which side of the comparison: the reference (gold) or the file judged against it. */
export type Side = 'gold' | 'predicted';

/**
 * The unit of pairing: a document, together with the blocks that continue it
 * right after it under the same id (NLM-Chem writes one block per passage,
 * each with its own offsets). A file that heads two separate documents with
 * one id has two groups; the k-th pairs with the k-th of the other file.
 */
export interface DocumentGroup {
  id: string;
  /** 0 for the first group with this id in its file (or stream), 1 for the next ... */
  occurrence: number;
  /** The blocks, in file order; offsets of mentions count within their own block. */
  blocks: PubtatorDocument[];
  /** Where the group was read from (a path on the command line), for details. */
  source?: string;
}

/** The key two groups pair on. */
export function groupKey(group: { id: string; occurrence: number }): string {
  return group.occurrence === 0 ? group.id : `${group.id}\u0000${group.occurrence}`;
}

/** Whether a relation type's two ids are an unordered pair (see symmetry.ts). */
export type SymmetryRule = (relationType: string) => boolean;

export interface CompareOptions {
  /** `exact` (default): same start, end and type; `overlap`: overlapping spans of the same type, one to one. */
  match?: 'exact' | 'overlap';
  /** Only these entity types count at the mention and concept levels (all when absent). */
  entityTypes?: ReadonlySet<string>;
  /** Only these relation types count at the relation level (all when absent). */
  relationTypes?: ReadonlySet<string>;
  /** Which relation types are symmetric; default: symmetry.ts's known families. */
  symmetric?: SymmetryRule;
  /** How offsets count characters (only for placing spans in the editor). */
  unit?: OffsetUnit;
}

/** Why an item has no partner, when the other side has something close to it. */
export type Note =
  /** Same span, other entity type. */
  | { kind: 'wrong-type'; otherType: string; otherLine: number }
  /** Overlapping span of the same type (a boundary difference). */
  | { kind: 'boundary'; start: number; end: number; text: string; otherLine: number }
  /** Overlapping span of another type. */
  | { kind: 'overlap'; otherType: string; start: number; end: number; otherLine: number }
  /** A directed relation the other side has with its ids the other way round. */
  | { kind: 'reversed'; otherLine: number }
  /** The same pair of ids under another relation type. */
  | { kind: 'other-relation-type'; otherType: string; otherLine: number };

/** An item of one side with no partner on the other: a false positive or a false negative. */
export interface Difference {
  level: Level;
  /** `fp`: in the predictions only; `fn`: in the reference only. */
  kind: 'fp' | 'fn';
  /** Entity type (mention, concept) or relation type. */
  type: string;
  /** Line of the item's row in its own file (the first mention carrying a concept). */
  line: number;
  document: string;
  /** The group's pairing key (groupKey). */
  group: string;
  /** Mentions: block index within the group, offsets and text as written. */
  block?: number;
  start?: number;
  end?: number;
  text?: string;
  /** Mentions: the id column as written; concepts: the normalised id. */
  id?: string;
  /** Relations: the two ids as written. */
  ids?: [string, string];
  note?: Note;
}

/** A mention both sides have (a true positive) whose concept ids differ. */
export interface IdMismatch {
  type: string;
  document: string;
  group: string;
  predictedLine: number;
  goldLine: number;
  predictedId: string;
  goldId: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
