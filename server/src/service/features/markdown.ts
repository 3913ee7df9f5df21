// Markdown built from untrusted file text. A mention text may hold anything
// (`[x](command:evil)`, `<img onerror=...>`, backticks), so every piece of it
// goes through `escapeMarkdown` or `codeSpan`, and links are only built here
// from URLs that links.ts made from fixed https prefixes.

/** Longest piece of file text a hover shows; the rest is cut with an ellipsis. */
export const MAX_SHOWN = 200;

// Controls (and the Unicode line separators) would end a line or a block.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Every ASCII punctuation character may be backslash-escaped in CommonMark;
// escaping them all also breaks autolinks (`https://`, `www.`) and emoji codes.
const PUNCTUATION = /[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function clean(text: string, max: number): string {
  let s = text.length > max ? text.slice(0, max) + '…' : text;
  // A lone surrogate left by the cut (or in the file) is shown as U+FFFD.
  s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return s.replace(CONTROLS, '\ufffd');
}

/** Text shown as itself: no emphasis, link, HTML, heading or list can come out of it. */
export function escapeMarkdown(text: string, max = MAX_SHOWN): string {
  return clean(text, max)
    .replace(PUNCTUATION, (c) => '\\' + c)
    .replace(/[&<>]/g, (c) => HTML[c]);
}

/**
 * Text in a code span. The fence is one backtick longer than the longest run
 * inside, and padded with spaces when the text starts or ends with a backtick
 * or a space, so no content can close the span early.
 */
export function codeSpan(text: string, max = MAX_SHOWN): string {
  const s = clean(text, max);
  if (s === '') return '*(empty)*';
  if (/^ +$/.test(s)) return `*(${s.length === 1 ? 'a space' : s.length + ' spaces'})*`;
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return fence + pad + s + pad + fence;
}

/** A link whose label is file text. `url` must come from links.ts (fixed https prefixes). */
export function link(label: string, url: string): string {
  if (!url.startsWith('https://') || /[\s()<>]/.test(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${url})`;
}

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}
