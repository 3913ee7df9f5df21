// Lines to documents. Tolerant by design: any string parses, and every line
// lands in the model (as a passage, a row, or a malformed line) so the checks
// can report it. Nothing here throws on input.

import { parseConceptId } from './conceptIds';
import type {
  Field, MalformedLine, MentionRow, ParsedFile, PassageLine, PubtatorDocument, RelationRow,
} from './model';

// A passage line: an id without TAB or `|`, a marker of letters, then the text.
// Ids are not always digits (BC8_BioRED_Task1_Doc500) and markers are not
// always t/a (title, abstract, body in tmVar full-text output).
const PASSAGE = /^([^\t|]+)\|([A-Za-z]+)\|/;
const TITLE_MARKERS = new Set(['t', 'title']);
const ABSTRACT_MARKERS = new Set(['a', 'abstract']);
const INTEGER = /^\d+$/;
const NUMBERISH = /^\s*[-+]?\d/;
const SURROGATE = /[\uD800-\uDFFF]/;

export interface ParseOptions {
  /** Line number of the text's first line (when parsing one block of a larger file). */
  firstLine?: number;
  /** Id of the document just before the text (tells NLM-Chem-style continuation blocks). */
  previousId?: string;
}

export function parsePubtator(text: string, options: ParseOptions = {}): ParsedFile {
  const first = options.firstLine ?? 0;
  const bom = text.charCodeAt(0) === 0xfeff;
  const file: ParsedFile = { lineCount: 0, documents: [], stray: [], bom, crlf: false };
  const builder = new DocumentBuilder(file, options.previousId);
  let pos = 0;
  let line = first;
  const length = text.length;
  while (pos <= length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = length;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) {
      lineEnd--;
      file.crlf = true;
    }
    const base = line === first && bom ? 1 : 0;
    builder.addLine(text.slice(pos + base, lineEnd), line, base);
    line++;
    pos = nl + 1;
  }
  builder.close();
  file.lineCount = line - first;
  return file;
}

function field(text: string, start: number): Field {
  return { text, start, end: start + text.length };
}

/** Splits a line on TAB, keeping each field's character range. */
export function splitFields(line: string, base: number): Field[] {
  const fields: Field[] = [];
  let from = 0;
  for (;;) {
    const tab = line.indexOf('\t', from);
    if (tab < 0) {
      fields.push(field(line.slice(from), base + from));
      return fields;
    }
    fields.push(field(line.slice(from, tab), base + from));
    from = tab + 1;
  }
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

class DocumentBuilder {
  private current: PubtatorDocument | undefined;
  constructor(private readonly file: ParsedFile, private previousId: string | undefined) {}

  addLine(line: string, lineNo: number, base: number): void {
    if (isBlank(line)) {
      this.close();
      return;
    }
    const passage = PASSAGE.exec(line);
    if (passage) {
      this.addPassage(line, lineNo, base, passage[1], passage[2]);
      return;
    }
    const fields = splitFields(line, base);
    const row = classifyRow(fields, lineNo);
    let doc = this.current;
    if (!doc) {
      if (row.kind === 'malformed') {
        this.file.stray.push(row);
        return;
      }
      doc = this.open(fields[0].text.trim(), lineNo);
    }
    doc.endLine = lineNo;
    if (row.kind === 'mention') doc.mentions.push(row);
    else if (row.kind === 'relation') doc.relations.push(row);
    else doc.malformed.push(row);
  }

  private addPassage(line: string, lineNo: number, base: number, id: string, marker: string): void {
    const markerStart = id.length + 1;
    const textStart = markerStart + marker.length + 1;
    const passage: PassageLine = {
      kind: 'passage',
      line: lineNo,
      docId: field(id, base),
      marker: field(marker, base + markerStart),
      text: field(line.slice(textStart), base + textStart),
    };
    let doc = this.current;
    const hasRows = doc !== undefined && doc.mentions.length + doc.relations.length + doc.malformed.length > 0;
    const isTitle = TITLE_MARKERS.has(marker);
    if (doc && hasRows) {
      // An abstract that arrives after rows of its own document was misplaced,
      // not a new document: keep it, and let a check say so.
      const late = !isTitle && id === doc.id && !doc.abstract && ABSTRACT_MARKERS.has(marker);
      if (late) {
        doc.latePassages.push(passage);
      } else {
        this.close();
        doc = undefined;
      }
    } else if (doc && isTitle && doc.passages.length > 0) {
      this.close();
      doc = undefined;
    }
    if (!doc) doc = this.open(id, lineNo);
    doc.endLine = lineNo;
    doc.passages.push(passage);
    if (isTitle && !doc.title) doc.title = passage;
    else if (ABSTRACT_MARKERS.has(marker) && !doc.abstract) doc.abstract = passage;
  }

  private open(id: string, lineNo: number): PubtatorDocument {
    const doc: PubtatorDocument = {
      id,
      startLine: lineNo,
      endLine: lineNo,
      passages: [],
      text: '',
      passageStarts: [],
      astral: false,
      mentions: [],
      relations: [],
      malformed: [],
      latePassages: [],
      continuesPrevious: id === this.previousId,
    };
    this.current = doc;
    return doc;
  }

  close(): void {
    const doc = this.current;
    if (!doc) return;
    this.current = undefined;
    // Offsets count into the passages in line order, late ones included.
    const passages = doc.latePassages.length
      ? [...doc.passages].sort((a, b) => a.line - b.line)
      : doc.passages;
    doc.passages = passages;
    let at = 0;
    const texts: string[] = [];
    for (const p of passages) {
      doc.passageStarts.push(at);
      texts.push(p.text.text);
      at += p.text.text.length + 1;
    }
    doc.text = texts.join(' ');
    doc.astral = SURROGATE.test(doc.text);
    this.previousId = doc.id;
    this.file.documents.push(doc);
  }
}

function classifyRow(fields: Field[], line: number): MentionRow | RelationRow | MalformedLine {
  const n = fields.length;
  if (n < 3) {
    const reason = n === 1
      ? 'is neither a passage line (ID|t|text) nor a TAB-separated row'
      : 'has 2 columns; a mention row needs at least 5 and a relation row 4';
    return { kind: 'malformed', line, fields, reason };
  }
  // Relations have 4 or 5 columns; 6 or more with a number third is a mention whose start is garbled.
  const looksLikeMention = NUMBERISH.test(fields[1].text) || (n >= 6 && NUMBERISH.test(fields[2].text));
  if (looksLikeMention) {
    if (n < 5) {
      const reason = n === 3
        ? 'has only an id and two offsets; a mention row also needs the text and the entity type'
        : 'has 4 columns; a mention row needs ID, start, end, text and type (and usually a concept id)';
      return { kind: 'malformed', line, fields, reason };
    }
    const start = INTEGER.test(fields[1].text) ? Number(fields[1].text) : undefined;
    const end = INTEGER.test(fields[2].text) ? Number(fields[2].text) : undefined;
    const idField = n >= 6 ? fields[5] : undefined;
    return {
      kind: 'mention',
      line,
      pmid: fields[0],
      startField: fields[1],
      endField: fields[2],
      textField: fields[3],
      typeField: fields[4],
      idField,
      extra: fields.slice(6),
      start: start !== undefined && Number.isSafeInteger(start) ? start : undefined,
      end: end !== undefined && Number.isSafeInteger(end) ? end : undefined,
      concept: parseConceptId(idField ? idField.text : ''),
    };
  }
  if (n === 3) {
    return { kind: 'malformed', line, fields, reason: 'has 3 columns; a relation row needs ID, type and two concept ids' };
  }
  return {
    kind: 'relation',
    line,
    pmid: fields[0],
    typeField: fields[1],
    idFields: [fields[2], fields[3]],
    concepts: [parseConceptId(fields[2].text), parseConceptId(fields[3].text)],
    extra: fields.slice(4),
  };
}
