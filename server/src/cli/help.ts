// The --help text and the `checks` listing.

import { CHECKS } from '../service/checks/index';

export const HELP = `Usage:
  pubtator check [options] FILE_OR_FOLDER...   check PubTator files
  pubtator checks [--json]                      list the check codes, default levels, descriptions
  pubtator compare [options] GOLD PREDICTED     score PREDICTED against GOLD (see below)
  pubtator --help | --version

Files named on the command line are checked whatever their name; folders are
searched recursively for *.pubtator, *PubTator*.txt (any case) and the .gz of
those. .gz files are decompressed as they are read. - reads stdin.
Files are read as a stream, document by document, so size is not limited by memory.

Options for check:
  --json                 one JSON object per line instead of text:
                         {"file","line","character","endLine","endCharacter",
                          "severity","code","message"}, lines and characters
                         0-based in UTF-16 units as in LSP; the last line is
                         {"summary": {files, unreadable, documents, mentions,
                          relations, errors, warnings, information, hints,
                          codes, bytes, bytesOnDisk, elapsedSeconds, mbPerSecond}}
  --severity CODE=LEVEL  set one check's level (repeatable); LEVEL is error,
                         warning, information, hint or off (see: pubtator checks)
  --offsets UNIT         how mention offsets count characters: codepoint
                         (default; Python tools) or utf16 (Java, JavaScript)
  --mesh PATH            check MeSH ids against MeSH (repeatable): PATH is a
                         MeSH index built before (by --mesh or the editor), or
                         NLM's MeSH files as downloaded from NLM: descriptors
                         desc2025.xml or d2025.bin, supplementary records
                         supp2025.xml or c2025.bin, gzipped or not. Files are
                         indexed once into $XDG_CACHE_HOME/pubtator (default
                         ~/.cache/pubtator) and reused while unchanged. Turns
                         on unknown-mesh-id (warning); mesh-name-mismatch is
                         off unless --severity mesh-name-mismatch=LEVEL
  -h, --help             this text
  -V, --version          the version

Text output: path:line:column: severity code message (line and column 1-based,
the column in UTF-16 units as editors count), then a summary. Messages about
unreadable inputs go to stderr. A progress bar is drawn on stderr when it is a
terminal and the run takes more than a second.

Exit status: 0 no error-level diagnostic; 1 errors found; 2 bad usage or an
input could not be read (missing, permission denied, corrupt .gz, binary data,
not PubTator at all, a folder link loop; the other inputs are still checked,
and 2 wins over 1);
3 internal error.

Options for compare (GOLD and PREDICTED: a file, a folder as check reads
them, or - for stdin; documents pair by id, the k-th occurrence of an id
with the k-th):
  --json                 one JSON object per line: {"level","type","tp","fp",
                         "fn","precision","recall","f1"} per level (mention,
                         concept, relation) and type, type "*" the micro total,
                         "*macro" the macro mean; a score with a zero
                         denominator is null; a final {"summary": …} line
  --details              one line per false positive and false negative (and
                         per document only one side has) with file, line and
                         document, printed as documents are compared
  --match exact|overlap  mentions match on the same start, end and type
                         (default), or on overlapping spans of the same type,
                         each GOLD mention matched at most once
  --documents all|intersection
                         score documents only one side has (default: their
                         items count as FN or FP), or shared documents only
  --entity-types A,B     only these entity types (mention and concept levels)
  --relation-types A,B   only these relation types (relation level)
  --symmetric A,B        relation types whose two ids are an unordered pair
                         (default: BioRED's types; others are ordered)
  --directed A,B         relation types whose ids are ordered (CID already is)

Compare reads both inputs in step, one document pair at a time, while they list
documents in the same order; when they do not, it says so on stderr and holds
the smaller input's documents in memory. Exit status: 0, or 2 for bad usage or
an input that could not be read.

Memory: the checker runs under a heap budget (128 MB; PUBTATOR_HEAP_MB=N to
change it, 0 to lift it), so its memory stays flat whatever the input's size.
A single document too large for the budget stops the run with a message.
`;

/** `pubtator checks`: an aligned table, or one JSON object per line. */
export function formatChecks(json: boolean): string {
  if (json) {
    return CHECKS.map((c) => JSON.stringify({ code: c.code, defaultSeverity: c.defaultSeverity, description: c.description })).join('\n') + '\n';
  }
  const width = Math.max(...CHECKS.map((c) => c.code.length));
  const levelWidth = Math.max(...CHECKS.map((c) => c.defaultSeverity.length));
  return CHECKS.map((c) => `${c.code.padEnd(width)}  ${c.defaultSeverity.padEnd(levelWidth)}  ${c.description}`).join('\n') + '\n';
}
