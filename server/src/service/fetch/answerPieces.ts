// One PubTator3 export answer cut into its documents, each with the
// identifiers it carries and what the merger needs to place it (the XML
// header, the JSON shape). A piece can be written back as an answer holding
// that one document (pieceBody), which is what the fetch cache keeps: read
// again, it gives the same piece. No I/O.

import type { FetchFormat } from './exportRequests';

/** How a JSON answer held its documents. */
export type JsonShape = 'pubtator3' | 'collection' | 'array' | 'document';

export interface AnswerPiece {
  /** Identifiers (PMIDs, PMC ids) the document carries, normalised (normalizeId). */
  ids: string[];
  /** The PubTator block (no trailing newline), or the XML `<document>...</document>`. */
  text?: string;
  /** The JSON document, as it came. */
  doc?: Record<string, unknown>;
  /** XML: the answer's text before its first `<document>`. */
  xmlHeader?: string;
  /** JSON: how the answer held its documents, and its collection header (all but `documents`). */
  jsonShape?: JsonShape;
  jsonHeader?: Record<string, unknown>;
}

export interface SplitAnswer {
  pieces: AnswerPiece[];
  /** Why the answer could not be read; then `pieces` is empty. */
  error?: string;
}

/** `PMC123`, `pmc123` and `123` as compared: PMC ids upper-cased, leading zeros dropped. */
export function normalizeId(id: string): string {
  const pmc = /^pmc0*(\d+)$/i.exec(id.trim());
  if (pmc) return `PMC${pmc[1]}`;
  const digits = /^0*(\d+)$/.exec(id.trim());
  return digits ? digits[1] : id.trim();
}

/** The documents of one answer; an empty answer has none (the API's way of saying it has none of the ids). */
export function splitAnswer(format: FetchFormat, body: string): SplitAnswer {
  if (format === 'pubtator') return splitPubtator(body);
  if (format === 'bioc-xml') return splitXml(body);
  return splitJson(body);
}

/** An answer holding only this piece's document, in the format (what splitAnswer reads back as the same piece). */
export function pieceBody(format: FetchFormat, piece: AnswerPiece): string {
  if (format === 'pubtator') return `${piece.text ?? ''}\n`;
  if (format === 'bioc-xml') return `${piece.xmlHeader ?? '<collection>'}${piece.text ?? ''}</collection>\n`;
  const doc = piece.doc ?? {};
  if (piece.jsonShape === 'pubtator3') return JSON.stringify({ PubTator3: [doc] });
  if (piece.jsonShape === 'collection') return JSON.stringify({ ...piece.jsonHeader, documents: [doc] });
  if (piece.jsonShape === 'array') return JSON.stringify([doc]);
  return JSON.stringify(doc);
}

const unique = (ids: string[]) => [...new Set(ids.filter((id) => id !== '').map(normalizeId))];

function splitPubtator(body: string): SplitAnswer {
  const pieces: AnswerPiece[] = [];
  for (const raw of body.replace(/^\uFEFF/, '').split(/\r?\n(?:[ \t]*\r?\n)+/)) {
    const block = raw.replace(/\r/g, '').replace(/^\n+|\s+$/g, '');
    if (block === '') continue;
    const id = /^([^|\t\n]+)\|[ta]\|/.exec(block)?.[1] ?? /^([^\t\n]+)\t/.exec(block)?.[1];
    if (id === undefined) return { pieces: [], error: `not PubTator text: ${JSON.stringify(block.slice(0, 60))}` };
    pieces.push({ ids: unique([id]), text: block });
  }
  return { pieces };
}

function splitXml(body: string): SplitAnswer {
  if (!/<collection[\s>]/.test(body)) {
    return body.trim() === '' ? { pieces: [] } : { pieces: [], error: 'not a BioC XML collection' };
  }
  const start = body.search(/<document[\s>]/);
  const xmlHeader = start >= 0 ? body.slice(0, start) : body.slice(0, Math.max(0, body.lastIndexOf('</collection>')));
  const pieces: AnswerPiece[] = [];
  const docRe = /<document[\s>][\s\S]*?<\/document>/g;
  for (let m = docRe.exec(body); m; m = docRe.exec(body)) {
    const doc = m[0];
    const own = [/<id>\s*([^<]*?)\s*<\/id>/.exec(doc)?.[1] ?? ''];
    for (const infon of doc.matchAll(/<infon key="article-id_(?:pmid|pmc)">\s*([^<]*?)\s*<\/infon>/g)) own.push(infon[1]);
    pieces.push({ ids: unique(own), text: doc, xmlHeader });
  }
  return { pieces };
}

function splitJson(body: string): SplitAnswer {
  if (body.trim() === '') return { pieces: [] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return { pieces: [], error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  let docs: unknown[];
  let jsonShape: JsonShape;
  let jsonHeader: Record<string, unknown> | undefined;
  if (Array.isArray(value)) {
    docs = value;
    jsonShape = 'array';
  } else if (isObject(value) && Array.isArray(value.PubTator3)) {
    docs = value.PubTator3;
    jsonShape = 'pubtator3';
  } else if (isObject(value) && Array.isArray(value.documents)) {
    docs = value.documents;
    jsonShape = 'collection';
    jsonHeader = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'documents'));
  } else if (isObject(value) && Array.isArray(value.passages)) {
    docs = [value];
    jsonShape = 'document';
  } else return { pieces: [], error: 'neither {"PubTator3": [...]} nor a BioC collection' };
  const pieces: AnswerPiece[] = [];
  for (const doc of docs) {
    if (!isObject(doc)) continue;
    pieces.push({ ids: unique(jsonDocIds(doc)), doc, jsonShape, ...(jsonHeader ? { jsonHeader } : {}) });
  }
  return { pieces };
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
  return out;
}
