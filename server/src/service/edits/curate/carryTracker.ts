// Keystrokes add up to one text correction: the tracker of one open document
// keeps the parse from before the first of a run of edits on one passage line
// (the rows are still those the text was annotated with) and the run composed
// into one change, so the carry of the latest version shifts the rows by the
// whole run. Any other edit (one elsewhere, or the carry itself being applied)
// ends the run.

import { documentAt, rowAt } from '../../features/locate';
import type { ParsedFile } from '../../parse/model';
import type { OffsetUnit } from '../../types';
import { rowText } from '../textEdit';
import { carryAnnotations, composeLineChanges, type Carry, type LineChange, type TextChange } from './carryAnnotations';

export class CarryTracker {
  private run: { base: ParsedFile; line: number; change: LineChange; version: number } | undefined;

  /**
   * Takes an edit about to be applied (`before` is the parse it is made on, `version` the one
   * it makes) and answers the carry of everything typed on the line since the run began, per
   * unit; undefined when the edit is not inside a passage's text.
   */
  edit(before: ParsedFile, change: TextChange, version: number, units: readonly OffsetUnit[]): Map<OffsetUnit, Carry> | undefined {
    const { start, end } = change.range;
    if (start.line !== end.line || /[\r\n]/.test(change.text)) {
      this.run = undefined;
      return undefined;
    }
    const next: LineChange = { start: start.character, end: end.character, text: change.text };
    const run = this.run;
    let base = before;
    let combined = next;
    if (run && run.line === start.line && run.version === version - 1) {
      const doc = documentAt(run.base, run.line);
      const row = doc && rowAt(doc, run.line);
      if (row) {
        base = run.base;
        combined = composeLineChanges(rowText(row).replace(/^\ufeff/, ''), run.change, next);
      }
    }
    const range = { start: { line: start.line, character: combined.start }, end: { line: start.line, character: combined.end } };
    const byUnit = new Map<OffsetUnit, Carry>();
    for (const unit of units) {
      const carry = carryAnnotations(base, { range, text: combined.text }, unit);
      if (!carry) {
        this.run = undefined;
        return undefined;
      }
      byUnit.set(unit, carry);
    }
    this.run = { base, line: start.line, change: combined, version };
    return byUnit;
  }
}
