// One document's reading-view model: passages cut into segments with their
// mention stacks, each mention with its family, concepts and what is wrong
// with its span, the relations and their graph, the header's counts and the
// document's problems.

import { analyseDocument, type MentionSpanCheck } from '../../analysis/analyseDocument';
import { crossesPassages, textLength } from '../../parse/documentText';
import type { MentionRow, ParsedFile, PubtatorDocument } from '../../parse/model';
import { entityFamily, FAMILY_LABEL, type EntityFamily } from '../../knowledge/entityTypes';
import type { ConceptSources } from '../../concepts/conceptSources';
import { Severity, type Diagnostic, type OffsetUnit } from '../../types';
import { validateDocument, type ValidationOptions } from '../../validate';
import { partitionPoint } from '../../sortedSearch';
import { authorityLink } from '../links';
import { rowRange } from '../rowRanges';
import { ConceptNamer } from './conceptNames';
import { relationGraph } from './relationGraph';
import { barLevels, passageSegments, placedSpans } from './segments';
import type { PreviewDocument, PreviewMention, PreviewProblem } from './model';

export interface PreviewOptions {
  unit?: OffsetUnit;
  /** The MeSH index and online names the hover uses. */
  concepts?: ConceptSources;
  /** Check levels, for a document's problems when `problems` is not given. */
  severities?: ValidationOptions['severities'];
  /**
   * The file's diagnostics sorted by position, when the caller has them (the
   * server's last check, file-level checks included); otherwise each
   * document is checked on its own.
   */
  problems?: readonly Diagnostic[];
}

/** Problems listed per document; the counts cover them all. */
const MAX_PROBLEMS = 200;

const FAMILY_ORDER: EntityFamily[] = ['chemical', 'disease', 'gene', 'species', 'variant', 'cellline', 'other'];

const SEVERITY_NAME: Record<Severity, PreviewProblem['severity']> = {
  [Severity.Error]: 'error', [Severity.Warning]: 'warning', [Severity.Information]: 'information', [Severity.Hint]: 'hint',
};

export function previewDocument(file: ParsedFile, doc: PubtatorDocument, index: number, options: PreviewOptions = {}): PreviewDocument {
  const unit = options.unit ?? 'codepoint';
  const analysis = analyseDocument(doc, unit);
  const checks = analysis.spans;
  const spans = placedSpans(checks);
  const levels = barLevels(spans, checks.length);
  const placed = new Set(spans.map((s) => s.mention));
  const namer = new ConceptNamer((key) => analysis.concepts.get(key) ?? [], options.concepts);
  const mentions = checks.map((c, i) => mentionModel(doc, c, placed.has(i), levels[i], namer, unit));
  const sideOf = conflictSides(doc);
  if (sideOf) mentions.forEach((m) => { const side = sideOf(m.line); if (side) m.side = side; });
  const mentionIndex = new Map<MentionRow, number>(checks.map((c, i) => [c.mention, i]));
  const { relations, graph } = relationGraph(doc, analysis, mentionIndex, namer);
  const diagnostics = documentProblems(file, doc, options);
  const families = new Map<EntityFamily, number>();
  for (const m of mentions) families.set(m.family, (families.get(m.family) ?? 0) + 1);
  const pubmed = authorityLink('pubmed', doc.id.trim());
  const conflicts = conflictLines(file, doc, index);
  return {
    index,
    id: doc.id,
    ...(pubmed ? { pubmed: pubmed.url } : {}),
    startLine: doc.startLine,
    endLine: doc.endLine,
    passages: passageSegments(doc, spans, levels),
    mentions,
    relations,
    graph,
    ...(conflicts.length ? { conflicts } : {}),
    problems: diagnostics.slice(0, MAX_PROBLEMS).map((d) => ({
      line: d.range.start.line, character: d.range.start.character, severity: SEVERITY_NAME[d.severity], code: d.code, message: d.message,
    })),
    counts: {
      mentions: mentions.length,
      relations: relations.length,
      concepts: analysis.concepts.size,
      problems: diagnostics.length,
      errors: diagnostics.filter((d) => d.severity === Severity.Error).length,
      warnings: diagnostics.filter((d) => d.severity === Severity.Warning).length,
      wrongSpans: mentions.filter((m) => m.status === 'mismatch' || m.status === 'boundary' || m.status === 'out-of-range' || m.status === 'bad-offsets').length,
    },
    families: FAMILY_ORDER.filter((f) => families.has(f)).map((f) => ({ family: f, label: FAMILY_LABEL[f], count: families.get(f)! })),
  };
}

/** For a document with conflict markers: which side (between <<<<<<< and =======, or ======= and >>>>>>>) a line is on. */
function conflictSides(doc: PubtatorDocument): ((line: number) => 'ours' | 'theirs' | undefined) | undefined {
  const markers = doc.malformed.filter((m) => m.conflict);
  if (!markers.length) return undefined;
  return (line) => {
    let side: 'ours' | 'theirs' | undefined;
    for (const m of markers) {
      if (m.line > line) break;
      side = m.conflict === '<' ? 'ours' : m.conflict === '=' ? 'theirs' : undefined;
    }
    return side;
  };
}

/** Conflicts opened inside the document, or in the stray lines between it and the document before. */
function conflictLines(file: ParsedFile, doc: PubtatorDocument, index: number): number[] {
  const before = file.documents[index] === doc ? file.documents[index - 1]?.endLine ?? -1 : doc.startLine;
  const stray = file.stray.filter((m) => m.conflict === '<' && m.line > before && m.line < doc.startLine);
  return [...stray, ...doc.malformed.filter((m) => m.conflict === '<')].map((m) => m.line);
}

function mentionModel(
  doc: PubtatorDocument, c: MentionSpanCheck, placed: boolean, level: number, namer: ConceptNamer, unit: OffsetUnit,
): PreviewMention {
  const m = c.mention;
  const range = rowRange(m);
  const offsets = `${m.startField.text}-${m.endField.text}`;
  const out: PreviewMention = {
    line: m.line,
    rowStart: range.start.character,
    rowEnd: range.end.character,
    text: m.textField.text,
    type: m.typeField?.text ?? '',
    family: entityFamily(m.typeField?.text ?? ''),
    id: m.idField?.text ?? '',
    offsets,
    status: c.status,
    placed,
    level: placed ? level : 0,
    concepts: namer.mentionConcepts(m),
  };
  if (c.span && (c.status === 'mismatch' || c.status === 'boundary' || c.status === 'minor')) out.covered = c.span.covered;
  if (c.span && crossesPassages(doc, c.span.start, c.span.end)) out.crossesPassages = true;
  const problem = spanProblem(doc, c, offsets, unit);
  if (problem) out.problem = problem;
  return out;
}

/** Why a span is wrong, in words; undefined when it is right (or only differs in case, dashes, spaces). */
function spanProblem(doc: PubtatorDocument, c: MentionSpanCheck, offsets: string, unit: OffsetUnit): string | undefined {
  const where = c.nearest ? ` The row's text occurs at ${c.nearest.start}-${c.nearest.end}.` : '';
  switch (c.status) {
    case 'mismatch':
      return `Offsets ${offsets} cover "${c.span!.covered}", not the row's text "${c.mention.textField.text}".${c.utf8 ? ' Read as UTF-8 byte counts, they would match.' : where}`;
    case 'boundary': {
      const b = c.boundary!;
      const what = b.kind === 'space' ? 'white space at an end' : b.kind === 'end' ? 'a wrong end' : 'a wrong start';
      return `Offsets ${offsets} cover "${c.span!.covered}": the row's text "${c.mention.textField.text}" is there, but the span has ${what} (${b.start}-${b.end} would fit).`;
    }
    case 'out-of-range':
      return `Offsets ${offsets} run past the end of the text (${textLength(doc, unit)} characters).${where}`;
    case 'bad-offsets':
      return `Offsets ${offsets} are not a span: start and end must be whole numbers, start below end.`;
    default:
      return undefined;
  }
}

/** The document's problems: from the caller's diagnostics of the file when given, else checked alone. */
function documentProblems(file: ParsedFile, doc: PubtatorDocument, options: PreviewOptions): Diagnostic[] {
  const all = options.problems;
  if (!all) return validateDocument(file, doc, { unit: options.unit, severities: options.severities, concepts: options.concepts });
  const from = partitionPoint(all.length, (i) => all[i].range.start.line < doc.startLine);
  const to = partitionPoint(all.length, (i) => all[i].range.start.line <= doc.endLine);
  return all.slice(from, to);
}
