// The CLI's pure pieces: cutting bytes into chunks, names to check, argument
// parsing, output formats and the progress bar text.
import { EVERY_CHECK } from '../../../server/src/service/bioc/everyCheck';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../../server/src/cli/args';
import { isPubtatorName } from '../../../server/src/cli/discover';
import { describeError, InputError } from '../../../server/src/cli/errors';
import { formatBytes, formatJson, formatSummaryJson, formatSummaryText, formatText, printable } from '../../../server/src/cli/format';
import { formatChecks } from '../../../server/src/cli/help';
import { renderProgress } from '../../../server/src/cli/progress';
import { Summary } from '../../../server/src/cli/summary';
import { CHECKS } from '../../../server/src/service/checks/index';
import { StreamingValidator } from '../../../server/src/service/streamingValidator';
import { chunkBytes, ByteChunker, type ByteChunk } from '../../../server/src/service/parse/byteChunks';
import fc from 'fast-check';
import { doc, row } from '../../support/build';
import { Severity, lineRange, type Diagnostic } from '../../../server/src/service/types';

/** The chunks of `text` as strings with their first lines, fed `piece` bytes at a time. */
function chunks(text: string, target = 0, piece = 1 << 20): { firstLine: number; text: string; lineCount: number }[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunker = new ByteChunker(target);
  const out: ByteChunk[] = [];
  for (let i = 0; i < bytes.length; i += piece) out.push(...chunker.push(bytes.subarray(i, i + piece)));
  out.push(...chunker.end());
  return out.map((c) => ({ firstLine: c.firstLine, text: Buffer.from(c.bytes).toString('utf8'), lineCount: c.lineCount }));
}

test('chunks end before blank lines (spaces, TABs, CR, BOM) and before title lines, with file line numbers', () => {
  const text = ['1|t|T', '1|a|A', 'row\t1', ' \t\r', '\ufeff', '2|t|T2', '2\t0\t1\tx\tT', '3|title|T3', '3|abstract|A3', '', '', '4\t0\t1\tx\tT'].join('\n');
  assert.deepEqual(chunks(text), [
    { firstLine: 0, text: '1|t|T\n1|a|A\nrow\t1', lineCount: 3 },
    { firstLine: 3, text: ' \t\r', lineCount: 1 },
    { firstLine: 4, text: '\ufeff', lineCount: 1 },
    { firstLine: 5, text: '2|t|T2\n2\t0\t1\tx\tT', lineCount: 2 },
    { firstLine: 7, text: '3|title|T3\n3|abstract|A3', lineCount: 2 },
    { firstLine: 9, text: '', lineCount: 1 },
    { firstLine: 10, text: '\n4\t0\t1\tx\tT', lineCount: 2 },
  ]);
  // Abstract and other passage lines never start a chunk; a row after a blank line does not either.
  assert.equal(chunks('1|t|T\n1\t0\t1\tx\tT\n1|a|late\n1|body|B').length, 1);
  // With a target size, chunks gather documents and end at the next boundary after it.
  assert.deepEqual(chunks(text, 20).map((c) => c.firstLine), [0, 4, 7, 9]);
  assert.deepEqual(chunks(text, 1000), [{ firstLine: 0, text, lineCount: 12 }]);
  // An empty input is one empty chunk; a final newline stays in the last chunk.
  assert.deepEqual(chunks(''), [{ firstLine: 0, text: '', lineCount: 1 }]);
  assert.deepEqual(chunks('1|t|T\n').map((c) => c.text), ['1|t|T', '']);
});

test('chunks joined by newlines are the input byte for byte, however the bytes arrive', () => {
  const LINES = ['', ' ', '\r', '\ufeff', '1|t|A b', '1|a|C', '2|title|X', 'é|t|Ü', '1\t0\t1\tA\tT\tX', '1\tR\tX\tY', 'junk', '\u{1F600}|t|x'];
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), fc.boolean(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 17 }),
    (lines, finalNewline, target, piece) => {
      const text = lines.join('\n') + (finalNewline ? '\n' : '');
      const got = chunks(text, target, piece);
      assert.equal(got.map((c) => c.text).join('\n'), text);
      let line = 0;
      for (const c of got) {
        assert.equal(c.firstLine, line);
        assert.equal(c.lineCount, c.text.split('\n').length);
        line += c.lineCount;
      }
      // Every chunk after the first starts with a blank line or a title line.
      for (const c of got.slice(1)) assert.match(c.text.split('\n')[0], /^[ \t\r\ufeff]*$|^[^\t|]+\|(t|title)\|/);
      assert.deepEqual(chunkBytes(Buffer.from(text, 'utf8'), target).map((c) => c.firstLine), got.map((c) => c.firstLine));
    },
  ), { numRuns: 500 });
});

test('names found in folders: *.pubtator, *PubTator*.txt in any case, and their .gz', () => {
  for (const name of ['a.pubtator', 'b.PubTator', 'CDR_Train.PubTator.txt', 'x_PUBTATOR_1.TXT', 'a.pubtator.gz', 'c.PubTator.txt.GZ']) {
    assert.equal(isPubtatorName(name), true, name);
  }
  for (const name of ['notes.txt', 'a.pubtator.bak', 'pubtator.md', 'a.gz', 'README.md', 'pubtator']) {
    assert.equal(isPubtatorName(name), false, name);
  }
});

test('the command line: commands, options, and usage errors that say what is valid', () => {
  const defaults = { kind: 'check', format: 'text', severities: {}, quiet: false, maxWarnings: -1 };
  assert.deepEqual(parseCommandLine(['check', 'a', 'b']), { ...defaults, paths: ['a', 'b'] });
  assert.deepEqual(parseCommandLine(['check', '--json', '--offsets', 'utf16', '--severity', 'text-mismatch=warning', '--severity=duplicate-document=off', 'x']),
    { ...defaults, paths: ['x'], format: 'json', unit: 'utf16', severities: { 'text-mismatch': 'warning', 'duplicate-document': 'off' } });
  assert.deepEqual(parseCommandLine(['checks']), { kind: 'checks', json: false });
  assert.deepEqual(parseCommandLine(['--help']), { kind: 'help' });
  assert.deepEqual(parseCommandLine(['check', '-V']), { kind: 'version' });
  const usage = (argv: string[]) => {
    const c = parseCommandLine(argv);
    assert.equal(c.kind, 'usage', argv.join(' '));
    return c.kind === 'usage' ? c.message : '';
  };
  assert.match(usage([]), /no command/);
  assert.match(usage(['file.pubtator']), /pubtator check file\.pubtator/);
  assert.match(usage(['check']), /at least one file/);
  assert.match(usage(['check', '--offsets', 'bytes', 'x']), /codepoint or utf16/);
  assert.match(usage(['check', '--bogus', 'x']), /--bogus/);
  assert.match(usage(['checks', 'extra']), /no arguments/);
  for (const bad of ['nope=error', 'text-mismatch=loud', 'text-mismatch']) {
    const message = usage(['check', '--severity', bad, 'x']);
    for (const c of CHECKS) assert.ok(message.includes(c.code), `${bad}: lists ${c.code}`);
  }
});

const DIAG: Diagnostic = {
  range: lineRange(3, 5, 9), severity: Severity.Error, code: 'text-mismatch', message: 'Offsets cover "a\nb"', source: 'pubtator',
};

test('text lines are 1-based and one line per diagnostic; JSON keeps LSP positions', () => {
  assert.equal(formatText('dir/f.pubtator', DIAG), 'dir/f.pubtator:4:6: error text-mismatch Offsets cover "a?b"');
  assert.deepEqual(JSON.parse(formatJson('f', { ...DIAG, severity: Severity.Hint })), {
    file: 'f', line: 3, character: 5, endLine: 3, endCharacter: 9, severity: 'hint', code: 'text-mismatch', message: 'Offsets cover "a\nb"',
  });
  assert.equal(printable('a\u001b[31mb\tc'), 'a?[31mb?c');
});

test('documents are counted once across continuation blocks; the summary lists codes by count', () => {
  const s = new Summary();
  const rows = [row(7, 0, 1, 'A', 'Chemical', 'X'), row(7, 0, 1, 'A', 'Chemical', 'Y'), row(7, 'Association', 'X', 'Y')];
  // Two passage blocks of PMID 7 (NLM-Chem) are one document; then PMID 8.
  const input = [doc('7', 'A', '', ...rows), doc('7', 'B', '', ...rows), doc('8', 'C', '', ...rows)].join('\n\n');
  s.addCounts(new StreamingValidator().validateBlock(input, 0).counts);
  s.addDiagnostics([DIAG, DIAG, { ...DIAG, severity: Severity.Warning, code: 'duplicate-document' }]);
  s.files = 2;
  s.textBytes = 3 * 1024 * 1024;
  s.rawBytes = s.textBytes;
  s.elapsedMs = 1500;
  assert.deepEqual([s.documents, s.mentions, s.relations, s.errors, s.warnings], [2, 6, 3, 2, 1]);
  const text = formatSummaryText(s, (code) => (code === 'text-mismatch' ? 'error' : 'warning'));
  assert.match(text, /^Checked 2 files, 3\.0 MB: 2 documents, 6 mentions, 3 relations\.$/m);
  assert.match(text, /^2 errors, 1 warning, 0 information, 0 hints\.$/m);
  assert.ok(text.indexOf('text-mismatch') < text.indexOf('duplicate-document'));
  assert.match(text, /Elapsed 1\.50 s, 2\.0 MB\/s\./);
  const json = JSON.parse(formatSummaryJson(s));
  assert.deepEqual(json.summary.codes, { 'text-mismatch': 2, 'duplicate-document': 1 });
  assert.equal(json.summary.mbPerSecond, 2);
  assert.equal(formatBytes(1536), '1.5 KB');
});

test('the progress bar shows share, sizes, rate and ETA, and fits the terminal', () => {
  const MB = 1024 * 1024;
  const line = renderProgress({ done: 25 * MB, total: 100 * MB, elapsedMs: 5000, label: 'big.pubtator', width: 120 });
  assert.match(line, /^\[#####---------------\] {2}25% 25\.0\/100\.0 MB {2}5\.0 MB\/s {2}ETA 0:15 {2}big\.pubtator$/);
  assert.match(renderProgress({ done: 3 * MB, elapsedMs: 1000, label: '-', width: 80 }), /^3\.0 MB {2}3\.0 MB\/s {2}-$/);
  const narrow = renderProgress({ done: 1, total: 2, elapsedMs: 1, label: 'dir/'.repeat(50) + 'file.pubtator', width: 100 });
  assert.equal(narrow.length, 99);
  assert.match(narrow, / {2}…[dir/]*file\.pubtator$/);
  assert.ok(renderProgress({ done: 1, total: 2, elapsedMs: 1, label: 'x', width: 20 }).length <= 19);
});

test('read errors become short reasons, not stack traces', () => {
  assert.equal(describeError(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })), 'no such file or directory');
  assert.equal(describeError(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' })), 'not valid gzip data (incorrect header check)');
  assert.equal(describeError(new InputError('binary data')), 'binary data');
  assert.equal(describeError('odd'), 'odd');
});

test('`checks` lists every code (the PubTator checks, then BioC\'s) with its default level and description', () => {
  const table = formatChecks(false).trimEnd().split('\n');
  assert.equal(table.length, EVERY_CHECK.length);
  EVERY_CHECK.forEach((c, i) => assert.match(table[i], new RegExp(`^${c.code} +${c.defaultSeverity} +\\S`)));
  const json = formatChecks(true).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(json.map((j) => j.code), EVERY_CHECK.map((c) => c.code));
});
