// The comparison view's page: built from the server's summary model, every
// text escaped, no script, a Content Security Policy that allows only its own
// nonce'd style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summaryHtml, type SummaryModel } from '../../../client/src/compareSummaryHtml';
import { summaryModel } from '../../../server/src/service/compare/editorView';
import { compare, doc, file } from './support';

function model(): SummaryModel {
  const c = compare(file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'D1']])), file(doc('1', [[0, 9, 'Lidocaine', '<img src=x onerror=alert(1)>', 'D1']]), doc('"2&', [])));
  return summaryModel(c, { current: '<b>mine</b>.pubtator', reference: 'gold\'s.pubtator' });
}

test('a table per comparison with counts and scores per level and type, micro and macro rows', () => {
  const html = summaryHtml([model()], 'vscode-resource:', 'abc123');
  assert.match(html, /<tr class="" data-level="mention" data-type="Chemical"><th scope="row">mention<\/th><td class="type">Chemical<\/td><td>0<\/td><td>0<\/td><td>1<\/td><td>–<\/td><td>0\.0000<\/td><td>0\.0000<\/td><\/tr>/);
  assert.match(html, /data-type="\*"><th scope="row">mention<\/th><td class="type">all \(micro\)<\/td><td>0<\/td><td>1<\/td><td>1<\/td>/);
  assert.match(html, /all \(macro\)/);
  assert.match(html, /1 document only in this file \(&quot;2&amp;\), scored as false positives/);
});

test('untrusted text is escaped, there is no script, and the CSP allows only the nonce\'d style', () => {
  const html = summaryHtml([model()], 'vscode-resource:', 'abc123');
  assert.doesNotMatch(html, /<img|<script|onerror=alert\(1\)>/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /&lt;b&gt;mine&lt;\/b&gt;\.pubtator <span class="against">compared with<\/span> gold&#39;s\.pubtator/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src vscode-resource:; style-src 'nonce-abc123';">/);
  assert.match(html, /<style nonce="abc123">/);
  assert.match(summaryHtml([], 'x', 'n'), /No comparison/);
});
