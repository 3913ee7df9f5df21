// Validates a file one block of lines at a time, so a file larger than memory
// can be checked, and gives exactly what validateFile(parsePubtator(whole))
// gives: each block's decided diagnostics as it comes, then, at the end, the
// held rows settled by the file's habits (finish). A block must end where the
// parser closes a document anyway: at a blank line, or just before a title
// line. Only a few facts cross blocks: the id of the last document (NLM-Chem
// writes one block per passage of the same PMID, which are continuations, not
// duplicates), the first line of every id seen (for duplicate-document, the
// one file-scope check with cross-document state; a new check of that kind
// must be handled here too), the BOM, and the held rows (at most HOLD_LIMIT a
// group) and counts of the file's habits.

import type { ParsedFile, PubtatorDocument } from './parse/model';
import { parsePubtator } from './parse/parseFile';
import type { Diagnostic } from './types';
import { checkUnsettled, settleFile, type ValidationOptions } from './validate';
import { addFacts, emptyFacts } from './conventions/facts';
import { HeldGroups } from './conventions/held';

export interface BlockResult {
  /** The block parsed on its own, with line numbers of the whole file. */
  file: ParsedFile;
  /** The block's decided diagnostics, ordered as validateFile orders them (held rows come with finish()). */
  diagnostics: Diagnostic[];
  /** Documents (continuation blocks of one id not counted again), mentions and relations. */
  counts: { documents: number; mentions: number; relations: number };
}

export class StreamingValidator {
  private previousId: string | undefined;
  /**
   * First line of every document id met so far. Memory grows with the number
   * of distinct ids: one Map entry (about 40 bytes in V8) plus the id string
   * (about 20 + length bytes), so roughly 70 bytes for an 8-digit PMID, or
   * 70 MB for a million documents. Everything else is dropped after a block.
   */
  private readonly firstLines = new Map<string, number>();
  /** The whole file's first document. */
  private head: { id: string; line: number } | undefined;
  /** Whether the whole file starts with a byte-order mark. */
  private bom = false;
  /** Rows held for the file's habits, and its counts. */
  private readonly held = new HeldGroups();
  private readonly facts = emptyFacts();

  constructor(private readonly options: ValidationOptions = {}) {}

  /** Says the file's first line starts with a BOM (it may be a blank line, in no block). */
  bomAtStart(): void {
    this.bom = true;
  }

  /** `text` holds whole lines without the final newline; `firstLine` is 0-based. */
  validateBlock(text: string, firstLine: number): BlockResult {
    const file = parseBlock(text, firstLine, this.previousId);
    const docs = file.documents;
    // Counting parses the rows; validateFile then reuses them instead of
    // parsing again (it releases only what it parsed itself), and the whole
    // block is dropped by the caller anyway.
    const counts = { documents: 0, mentions: 0, relations: 0 };
    for (const doc of docs) {
      if (!doc.continuesPrevious) counts.documents++;
      counts.mentions += doc.mentions.length;
      counts.relations += doc.relations.length;
    }
    const headBlock = !this.head && docs.length > 0;
    if (headBlock) this.head = { id: docs[0].id, line: docs[0].startLine };
    const standIns = this.standIns(docs, headBlock);
    if (docs.length) this.previousId = docs[docs.length - 1].id;
    if (standIns.length === 0) {
      const whole = this.bom && headBlock ? { ...file, bom: true } : file;
      return { file, diagnostics: this.check(whole, firstLine), counts };
    }
    // Earlier first occurrences go in as one-line stand-ins, so duplicate-document
    // runs as itself (same messages, ranges and order), and the file-level facts
    // the checks read (the BOM, the first document) are the whole file's. What
    // the checks say about the stand-ins, all before this block, is dropped.
    const withHistory: ParsedFile = { ...file, bom: this.bom, documents: [...standIns, ...docs] };
    const diagnostics = this.check(withHistory, firstLine).filter((d) => d.range.start.line >= firstLine);
    return { file, diagnostics, counts };
  }

  /** The held rows settled by the habits of the whole file read so far: call once, after the last block. */
  finish(): Diagnostic[] {
    return settleFile(this.held, this.facts, this.options);
  }

  private check(file: ParsedFile, firstLine: number): Diagnostic[] {
    const r = checkUnsettled(file, this.options, firstLine);
    this.held.addAll(r.held);
    addFacts(this.facts, r.facts);
    return r.diagnostics;
  }

  /** Stand-ins for earlier documents this block needs; records the new ids. */
  private standIns(docs: readonly PubtatorDocument[], headBlock: boolean): PubtatorDocument[] {
    const lines: [string, number][] = [];
    const inBlock = new Set<string>();
    for (const doc of docs) {
      if (inBlock.has(doc.id)) continue;
      inBlock.add(doc.id);
      const line = this.firstLines.get(doc.id);
      if (line !== undefined) lines.push([doc.id, line]);
      else this.firstLines.set(doc.id, doc.startLine);
    }
    if (lines.length === 0) return [];
    // In a file with a BOM the checks find its line from the first document: keep it first.
    const head = this.head;
    if (this.bom && !headBlock && head && !lines.some(([id]) => id === head.id)) lines.push([head.id, head.line]);
    lines.sort((a, b) => a[1] - b[1]);
    return lines.map(([id, line]) => standIn(id, line, this.bom && line === 0));
  }
}

/** Parses one block as the whole-file parse would see those lines. */
function parseBlock(text: string, firstLine: number, previousId: string | undefined): ParsedFile {
  // The parser skips a BOM at the start of its text; mid-file the whole-file
  // parse keeps it, so hide it behind an empty line (which changes nothing else).
  if (firstLine > 0 && text.charCodeAt(0) === 0xfeff) {
    return parsePubtator('\n' + text, { firstLine: firstLine - 1, previousId });
  }
  return parsePubtator(text, { firstLine, previousId });
}

/**
 * A one-line document with the given id at the given line, made by the
 * parser itself. Ids without `|` come from passage lines (`ID|t|`, which keeps
 * them exact); ids with one come from rows, whose id field is trimmed.
 */
function standIn(id: string, line: number, bom: boolean): PubtatorDocument {
  const head = id.includes('|') ? `${id}\t0\t0\tx\tx` : `${id}|t|`;
  const text = bom ? '\ufeff' + head : head;
  const parsed = line > 0 && text.charCodeAt(0) === 0xfeff
    ? parsePubtator('\n' + text, { firstLine: line - 1 })
    : parsePubtator(text, { firstLine: line });
  return parsed.documents[0];
}
