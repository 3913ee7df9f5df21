// Which mentions a drawn element stands for: a highlight's stack (outermost
// first) and a type label's mention, by mention index in the document drawn.
// Kept in the script, not in data attributes: an edit near the start of a long
// document moves every index after it, and rewriting a thousand attributes per
// redraw costs more than the rest of keeping the highlights.

const stacks = new WeakMap<Element, readonly number[]>();
const labels = new WeakMap<Element, number>();

export function setStack(segment: Element, stack: readonly number[]): void {
  stacks.set(segment, stack);
}

/** The mentions a highlight shows, outermost first (none for anything else). */
export function stackOf(segment: Element): readonly number[] {
  return stacks.get(segment) ?? [];
}

export function setLabelMention(label: Element, mention: number): void {
  labels.set(label, mention);
}

/** The mention a type label follows, if the element is one. */
export function labelMention(label: Element): number | undefined {
  return labels.get(label);
}
