// What a streamed BioC check does to place a finding or a PubTator
// diagnostic on the XML, shared by the reader's thread (checkBiocStream.ts)
// and a batch mapped on a worker (batchMap.ts), so both place alike.

import { Severity, type Diagnostic, type SeverityName } from '../types';
import type { ValidationOptions } from '../validate';
import { BIOC_CHECKS } from './biocChecks';
import { LAYOUT_ONLY } from './checkBioc';
import type { OffsetPositions } from './lineIndex';
import type { Finding } from './project';
import type { Ranked } from './rankedOrder';
import { TEXT_CODES } from './textlessDocuments';

const LEVEL: Record<SeverityName, Severity | undefined> = {
  error: Severity.Error, warning: Severity.Warning, information: Severity.Information, hint: Severity.Hint, off: undefined,
};

/** A BioC finding at its level (undefined when its check is off), placed by `lines`. */
export function placeFinding(options: ValidationOptions, lines: OffsetPositions, f: Finding, rank: number): Ranked | undefined {
  const level = LEVEL[(options.severities?.[f.code] as SeverityName | undefined) ?? BIOC_CHECKS[f.code]?.level ?? 'warning'];
  if (level === undefined) return undefined;
  return { d: { range: lines.range(f.range), severity: level, code: f.code, message: f.message, source: 'pubtator' }, rank, line: 0, character: 0, settled: false };
}

/** Whether checkBioc keeps a PubTator diagnostic of a projected line (the layout checks and some ids do not apply to BioC). */
export function keeps(d: Diagnostic, line: { fromNodes?: boolean; noType?: boolean; textless?: boolean } | undefined): boolean {
  if (LAYOUT_ONLY.has(d.code)) return false;
  if (line?.textless && TEXT_CODES.has(d.code)) return false;
  if (d.code === 'dangling-relation-id' && line?.fromNodes) return false;
  if (d.code === 'malformed-line' && line?.noType) return false;
  return true;
}

/** A range's key in the tables of places (heldPlaces.ts, batchMap.ts). */
export function rangeKey(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}
