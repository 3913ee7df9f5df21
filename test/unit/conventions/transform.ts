// Rewrites of a real corpus that change its conventions but none of its
// content, and defects seeded into such a copy, for the invariance test:
// a checker that learns each file's habits must find the same problems
// (none, for a clean corpus) whatever names and layout the file uses.

import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { parseConceptId } from '../../../server/src/service/parse/conceptIds';
import type { Field, MentionRow, ParsedFile, PubtatorDocument, RelationRow } from '../../../server/src/service/parse/model';

/** Invented type names, far apart from each other and from every known corpus's types. */
const INVENTED = ['Alpharix', 'Brontel', 'Cymbrook', 'Dravenna', 'Eskalot', 'Fennimore', 'Glaucon', 'Hyperix', 'Ivorine',
  'Jastrel', 'Kolvane', 'Lumidor', 'Mistrava', 'Norvanti', 'Opalene', 'Pyrandel', 'Quorvex', 'Rhombek', 'Sylvanor', 'Tavorin'];
const INVENTED_RELATIONS = ['Zeta_Link', 'Yonder_Tie', 'Xylo_Bond', 'Wisp_Joint', 'Vanta_Pair', 'Umber_Knot', 'Trill_Hook', 'Sorrel_Clasp', 'Rune_Weld'];

function renamer(names: readonly string[], prefix: string): (old: string) => string {
  const given = new Map<string, string>();
  return (old) => {
    let name = given.get(old);
    if (!name) {
      name = given.size < names.length ? names[given.size] : `${prefix}${given.size}`;
      given.set(old, name);
    }
    return name;
  };
}

/** The field with some part of it replaced. */
function replaced(line: string, field: Field, text: string): string {
  return line.slice(0, field.start) + text + line.slice(field.end);
}

/** Every id part rewritten into one invented namespace (`ONT_000017`), consistently by concept. */
function idRewriter(): (field: string) => string {
  const given = new Map<string, string>();
  return (field) => {
    const ref = parseConceptId(field);
    if (ref.none || ref.variant || ref.atoms.length === 0) return field;
    let out = field;
    for (const atom of [...ref.atoms].sort((a, b) => b.start - a.start)) {
      let id = given.get(atom.key);
      if (!id) given.set(atom.key, (id = `ONT_${String(given.size + 1).padStart(6, '0')}`));
      out = out.slice(0, atom.start) + id + out.slice(atom.end);
    }
    return out;
  };
}

/**
 * The corpus with its entity and relation types renamed, its ids rewritten,
 * every relation listed in both directions, and each title and abstract
 * merged into the title line. Offsets stay valid: the merged line is
 * `title + " " + abstract`, which is what offsets always counted into.
 */
export function withOtherConventions(text: string): string {
  const parsed = parsePubtator(text);
  const lines = text.split('\n');
  const type = renamer(INVENTED, 'Type');
  const relationType = renamer(INVENTED_RELATIONS, 'Rel');
  const id = idRewriter();
  const removed = new Set<number>();
  const after = new Map<number, string[]>();
  for (const doc of parsed.documents) {
    for (const m of doc.mentions) lines[m.line] = rewriteMention(lines[m.line], m, type, id);
    const present = new Set(doc.relations.map((r) => relationKey(r.typeField.text, r.idFields[0]?.text, r.idFields[1]?.text)));
    for (const r of doc.relations) {
      const original = lines[r.line];
      lines[r.line] = rewriteRelation(original, r, relationType, id);
      const [a, b] = [r.idFields[0]?.text, r.idFields[1]?.text];
      if (a === undefined || b === undefined || id(a) === id(b) || present.has(relationKey(r.typeField.text, b, a))) continue;
      present.add(relationKey(r.typeField.text, b, a));
      const fields = lines[r.line].split('\t');
      [fields[2], fields[3]] = [fields[3], fields[2]];
      after.set(r.line, [fields.join('\t')]);
    }
    if (doc.title && doc.abstract && doc.abstract.line === doc.title.line + 1) {
      lines[doc.title.line] = lines[doc.title.line] + ' ' + doc.abstract.text.text;
      removed.add(doc.abstract.line);
    }
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!removed.has(i)) out.push(line);
    for (const extra of after.get(i) ?? []) out.push(extra);
  });
  return out.join('\n');
}

function relationKey(type: string, a: string | undefined, b: string | undefined): string {
  return `${type.trim()}\t${a?.trim()}\t${b?.trim()}`;
}

function rewriteMention(line: string, m: MentionRow, type: (t: string) => string, id: (f: string) => string): string {
  // Right to left, so earlier fields keep their offsets.
  let out = line;
  if (m.idField) out = replaced(out, m.idField, id(m.idField.text));
  if (m.typeField && m.typeField.text.trim() !== '') out = replaced(out, m.typeField, type(m.typeField.text.trim()));
  return out;
}

function rewriteRelation(line: string, r: RelationRow, type: (t: string) => string, id: (f: string) => string): string {
  let out = line;
  for (const f of [...r.idFields].reverse()) out = replaced(out, f, id(f.text));
  return replaced(out, r.typeField, type(r.typeField.text.trim()));
}

/** A seeded defect: the code that must be reported for it, at error level (the typo: warning), and its line. */
export interface Seed {
  what: string;
  code: string;
  line: number;
}

/**
 * Seeds one defect of each kind into distinct documents of a (transformed)
 * corpus: a shifted span, an end that swallows a space, a dangling relation id
 * (in both rows of a pair), a typo in one type, a truncated text. A kind is
 * left out when no document suits it.
 */
export function seedDefects(text: string): { text: string; seeds: Seed[] } {
  const parsed = parsePubtator(text);
  const lines = text.split('\n');
  const seeds: Seed[] = [];
  const used = new Set<PubtatorDocument>();
  const usedLines = new Set<number>();
  /** A document that suits a defect: an unused one, or in a small file, one already used (other rows). */
  const pick = (fits: (d: PubtatorDocument) => boolean, alone = false) => {
    // Spread over the file: start from the middle and go round.
    const docs = parsed.documents;
    const from = Math.floor(docs.length / 2);
    for (let k = 0; k < docs.length; k++) {
      const d = docs[(from + k * 7) % docs.length];
      if (!used.has(d) && !d.continuesPrevious && fits(d)) return (used.add(d), d);
    }
    for (const d of docs) if (!used.has(d) && !d.continuesPrevious && fits(d)) return (used.add(d), d);
    if (alone) return undefined;
    return docs.find((d) => !d.continuesPrevious && fits(d));
  };
  const free = (m: MentionRow) => !usedLines.has(m.line);
  const setOffsets = (m: MentionRow, start: number, end: number) => {
    usedLines.add(m.line);
    lines[m.line] = replaced(replaced(lines[m.line], m.endField, String(end)), m.startField, String(start));
  };
  const clean = (d: PubtatorDocument) => d.astral === false && d.mentions.every((m) => m.start !== undefined && d.text.slice(m.start, m.end) === m.textField.text);

  // A span moved 3 characters on, where it covers something else entirely.
  const shiftable = (d: PubtatorDocument, m: MentionRow) => free(m) && m.end! + 3 <= d.text.length
    && !loose(d.text.slice(m.start! + 3, m.end! + 3), m.textField.text) && m.textField.text.length >= 4
    && !/\s/.test(d.text[m.end! + 2] ?? ' ') && !/\s/.test(d.text[m.start! + 3] ?? ' ');
  const d1 = pick((d) => clean(d) && d.mentions.some((m) => shiftable(d, m)));
  if (d1) {
    const m = d1.mentions.find((x) => shiftable(d1, x))!;
    setOffsets(m, m.start! + 3, m.end! + 3);
    seeds.push({ what: 'shifted span', code: 'text-mismatch', line: m.line });
  }
  // An end that takes in the space after the words.
  const swallows = (d: PubtatorDocument, m: MentionRow) => free(m) && d.text[m.end!] === ' ' && !/\s$/.test(m.textField.text);
  const d2 = pick((d) => clean(d) && d.mentions.some((m) => swallows(d, m)));
  if (d2) {
    const m = d2.mentions.find((x) => swallows(d2, x))!;
    setOffsets(m, m.start!, m.end! + 1);
    seeds.push({ what: 'end swallowing a space', code: 'span-boundary', line: m.line });
  }
  // A relation whose second concept no mention carries, in both rows of the pair.
  const pairOf = (d: PubtatorDocument): [RelationRow, RelationRow] | undefined => {
    for (const r of d.relations) {
      const back = d.relations.find((s) => s !== r && s.typeField.text === r.typeField.text
        && s.idFields[0]?.text === r.idFields[1]?.text && s.idFields[1]?.text === r.idFields[0]?.text);
      if (back && r.idFields[0].text !== r.idFields[1].text) return [r, back];
    }
    return undefined;
  };
  const d3 = pick((d) => clean(d) && pairOf(d) !== undefined);
  if (d3) {
    const [r, back] = pairOf(d3)!;
    lines[r.line] = replaced(lines[r.line], r.idFields[1], 'ONT_999999');
    lines[back.line] = replaced(lines[back.line], back.idFields[0], 'ONT_999999');
    seeds.push({ what: 'dangling id', code: 'dangling-relation-id', line: r.line }, { what: 'dangling id (reverse row)', code: 'dangling-relation-id', line: back.line });
  }
  // A typo in one mention's type (its last two letters swapped), of a type the file uses often.
  const typeUses = new Map<string, number>();
  for (const d of parsed.documents) for (const m of d.mentions) typeUses.set(m.typeField?.text ?? '', (typeUses.get(m.typeField?.text ?? '') ?? 0) + 1);
  const typoable = (m: MentionRow) => free(m) && (typeUses.get(m.typeField?.text ?? '') ?? 0) >= 4 && (m.typeField?.text.length ?? 0) >= 5;
  const d4 = pick((d) => clean(d) && d.mentions.some(typoable));
  if (d4) {
    const m = d4.mentions.find(typoable)!;
    const t = m.typeField!.text;
    usedLines.add(m.line);
    lines[m.line] = replaced(lines[m.line], m.typeField!, t.slice(0, -2) + t[t.length - 1] + t[t.length - 2]);
    seeds.push({ what: 'type typo', code: 'entity-type-typo', line: m.line });
  }
  // A text cut short before its last mentions (at least two, starting after the cut).
  const cutAt = (d: PubtatorDocument): number | undefined => {
    if (d.passages.length !== 1 || !d.title || d.mentions.length < 4) return undefined;
    const starts = [...new Set(d.mentions.map((m) => m.start!))].sort((a, b) => a - b);
    if (starts.length < 4) return undefined;
    const cut = starts[starts.length - 2];
    // Keep at least one mention whole, and cut where the remaining mentions end before the cut.
    return d.mentions.some((m) => m.end! <= cut) ? cut : undefined;
  };
  const d5 = pick((d) => clean(d) && cutAt(d) !== undefined, true);
  if (d5) {
    const cut = cutAt(d5)!;
    lines[d5.title!.line] = replaced(lines[d5.title!.line], d5.title!.text, d5.title!.text.text.slice(0, cut));
    seeds.push({ what: 'truncated text', code: 'truncated-text', line: d5.title!.line });
  }
  return { text: lines.join('\n'), seeds };
}

function loose(a: string, b: string): boolean {
  const f = (s: string) => s.toLowerCase().replace(/[\s\-\u2010-\u2015]/g, '');
  return f(a) === f(b);
}

export function documentsOf(text: string): ParsedFile {
  return parsePubtator(text);
}
