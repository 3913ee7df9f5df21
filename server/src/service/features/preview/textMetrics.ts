// How wide a piece of text is drawn, without a browser: the SVG export wraps
// lines and the graph sizes its labels before any renderer runs. Widths are
// Helvetica's (the Adobe font metrics, in thousandths of an em); Arial has the
// same widths, and other sans-serif fonts come close. Characters past ASCII
// take a typical width; wide (CJK) characters a full em.

// Widths of the printable ASCII characters 32..126.
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const OTHER = 580;
const WIDE = 1000;
/** Bold text is about this much wider. */
const BOLD = 1.08;

function charWidth(code: number): number {
  if (code >= 32 && code <= 126) return ASCII[code - 32];
  if (code < 32) return 0;
  // CJK, Hangul, full-width forms.
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60)) return WIDE;
  // The second half of a surrogate pair adds nothing.
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return OTHER;
}

/** Width in pixels of `text` at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += charWidth(text.charCodeAt(i));
  return (units * fontSize * (bold ? BOLD : 1)) / 1000;
}

/** `text` cut (with an ellipsis) to fit in `width` pixels. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const ellipsis = textWidth('…', fontSize);
  let units = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const next = units + (charWidth(text.charCodeAt(i)) * fontSize) / 1000;
    if (next + ellipsis > width) break;
    units = next;
  }
  // Never leave half a surrogate pair.
  if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) i--;
  return text.slice(0, i) + '…';
}
