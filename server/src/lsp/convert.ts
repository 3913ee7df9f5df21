// Service results to LSP shapes. The service's Diagnostic, Range and Position
// already match LSP field for field; only what needs a uri is rebuilt here.

import type { Diagnostic as LspDiagnostic, DocumentHighlight, Hover, Location } from 'vscode-languageserver';
import type { Diagnostic, Range } from '../service/types';

export function toLspDiagnostic(uri: string, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message };
  if (d.relatedInformation?.length) {
    out.relatedInformation = d.relatedInformation.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  if (d.data !== undefined) out.data = d.data;
  return out;
}

export function toHover(result: { contents: string; range?: Range } | undefined): Hover | null {
  if (!result || !result.contents) return null;
  const hover: Hover = { contents: { kind: 'markdown', value: result.contents } };
  if (result.range) hover.range = result.range;
  return hover;
}

export function toLocations(uri: string, ranges: Range[]): Location[] {
  return ranges.map((range) => ({ uri, range }));
}

export function toHighlights(list: { range: Range; kind: 1 | 2 | 3 }[]): DocumentHighlight[] {
  return list.map((h) => ({ range: h.range, kind: h.kind }));
}
