import type { DocumentCheck } from './check';
import { offsetsRange, quote } from './ranges';
import type { MentionSpanCheck } from '../analysis/analyseDocument';

export const offsetDrift: DocumentCheck = {
  code: 'offset-drift',
  defaultSeverity: 'error',
  description: 'Several spans in one document are off by one shift that stays or grows (or offsets count UTF-8 bytes): reported once, not row by row.',
  document(doc, ctx) {
    const drift = ctx.analysis(doc).drift;
    if (!drift) return;
    const rows = drift.rows;
    const first = rows[0].mention;
    const related = rows.map((r) => ({ range: offsetsRange(r.mention), message: describeRow(r) }));
    const anchor = doc.title ? { start: { line: doc.title.line, character: doc.title.docId.start }, end: { line: doc.title.line, character: doc.title.docId.end } } : offsetsRange(first);
    if (drift.kind === 'utf8') {
      ctx.report('offset-drift', anchor,
        `Offsets in document ${doc.id} count UTF-8 bytes, not characters: ${rows.length} spans after a non-ASCII character are late by the extra bytes, from offset ${first.start} on.`,
        { related, data: { kind: 'utf8', starts: rows.map((r) => r.mention.start) } });
      return;
    }
    const shifts = rows.map((r) => r.nearest!.shift);
    const from = shifts[0];
    const to = shifts[shifts.length - 1];
    const amount = from === to ? `by ${signed(from)}` : `by ${signed(from)}, growing to ${signed(to)}`;
    ctx.report('offset-drift', anchor,
      `Offsets in document ${doc.id} drift ${amount} characters from offset ${first.start} on: ${rows.length} spans match their text only when shifted (the text sits ${from > 0 ? 'later' : 'earlier'} than stated).`,
      { related, data: { kind: 'shift', shifts: rows.map((r) => ({ start: r.mention.start, shift: r.nearest!.shift })) } });
  },
};

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function describeRow(r: MentionSpanCheck): string {
  const m = r.mention;
  const covered = r.span ? quote(r.span.covered) : 'nothing (past the end)';
  return `${m.start}-${m.end} covers ${covered}, row says ${quote(m.textField.text)}` + (r.nearest ? ` (found at ${r.nearest.start}-${r.nearest.end})` : '');
}
