// Whether a file is PubTator by how it begins, for files whose name says
// nothing (a folder of `.txt` corpora is common): its first non-blank line is
// a passage line, `ID|t|…` or `ID|a|…` (or tmVar's `title`/`abstract`).

/** Bytes worth reading to decide: a title line usually fits well within. */
export const SNIFF_BYTES = 1024;

const FIRST_PASSAGE = /^[^\t|\n\r]+\|(?:t|a|title|abstract)\|/;

/** Whether `head` (the start of a file, possibly cut mid-line) begins like a PubTator file. */
export function startsLikePubtator(head: string): boolean {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    return FIRST_PASSAGE.test(line);
  }
  return false;
}

// Names worth a look at their content when found in a folder: plain text and
// TAB-separated data, and names that nearly say PubTator (`results.pubtatur`).
// Other files (JSON, Markdown, code, images) are not data to check.
const DATA_NAME = /\.(?:txt|tsv|tab)$|pubtat/i;

/** Whether a file found in a folder (its name without `.gz`) may hold PubTator data whatever its name. */
export function mayHoldPubtator(nameWithoutGz: string): boolean {
  return !nameWithoutGz.startsWith('.') && DATA_NAME.test(nameWithoutGz);
}
