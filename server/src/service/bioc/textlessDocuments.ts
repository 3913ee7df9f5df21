// Documents with annotations but no passage text at all: a stand-off file
// whose writer left the text out (the Python `bioc` package's PubTator
// converter writes annotations at document level and no passage). Nothing can
// be checked against text there: the projection tells it in one finding per
// such document (told once per file: oncePerFile.ts), not one per annotation
// location, and the PubTator text checks of the empty title it writes are
// left out.

/** The finding's code. */
export const TEXTLESS_DOCUMENT = 'bioc-document-without-text';

/** PubTator checks about a document's text, left out on a text-less document's title line. */
export const TEXT_CODES: ReadonlySet<string> = new Set(['truncated-text', 'offset-drift']);
