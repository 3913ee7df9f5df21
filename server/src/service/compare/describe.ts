// Differences in words, for the command line's details and the editor's
// messages. `names` say how to call each side ("GOLD"/"PREDICTED" on the
// command line, "the reference"/"this file" in the editor). Lines are shown
// 1-based, as people count them. Untrusted text is quoted (JSON style), so a
// message stays one line whatever the file holds.

import type { Difference, Note } from './model';

export interface SideNames {
  gold: string;
  predicted: string;
}

export function quoted(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

/** What the item is: `Disease 27-37 "depression"`, `Disease MESH:D003866`, `CID D008750 D003866`. */
export function itemLabel(d: Difference): string {
  switch (d.level) {
    case 'mention':
      return `${d.type} ${d.start}-${d.end} ${quoted(d.text ?? '')}`;
    case 'concept':
      return `${d.type} ${d.id}`;
    case 'relation':
      return `${d.type} ${d.ids![0]} ${d.ids![1]}`;
  }
}

/** What the other side has close to the item, as a clause (with its line, unless `withLine` is false); empty when nothing. */
export function noteText(note: Note | undefined, other: string, withLine = true): string {
  if (!note) return '';
  const text = clause(note, other);
  return withLine ? `${text} (line ${note.otherLine + 1})` : text;
}

function clause(note: Note, other: string): string {
  switch (note.kind) {
    case 'wrong-type':
      return `${other} has ${note.otherType} on the same span`;
    case 'boundary':
      return `${other} has ${note.start}-${note.end} ${quoted(note.text)}`;
    case 'overlap':
      return `${other} has an overlapping ${note.otherType} at ${note.start}-${note.end}`;
    case 'reversed':
      return `${other} has it with the ids the other way round`;
    case 'other-relation-type':
      return `${other} relates the same ids as ${note.otherType}`;
  }
}

/** One line: `FP mention Disease 27-37 "depression" in document 26094; GOLD has ...`. */
export function describeDifference(d: Difference, names: SideNames): string {
  const other = d.kind === 'fp' ? names.gold : names.predicted;
  const note = noteText(d.note, other);
  const first = d.level === 'concept' && d.text !== undefined ? ` (first mention ${quoted(d.text)})` : '';
  return `${d.kind.toUpperCase()} ${d.level} ${itemLabel(d)}${first} in document ${d.document}${note ? '; ' + note : ''}`;
}
