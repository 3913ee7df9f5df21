// Text from the file, made safe to put in HTML or SVG (XML): the five special
// characters escaped, and characters XML 1.0 forbids (controls, lone
// surrogates, U+FFFE/U+FFFF) replaced, so an export always parses.

const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// eslint-disable-next-line no-control-regex -- replacing them is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escaped for element content and for quoted attribute values alike. */
export function escapeMarkup(text: string): string {
  return text.replace(FORBIDDEN, '\ufffd').replace(/[&<>"']/g, (c) => SPECIAL[c]);
}

/** A number as an attribute value (never NaN or an exponent). */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * 10) / 10);
}
