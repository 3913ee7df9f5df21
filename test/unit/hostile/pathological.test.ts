// Pathological inputs, each checked end to end (parse, every check, and the
// editor features at a few positions): no exception, every range inside the
// document, and a generous bound on time so a hang fails instead of stalling CI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { Diagnostic, Range } from '../../../server/src/service/types';
import { row } from '../../support/build';

const service = createLanguageService();

/** Runs everything on the text; returns the diagnostics. */
function exercise(text: string): Diagnostic[] {
  const lines = text.split('\n');
  const inside = (r: Range) => {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside 0..${lines.length - 1}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} outside line ${p.line}`);
    }
  };
  const file = service.parse(text);
  const diagnostics = service.validate(file);
  for (const unit of ['codepoint', 'utf16'] as const) service.validate(service.parse(text), { unit });
  diagnostics.forEach((d) => inside(d.range));
  const probes = [0, 1, 2, lines.length >> 1, lines.length - 2, lines.length - 1].filter((l) => l >= 0 && l < lines.length);
  for (const line of probes) {
    for (const character of [0, 1, 5, 20, lines[line].length >> 1, lines[line].length]) {
      const p = { line, character };
      const hover = service.hover(file, p);
      if (hover?.range) inside(hover.range);
      service.definition(file, p).forEach(inside);
      service.references(file, p, { includeDeclaration: true }).forEach(inside);
      service.documentHighlights(file, p).forEach((h) => inside(h.range));
    }
  }
  return diagnostics;
}

/** Generous: these must finish in well under a second on a quiet machine. */
const BOUND = { timeout: 60_000 };

test('a 1 MB single line', BOUND, () => {
  exercise('1|t|' + 'word '.repeat(200_000));
  exercise('x'.repeat(1_000_000));
  exercise('\t'.repeat(1_000_000));
  exercise('|'.repeat(1_000_000));
});

test('a 1 MB abstract with 20,000 short mentions, half of them wrong', BOUND, () => {
  const abstract = 'a b '.repeat(250_000);
  const rows = Array.from({ length: 20_000 }, (_, i) => row(1, 2 + i * 4 + (i % 2), 3 + i * 4 + (i % 2), 'a', 'Chemical', `D${String(i).padStart(6, '0')}`));
  const d = exercise(['1|t|', '1|a|' + abstract, ...rows].join('\n'));
  assert.ok(d.length > 0);
});

test('100,000 relation rows in one document, dangling or not', BOUND, () => {
  const mentions = Array.from({ length: 1000 }, (_, i) => row(1, 0, 1, 'T', 'Chemical', `D${String(i).padStart(6, '0')}`));
  const relations = Array.from({ length: 100_000 }, (_, i) =>
    row(1, 'Association', `D${String(i % 1500).padStart(6, '0')}`, `D${String((i * 7) % 1000).padStart(6, '0')}`));
  const d = exercise(['1|t|T', '1|a|', ...mentions, ...relations].join('\n'));
  assert.ok(d.some((x) => x.code === 'dangling-relation-id'));
});

test('100,000 tiny documents', BOUND, () => {
  const docs = Array.from({ length: 100_000 }, (_, i) => `${i}|t|T\n${i}|a|A\n${row(i, 0, 1, 'T', 'Chemical', 'D000001')}`);
  assert.deepEqual(exercise(docs.join('\n\n') + '\n'), []);
});

test('deeply composite ids', BOUND, () => {
  const many = Array.from({ length: 50_000 }, (_, i) => `D${String(i).padStart(6, '0')}`).join('|');
  const variant = Array.from({ length: 20_000 }, (_, i) => `Key${i}:${i}`).join(';');
  exercise(['1|t|T', '1|a|', row(1, 0, 1, 'T', 'Disease', many, many.replace(/D\d+/g, 'T')), row(1, 0, 1, 'T', 'SNP', 'p|SUB|A|1|B;' + variant),
    row(1, 'CID', many, many), row(1, 'Association', 'RS#:1;' + variant, '|'.repeat(10_000))].join('\n'));
});

test('offsets near 2^53, negative, fractional and huge', BOUND, () => {
  const d = exercise(['1|t|Title', '1|a|', row(1, 9007199254740991, 9007199254740992, 'T', 'Other', '-'),
    row(1, '9'.repeat(400), '9'.repeat(401), 'T', 'Other', '-'), row(1, -1, 3, 'Tit', 'Other', '-'), row(1, '1.5', '2e3', 'T', 'Other', '-')].join('\n'));
  assert.ok(d.every((x) => ['bad-offsets', 'offset-out-of-range'].includes(x.code)), d.map((x) => x.code).join());
});

test('NUL bytes, invalid UTF-8 decoded as U+FFFD, lone surrogates', BOUND, () => {
  exercise('1|t|\u0000\u0000\u0000\n1|a|\u0000\n1\t0\t1\t\u0000\tChemical\t\u0000');
  exercise(Buffer.from([0x31, 0x7c, 0x74, 0x7c, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x31, 0x09, 0x30, 0x09, 0x31, 0x09, 0xe2, 0x82]).toString('utf8'));
  exercise('1|t|a\ud800b\udc00c\n1|a|\udfff\n' + row(1, 0, 2, 'a\ud800', 'Chemical', 'D000001') + '\n' + row(1, 1, 3, '\ud800b', 'Chemical', 'D000001'));
});

test('mixed CRLF and LF, stray CR, and a byte-order mark mid-file', BOUND, () => {
  const text = '1|t|Aspirin\r\n1|a|pain\n1\t0\t7\tAspirin\tChemical\tD001241\r\n\r\n\ufeff2|t|Again\n2|a|\r\n2\t0\t5\tAgain\tOther\t-\r';
  const d = exercise(text);
  assert.ok(d.every((x) => x.range.start.line < 8));
});
