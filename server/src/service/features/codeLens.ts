// Code lenses on each document's first line (its title line): how many
// mentions, relations and problems the document has, and a link to PubMed
// when its id is a PMID (all digits). Listing the lenses of a 20,000-document
// file must not parse every document, so the counts are left for
// resolveCodeLens, which the editor calls only for the lenses it shows; the
// PubMed link needs only the id, known from the first scan.

import type { ParsedFile } from '../parse/model';
import type { Range } from '../types';
import { lineRange } from '../types';
import { validateDocument, type ValidationOptions } from '../validate';
import { Severity } from '../types';
import { authorityLink } from './links';
import { documentAt } from './locate';
import { plural } from './markdown';

export interface LensCommand {
  title: string;
  /** An editor command id; empty for a lens that only informs. */
  command: string;
  arguments?: unknown[];
}

export interface CodeLensData {
  kind: 'summary';
  /** The document's first line and id when the lens was listed. */
  line: number;
  id: string;
}

export interface CodeLens {
  range: Range;
  command?: LensCommand;
  data?: CodeLensData;
}

/** The command that opens a URL in VS Code (a string argument is accepted since VS Code 1.68). */
export const OPEN_COMMAND = 'vscode.open';

/** Every document's lenses: the summary to resolve, and the PubMed link. */
export function codeLenses(file: ParsedFile): CodeLens[] {
  const out: CodeLens[] = [];
  for (const doc of file.documents) {
    const range = lineRange(doc.startLine, 0, 0);
    out.push({ range, data: { kind: 'summary', line: doc.startLine, id: doc.id } });
    const pubmed = authorityLink('pubmed', doc.id.trim());
    if (pubmed) out.push({ range, command: { title: 'PubMed', command: OPEN_COMMAND, arguments: [pubmed.url] } });
  }
  return out;
}

function isData(data: unknown): data is CodeLensData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<CodeLensData>;
  return d.kind === 'summary' && Number.isSafeInteger(d.line) && typeof d.id === 'string';
}

/**
 * Fills in a summary lens. The file may have changed since the lens was
 * listed: the lens then describes whatever document now starts on its line,
 * and the editor asks for fresh lenses anyway.
 */
export function resolveCodeLens(file: ParsedFile, lens: CodeLens, options: ValidationOptions = {}): CodeLens {
  if (lens.command || !isData(lens.data)) return lens;
  const doc = documentAt(file, lens.data.line);
  if (!doc) return { ...lens, command: { title: 'No document here any more', command: '' } };
  const problems = validateDocument(file, doc, options);
  const errors = problems.filter((d) => d.severity === Severity.Error).length;
  let found = problems.length === 0 ? 'no problems' : plural(problems.length, 'problem');
  if (errors > 0 && errors < problems.length) found += ` (${plural(errors, 'error')})`;
  const title = `${plural(doc.mentions.length, 'mention')} · ${plural(doc.relations.length, 'relation')} · ${found}`;
  return { ...lens, command: { title, command: '' } };
}
