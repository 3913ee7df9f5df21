// How a file writes its rows, so rows brought in from another file look like
// its own: the prefix it gives each id namespace (`MESH:D001241` or bare
// `D001241`), what it writes for "no concept" (`-1`, `-`), and how many columns
// its mention and relation rows have (trailing empty columns the file does not
// use are dropped; a non-empty column is never dropped, nothing is lost).

import type { ConceptAtom, ConceptRef } from '../parse/conceptIds';
import { parseAtom } from '../parse/conceptIds';
import type { Field, ParsedFile } from '../parse/model';
import { classifyRow, splitFields } from '../parse/rows';

export interface RowStyle {
  /** Per namespace of the normalised key (`MESH`, `NCBI`, `CHEBI` ...): the prefix the file writes most. */
  prefixes: Map<string, string>;
  /** The "no concept" id the file writes most. */
  none?: string;
  mentionColumns?: number;
  relationColumns?: number;
}

/** The group an atom's style is learned in: its key's namespace (`MESH:D001241` -> `MESH`), if it has one. */
function keySpace(a: ConceptAtom): string | undefined {
  const colon = a.key.indexOf(':');
  return colon > 0 ? a.key.slice(0, colon) : undefined;
}

class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  add(group: string, value: string): void {
    const g = this.counts.get(group) ?? this.counts.set(group, new Map()).get(group)!;
    g.set(value, (g.get(value) ?? 0) + 1);
  }
  /** The most frequent value per group (the first seen on a tie). */
  modes(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [group, values] of this.counts) {
      let best: [string, number] | undefined;
      for (const [v, n] of values) if (!best || n > best[1]) best = [v, n];
      out.set(group, best![0]);
    }
    return out;
  }
}

export function learnStyle(file: ParsedFile): RowStyle {
  const prefixes = new Tally();
  const other = new Tally();
  const learnRef = (ref: ConceptRef, raw: string) => {
    if (ref.none) other.add('none', raw.trim());
    else for (const a of ref.atoms) {
      const space = keySpace(a);
      if (space) prefixes.add(space, a.prefix);
    }
  };
  for (const doc of file.documents) {
    for (const m of doc.mentions) {
      if (m.idField) learnRef(m.concept, m.idField.text);
      other.add('mention', String(5 + (m.idField ? 1 : 0) + m.extra.length));
    }
    for (const r of doc.relations) {
      r.concepts.forEach((c, i) => learnRef(c, r.idFields[i].text));
      other.add('relation', String(4 + r.extra.length));
    }
  }
  const modes = other.modes();
  const columns = (k: string) => (modes.has(k) ? Number(modes.get(k)) : undefined);
  return { prefixes: prefixes.modes(), none: modes.get('none'), mentionColumns: columns('mention'), relationColumns: columns('relation') };
}

/** A row line (no line end) rewritten in the style; anything else comes back as it is. */
export function restyleRow(line: string, style: RowStyle): string {
  const fields = splitFields(line, 0);
  if (fields.length < 3) return line;
  const row = classifyRow(fields, 0);
  if (row.kind === 'malformed') return line;
  const edits: { start: number; end: number; text: string }[] = [];
  const restyleId = (field: Field | undefined, ref: ConceptRef) => {
    if (!field) return;
    if (ref.none) {
      if (style.none !== undefined && field.text.trim() !== style.none) edits.push({ start: field.start, end: field.end, text: style.none });
      return;
    }
    for (const a of ref.atoms) {
      const space = keySpace(a);
      const prefix = space === undefined ? undefined : style.prefixes.get(space);
      if (prefix === undefined || prefix === a.prefix || a.species !== undefined) continue;
      const written = prefix + a.value;
      // Only a rewrite that names the same concept (the key) is made.
      if (parseAtom(written).key !== a.key) continue;
      const offset = field.start + a.start;
      if (line.slice(offset, offset + a.raw.length) !== a.raw) continue;
      edits.push({ start: offset, end: offset + a.raw.length, text: written });
    }
  };
  if (row.kind === 'mention') restyleId(row.idField, row.concept);
  else row.idFields.forEach((f, i) => restyleId(f, row.concepts[i]));
  let out = line;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // Trailing empty columns beyond the file's layout go (found on the rewritten line).
  const keep = row.kind === 'mention' ? style.mentionColumns : style.relationColumns;
  if (keep !== undefined) {
    const now = splitFields(out, 0);
    let n = now.length;
    while (n > keep && now[n - 1].text.trim() === '') n--;
    if (n < now.length) out = out.slice(0, now[n - 1].end);
  }
  return out;
}
