// A file checked chunk by chunk gives exactly what validateFile gives on the
// whole file, whatever the chunks and whichever thread checks each: map and
// reduce. A chunk holds whole documents (it ends where the parser closes a
// document anyway: before a blank line or a title line; see
// parse/byteChunks.ts).
//
// - checkChunk (map) is pure and stateless: it parses a chunk on its own and
//   runs every check but those across documents, and returns plain data: the
//   diagnostics, counts, and the chunk's facts about its file (its documents'
//   ids and lines, a BOM: analysis/fileFacts.ts).
// - FileReducer (reduce) takes the chunks' results in file order, on one
//   thread: it merges their facts, runs the checks across documents on them
//   (duplicate-document; NLM-Chem continuation blocks across a cut), places
//   their diagnostics among the chunk's as validateFile orders them, and at
//   the file's end gives what a check held until the whole file was known:
//   the checks across documents' held verdicts, and the rows held for the
//   file's habits, settled by the habits learned from every chunk's counts.

import { chunkFacts, FileFacts, type ChunkFacts } from './analysis/fileFacts';
import type { PubtatorDocument } from './parse/model';
import { parseChunk } from './parse/parseChunk';
import type { Diagnostic } from './types';
import { mergeSorted, prepare, reporter, settleFile, sortDiagnostics, validateChunk, type Run, type ValidationOptions } from './validate';
import { addFacts, emptyFacts, type Facts } from './conventions/facts';
import { HeldGroups, type HeldGroupData } from './conventions/held';
import { ownCopy } from './ownCopy';

export interface Counts {
  /** Documents, continuation blocks of one id not counted again. */
  documents: number;
  mentions: number;
  relations: number;
}

/** What checking one chunk gives (plain data: it may come from another thread). */
export interface ChunkCheck {
  /** Ordered as validateFile orders them; none of the checks across documents. */
  diagnostics: Diagnostic[];
  /** Counts within the chunk: its first document is counted even when it continues the chunk before. */
  counts: Counts;
  /** Document blocks and lines outside any document: a file with strays but no document is not PubTator at all. */
  blocks: number;
  stray: number;
  facts: ChunkFacts;
  /** Rows held for the file's habits (plain data) and the chunk's counts of them. */
  held: HeldGroupData[];
  conventions: Facts;
}

/**
 * The map step: one chunk of whole documents whose first line is line
 * `firstLine` of its file. `visit` sees each document with its rows parsed.
 */
export function checkChunk(
  text: string, firstLine: number, options: ValidationOptions = {}, run: Run = prepare(options), visit?: (doc: PubtatorDocument) => void,
): ChunkCheck {
  const file = parseChunk(text, firstLine);
  const counts: Counts = { documents: 0, mentions: 0, relations: 0 };
  // Counted while each document's rows are parsed for its checks, which then
  // release them: a chunk never holds all its rows at once.
  const checked = validateChunk(file, options, run, (doc) => {
    if (!doc.continuesPrevious) counts.documents++;
    counts.mentions += doc.mentions.length;
    counts.relations += doc.relations.length;
    visit?.(doc);
  });
  return {
    diagnostics: checked.diagnostics,
    counts,
    blocks: file.documents.length,
    stray: file.stray.length,
    facts: chunkFacts(file),
    held: checked.held.toData(),
    conventions: checked.facts,
  };
}

/** The reduce step for one file: feed it the chunks' results in file order. */
export class FileReducer {
  private readonly facts = new FileFacts();
  private readonly run: Run;
  /** Rows held for the file's habits (at most HOLD_LIMIT a group), and the counts the habits are learned from. */
  private readonly held = new HeldGroups();
  private readonly conventions = emptyFacts();

  constructor(private readonly options: ValidationOptions = {}) {
    this.run = prepare(options);
  }

  /**
   * The chunk's diagnostics with those of the checks across documents it
   * decides, and its counts as part of the file. `own`: the chunk's strings
   * are its own already (it crossed from another thread), so the held rows
   * kept need no copy.
   */
  add(chunk: ChunkCheck, own = false): { diagnostics: Diagnostic[]; counts: Counts } {
    const counts = { ...chunk.counts };
    if (chunk.facts.documents.length && this.facts.continues(chunk.facts, 0)) counts.documents--;
    const across: Diagnostic[] = [];
    const report = reporter(this.run, across);
    for (const check of this.run.acrossFileChecks) check.acrossFile!.chunk(chunk.facts, this.facts, report);
    this.facts.add(chunk.facts);
    // Only the rows a group still keeps are taken (HOLD_LIMIT), copied unless they crossed threads: rows of a chunk checked on this thread share strings with its text (ownCopy.ts).
    if (chunk.held.length) {
      this.held.addData(chunk.held, own ? (value) => value : ownCopy);
    }
    addFacts(this.conventions, chunk.conventions);
    return { diagnostics: across.length ? mergeSorted(chunk.diagnostics, sortDiagnostics(across)) : chunk.diagnostics, counts };
  }

  /** The file is over: what the checks across documents held until the whole file was known (in line order). */
  end(): Diagnostic[] {
    const held: Diagnostic[] = [];
    const report = reporter(this.run, held);
    for (const check of this.run.acrossFileChecks) check.acrossFile!.end?.(this.facts, report);
    // Settled rows come after the others at the same place, as validateFile orders them.
    return mergeSorted(sortDiagnostics(held), settleFile(this.held, this.conventions, this.options), false);
  }
}

/** Map and reduce on one thread, chunk after chunk (tests, and callers with no pool). */
export class StreamingValidator {
  private readonly reducer: FileReducer;
  private readonly run: Run;

  constructor(private readonly options: ValidationOptions = {}) {
    this.run = prepare(options);
    this.reducer = new FileReducer(options);
  }

  /** `text` holds whole documents, without the final newline; `firstLine` is 0-based. */
  validateBlock(text: string, firstLine: number): { diagnostics: Diagnostic[]; counts: Counts; chunk: ChunkCheck } {
    const chunk = checkChunk(text, firstLine, this.options, this.run);
    return { ...this.reducer.add(chunk), chunk };
  }

  end(): Diagnostic[] {
    return this.reducer.end();
  }
}
