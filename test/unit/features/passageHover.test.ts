import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { ASTRAL, at, BC5CDR, HOSTILE, PUBTATOR3, service, textOf } from './support';
import { assertInert, loadRenderer } from './render';

function hoverAt(text: string, lineStart: string, needle: string, delta = 0, unit?: 'codepoint' | 'utf16') {
  return service.hover(service.parse(text), at(text, lineStart, needle, delta), { unit });
}

describe('hover on a word of the title or abstract', () => {
  before(loadRenderer);

  it('lists the mention row covering the word: line, type, id and text', () => {
    const h = hoverAt(PUBTATOR3, '34205807|a|', 'L55M', 1);
    assert.ok(h);
    assert.match(h.contents, /Covered by 1 mention row/);
    assert.match(h.contents, /line 7 · ProteinMutation · `tmVar:p\|SUB\|L\|55\|M;HGVS:p\.L55M;/);
    assert.match(h.contents, /· `L55M`/);
    assert.equal(textOf(PUBTATOR3, h.range!), 'L55M');
    assertInert(h.contents);
  });

  it('lists nested mentions innermost first, and the range is the innermost span', () => {
    const h = hoverAt(BC5CDR, '1000|t|', 'Crohn', 2);
    assert.ok(h);
    assert.match(h.contents, /Covered by 2 mention rows, innermost first/);
    const lines = h.contents.split('\n').filter((l) => l.startsWith('- '));
    assert.match(lines[0], /^- line 4 · Disease · `D006311` · `Crohn disease`$/);
    assert.match(lines[1], /^- line 3 · Disease · `D014786\|D006311` · `Ulcerative colitis and Crohn disease`$/);
    assert.equal(textOf(BC5CDR, h.range!), 'Crohn disease');
  });

  it('counts the cursor just after a word as on it, and gives nothing between mentions', () => {
    assert.ok(hoverAt(PUBTATOR3, '34205807|t|', ' and', 0), 'just after Paraoxonase-1');
    assert.equal(hoverAt(PUBTATOR3, '34205807|t|', 'and', 1), undefined);
  });

  it('says when a row\'s offsets cover other text than it claims', () => {
    const text = file(doc('1', 'Ketamine and depression', '', row(1, 9, 17, 'Ketamine', 'Chemical', 'D007649')));
    const h = hoverAt(text, '1|t|', 'and');
    assert.ok(h);
    assert.match(h.contents, /its offsets cover `and depr`, not its text/);
  });

  it('covers a span across the title/abstract join on both lines', () => {
    const text = file(doc('1', 'Acute kidney', 'injury here.', row(1, 6, 19, 'kidney injury', 'Disease', 'D058186')));
    const onTitle = hoverAt(text, '1|t|', 'kidney');
    const onAbstract = hoverAt(text, '1|a|', 'injury');
    assert.equal(textOf(text, onTitle!.range!), 'kidney');
    assert.equal(textOf(text, onAbstract!.range!), 'injury');
  });

  it('follows the offset unit past astral characters', () => {
    assert.match(hoverAt(ASTRAL, '3000|a|', 'ketamine', 2)!.contents, /line 4 · Chemical/);
    // Counted in UTF-16 units the same offsets fall two units early.
    assert.match(hoverAt(ASTRAL, '3000|a|', 'ketamine', 2, 'utf16')!.contents, /its offsets cover `😀 ketam`, not its text/);
  });

  it('escapes hostile file text', () => {
    const h = hoverAt(HOSTILE, '<svg onload=alert(1)>|t|', 'command', 0);
    assert.ok(h);
    const visible = assertInert(h.contents);
    assert.ok(visible.includes('[x](command:evil)'), visible);
  });
});
