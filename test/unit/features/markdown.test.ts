import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeSpan, escapeMarkdown, link, MAX_SHOWN } from '../../../server/src/service/features/markdown';
import { assertInert, loadRenderer, render } from './render';

const HOSTILE = [
  '[x](command:evil)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'a `tick` b',
  '``double`` and ` lone',
  '`',
  '*bold* _em_ **x** __y__ ~~z~~',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '| a | b |',
  'https://evil.example/x and www.evil.example',
  '[ref]: https://evil.example',
  '![img](https://evil.example/a.png)',
  '&amp; &lt; &#60; &#x3C;',
  'back\\slash \\* \\`',
  'line\rbreak\u2028sep\u0000nul',
  ':smile: {curly} (paren) !bang +plus =eq ^caret $dollar %pct @at ?q',
  'TNF-α 😀 Ketamine',
];

describe('markdown escaping', () => {
  before(loadRenderer);

  for (const text of HOSTILE) {
    it(`shows ${JSON.stringify(text)} as plain text`, () => {
      const shown = assertInert(escapeMarkdown(text));
      // eslint-disable-next-line no-control-regex -- the controls the escaping replaces
      assert.equal(shown.trim(), text.replace(/[\u0000-\u001f\u2028]/g, '\ufffd').trim());
    });

    it(`keeps ${JSON.stringify(text)} inside one code span`, () => {
      const md = codeSpan(text);
      const html = render(md);
      assertInert(md);
      assert.equal((html.match(/<code>/g) ?? []).length, 1, html);
      const inner = /<code>([\s\S]*)<\/code>/.exec(html)![1];
      assert.equal(inner.includes('<'), false, 'no tag inside the code span');
    });
  }

  it('a link label from the file cannot become a second link', () => {
    const md = link('[x](command:evil)', 'https://www.ncbi.nlm.nih.gov/gene/5444');
    const html = render(md);
    assert.equal((html.match(/<a /g) ?? []).length, 1);
    assert.match(html, /href="https:\/\/www\.ncbi\.nlm\.nih\.gov\/gene\/5444"/);
    assert.equal(assertInert(md).trim(), '[x](command:evil)');
  });

  it('refuses a URL that is not https or holds a space or parenthesis', () => {
    assert.equal(link('x', 'command:evil'), 'x');
    assert.equal(link('x', 'https://a.example/ b'), 'x');
    assert.equal(link('x', 'https://a.example/)'), 'x');
  });

  it('a code span keeps leading and trailing spaces and backticks', () => {
    for (const text of [' a ', '`a`', 'a`', ' `']) {
      const inner = /<code>([\s\S]*)<\/code>/.exec(render(codeSpan(text)))![1];
      assert.equal(inner.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'), text);
    }
  });

  it('says so for empty and blank code', () => {
    assert.equal(codeSpan(''), '*(empty)*');
    assert.equal(codeSpan(' '), '*(a space)*');
    assert.equal(codeSpan('   '), '*(3 spaces)*');
  });

  it('cuts long text with an ellipsis, never splitting a surrogate pair into garbage', () => {
    const long = 'x'.repeat(MAX_SHOWN - 1) + '😀' + 'y'.repeat(50);
    const shown = escapeMarkdown(long);
    assert.ok(shown.endsWith('\ufffd…'), shown.slice(-5));
    assert.ok(shown.length < long.length);
    assert.ok(codeSpan('z'.repeat(1000)).length < 300);
  });

  it('never emits raw < > & from the text', () => {
    const md = escapeMarkdown('<b>&</b>');
    assert.equal(/[<>]|&(?!amp;|lt;|gt;)/.test(md), false, md);
  });
});
