// A mention row written with spaces where TABs belong (a common mistake of
// generated files): `ID START END TEXT TYPE [CONCEPT]`. The text may hold
// spaces itself; its length is what the offsets say (end - start), so the
// split is unambiguous: after the text come the type and, optionally, one
// concept id, neither with a space.

const HEAD = /^([^\s|]+) +(\d+) +(\d+) +/;
const TAIL = /^ +(\S+)(?: +(\S+))? *$/;

/** The row's fields, when a line without TABs reads as a mention row separated by spaces. */
export function spacedMentionFields(line: string): string[] | undefined {
  if (line.includes('\t')) return undefined;
  const head = HEAD.exec(line);
  if (!head) return undefined;
  const start = Number(head[2]);
  const end = Number(head[3]);
  if (!(end > start)) return undefined;
  const rest = line.slice(head[0].length);
  // Offsets may count code points; the text is then longer in UTF-16 units.
  for (const length of textLengths(rest, end - start)) {
    const text = rest.slice(0, length);
    const tail = TAIL.exec(rest.slice(length));
    if (text.trim() === text && text !== '' && tail) {
      return [head[1], head[2], head[3], text, tail[1], ...(tail[2] !== undefined ? [tail[2]] : [])];
    }
  }
  return undefined;
}

/** UTF-16 lengths of `rest`'s first `count` characters: as UTF-16 units, and as code points when they differ. */
function textLengths(rest: string, count: number): number[] {
  const lengths = [count];
  let units = 0;
  for (let i = 0; i < count && units < rest.length; i++) units += (rest.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
  if (units !== count) lengths.push(units);
  return lengths;
}

/**
 * Whether a line without TABs starts as a mention row separated by spaces
 * (ID, two offsets, then at least text and type), even when the offsets do not
 * tell where its text ends (then there is no fix, only the message).
 */
export function looksSpaced(line: string): boolean {
  if (line.includes('\t')) return false;
  const head = HEAD.exec(line);
  return head !== null && line.slice(head[0].length).trim().split(/ +/).length >= 2;
}

/** The line with TABs between the fields. */
export function tabbedLine(fields: readonly string[]): string {
  return fields.join('\t');
}
