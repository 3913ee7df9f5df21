// A parsed PubTator file as BioC documents (plain values, ready to write as
// XML or JSON). One document per PubTator document; a title passage at offset
// 0 and each further passage at the end of the previous one plus one; mention
// rows as annotations with `type` and `identifier` infons and one location;
// relation rows as relations with `type`, `entity1`, `entity2` infons and the
// extra columns as named infons (BioRED's novelty as `novel`). BC5CDR
// composite rows become a `CompositeMention` annotation and an
// `IndividualMention` per part, as BC5CDR's own BioC release writes them.

import type { ParsedFile, PubtatorDocument } from '../parse/model';
import { indexAfter, isAscii, unitsBefore, type BiocUnit } from './units';

export interface OutInfons { [key: string]: string }
export interface OutLocation { offset: number; length: number }
export interface OutAnnotation { id: string; infons: OutInfons; text: string; locations: OutLocation[] }
export interface OutRelation { id: string; infons: OutInfons }
export interface OutPassage { infons: OutInfons; offset: number; text: string; annotations: OutAnnotation[] }
export interface OutDocument { id: string; passages: OutPassage[]; relations: OutRelation[] }
export interface OutHeader { source: string; date: string; key: string }

export interface FromPubtatorOptions {
  /** What the PubTator offsets count (the checker's unit). */
  inputUnit?: 'codepoint' | 'utf16';
  /** What the BioC offsets count: UTF-16 units by default, as NCBI's tools write. */
  outputUnit?: BiocUnit;
}

const PASSAGE_TYPES: Record<string, string> = { t: 'title', title: 'title', a: 'abstract', abstract: 'abstract' };
const NOVELTY = new Set(['Novel', 'No']);

export function documentToBioc(doc: PubtatorDocument, options: FromPubtatorOptions = {}): OutDocument {
  const inUnit = options.inputUnit ?? 'codepoint';
  const outUnit = options.outputUnit ?? 'utf16';
  const text = doc.text;
  // Without non-ASCII characters every unit counts alike: offsets stay as they are.
  const ascii = isAscii(text);
  /** A PubTator offset to a BioC one (through the UTF-16 index into the joined text). */
  const convert = (offset: number): number => {
    if (inUnit === outUnit || ascii) return offset;
    const index = indexAfter(text, offset, inUnit);
    return index === undefined ? offset : unitsBefore(text, index, outUnit);
  };
  const passages: OutPassage[] = doc.passages.map((p, k) => ({
    infons: { type: PASSAGE_TYPES[p.marker.text] ?? p.marker.text },
    offset: convert(unitsBefore(text, doc.passageStarts[k], inUnit, ascii)),
    text: p.text.text,
    annotations: [],
  }));
  let n = 0;
  const passageOf = (start: number): OutPassage | undefined => {
    let found = passages[0];
    for (const p of passages) if (p.offset <= start) found = p;
    return found;
  };
  for (const m of doc.mentions) {
    if (m.start === undefined || m.end === undefined) continue;
    const start = convert(m.start);
    const end = convert(m.end);
    const infons: OutInfons = { type: m.typeField?.text ?? '' };
    if (m.idField) infons.identifier = m.idField.text;
    const host = passageOf(start);
    if (!host) continue;
    const parts = compositeParts(m.idField?.text, m.extra[0]?.text);
    if (parts) infons.CompositeRole = 'CompositeMention';
    m.extra.slice(parts ? 1 : 0).forEach((f, i) => { infons[`column${i + (parts ? 8 : 7)}`] = f.text; });
    host.annotations.push({ id: String(n++), infons, text: m.textField.text, locations: [{ offset: start, length: end - start }] });
    if (parts) {
      for (const [ident, partText] of parts) {
        host.annotations.push({
          id: String(n++), infons: { type: infons.type, CompositeRole: 'IndividualMention', identifier: ident },
          text: partText, locations: locateParts(m.textField.text, partText, start, text, m.start, inUnit, outUnit, ascii),
        });
      }
    }
  }
  const relations: OutRelation[] = doc.relations.map((r, i) => {
    const infons: OutInfons = { type: r.typeField.text, entity1: r.idFields[0].text, entity2: r.idFields[1].text };
    r.extra.forEach((f, k) => { infons[k === 0 && NOVELTY.has(f.text) ? 'novel' : `column${k + 5}`] = f.text; });
    return { id: `R${i}`, infons };
  });
  return { id: doc.id, passages, relations };
}

/** A BC5CDR composite row's parts: ids split by `|` paired with the 7th column's texts, when the counts agree. */
function compositeParts(ids: string | undefined, texts: string | undefined): [string, string][] | undefined {
  if (!ids || !texts || !ids.includes('|') || !texts.includes('|')) return undefined;
  const a = ids.split('|');
  const b = texts.split('|');
  return a.length === b.length ? a.map((x, i) => [x, b[i]]) : undefined;
}

/**
 * Where a part of a composite lies inside it: verbatim if it occurs there,
 * else its longest head of words followed later by the rest
 * ("cardiovascular depression" in "cardiovascular, and respiratory depression").
 * The whole composite when neither is found.
 */
function locateParts(span: string, part: string, spanStart: number, text: string, pubStart: number, inUnit: 'codepoint' | 'utf16', outUnit: BiocUnit, ascii: boolean): OutLocation[] {
  const base = indexAfter(text, pubStart, inUnit, ascii) ?? 0;
  const at = (i: number, len: number): OutLocation => {
    const s = unitsBefore(text, base + i, outUnit, ascii);
    return { offset: s, length: unitsBefore(text, base + i + len, outUnit, ascii) - s };
  };
  const whole = span.indexOf(part);
  if (whole >= 0) return [at(whole, part.length)];
  const words = part.split(' ');
  for (let k = words.length - 1; k >= 1; k--) {
    const head = words.slice(0, k).join(' ');
    const tail = words.slice(k).join(' ');
    const h = span.indexOf(head);
    const t = h < 0 ? -1 : span.lastIndexOf(tail);
    if (h >= 0 && t >= h + head.length) return [at(h, head.length), at(t, tail.length)];
  }
  void spanStart;
  return [at(0, span.length)];
}

export function fileToBioc(file: ParsedFile, options: FromPubtatorOptions = {}): OutDocument[] {
  return file.documents.map((d) => {
    const out = documentToBioc(d, options);
    d.release();
    return out;
  });
}
