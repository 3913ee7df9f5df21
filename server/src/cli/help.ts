// The --help text and the `checks` listing.

import { EVERY_CHECK } from '../service/bioc/everyCheck';

/** The one line said after a usage mistake. */
export const USAGE_LINE = 'Usage: pubtator check|stats|compare|schema|checks [options] FILE_OR_FOLDER...';

export const HELP = `Usage:
  pubtator check [options] FILE_OR_FOLDER...   check PubTator files
  pubtator stats [options] FILE_OR_FOLDER...   what the files hold: documents, passages, mentions
                                                and distinct concepts per entity type, relations per
                                                type, id namespaces, the offset unit, rows with problems
  pubtator checks [--json]                      list the check codes, default levels, descriptions
  pubtator schema FILE                          print FILE's conventions as a pubtator.schema.json
  pubtator compare [options] GOLD PREDICTED     score PREDICTED against GOLD (see below)
  pubtator agree [options] A B [C ...]          agreement between annotators: pairwise F1 per
                                                level and type, token kappa (docs/agreement.md)
  pubtator merge A B -o OUT [--prefer a|b|both|neither] [--json]
                                                merge two annotators' files as sets of annotations
                                                per document; each disagreement settled by --prefer
                                                (default neither: left out) and reported
  pubtator merge --git BASE OURS THEIRS [PATH]  git merge driver (%O %A %B %P): result into OURS,
                                                exit 1 with conflicts marked (docs/merge.md)
  pubtator convert IN [-o OUT] [--to FORMAT]    PubTator <-> BioC XML/JSON (FORMAT: pubtator,
                                                bioc-xml, bioc-json; see docs/bioc.md); a progress
                                                bar on a terminal's stderr (-q, --quiet: none);
                                                --jobs N, -j N: BioC XML to PubTator on this
                                                thread and N-1 workers, the same output (default:
                                                every core but one, so one thread on 2 cores,
                                                where the split does not pay)
  pubtator fetch ID... [-o OUT] [--format FORMAT] [--ids-from FILE]
                                                documents with their annotations from PubTator3's
                                                export API (PMIDs; PMCIDs for full text in BioC),
                                                100 a request, 3 requests a second; ids not
                                                returned named on stderr, exit 1; answers kept 7
                                                days in ~/.cache/pubtator/fetch (--no-cache,
                                                --cache-dir DIR, --cache-max-age DAYS; docs/fetch.md)
  pubtator --help | --version

Files named on the command line are checked whatever their name; folders are
searched recursively for *.pubtator, *PubTator*.txt (any case), other .txt,
.tsv and .tab files whose first line is ID|t|… or ID|a|…, and the .gz of
those. Data files a folder holds that are none of these are counted and named
on stderr; a folder with nothing to check is an error (status 2).
--include GLOB (repeatable; check, stats and compare) checks the file names
GLOB matches whatever their content ('*.txt', 'CDR_*'; * and ? as in a shell).
.gz files, and gzip data on stdin, are decompressed as they are read. - reads stdin.
Files are read as a stream, document by document, so size is not limited by memory.
BioC XML and JSON files (told by their content; in folders, their .xml/.json
files) are read too: check, stats and compare run on their projection onto
PubTator (docs/bioc.md), so compare takes a BioC GOLD and a PubTator PREDICTED;
stats counts the problems check reports (bioc-* among them), and compare
--details names a BioC file's differences by their elements' line:column.

Options for check:
  --format FORMAT, -f    text (default), json, sarif or github:
                         text: path:line:column: severity code message
                         json: one JSON object per line:
                         {"file","line","character","endLine","endCharacter",
                          "severity","code","message"}, lines and characters
                         0-based in UTF-16 units as in LSP; the last line is
                         {"summary": {files, unreadable, documents, mentions,
                          relations, errors, warnings, information, hints,
                          codes, bytes, bytesOnDisk, elapsedSeconds, mbPerSecond}}
                         sarif: one SARIF 2.1.0 log (GitHub code scanning and
                         other tools); information and hints are notes
                         github: GitHub Actions workflow commands
                         (::error file=…,line=…,col=…::message), so a pull
                         request shows each problem on its line; then the summary
  --json                 the same as --format json
  --quiet, -q            report errors only; checks below error level are not
                         run (with --max-warnings, warnings are run and counted
                         but not printed)
  --max-warnings N       exit with status 1 when there are more than N warnings
                         (-1, the default: no limit)
  --fix                  apply every fix that is safe without a human (the
                         preferred quick fix of each problem, taken only when
                         it adds no problem of any kind), print what was fixed,
                         then check the files again and print what is left.
                         A file is replaced (a temporary file renamed over it)
                         only when something changed; line ends, a BOM and
                         every byte no fix touched are kept. .gz files and
                         stdin need --output; a file that is not UTF-8 is
                         left alone
  --fix-dry-run          print a unified diff of what --fix would change (for
                         patch or git apply) and write nothing; the fixes are
                         listed on stderr; exit status 1 when there is any
  --output PATH, -o      with --fix and one input: write the fixed text to
                         PATH (gzipped when it ends in .gz; - for stdout)
  --jobs N, -j N         threads checking at once (default: every core; every
                         core but one for BioC; BioC XML is split by documents
                         between this thread and N-1 workers); at most one
                         thread for every 32 MB of input, as a thread compiles
                         the checker for itself and a smaller share does not
                         repay it. Files are cut into chunks of
                         whole documents, so one large file is checked on all
                         threads too; the output is the same, byte for byte
                         and in the same order, as with
                         --jobs 1. Each thread has the heap budget below
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
  --schema PATH          the corpus schema for every input; without it, each
                         input's nearest pubtator.schema.json above it (above
                         the current folder for stdin) applies, as in the
                         editor. Its check levels and offset unit apply unless
                         --severity and --offsets say otherwise; files it
                         ignores are skipped when found in a folder. A schema
                         with problems is used as far as it can be, and the
                         run ends with status 2
  --color, --no-color    severities in colour, or not (default: in colour when
                         stdout is a terminal, unless NO_COLOR is set;
                         FORCE_COLOR=1 forces it)
  -h, --help             this text
  -V, --version          the version

Options for stats: --json (one JSON object: per file and in all), --jobs N,
--offsets UNIT and --severity CODE=LEVEL as for check.

Text output: path:line:column: severity code message (line and column 1-based,
the column in UTF-16 units as editors count), then a summary. Messages about
unreadable inputs go to stderr. check, stats and compare draw a progress bar on
stderr when it is a terminal and the run takes more than a second.

Exit status: 0 no error-level diagnostic (and no more warnings than
--max-warnings allows); 1 errors found, or too many warnings; 2 bad usage or an
input could not be read (missing, permission denied, corrupt .gz, binary data,
not PubTator at all, a folder link loop, a folder with nothing to check; the other inputs are still checked,
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

Options for agree: compare's --match, --documents, --entity-types,
--relation-types, --symmetric and --directed, and
  --json                 one JSON object per line: compare's, with "a" and "b"
                         (the two files), then {"level":"token","type",
                         "measure","tokens","observed","expected","kappa"}
                         (type "*" over all labels, else one type against the rest)
  --by-document          the same figures for each document first (JSON lines
                         carry "document")

Compare reads both inputs in step, one document pair at a time, while they list
documents in the same order; when they do not, it says so on stderr and holds
the smaller input's documents in memory. Exit status: 0, or 2 for bad usage or
an input that could not be read.

Memory: the checker runs under a heap budget (128 MB; PUBTATOR_HEAP_MB=N to
change it, 0 to lift it), and so does each of its threads, so its memory stays
flat whatever the input's size.
A single document too large for the budget stops the run with a message.
Inputs known to be small (files and folders under 32 MB in all) are checked
without the budget, which starts faster; setting PUBTATOR_HEAP_MB keeps it.
`;

/** `pubtator checks`: an aligned table, or one JSON object per line. */
export function formatChecks(json: boolean): string {
  if (json) {
    return EVERY_CHECK.map((c) => JSON.stringify({ code: c.code, defaultSeverity: c.defaultSeverity, description: c.description })).join('\n') + '\n';
  }
  const width = Math.max(...EVERY_CHECK.map((c) => c.code.length));
  const levelWidth = Math.max(...EVERY_CHECK.map((c) => c.defaultSeverity.length));
  return EVERY_CHECK.map((c) => `${c.code.padEnd(width)}  ${c.defaultSeverity.padEnd(levelWidth)}  ${c.description}`).join('\n') + '\n';
}
