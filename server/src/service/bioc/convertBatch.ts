// A batch of BioC XML documents converted to PubTator away from the reader's
// thread (`convert --jobs N`: cli/biocConvertSplit.ts). Each document is
// parsed on its own and projected under the unit the file already settled
// (none yet: every document must then be ASCII, so that any unit projects it
// alike); the reader's thread writes the text in file order and adds the
// warnings to the file's (convertStream.ts takeBatch), so the output and the
// warnings are those of the serial conversion. A batch that would not read
// as the serial reader reads it is refused, and read on the reader's thread.

import type { DetectedUnit } from './detectUnit';
import { UnitVotes } from './detectUnit';
import { parseAlone } from './documentAlone';
import { DocumentProjector, isAsciiDocument, type WarningTally } from './project';

export interface BiocConvertTask {
  kind: 'bioc-convert';
  /** Whole documents and the white space between them, from file offset `start`. */
  text: string;
  start: number;
  /** Each document's start and end in `text`, in pairs. */
  spans: number[];
  /** The file's offset unit, once settled; absent: not yet. */
  unit?: DetectedUnit;
  /** Documents before the batch (one without an id is named by its number). */
  documentsBefore: number;
}

export interface BiocConvertResult {
  kind: 'bioc-convert';
  /** Why the reader's thread must read the batch itself; the rest is empty then. */
  refused?: string;
  /** The documents' PubTator text (each document's lines and its blank line). */
  text: string;
  documents: number;
  /** What the documents could not hold, by kind in the order first met, with counts. */
  tally: WarningTally;
}

export function convertBatch(task: BiocConvertTask): BiocConvertResult {
  const projector = new DocumentProjector(task.unit ?? new UnitVotes().result());
  projector.skipDocuments(task.documentsBefore);
  const parts: string[] = [];
  for (let k = 0; k < task.spans.length; k += 2) {
    const from = task.spans[k];
    const d = parseAlone(task.text.slice(from, task.spans[k + 1]), task.start + from);
    if (typeof d === 'string') return refused(d);
    if (!task.unit && !isAsciiDocument(d)) return refused('a document that is not ASCII before the offset unit is settled');
    parts.push(projector.project(d).text);
  }
  return { kind: 'bioc-convert', text: parts.join(''), documents: parts.length, tally: projector.tally };
}

function refused(reason: string): BiocConvertResult {
  return { kind: 'bioc-convert', refused: reason, text: '', documents: 0, tally: { warnings: [], dropped: [] } };
}
