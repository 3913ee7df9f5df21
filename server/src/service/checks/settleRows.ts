// The one way held rows are reported: row by row while a habit is broken by
// at most HOLD_LIMIT rows, else once, at the first of them, with the count
// and the first rows as related information (that many rows are one cause).

import { HOLD_LIMIT, type HeldItem } from '../conventions/held';
import type { ReportExtra, SettleContext, SettleGroup } from './check';

/** Rows shown as related information of a summary. */
export const SUMMARY_RELATED = 20;

export interface Worded {
  message: string;
  extra?: ReportExtra;
}

export function reportRows(
  ctx: SettleContext, code: string, group: SettleGroup,
  row: (item: HeldItem) => Worded, summary: (count: number) => string,
  /** One cause whatever the count: the summary even for few rows. */
  once = false,
  /** What the summary stands for, for counts of rows with problems (stats): by default `rows`, the held rows. */
  covers: Record<string, unknown> = { rows: group.count },
): void {
  if (!once && group.count <= HOLD_LIMIT) {
    for (const item of group.items) {
      const worded = row(item);
      ctx.report(code, item.range, worded.message, worded.extra);
    }
    return;
  }
  if (!ctx.inScope(group.first.range)) return;
  const related = group.items.slice(0, SUMMARY_RELATED).map((item) => ({ range: item.range, message: row(item).message }));
  ctx.report(code, group.first.range, summary(group.count), { related, data: covers });
}

/** The held item's own wording, for checks that word rows when they hold them. */
export function asHeld(item: HeldItem): Worded {
  return { message: item.message ?? '', extra: { related: item.related, data: item.data } };
}
