// Joining PubTator3's export answers, one per batch, into one file of the
// requested format, and saying which identifiers each answer holds (the API
// leaves out, without an error, the ones it does not have). No I/O.
//
// - pubtator: the answers' document blocks, one blank line apart.
// - bioc-xml: the first answer's <collection> header, every <document>, </collection>.
// - bioc-json: PubTator3's 2024 shape {"PubTator3": [...]} when an answer used it,
//   else a BioC collection (the first answer's header) holding every document.
// A document already taken (same id in two answers) is not taken twice.

import type { FetchFormat } from './exportRequests';

export interface MergeResult {
  /** Identifiers (PMIDs, PMC ids) the answer's new documents carry. */
  ids: string[];
  /** Documents taken from this answer. */
  documents: number;
  /** Why the answer could not be read, when it could not. */
  error?: string;
}

/** `PMC123`, `pmc123` and `123` as compared: PMC ids upper-cased, leading zeros dropped. */
export function normalizeId(id: string): string {
  const pmc = /^pmc0*(\d+)$/i.exec(id.trim());
  if (pmc) return `PMC${pmc[1]}`;
  const digits = /^0*(\d+)$/.exec(id.trim());
  return digits ? digits[1] : id.trim();
}

export class ExportMerger {
  private readonly blocks: string[] = [];
  private readonly seen = new Set<string>();
  private xmlHeader: string | undefined;
  private jsonShape: 'pubtator3' | 'collection' | undefined;
  private jsonHeader: Record<string, unknown> | undefined;
  private readonly jsonDocs: unknown[] = [];

  constructor(readonly format: FetchFormat) {}

  /** Takes one answer's body. */
  add(body: string): MergeResult {
    if (this.format === 'pubtator') return this.addPubtator(body);
    if (this.format === 'bioc-xml') return this.addXml(body);
    return this.addJson(body);
  }

  /** Documents taken so far. */
  get documents(): number {
    return this.format === 'bioc-json' ? this.jsonDocs.length : this.blocks.length;
  }

  /** Whether a document with this id was taken. */
  has(id: string): boolean {
    return this.seen.has(normalizeId(id));
  }

  /** The merged file. */
  text(): string {
    if (this.format === 'pubtator') return this.blocks.length ? `${this.blocks.join('\n\n')}\n` : '';
    if (this.format === 'bioc-xml') {
      const header = this.xmlHeader ?? '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection><source>PubTator3</source><date></date><key>BioC.key</key>';
      return `${header}${this.blocks.join('')}</collection>\n`;
    }
    const out = this.jsonShape === 'pubtator3'
      ? { PubTator3: this.jsonDocs }
      : { source: 'PubTator3', date: '', key: 'BioC.key', infons: {}, ...this.jsonHeader, documents: this.jsonDocs };
    return `${JSON.stringify(out, null, 1)}\n`;
  }

  /** Takes a document under `ids` unless one of them was taken already. */
  private take(ids: string[]): boolean {
    const norm = ids.map(normalizeId).filter((id) => id !== '');
    if (norm.some((id) => this.seen.has(id))) return false;
    for (const id of norm) this.seen.add(id);
    return true;
  }

  private addPubtator(body: string): MergeResult {
    const ids: string[] = [];
    let documents = 0;
    for (const raw of body.replace(/^\uFEFF/, '').split(/\r?\n(?:[ \t]*\r?\n)+/)) {
      const block = raw.replace(/\r/g, '').replace(/^\n+|\s+$/g, '');
      if (block === '') continue;
      const id = /^([^|\t\n]+)\|[ta]\|/.exec(block)?.[1] ?? /^([^\t\n]+)\t/.exec(block)?.[1];
      if (id === undefined) return { ids, documents, error: `not PubTator text: ${JSON.stringify(block.slice(0, 60))}` };
      if (!this.take([id])) continue;
      this.blocks.push(block);
      ids.push(normalizeId(id));
      documents++;
    }
    return { ids, documents };
  }

  private addXml(body: string): MergeResult {
    const ids: string[] = [];
    let documents = 0;
    const start = body.search(/<document[\s>]/);
    if (!/<collection[\s>]/.test(body)) {
      return body.trim() === '' ? { ids, documents } : { ids, documents, error: 'not a BioC XML collection' };
    }
    if (this.xmlHeader === undefined) {
      this.xmlHeader = start >= 0 ? body.slice(0, start) : body.slice(0, Math.max(0, body.lastIndexOf('</collection>')));
    }
    const docRe = /<document[\s>][\s\S]*?<\/document>/g;
    for (let m = docRe.exec(body); m; m = docRe.exec(body)) {
      const doc = m[0];
      const own = [/<id>\s*([^<]*?)\s*<\/id>/.exec(doc)?.[1] ?? ''];
      for (const infon of doc.matchAll(/<infon key="article-id_(?:pmid|pmc)">\s*([^<]*?)\s*<\/infon>/g)) own.push(infon[1]);
      const docIds = own.filter((id) => id !== '');
      if (!this.take(docIds)) continue;
      this.blocks.push(doc);
      ids.push(...docIds.map(normalizeId));
      documents++;
    }
    return { ids, documents };
  }

  private addJson(body: string): MergeResult {
    const ids: string[] = [];
    if (body.trim() === '') return { ids, documents: 0 };
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (err) {
      return { ids, documents: 0, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    let docs: unknown[];
    if (Array.isArray(value)) docs = value;
    else if (isObject(value) && Array.isArray(value.PubTator3)) {
      docs = value.PubTator3;
      this.jsonShape ??= 'pubtator3';
    } else if (isObject(value) && Array.isArray(value.documents)) {
      docs = value.documents;
      if (this.jsonHeader === undefined) {
        // The collection's header: everything but its documents.
        this.jsonHeader = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'documents'));
      }
      this.jsonShape ??= 'collection';
    } else if (isObject(value) && Array.isArray(value.passages)) docs = [value];
    else return { ids, documents: 0, error: 'neither {"PubTator3": [...]} nor a BioC collection' };
    let documents = 0;
    for (const doc of docs) {
      if (!isObject(doc)) continue;
      const docIds = jsonDocIds(doc);
      if (!this.take(docIds)) continue;
      this.jsonDocs.push(doc);
      ids.push(...docIds.map(normalizeId));
      documents++;
    }
    return { ids, documents };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON document's identifiers: BioC's `id`, PubTator3's `pmid`, `pmcid` and `_id` ("pmid|pmcid"); numbers too. */
function jsonDocIds(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  const put = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) out.push(String(v));
    else if (typeof v === 'string' && v.trim() !== '' && v !== 'None') out.push(v.trim());
  };
  put(doc.id);
  put(doc.pmid);
  put(doc.pmcid);
  if (typeof doc._id === 'string') for (const part of doc._id.split('|')) put(part);
  return [...new Set(out)];
}
