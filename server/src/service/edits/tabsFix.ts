// A mention row separated by spaces instead of TABs: rewrite it with TABs.
// Built from the fresh parse of the row, never from what a client sent.

import { rowAt } from '../features/locate';
import type { FixBuilder } from './fix';
import { replaceField } from './textEdit';

export const tabsFix: FixBuilder = (ctx, d) => {
  if (d.code !== 'malformed-line') return [];
  const row = rowAt(ctx.doc, d.range.start.line);
  if (!row || row.kind !== 'malformed' || row.tabbed === undefined || row.fields.length !== 1) return [];
  return [{
    title: 'Separate the columns of this mention row with TABs',
    edits: [replaceField(row.line, row.fields[0], row.tabbed)],
    preferred: true,
  }];
};
