// One note for a file whose text column is not the covered text as a habit:
// it holds normalised names (`Neoplasms` where the span reads `tumor`), or the
// covered text normalised in case, dashes, spaces or Greek spelling. The rows
// that follow the habit are then not reported one by one; spans whose text
// sits a few characters away still are (text-mismatch).

import type { Check } from './check';
import { quote } from './ranges';

const EXAMPLES = 5;

export const normalisedTextColumn: Check = {
  code: 'normalised-text-column',
  defaultSeverity: 'information',
  description: 'The file\'s text column holds normalised names, or normalised spellings, rather than the covered text, as a habit: said once for the file instead of once per row.',
  settles: ['text-mismatch', 'text-minor'],
  settle(ctx) {
    const { learned } = ctx;
    if (learned.textColumn !== 'names' && learned.textColumn !== 'normalised') return;
    const names = learned.textColumn === 'names';
    const group = [...ctx.groups(names ? 'text-mismatch' : 'text-minor')][0];
    if (!group || !ctx.inScope(group.first.range)) return;
    const f = learned.facts;
    const share = `${names ? f.spansUnexplained : f.spansMinor} of ${f.spansInRange} spans`;
    const example = exampleOf(group.first.data);
    const message = names
      ? `The text column of this file holds normalised names rather than the text the offsets cover: ${share} differ from their row's text and no shift of a few characters explains them${example}. Those rows are not reported one by one; spans whose text sits a few characters away still are.`
      : `The text column of this file is normalised: ${share} differ from their row's text only in case, dashes, spaces or Greek spelling${example}. Those rows are not reported one by one.`;
    const related = group.items.slice(0, EXAMPLES).map((item) => ({ range: item.range, message: item.message ?? '' }));
    ctx.report('normalised-text-column', group.first.range, message, { related });
  },
};

function exampleOf(data: Record<string, unknown> | undefined): string {
  return typeof data?.covered === 'string' ? ` (here the span covers ${quote(data.covered)})` : '';
}
