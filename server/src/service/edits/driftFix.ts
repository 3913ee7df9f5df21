// The whole-document correction for an offset drift: every span the drift
// explains moves to where its text is. For a shift, that is the nearest
// occurrence the analysis found; for UTF-8 byte offsets, the same span read
// as bytes and written back as characters. Rows the drift does not explain
// stay as they are.

import { utf8ByteSpan } from '../analysis/utf8Offsets';
import { toOffset } from '../parse/documentText';
import type { MentionRow } from '../parse/model';
import { covers, type FixBuilder } from './fix';
import { replaceField, type TextEdit } from './textEdit';

function moveTo(m: MentionRow, start: number, end: number): TextEdit[] {
  const edits: TextEdit[] = [];
  if (m.start !== start) edits.push(replaceField(m.line, m.startField, String(start)));
  if (m.end !== end) edits.push(replaceField(m.line, m.endField, String(end)));
  return edits;
}

export const driftFix: FixBuilder = (ctx, d) => {
  if (d.code !== 'offset-drift') return [];
  const drift = ctx.analysis.drift;
  if (!drift) return [];
  const edits: TextEdit[] = [];
  let moved = 0;
  for (const r of drift.rows) {
    const m = r.mention;
    let target: { start: number; end: number } | undefined;
    if (drift.kind === 'shift') {
      target = r.nearest;
    } else if (m.start !== undefined && m.end !== undefined) {
      const bytes = utf8ByteSpan(ctx.doc, m.start, m.end);
      if (bytes) target = { start: toOffset(ctx.doc, bytes.start, ctx.unit), end: toOffset(ctx.doc, bytes.end, ctx.unit) };
    }
    // Only a span that then covers the row's text exactly is moved.
    if (!target || !covers(ctx.doc, target.start, target.end, m.textField.text, ctx.unit)) continue;
    const e = moveTo(m, target.start, target.end);
    if (e.length) {
      edits.push(...e);
      moved++;
    }
  }
  if (!moved) return [];
  const what = drift.kind === 'utf8' ? 'Convert UTF-8 byte offsets to characters' : 'Correct the offset drift';
  const rows = `${moved} mention${moved === 1 ? '' : 's'}`;
  return [{ title: `${what} in document ${ctx.doc.id} (${rows})`, edits, preferred: true }];
};
