import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  flattenSpans, MISMATCH_MODIFIER, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken,
} from '../../../server/src/service/features/semanticTokens';
import type { OffsetUnit } from '../../../server/src/service/types';
import { repoRoot } from '../../support/paths';
import { doc, file, row } from '../../support/build';
import { ASTRAL, BC5CDR, HOSTILE, lines, PUBTATOR3, service } from './support';

const TYPE = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i]));

/** Tokens as readable strings: `line:text type[+mismatch]`. */
function shown(text: string, options: { unit?: OffsetUnit; from?: number; to?: number } = {}): string[] {
  const all = text.split('\n');
  const range = options.from === undefined ? undefined
    : { start: { line: options.from, character: 0 }, end: { line: options.to ?? options.from, character: 0 } };
  return service.semanticTokens(service.parse(text), { unit: options.unit, range }).map((t) =>
    `${t.line}:${all[t.line].slice(t.character, t.character + t.length)} ${TOKEN_TYPES[t.type]}${t.modifiers & MISMATCH_MODIFIER ? '+mismatch' : ''}`);
}

/** Tokens never overlap, stay on one line inside it, and come sorted. */
function assertWellFormed(text: string, tokens: SemanticToken[]): void {
  const all = text.split(/\r?\n/);
  let previous: SemanticToken | undefined;
  for (const t of tokens) {
    assert.ok(t.length > 0, 'no empty token');
    assert.ok(t.line >= 0 && t.line < all.length, `token line ${t.line}`);
    assert.ok(t.character >= 0 && t.character + t.length <= all[t.line].length, `token inside line ${t.line}`);
    assert.ok(t.type >= 0 && t.type < TOKEN_TYPES.length);
    if (previous) {
      assert.ok(previous.line < t.line || previous.character + previous.length <= t.character,
        `tokens overlap or are out of order: ${JSON.stringify(previous)} ${JSON.stringify(t)}`);
    }
    previous = t;
  }
}

describe('semantic tokens', () => {
  it('colours each mention span of the title and abstract by its entity family', () => {
    assert.deepEqual(shown(PUBTATOR3).slice(0, 11), [
      '0:Paraoxonase-1 pubtatorGene',
      '0:CCL2 pubtatorGene',
      '0:COVID-19 pubtatorDisease',
      '1:PON1 pubtatorGene',
      '1:L55M pubtatorVariant',
      '1:rs854560 pubtatorVariant',
      '1:COVID-19 pubtatorDisease',
      '1:PON1 pubtatorGene',
      '1:CCL2 pubtatorGene',
      '1:patients pubtatorSpecies',
      '16:COVID-19 pubtatorDisease',
    ]);
  });

  it('flattens nested mentions: the innermost span wins, the outer one colours the rest', () => {
    const text = file(doc('1', 'BRAF V600E mutation in melanoma', '',
      row(1, 0, 19, 'BRAF V600E mutation', 'SequenceVariant', 'p|SUB|V|600|E'),
      row(1, 0, 4, 'BRAF', 'Gene', '673'),
      row(1, 23, 31, 'melanoma', 'Disease', 'D008545')));
    assert.deepEqual(shown(text), ['0:BRAF pubtatorGene', '0: V600E mutation pubtatorVariant', '0:melanoma pubtatorDisease']);
    // BC5CDR composite: `Crohn disease` sits inside `Ulcerative colitis and Crohn disease`.
    assert.deepEqual(shown(BC5CDR).slice(0, 2), ['0:Ulcerative colitis and  pubtatorDisease', '0:Crohn disease pubtatorDisease']);
  });

  it('splits a partial overlap: the shorter span wins, the first one on a tie', () => {
    const text = file(doc('1', 'alpha beta gamma', '',
      row(1, 0, 10, 'alpha beta', 'Chemical', 'C1'),
      row(1, 6, 16, 'beta gamma', 'Gene', 'G1'),
      row(1, 11, 16, 'gamma', 'Species', '9606')));
    // `alpha beta` and `beta gamma` are as long: the first row wins; `gamma` is shorter than both.
    assert.deepEqual(shown(text), ['0:alpha beta pubtatorChemical', '0:  pubtatorGene', '0:gamma pubtatorSpecies']);
  });

  it('splits a span across the title/abstract join, leaving the joining space out', () => {
    const text = file(doc('1', 'Acute kidney', 'injury after cisplatin.',
      row(1, 6, 19, 'kidney injury', 'Disease', 'D058186'),
      row(1, 26, 35, 'cisplatin', 'Chemical', 'D002945')));
    assert.deepEqual(shown(text), ['0:kidney pubtatorDisease', '1:injury pubtatorDisease', '1:cisplatin pubtatorChemical']);
  });

  it('marks a wrong span with the mismatch modifier, on the text it covers and on the row', () => {
    const text = file(doc('1', 'Ketamine and depression', undefined,
      row(1, 0, 8, 'Ketamine', 'Chemical', 'D007649'),
      row(1, 12, 22, 'depression', 'Disease', 'D003866'),
      row(1, 90, 99, 'far away', 'Disease', 'D1'),
      row(1, 'x', 4, 'bad', 'Gene', '1'),
      row(1, 13, 23, 'DEPRESSION', 'Disease', 'D003866')));
    assert.deepEqual(shown(text), [
      '0:Ketamine pubtatorChemical',
      // 12-22 and 13-23 are as long: the earlier row wins the overlap, the later one keeps `n`.
      '0: depressio pubtatorDisease+mismatch',
      '0:n pubtatorDisease', // a case-only difference is not wrong
      '2:depression pubtatorDisease+mismatch',
      '3:far away pubtatorDisease+mismatch',
      '4:bad pubtatorGene+mismatch',
    ]);
  });

  it('answers a range request with the tokens of those lines only, parsing no other document', () => {
    const text = PUBTATOR3 + '\n' + BC5CDR;
    const parsed = service.parse(text);
    const tokens = service.semanticTokens(parsed, { range: { start: { line: 16, character: 0 }, end: { line: 16, character: 99 } } });
    assert.deepEqual(tokens.map((t) => t.line), [16]);
    assert.deepEqual(parsed.documents.map((d) => d.materialized), [false, true, false]);
    assert.deepEqual(shown(PUBTATOR3, { from: 1, to: 1 }).length, 7);
    assert.deepEqual(shown(PUBTATOR3, { from: 2, to: 15 }), [], 'mention rows get no token when their span is right');
  });

  it('counts offsets in code points or UTF-16 units, as set', () => {
    assert.deepEqual(shown(ASTRAL), ['0:😀 pubtatorOther', '0:Ketamine pubtatorChemical', '1:ketamine pubtatorChemical']);
    const utf16 = shown(ASTRAL, { unit: 'utf16' });
    assert.ok(utf16.every((t) => t.endsWith('+mismatch')), JSON.stringify(utf16));
    const python = file(doc('1', '😀 drug', '', row(1, 2, 6, 'drug', 'Chemical', 'D1')));
    const java = file(doc('1', '😀 drug', '', row(1, 3, 7, 'drug', 'Chemical', 'D1')));
    assert.deepEqual(shown(python), ['0:drug pubtatorChemical']);
    assert.deepEqual(shown(java, { unit: 'utf16' }), ['0:drug pubtatorChemical']);
  });

  it('is empty, never throws and stays well formed on odd input', () => {
    assert.deepEqual(shown(''), []);
    assert.deepEqual(shown('\n\n'), []);
    for (const text of [HOSTILE, lines('1|t|x', '1\t0', 'junk'), '1|t|a\r\n1|a|b\r\n1\t0\t1\ta\tGene\t1\r\n', '\ufeff1|t|ab\n1\t0\t2\tab\tGene\t1\n']) {
      for (const unit of ['codepoint', 'utf16'] as const) assertWellFormed(text, service.semanticTokens(service.parse(text), { unit }));
    }
    const odd = [undefined, { start: { line: -5, character: 0 }, end: { line: 2, character: 0 } }, { start: { line: 9, character: 0 }, end: { line: 1, character: 0 } }];
    for (const range of odd) assert.doesNotThrow(() => service.semanticTokens(service.parse(PUBTATOR3), { range: range as never }));
    assert.deepEqual(service.semanticTokens(service.parse(PUBTATOR3), { range: { start: { line: 'x' }, end: {} } as never }), []);
  });

  it('stays well formed for any mix of spans (property)', () => {
    const span = fc.record({ start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 30 }), type: fc.integer({ min: 0, max: 6 }) });
    fc.assert(fc.property(fc.array(span, { maxLength: 12 }), fc.boolean(), (spans, join) => {
      const title = 'abcdefghijklmnopqrst';
      const abstract = join ? 'uvwxyz 0123456789 ABCDEFGHIJ' : '';
      const rows = spans.map((s, i) => row(1, s.start, s.start + s.length, 'x', ['Chemical', 'Gene', 'Species', 'SNP', 'Disease', 'CellLine', 'Thing'][s.type], `D${i}`));
      const text = file(doc('1', title, abstract, ...rows));
      const parsed = service.parse(text);
      assertWellFormed(text, service.semanticTokens(parsed));
      assertWellFormed(text, service.semanticTokens(parsed, { unit: 'utf16' }));
    }), { numRuns: 300 });
  });
});

describe('flattenSpans', () => {
  it('gives each covered character to the shortest span over it (property)', () => {
    const span = fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 20 }) });
    fc.assert(fc.property(fc.array(span, { maxLength: 15 }), (raw) => {
      const spans = raw.map((s, i) => ({ start: s.start, end: s.start + s.length, type: i, modifiers: 0 }));
      const out = flattenSpans(spans);
      for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].end <= out[i].start, 'sorted, disjoint');
      for (let x = 0; x < 60; x++) {
        const covering = spans.filter((s) => s.start <= x && x < s.end);
        const owner = out.find((s) => s.start <= x && x < s.end);
        if (covering.length === 0) {
          assert.equal(owner, undefined);
          continue;
        }
        const best = covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
        assert.equal(owner?.type, best.type, `character ${x}`);
      }
    }), { numRuns: 500 });
  });
});

describe('semantic token legend in package.json', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const grammar = readFileSync(join(repoRoot, 'syntaxes', 'pubtator.tmLanguage.json'), 'utf8');

  it('declares every token type and modifier the server uses, with a super type', () => {
    assert.deepEqual(manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id), [...TOKEN_TYPES]);
    for (const t of manifest.contributes.semanticTokenTypes) assert.ok(t.superType && t.description, t.id);
    assert.deepEqual(manifest.contributes.semanticTokenModifiers.map((t: { id: string }) => t.id), [...TOKEN_MODIFIERS]);
    assert.equal(TYPE.pubtatorChemical, 0);
  });

  it('maps each type to the grammar scope of its family, so every theme colours it', () => {
    const [entry] = manifest.contributes.semanticTokenScopes;
    assert.equal(entry.language, 'pubtator');
    for (const type of TOKEN_TYPES) {
      const scopes: string[] = entry.scopes[type];
      assert.ok(scopes?.length, `${type} has scopes`);
      for (const scope of scopes) assert.ok(grammar.includes(`"${scope}"`), `${scope} is a scope of the grammar`);
      assert.deepEqual(entry.scopes[`${type}.mismatch`], ['invalid.illegal.mismatch.pubtator']);
    }
    assert.equal(manifest.contributes.configurationDefaults['[pubtator]']['editor.semanticHighlighting.enabled'], true);
  });
});
