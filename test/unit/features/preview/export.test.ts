// The exports: self-contained HTML and SVG of one document, safe whatever the
// file holds, and the same for the same document.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BC5CDR, BIORED, HOSTILE, lines, PUBTATOR3, service } from '../support';
import { assertSafeMarkup } from './markupCheck';
import { wrapPassage } from '../../../../server/src/service/features/preview/exportSvg';
import { modelAt } from './support';

function exported(text: string, format: 'html' | 'svg', line = 0): string {
  const e = service.previewExport(service.parse(text), line, format);
  assert.ok(e);
  assert.equal(e.format, format);
  return e.content;
}

describe('preview exports', () => {
  for (const format of ['html', 'svg'] as const) {
    it(`${format}: escapes hostile text in every column and stays well-formed, with nothing that runs`, () => {
      const out = exported(HOSTILE, format);
      assertSafeMarkup(out, format);
      assert.doesNotMatch(out, /<script|<img|<svg onload/i);
      assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/, 'the hostile text is shown, escaped');
      assert.ok(!out.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '').includes('http://'), 'no remote resource');
    });

    it(`${format}: draws the highlights, the legend and the graph of a real-looking document`, () => {
      for (const text of [BC5CDR, BIORED, PUBTATOR3]) {
        const out = exported(text, format);
        assertSafeMarkup(out, format);
        assert.equal(out, exported(text, format), 'the same document gives the same export');
      }
      const out = exported(BC5CDR, format);
      assert.match(out, /Ulcerative colitis and /);
      assert.match(out, /Crohn disease/);
      assert.match(out, /CID/);
      assert.match(out, /Chemical 2/);
      assert.match(out, /no mention carries this id/, 'the dangling node says so');
    });
  }

  it('svg: replaces characters XML forbids', () => {
    const bell = String.fromCharCode(7);
    const out = exported(lines(`1|t|bell${bell} and \ud800 lone`, '1|a|'), 'svg');
    assert.ok(!out.includes(bell) && !out.includes('\ud800'));
    assert.match(out, /bell\ufffd and \ufffd lone/);
  });

  it('html: links a PMID to PubMed, and an id that is not one to nothing', () => {
    assert.match(exported(BC5CDR, 'html'), /<a href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/1000\/">1000<\/a>/);
    assert.doesNotMatch(exported(lines('BC8_Doc1|t|x', 'BC8_Doc1|a|'), 'html'), /<a /);
  });

  it('svg: wraps a passage at the width, keeping every character and each word whole', () => {
    const text = lines(`1|t|${'word '.repeat(60)}supercalifragilisticexpialidocious${'x'.repeat(300)}`, '1|a|');
    const doc = modelAt(text);
    const wrapped = wrapPassage(doc.passages[0], 14, false, 300);
    assert.ok(wrapped.length > 5);
    for (const line of wrapped) {
      const last = line.pieces[line.pieces.length - 1];
      assert.ok(last.x + last.width <= 300 + 0.01, 'inside the width');
    }
    const joined = wrapped.map((l) => l.pieces.map((p) => p.text).join('')).join(' ').replace(/ +/g, ' ');
    assert.equal(joined.replace(/ /g, ''), doc.passages[0].segments.map((s) => s.text).join('').replace(/ /g, ''));
  });

  it('gives no export for a file without documents', () => {
    assert.equal(service.previewExport(service.parse('\n\n'), 0, 'html'), undefined);
  });
});
