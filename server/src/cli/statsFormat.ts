// `pubtator stats` output: aligned tables for people, or one JSON object.

import { guessUnit, type CorpusStats } from '../service/features/corpusStats';
import type { InputProblem } from './discover';
import { formatBytes, printable } from './format';
import { count as formatCount } from './numbers';

export interface FileStats {
  file: string;
  stats: CorpusStats;
  /** Lines with at least one problem. */
  problemRows: number;
  /** Distinct concepts per entity type. */
  concepts: Record<string, number>;
}

export interface StatsReport {
  files: FileStats[];
  total: CorpusStats;
  concepts: Record<string, number>;
  problemRows: number;
  /** Problems per code, in all. */
  problems: Map<string, number>;
  /** Bytes of text read. */
  bytes: number;
  unreadable: InputProblem[];
}

/** Lines of content: passages and rows (mentions, relations, malformed lines). */
export function rowsOf(s: CorpusStats): number {
  return s.passages + s.mentions + s.relations + s.malformed;
}

const UNIT_NAMES = { codepoint: 'code points', utf16: 'UTF-16 units', utf8: 'UTF-8 bytes' } as const;

const n = formatCount;

function count(value: number, word: string): string {
  return `${n(value)} ${word}${value === 1 ? '' : 's'}`;
}

function share(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p === 0 ? '0' : p < 0.01 ? '<0.01' : p < 10 ? p.toFixed(2) : p.toFixed(1)}%`;
}

function byCount(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function layoutName(markers: string): string {
  return markers.split(' ').join('+');
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(head: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

export function unitLine(units: CorpusStats['units']): string {
  const guess = guessUnit(units);
  if (!guess) return 'Offsets: no mention tells the unit (none sits past a character where code points, UTF-16 units and UTF-8 bytes differ); all three agree here.';
  // Without characters outside the BMP, code points and UTF-16 units always agree.
  const name = guess !== 'utf8' && units.codepoint === units.utf16 ? 'code points or UTF-16 units (no character outside the BMP tells them apart)' : UNIT_NAMES[guess];
  return `Offset unit: ${name}, by the mentions that tell units apart (${n(units.codepoint)} fit code points, ${n(units.utf16)} UTF-16 units, ${n(units.utf8)} UTF-8 bytes).`;
}

export function formatStatsText(r: StatsReport): string {
  const t = r.total;
  const out: string[] = [];
  const layouts = byCount(t.layouts).map(([k, v]) => `${layoutName(k)} ${n(v)}`).join(', ');
  out.push(`${count(r.files.length, 'file')}, ${formatBytes(r.bytes)}: ${count(t.documents, 'document')}, `
    + `${count(t.passages, 'passage')} (${layouts || 'none'}), ${count(t.mentions, 'mention')}, ${count(t.relations, 'relation')}.`);
  out.push(unitLine(t.units));
  const rows = rowsOf(t);
  const problems = byCount(Object.fromEntries(r.problems)).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  out.push(`Rows with problems: ${n(r.problemRows)} of ${n(rows)} (${share(r.problemRows, rows)})${problems ? `: ${problems}` : ''}.`);
  const types = byCount(Object.fromEntries(Object.entries(t.types).map(([k, v]) => [k, v.mentions])));
  if (types.length) {
    out.push('');
    out.push(...table(['Entity type', 'Mentions', 'Concepts', 'Id namespaces'], types.map(([type, mentions]) => [
      printable(type), n(mentions), n(r.concepts[type] ?? 0),
      byCount(t.types[type].namespaces).map(([k, v]) => `${printable(k)} ${n(v)}`).join(', '),
    ]), [false, true, true, false]));
  }
  const relations = byCount(t.relationTypes);
  if (relations.length) {
    out.push('');
    out.push(...table(['Relation type', 'Relations'], relations.map(([k, v]) => [printable(k), n(v)]), [false, true]));
  }
  if (r.files.length > 1) {
    out.push('');
    out.push(...table(['File', 'Documents', 'Mentions', 'Relations', 'Rows with problems'], r.files.map((f) => [
      printable(f.file), n(f.stats.documents), n(f.stats.mentions), n(f.stats.relations), share(f.problemRows, rowsOf(f.stats)),
    ]), [false, true, true, true, true]));
  }
  if (r.unreadable.length) out.push('', `${r.unreadable.length} input${r.unreadable.length === 1 ? '' : 's'} could not be read (see the messages on stderr).`);
  return out.join('\n') + '\n';
}

function plain(s: CorpusStats, concepts: Record<string, number>, problemRows: number) {
  return {
    documents: s.documents,
    passages: s.passages,
    layouts: s.layouts,
    mentions: s.mentions,
    relations: s.relations,
    malformed: s.malformed,
    entityTypes: Object.fromEntries(Object.entries(s.types).map(([k, v]) => [k, { mentions: v.mentions, concepts: concepts[k] ?? 0, namespaces: v.namespaces }])),
    relationTypes: s.relationTypes,
    offsets: { unit: guessUnit(s.units) ?? null, votes: s.units },
    rows: rowsOf(s),
    rowsWithProblems: problemRows,
  };
}

export function formatStatsJson(r: StatsReport): string {
  return JSON.stringify({
    files: r.files.map((f) => ({ file: f.file, ...plain(f.stats, f.concepts, f.problemRows) })),
    total: { ...plain(r.total, r.concepts, r.problemRows), problems: Object.fromEntries(r.problems), bytes: r.bytes },
    unreadable: r.unreadable.map((p) => ({ file: p.path, reason: p.reason })),
  }) + '\n';
}
