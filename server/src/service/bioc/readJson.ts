// BioC JSON to the collection model, with jsonc-parser's syntax tree (every
// value keeps its offset). Accepts bioc's layout, BioRED's (no infons,
// sentences or relations keys) and PubTator3's `{"PubTator3": [documents]}`
// with its non-string infons. Any string reads; errors become problems.

import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { BiocAnnotation, BiocCollection, BiocDocument, BiocInfon, BiocLocation, BiocPassage, BiocRelation, SourceRange } from './model';

const MAX_PROBLEMS = 100;

export function readBiocJson(text: string): BiocCollection {
  const c: BiocCollection = { format: 'bioc-json', source: '', date: '', key: '', infons: [], documents: [], problems: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const e of errors.slice(0, MAX_PROBLEMS)) {
    c.problems.push({ message: `JSON is not well-formed: ${describe(printParseErrorCode(e.error))}`, range: { start: e.offset, end: e.offset + Math.max(1, e.length) } });
  }
  if (!root) {
    if (c.problems.length === 0) c.problems.push({ message: 'not a BioC collection: the file holds no JSON value', range: { start: 0, end: 0 } });
    return c;
  }
  let docs: Node | undefined;
  if (root.type === 'array') docs = root;
  else if (root.type === 'object') {
    docs = prop(root, 'documents') ?? prop(root, 'PubTator3');
    c.source = str(prop(root, 'source'));
    c.date = str(prop(root, 'date'));
    c.key = str(prop(root, 'key'));
    c.infons = infons(prop(root, 'infons'));
    // A single document answered on its own.
    if (!docs && prop(root, 'passages')) {
      c.documents.push(document(root));
      return c;
    }
  }
  if (!docs || docs.type !== 'array') {
    c.problems.push({ message: 'not a BioC collection: expected an object with a "documents" array (or PubTator3\'s "PubTator3" array)', range: range(root.type === 'object' ? (docs ?? root) : root, true) });
    return c;
  }
  for (const d of docs.children ?? []) if (d.type === 'object') c.documents.push(document(d));
  return c;
}

export function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Added to every node offset read (readJsonDocument's `base`: a document parsed
 * out of the file reads at the file's offsets without moving each node of its tree).
 */
let base = 0;

function range(n: Node, head = false): SourceRange {
  return { start: base + n.offset, end: base + (head ? n.offset + 1 : n.offset + n.length) };
}

function prop(obj: Node | undefined, key: string): Node | undefined {
  if (!obj || obj.type !== 'object') return undefined;
  for (const p of obj.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v && k.value === key) return v;
  }
  return undefined;
}

/** A value as the collection model holds it: strings as they are, other scalars as written, null as nothing, containers as JSON. */
export function str(n: Node | undefined): string {
  if (!n) return '';
  if (n.type === 'string') return n.value as string;
  if (n.type === 'number' || n.type === 'boolean') return String(n.value);
  if (n.type === 'null') return '';
  return JSON.stringify(getNodeValue(n));
}

function int(n: Node | undefined): number | undefined {
  if (!n) return undefined;
  const v = n.type === 'number' ? n.value : n.type === 'string' && /^\d{1,15}$/.test(n.value) ? Number(n.value) : undefined;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

function array(n: Node | undefined): Node[] {
  return n && n.type === 'array' ? (n.children ?? []) : [];
}

function infons(n: Node | undefined): BiocInfon[] {
  const out: BiocInfon[] = [];
  if (!n || n.type !== 'object') return out;
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (!k || !v) continue;
    const i: BiocInfon = { key: String(k.value), value: str(v), range: range(p) };
    if (v.type === 'object' || v.type === 'array') i.raw = getNodeValue(v);
    out.push(i);
  }
  return out;
}

/** One document object; its node's offsets plus `at` are the file's (a document parsed from the file's text at `at`). */
export function readJsonDocument(n: Node, at = 0): BiocDocument {
  base = at;
  try {
    return document(n);
  } finally {
    base = 0;
  }
}

function document(n: Node): BiocDocument {
  const idNode = prop(n, 'id') ?? prop(n, 'pmid') ?? prop(n, '_id');
  const d: BiocDocument = { id: str(idNode), infons: infons(prop(n, 'infons')), passages: [], annotations: [], relations: [], range: range(n) };
  if (idNode) d.idRange = inner(idNode);
  for (const p of array(prop(n, 'passages'))) if (p.type === 'object') d.passages.push(passage(p));
  for (const a of array(prop(n, 'annotations'))) if (a.type === 'object') d.annotations.push(annotation(a));
  for (const r of array(prop(n, 'relations'))) if (r.type === 'object') d.relations.push(relation(r));
  return d;
}

/** A string's content range (inside the quotes), or the value's range. */
function inner(n: Node): SourceRange {
  return n.type === 'string' ? { start: base + n.offset + 1, end: base + n.offset + n.length - 1 } : range(n);
}

function passage(n: Node): BiocPassage {
  const offsetNode = prop(n, 'offset');
  const textNode = prop(n, 'text');
  const p: BiocPassage = {
    offset: int(offsetNode), infons: infons(prop(n, 'infons')), annotations: [], relations: [], range: range(n), textVerbatim: false,
  };
  if (offsetNode) p.offsetRange = range(offsetNode);
  if (textNode && textNode.type === 'string') {
    p.text = textNode.value as string;
    p.textRange = inner(textNode);
    // No escapes: each character of the text is one of the file.
    p.textVerbatim = textNode.length - 2 === p.text.length;
  }
  for (const a of array(prop(n, 'annotations'))) if (a.type === 'object') p.annotations.push(annotation(a));
  for (const r of array(prop(n, 'relations'))) if (r.type === 'object') p.relations.push(relation(r));
  // An empty text beside sentences is no text: the sentences hold it.
  if (p.text === '' && array(prop(n, 'sentences')).length > 0) { p.text = undefined; p.textRange = undefined; }
  for (const s of array(prop(n, 'sentences'))) {
    if (s.type !== 'object') continue;
    for (const a of array(prop(s, 'annotations'))) if (a.type === 'object') p.annotations.push(annotation(a));
    for (const r of array(prop(s, 'relations'))) if (r.type === 'object') p.relations.push(relation(r));
    // A passage written as sentences: its text is theirs, each at its (document-level) offset.
    const st = prop(s, 'text');
    if ((!textNode || textNode.value === '') && st?.type === 'string') {
      const before = p.text ?? '';
      const at = (int(prop(s, 'offset')) ?? 0) - (p.offset ?? 0);
      p.text = at > before.length ? before + ' '.repeat(at - before.length) + st.value : before + st.value;
    }
  }
  return p;
}

function annotation(n: Node): BiocAnnotation {
  const idNode = prop(n, 'id');
  const textNode = prop(n, 'text');
  const a: BiocAnnotation = { infons: infons(prop(n, 'infons')), locations: [], range: range(n) };
  if (idNode) { a.id = str(idNode); a.idRange = inner(idNode); }
  if (textNode) { a.text = str(textNode); a.textRange = inner(textNode); }
  for (const l of array(prop(n, 'locations'))) {
    if (l.type !== 'object') continue;
    const offsetNode = prop(l, 'offset');
    const loc: BiocLocation = { offset: int(offsetNode), length: int(prop(l, 'length')), range: range(l) };
    if (offsetNode) loc.offsetRange = range(offsetNode);
    a.locations.push(loc);
  }
  return a;
}

function relation(n: Node): BiocRelation {
  const r: BiocRelation = { id: prop(n, 'id') ? str(prop(n, 'id')) : undefined, infons: infons(prop(n, 'infons')), nodes: [], range: range(n) };
  for (const x of array(prop(n, 'nodes'))) {
    if (x.type === 'object') r.nodes.push({ refid: str(prop(x, 'refid')), role: str(prop(x, 'role')), range: range(x) });
  }
  return r;
}
