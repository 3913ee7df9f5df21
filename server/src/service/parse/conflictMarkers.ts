// Git's conflict markers, as a merge writes them around whole rows and as
// the parser recognises them: seven <, =, | or > at the start of a line, then
// nothing or a space and a label. Such a line is not a PubTator line at all.

export const CONFLICT_MARKERS = {
  ours: '<<<<<<< ours',
  separator: '=======',
  theirs: '>>>>>>> theirs',
} as const;

/** `<` opens a conflict, `|` starts the base's version (diff3), `=` separates, `>` closes. */
export type ConflictMarker = '<' | '|' | '=' | '>';

const MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?\r?$/;

export function conflictMarker(line: string): ConflictMarker | undefined {
  const m = MARKER.exec(line);
  return m ? (m[1][0] as ConflictMarker) : undefined;
}
