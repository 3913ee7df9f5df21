// Checks a BioC file: its own defects (well-formedness, locations outside
// their passage, wrong or passage-local offsets as one finding each,
// duplicate annotation ids, relation nodes that point at nothing, overlapping
// passages), then every PubTator check on its projection, each diagnostic
// moved onto the XML/JSON element it is about.

import type { ParsedFile } from '../parse/model';
import { parsePubtator } from '../parse/parseFile';
import { Severity, type Diagnostic, type Range, type SeverityName } from '../types';
import { validateFile, type ValidationOptions } from '../validate';
import { LineIndex } from './lineIndex';
import type { BiocCollection } from './model';
import { duplicateAnnotationIds, NodeVotes, overlappingPassages } from './documentFindings';
import { projectCollection, type Finding, type Projection } from './project';
import { readBioc } from './readBioc';
import { BIOC_CHECKS } from './biocChecks';
import { sourceRange } from './sourceMap';
import { TEXT_CODES } from './textlessDocuments';
import { OncePerFile } from './oncePerFile';

export { BIOC_CHECKS };

const LEVEL: Record<SeverityName, Severity | undefined> = {
  error: Severity.Error, warning: Severity.Warning, information: Severity.Information, hint: Severity.Hint, off: undefined,
};

export interface BiocCheck {
  collection: BiocCollection;
  projection: Projection;
  /** The projection parsed: the PubTator model the features read. */
  file: ParsedFile;
  index: LineIndex;
  diagnostics: Diagnostic[];
  mentions: number;
  relations: number;
}

export function checkBioc(text: string, options: ValidationOptions = {}): BiocCheck {
  const collection = readBioc(text);
  const projection = projectCollection(collection);
  const index = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const levels = options.severities ?? {};
  const add = (f: Finding) => {
    const level = LEVEL[(levels[f.code] as SeverityName | undefined) ?? BIOC_CHECKS[f.code]?.level ?? 'warning'];
    if (level === undefined) return;
    diagnostics.push({ range: index.range(f.range), severity: level, code: f.code, message: f.message, source: 'pubtator' });
  };
  for (const p of collection.problems) add({ code: 'bioc-not-well-formed', message: p.message, range: p.range });
  // Those told once per file gathered (placed first, as the streamed check gathers them placed).
  const once = new OncePerFile((d: Diagnostic) => d);
  for (const f of projection.findings) {
    const before = diagnostics.length;
    add(f);
    if (diagnostics.length > before && once.take(diagnostics[before])) diagnostics.pop();
  }
  diagnostics.push(...once.result());
  for (const f of ownFindings(collection, projection)) add(f);
  // The PubTator checks, on the same model, moved onto the elements. Offsets in the projection count code points.
  const file = parsePubtator(projection.text);
  for (const d of validateFile(file, { ...options, unit: 'codepoint' })) {
    if (LAYOUT_ONLY.has(d.code)) continue;
    const line = projection.lines[d.range.start.line];
    if (d.code === 'dangling-relation-id' && line?.fromNodes) continue;
    if (d.code === 'malformed-line' && line?.noType) continue;
    if (line?.textless && TEXT_CODES.has(d.code)) continue;
    if (projection.lines[d.range.start.line]?.outside) continue;
    const range = sourceRange(projection, index, d.range);
    if (!range) continue;
    const moved: Diagnostic = { ...d, range, message: sourceLines(d.message, projection, index) };
    if (d.relatedInformation) {
      moved.relatedInformation = d.relatedInformation.flatMap((r) => {
        const at = sourceRange(projection, index, r.range);
        return at ? [{ ...r, range: at }] : [];
      });
    }
    diagnostics.push(moved);
  }
  diagnostics.sort((a, b) => compare(a.range, b.range));
  let mentions = 0;
  let relations = 0;
  for (const d of file.documents) {
    mentions += d.mentions.length;
    relations += d.relations.length;
    d.release();
  }
  return { collection, projection, file, index, diagnostics, mentions, relations };
}

/** PubTator checks about the line layout, which a BioC file does not have (its passages are elements). */
export const LAYOUT_ONLY: ReadonlySet<string> = new Set(['missing-abstract', 'missing-title', 'misplaced-passage']);

/** "line N" in a message names a line of the projection: name the file's line instead. */
function sourceLines(message: string, p: Projection, index: LineIndex): string {
  return message.replace(/\bline (\d+)\b/g, (whole, n: string) => {
    const line = p.lines[Number(n) - 1];
    return line ? `line ${index.position(line.src.start).line + 1}` : whole;
  });
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function* ownFindings(c: BiocCollection, p: Projection): Generator<Finding> {
  const votes = new NodeVotes();
  const dangling = c.documents.map((d) => votes.add(d));
  const nodesReferToAnnotations = votes.nodesReferToAnnotations;
  for (let i = 0; i < c.documents.length; i++) {
    const d = c.documents[i];
    yield* duplicateAnnotationIds(d);
    if (nodesReferToAnnotations) yield* dangling[i];
    yield* overlappingPassages(d, p.unit, p.passageLocal.has(d));
  }
}
