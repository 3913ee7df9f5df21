// Which format a text is, from its content: BioC XML (a <collection> root),
// BioC JSON (an object with "documents", PubTator3's {"PubTator3": [...]}, or
// a bare document with "passages"), else PubTator. Looks at the start only.

export type FileFormat = 'pubtator' | 'bioc-xml' | 'bioc-json';

const HEAD = 4096;

export function detectFormat(text: string): FileFormat {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length && /\s/.test(text[i])) i++;
  const c = text[i];
  if (c === '<') return isBiocXml(text.slice(i, i + HEAD)) ? 'bioc-xml' : 'pubtator';
  if (c === '{' || c === '[') return isBiocJson(text.slice(i, i + HEAD)) ? 'bioc-json' : 'pubtator';
  return 'pubtator';
}

/** An XML head whose first element is <collection> (after the declaration, comments, doctype). */
export function isBiocXml(head: string): boolean {
  const stripped = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trimStart();
  return /^<collection[\s>/]/.test(stripped) || (/^<!DOCTYPE\s+collection/i.test(head.trimStart()));
}

/** A JSON head naming BioC's keys near the start. */
export function isBiocJson(head: string): boolean {
  return /"PubTator3"\s*:\s*\[/.test(head) || (/"documents"\s*:\s*\[/.test(head) && /"passages"|"source"|"date"|"key"/.test(head)) || /^\[?\s*\{[^]*"passages"\s*:\s*\[/.test(head);
}

/** Whether a file name says BioC (for folders: which files to pick up). */
export function biocByName(name: string): boolean {
  return /\.(?:bioc\.)?(?:xml|json)(?:\.gz)?$/i.test(name) || /\.bioc(?:\.gz)?$/i.test(name);
}
