// Wording shared by the checks that grade a span against its row's text: which
// end of a span is wrong, and the file's habit of writing the covered text
// verbatim (named when a small difference is an error for that reason).

import type { Boundary } from '../analysis/analyseDocument';
import type { Facts } from '../conventions/facts';
import { DEPARTING_SHARE } from '../conventions/nearUniversal';
import type { Span } from '../parse/documentText';
import type { MentionRow } from '../parse/model';
import { quote } from './ranges';

/** Says which end of a span is wrong and where the row's text is. */
export function boundaryMessage(m: MentionRow, span: Span, b: Boundary): string {
  const covered = quote(span.covered);
  const text = quote(m.textField.text);
  if (b.kind === 'space') {
    const where = b.start !== m.start && b.end !== m.end ? 'both ends' : b.start !== m.start ? 'its start' : 'its end';
    return `Offsets ${m.start}-${m.end} cover ${covered}: white space at ${where} that the row's text ${text} does not have; ${b.start}-${b.end} covers the words alone.`;
  }
  if (b.kind === 'end') {
    return `Offsets ${m.start}-${m.end} cover ${covered}, ${span.covered.length < m.textField.text.length ? 'stopping inside' : 'running past'} the row's text ${text}, which ends at ${b.end}.`;
  }
  return `Offsets ${m.start}-${m.end} cover ${covered}, ${span.covered.length < m.textField.text.length ? 'starting inside' : 'starting before'} the row's text ${text}, which starts at ${b.start}.`;
}

/** The habit that makes a small difference an error, with the file's counts. */
export function verbatimHabit(facts: Facts): string {
  const differing = facts.spansMinor + facts.spansUnexplained;
  // The file's own rows show the habit (a small file may be held to it by the format's rule alone).
  if (differing <= DEPARTING_SHARE * facts.spansInRange) {
    return `The file writes the covered text verbatim (in all but ${differing} of its ${facts.spansInRange} spans), so this is no normalisation but a wrong text or span.`;
  }
  // Too few rows to show a habit of their own: the format's rule stands.
  return `The text column holds the covered text verbatim, and this file has too few differing rows (${differing} of its ${facts.spansInRange} spans) to make normalising it a habit.`;
}
