// Merging annotation files as sets of annotations per document, not as lines.
// Two-way (`mergeTwo`): what both files have, plus each disagreement settled
// by a policy and recorded. Three-way (`mergeThree`, git's merge driver):
// what each side changed since the base, applied to ours; two sides that put
// different annotations in the same slot (the same span, or the same pair of
// ids) conflict, and the conflict is written with git's markers around whole
// rows. The output is ours (A) with rows dropped and inserted: its row order,
// columns, ids and line ends stay as they were, and the rows brought in from
// theirs (B) are rewritten in its id style and column layout (rowStyle.ts);
// a file merged with itself comes back byte for byte.

import { parsePubtator } from '../parse/parseFile';
import { CONFLICT_MARKERS } from '../parse/conflictMarkers';
import { docEntries, signature, stripCr, type DocEntry, type RowEntry } from './docEntries';
import { LinePlan } from './linePlan';
import { learnStyle, restyleRow, type RowStyle } from './rowStyle';

export type Prefer = 'a' | 'b' | 'both' | 'neither';

/** One disagreement of a two-way merge and how it was settled. */
export interface Decision {
  document: string;
  /** `rows`: annotations in one slot; `header`: the passages differ; `document`: only one file has it. */
  kind: 'rows' | 'header' | 'document';
  /** What each file has there, as written (empty: nothing). */
  a: string[];
  b: string[];
  /** Lines (0-based) in each file, of its first such row or line; -1 when it has none. */
  lineA: number;
  lineB: number;
  kept: 'a' | 'b' | 'both' | 'neither';
}

export interface MergeResult {
  text: string;
  /** Two-way: every disagreement, in A's order then B's. */
  decisions: Decision[];
  /** Three-way: conflicts written with markers. */
  conflicts: number;
}

interface Side {
  lines: string[];
  docs: DocEntry[];
  byKey: Map<string, DocEntry>;
  cr: string;
  /** How rows of this side are written into the output (theirs: in ours' style). */
  write: (row: string) => string;
  /** How this side writes its rows (for the other side's rows brought into it). */
  style: () => RowStyle;
}

function side(text: string, into?: Side): Side {
  const file = parsePubtator(text);
  const lines = text.split('\n');
  const docs = docEntries(file, lines);
  const intoStyle = into?.style();
  const write = intoStyle ? (row: string) => restyleRow(row, intoStyle) : (row: string) => row;
  return { lines, docs, byKey: new Map(docs.map((d) => [d.key, d])), cr: file.crlf ? '\r' : '', write, style: () => learnStyle(file) };
}

/** A row as the output writes it; `asWritten` keeps the side's own spelling (for reports). */
const rowText = (s: Side, r: RowEntry, asWritten = false) => (asWritten ? stripCr(s.lines[r.line]) : s.write(stripCr(s.lines[r.line])));
/** A document's lines as the output writes them: its passages as they are, its rows in the output's style. */
const docLines = (s: Side, d: DocEntry, asWritten = false) => {
  const rows = new Set(d.rows.map((r) => r.line));
  return s.lines.slice(d.startLine, d.endLine + 1).map((l, i) => (asWritten || !rows.has(d.startLine + i) ? stripCr(l) : s.write(stripCr(l))));
};

/** How one document pair's differing rows are settled: by the base (three-way) or by a policy (two-way). */
interface Rules {
  /** A row only ours has: dropped (theirs deleted it) or contested (ours added it). */
  oursOnly(r: RowEntry): 'drop' | 'added';
  theirsOnly(r: RowEntry): 'skip' | 'added';
  /** Rows each side added in one slot: which to keep, or a conflict. */
  settle(slot: string, ours: RowEntry[], theirs: RowEntry[]): 'conflict' | { ours: boolean; theirs: boolean };
  /** Differing passages: keep ours, take theirs, or conflict. */
  header(ours: DocEntry, theirs: DocEntry): 'ours' | 'theirs' | 'conflict';
}

function conflictBlock(ours: string[], theirs: string[]): string[] {
  return [CONFLICT_MARKERS.ours, ...ours, CONFLICT_MARKERS.separator, ...theirs, CONFLICT_MARKERS.theirs];
}

/** Merges one document both sides have into the plan of ours; returns the number of conflicts. */
function mergeDocument(plan: LinePlan, o: Side, od: DocEntry, t: Side, td: DocEntry, rules: Rules): number {
  let conflicts = 0;
  if (od.header !== td.header) {
    const h = rules.header(od, td);
    if (h !== 'ours' && od.headerLines.length) {
      const theirs = td.headerLines.map((l) => stripCr(t.lines[l]));
      const ours = od.headerLines.map((l) => stripCr(o.lines[l]));
      plan.replace(od.headerLines[0], h === 'theirs' ? theirs : conflictBlock(ours, theirs));
      for (const l of od.headerLines.slice(1)) plan.drop(l);
      if (h === 'conflict') conflicts++;
    }
  }
  const dropped = new Set<number>();
  const drop = (line: number) => { dropped.add(line); plan.drop(line); };
  const inT = new Set(td.rows.map((r) => r.identity));
  const inO = new Map(od.rows.map((r) => [r.identity, r]));
  const added = new Map<string, { ours: RowEntry[]; theirs: RowEntry[] }>();
  const slot = (s: string) => added.get(s) ?? added.set(s, { ours: [], theirs: [] }).get(s)!;
  for (const r of od.rows) {
    if (inT.has(r.identity)) continue;
    if (rules.oursOnly(r) === 'drop') drop(r.line);
    else slot(r.slot).ours.push(r);
  }
  for (const r of td.rows) if (!inO.has(r.identity) && rules.theirsOnly(r) === 'added') slot(r.slot).theirs.push(r);

  const insert = new Set<RowEntry>();
  for (const [s, { ours, theirs }] of added) {
    const how = rules.settle(s, ours, theirs);
    if (how === 'conflict') {
      conflicts++;
      plan.replace(ours[0].line, conflictBlock(ours.map((r) => rowText(o, r)), theirs.map((r) => rowText(t, r))));
      for (const r of ours) drop(r.line);
      continue;
    }
    if (!how.ours) for (const r of ours) drop(r.line);
    if (how.theirs) for (const r of theirs) insert.add(r);
  }
  // Theirs' new rows go after the row before them in theirs that ours has too (else after ours' passages).
  const firstRow = od.rows[0]?.line;
  const lastHeader = od.headerLines.filter((l) => firstRow === undefined || l < firstRow).pop() ?? od.headerLines.at(-1);
  let anchor: { after: number } | { before: number } = lastHeader !== undefined ? { after: lastHeader } : { before: firstRow ?? od.startLine };
  // A row in a slot where ours keeps one goes right after it (two readings of one span stay together).
  const slotRow = new Map<string, number>();
  for (const r of od.rows) if (!dropped.has(r.line)) slotRow.set(r.slot, r.line);
  for (const r of td.rows) {
    const mine = inO.get(r.identity);
    if (mine) anchor = { after: mine.line };
    else if (insert.has(r)) {
      const beside = slotRow.get(r.slot);
      if (beside !== undefined) {
        plan.insertAfter(beside, [rowText(t, r)]);
        anchor = { after: beside };
      } else if ('after' in anchor) plan.insertAfter(anchor.after, [rowText(t, r)]);
      else plan.insertBefore(anchor.before, [rowText(t, r)]);
    }
  }
  return conflicts;
}

/** Drops a whole document of ours with the blank lines after it (one separator stays between its neighbours). */
function dropDocument(plan: LinePlan, o: Side, d: DocEntry): void {
  const last = o.lines.length - 1;
  let end = d.endLine;
  while (end + 1 < last && stripCr(o.lines[end + 1]).trim() === '') end++;
  for (let l = d.startLine; l <= end; l++) plan.drop(l);
}

/** Inserts documents of theirs (as lines) before ours' next document in theirs' order that ours keeps, else at the end. */
function insertDocuments(plan: LinePlan, o: Side, t: Side, kept: Set<string>, toInsert: Map<string, string[]>): void {
  const keptDocs = o.docs.filter((d) => kept.has(d.key));
  for (let i = 0; i < t.docs.length; i++) {
    const lines = toInsert.get(t.docs[i].key);
    if (!lines) continue;
    const next = t.docs.slice(i + 1).map((d) => o.byKey.get(d.key)).find((d) => d && kept.has(d.key));
    if (next) plan.insertBefore(next.startLine, [...lines, '']);
    else if (keptDocs.length) plan.insertAfter(keptDocs.at(-1)!.endLine, ['', ...lines]);
    else plan.insertBefore(0, [...lines, '']);
  }
}

export function mergeThree(baseText: string, oursText: string, theirsText: string): MergeResult {
  const b = side(baseText);
  const o = side(oursText);
  const t = side(theirsText, o);
  const plan = new LinePlan(o.lines, o.cr);
  let conflicts = 0;
  const kept = new Set<string>();
  const toInsert = new Map<string, string[]>();
  for (const od of o.docs) {
    const td = t.byKey.get(od.key);
    const bd = b.byKey.get(od.key);
    if (td) {
      kept.add(od.key);
      const inB = new Set(bd?.rows.map((r) => r.identity) ?? []);
      conflicts += mergeDocument(plan, o, od, t, td, {
        oursOnly: (r) => (inB.has(r.identity) ? 'drop' : 'added'),
        theirsOnly: (r) => (inB.has(r.identity) ? 'skip' : 'added'),
        settle: (_s, ours, theirs) => (ours.length && theirs.length ? 'conflict' : { ours: true, theirs: true }),
        header: (oh, th) => (bd && th.header === bd.header ? 'ours' : bd && oh.header === bd.header ? 'theirs' : 'conflict'),
      });
    } else if (bd && signature(bd) === signature(od)) {
      dropDocument(plan, o, od); // theirs deleted it, ours left it alone
    } else if (bd) {
      kept.add(od.key); // theirs deleted it, ours changed it
      conflicts++;
      plan.insertBefore(od.startLine, [CONFLICT_MARKERS.ours]);
      plan.insertAfter(od.endLine, [CONFLICT_MARKERS.separator, CONFLICT_MARKERS.theirs]);
    } else kept.add(od.key); // ours added it
  }
  for (const td of t.docs) {
    if (o.byKey.has(td.key)) continue;
    const bd = b.byKey.get(td.key);
    if (!bd) toInsert.set(td.key, docLines(t, td)); // theirs added it
    else if (signature(bd) !== signature(td)) {
      conflicts++; // ours deleted it, theirs changed it
      toInsert.set(td.key, conflictBlock([], docLines(t, td)));
    }
  }
  insertDocuments(plan, o, t, kept, toInsert);
  return { text: plan.render(), decisions: [], conflicts };
}

export function mergeTwo(aText: string, bText: string, prefer: Prefer): MergeResult {
  const a = side(aText);
  const b = side(bText, a);
  const plan = new LinePlan(a.lines, a.cr);
  const keepA = prefer === 'a' || prefer === 'both';
  const keepB = prefer === 'b' || prefer === 'both';
  const decisions: Decision[] = [];
  const kept = new Set<string>();
  const toInsert = new Map<string, string[]>();
  for (const ad of a.docs) {
    kept.add(ad.key);
    const bd = b.byKey.get(ad.key);
    if (!bd) {
      decisions.push({ document: ad.id, kind: 'document', a: docLines(a, ad), b: [], lineA: ad.startLine, lineB: -1, kept: 'a' });
      continue;
    }
    mergeDocument(plan, a, ad, b, bd, {
      oursOnly: () => 'added',
      theirsOnly: () => 'added',
      settle: (_s, ours, theirs) => {
        const has = (rows: RowEntry[], keep: boolean) => rows.length > 0 && keep;
        const k = has(ours, keepA) && has(theirs, keepB) ? 'both' : has(ours, keepA) ? 'a' : has(theirs, keepB) ? 'b' : 'neither';
        decisions.push({
          document: ad.id, kind: 'rows', a: ours.map((r) => rowText(a, r)), b: theirs.map((r) => rowText(b, r, true)),
          lineA: ours[0]?.line ?? -1, lineB: theirs[0]?.line ?? -1, kept: k,
        });
        return { ours: keepA, theirs: keepB };
      },
      header: (ah, bh) => {
        const k = prefer === 'b' ? 'b' : 'a';
        decisions.push({
          document: ad.id, kind: 'header', a: ah.headerLines.map((l) => stripCr(a.lines[l])), b: bh.headerLines.map((l) => stripCr(b.lines[l])),
          lineA: ah.headerLines[0] ?? -1, lineB: bh.headerLines[0] ?? -1, kept: k,
        });
        return k === 'b' ? 'theirs' : 'ours';
      },
    });
  }
  for (const bd of b.docs) {
    if (a.byKey.has(bd.key)) continue;
    toInsert.set(bd.key, docLines(b, bd));
    decisions.push({ document: bd.id, kind: 'document', a: [], b: docLines(b, bd, true), lineA: -1, lineB: bd.startLine, kept: 'b' });
  }
  insertDocuments(plan, a, b, kept, toInsert);
  return { text: plan.render(), decisions, conflicts: 0 };
}
