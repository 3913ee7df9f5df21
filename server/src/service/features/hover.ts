// Hover: what the thing under the cursor means. Concept ids are handled in
// conceptHover.ts; here are document ids, offset pairs and relation types;
// a word of the title or abstract in textHover.ts.

import type { ConceptRef } from '../parse/conceptIds';
import type { MentionRow, ParsedFile, PubtatorDocument, RelationRow } from '../parse/model';
import { analyseDocument, type Boundary, type DocumentAnalysis, type MentionSpanCheck } from '../analysis/analyseDocument';
import { crossesPassages, textLength } from '../parse/documentText';
import type { OffsetUnit, Position } from '../types';
import { conceptHover, nameAndTypes } from './conceptHover';
import { conceptFacts } from './conceptFacts';
import { authorityLink } from './links';
import { fieldRangeOf, locate, type Target } from './locate';
import { codeSpan, escapeMarkdown, link, plural } from './markdown';
import { relationIdCarriers } from './subject';
import { passageTextHover } from './textHover';
import type { FeatureOptions, Hover } from './types';
import { partitionPoint } from '../sortedSearch';

export function hover(file: ParsedFile, position: Position, options: FeatureOptions = {}): Hover | undefined {
  const unit = options.unit ?? 'codepoint';
  const t = locate(file, position);
  if (!t) return undefined;
  switch (t.kind) {
    case 'mentionId':
    case 'relationId':
      return conceptHover(file, t, unit, options.concepts);
    case 'pmid':
      return { contents: documentHover(t), range: fieldRangeOf(t.line, t.field) };
    case 'offset':
      return { contents: offsetsHover(t.doc, t.row, unit), range: fieldRangeOf(t.line, t.field) };
    case 'relationType':
      return { contents: relationHover(t.doc, t.row, unit), range: fieldRangeOf(t.line, t.field) };
    case 'passageText':
      return passageTextHover(t.doc, t.row, position.character, unit);
    default:
      return undefined;
  }
}

function documentHover(t: Extract<Target, { kind: 'pmid' }>): string {
  const id = t.field.text.trim();
  const doc = t.doc;
  const pubmed = authorityLink('pubmed', id);
  const blocks = [`**Document** ${codeSpan(id)}${pubmed ? ' · ' + link('Open in PubMed', pubmed.url) : ''}`];
  if (id !== doc.id) blocks.push(`This row's id differs from its document's id ${codeSpan(doc.id)}.`);
  blocks.push(`${plural(doc.mentions.length, 'mention')} · ${plural(doc.relations.length, 'relation')} · `
    + `${plural(doc.passages.length, 'passage')} · lines ${doc.startLine + 1}–${doc.endLine + 1}`);
  return blocks.join('\n\n');
}

/** The analysis entry of a mention (mentions are in line order: binary search). */
function spanCheckOf(analysis: DocumentAnalysis, m: MentionRow): MentionSpanCheck | undefined {
  const spans = analysis.spans;
  const found = spans[partitionPoint(spans.length, (i) => spans[i].mention.line < m.line)];
  return found && found.mention.line === m.line ? found : undefined;
}

function offsetsHover(doc: PubtatorDocument, m: MentionRow, unit: OffsetUnit): string {
  const analysis = analyseDocument(doc, unit);
  const check = spanCheckOf(analysis, m);
  const counting = unit === 'codepoint' ? 'code points' : 'UTF-16 units';
  const head = `**Offsets** ${codeSpan(m.startField.text)}–${codeSpan(m.endField.text)} (counting ${counting})`;
  if (!check || check.status === 'bad-offsets') {
    return `${head}\n\nThese are not usable offsets: start and end must be whole numbers, start below end.`;
  }
  if (check.status === 'out-of-range' || !check.span) {
    return `${head}\n\nPast the end of the text of document ${codeSpan(doc.id)}, which has ${plural(textLength(doc, unit), 'character')}.`
      + nearestNote(check);
  }
  const span = check.span;
  const blocks = [`${head} cover ${codeSpan(span.covered)}`];
  if (check.status === 'ok') blocks.push('This matches the row\'s text.');
  else if (check.status === 'minor') blocks.push(`The row's text ${codeSpan(m.textField.text)} differs only in case, dashes, spaces or Greek letter spelling.`);
  else if (check.status === 'boundary' && check.boundary) blocks.push(boundaryNote(check.boundary, m.textField.text));
  else blocks.push(`This does not match the row's text ${codeSpan(m.textField.text)}.${check.utf8 ? ' Read as UTF-8 byte counts, the offsets would match.' : ''}${nearestNote(check)}`);
  if (crossesPassages(doc, span.start, span.end)) blocks.push('The span runs from one passage into the next.');
  return blocks.join('\n\n');
}

function boundaryNote(b: Boundary, text: string): string {
  const what = b.kind === 'space' ? 'white space at an end' : b.kind === 'end' ? 'a wrong end' : 'a wrong start';
  return `The row's text ${codeSpan(text)} is there, but the span has ${what}: ${codeSpan(String(b.start))}–${codeSpan(String(b.end))} would cover it exactly.`;
}

function nearestNote(check: MentionSpanCheck): string {
  const n = check.nearest;
  if (!n) return '';
  const shift = n.shift > 0 ? `+${n.shift}` : String(n.shift);
  return ` The row's text occurs at ${n.start}–${n.end} (shift ${shift}).`;
}

function relationHover(doc: PubtatorDocument, r: RelationRow, unit: OffsetUnit): string {
  const analysis = analyseDocument(doc, unit);
  const lines = r.concepts.map((ref) => conceptLine(analysis, ref, doc.id));
  const blocks = [`**${escapeMarkdown(r.typeField.text.trim() || '(no type)')}** relation`, lines.join('\n')];
  if (r.extra.length) blocks.push(`Further columns: ${r.extra.map((f) => codeSpan(f.text)).join(', ')}`);
  return blocks.join('\n\n');
}

/** One concept of a relation, by the name its mentions give it. */
function conceptLine(analysis: DocumentAnalysis, ref: ConceptRef, docId: string): string {
  const id = ref.raw.trim();
  if (ref.none) return `- ${id === '' ? '*(empty id)*' : codeSpan(id)}: names no concept`;
  const carriers = relationIdCarriers(analysis, ref);
  if (carriers.length === 0) return `- ${codeSpan(id)}: no mention in document ${codeSpan(docId)} carries it`;
  const key = !ref.variant && ref.atoms.length === 1 ? ref.atoms[0].key : undefined;
  const facts = conceptFacts(carriers, key);
  return `- ${codeSpan(id)}: ${nameAndTypes(facts)} · ${plural(carriers.length, 'mention')}`;
}
