// NLM's ASCII MeSH (dYYYY.bin, cYYYY.bin) to records, line by line as the text
// streams in. Each record starts with `*NEWRECORD`; each line is `KEY = value`;
// entry terms carry subfields after a bar (`Ketalar|T109|...`), the term first.

import { MeshSourceRecord, parseHeadingMappedTo } from './record';

const MAX_LINE = 1 << 20;

export class MeshAsciiReader {
  /** Record types seen, so a qualifier file (RECTYPE = Q) can be told apart. */
  readonly recordTypes = new Set<string>();
  skipped = 0;

  private rest = '';
  private rec?: MeshSourceRecord;
  private recType = '';
  private scope?: string;
  private note?: string;
  private fields = 0;

  constructor(private readonly onRecord: (r: MeshSourceRecord) => void) {}

  write(chunk: string): void {
    const s = this.rest.length ? this.rest + chunk : chunk;
    let from = 0;
    for (let nl = s.indexOf('\n', from); nl >= 0; nl = s.indexOf('\n', from)) {
      this.line(s.charCodeAt(nl - 1) === 13 ? s.slice(from, nl - 1) : s.slice(from, nl));
      from = nl + 1;
    }
    this.rest = s.slice(from);
    if (this.rest.length > MAX_LINE) throw new Error('a line longer than 1 MB: not an ASCII MeSH file');
  }

  /** Throws when the last record stops before its UI line (a truncated download). */
  end(): void {
    if (this.rest.length) this.line(this.rest.replace(/\r$/, ''));
    this.rest = '';
    if (this.rec && !this.rec.ui && this.fields > 0) throw new Error('the last record has no UI line: the file is truncated');
    this.finish();
  }

  private line(line: string): void {
    if (line.startsWith('*NEWRECORD')) {
      this.finish();
      this.rec = { ui: '', kind: 'descriptor', name: '', entryTerms: [], treeNumbers: [], mappedTo: [] };
      this.recType = '';
      this.scope = undefined;
      this.note = undefined;
      this.fields = 0;
      return;
    }
    const rec = this.rec;
    const eq = line.indexOf(' = ');
    if (!rec || eq < 0) return;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 3).trim();
    this.fields++;
    switch (key) {
      case 'RECTYPE': this.recType = value; break;
      case 'MH': rec.name = value; rec.kind = 'descriptor'; break;
      case 'NM': rec.name = value; rec.kind = 'supplementary'; break;
      case 'UI': rec.ui = value; break;
      case 'ENTRY': case 'PRINT ENTRY': case 'SY': {
        const term = value.split('|', 1)[0].trim();
        if (term) rec.entryTerms.push(term);
        break;
      }
      case 'MN': if (value) rec.treeNumbers.push(value); break;
      case 'MS': this.scope = value; break;
      case 'NO': this.note = value; break;
      case 'HM': if (value) rec.mappedTo.push(parseHeadingMappedTo(value)); break;
      case 'DA': rec.createdYear = Number(value.slice(0, 4)) || undefined; break;
    }
  }

  private finish(): void {
    const rec = this.rec;
    this.rec = undefined;
    if (!rec) return;
    this.recordTypes.add(this.recType || (rec.kind === 'supplementary' ? 'C' : 'D'));
    if (this.recType === 'Q' || !rec.ui || !rec.name) {
      this.skipped++;
      return;
    }
    if (this.recType === 'C') rec.kind = 'supplementary';
    rec.scopeNote = rec.kind === 'supplementary' ? this.note : this.scope;
    rec.entryTerms = [...new Set(rec.entryTerms)].filter((t) => t !== rec.name);
    this.onRecord(rec);
  }
}

