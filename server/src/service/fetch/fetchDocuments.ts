// One whole fetch, as the CLI and the editor both run it: ids read from text,
// the export requests made (exportClient.ts), the answers merged, and what did
// not come said. Whatever the network does, this answers; it never throws.

import { fetchExports, type ClientOptions } from './exportClient';
import { ExportMerger } from './exportMerge';
import { exportRequests, parseIds, type FetchFormat } from './exportRequests';

export interface FetchReport {
  /** The merged file; '' when no document came. */
  text: string;
  documents: number;
  /** Tokens that are not ids (nothing was asked when there are any). */
  invalid: string[];
  /** PMC ids not asked because the format cannot hold full text (pubtator). */
  skipped: string[];
  /** Ids the API did not return. */
  missing: string[];
  failed: { ids: string[]; reason: string }[];
  /** Ids asked. */
  asked: number;
}

export async function fetchDocuments(idsText: string, format: FetchFormat, base: string, client: ClientOptions = {}): Promise<FetchReport> {
  const ids = parseIds(idsText);
  const report: FetchReport = { text: '', documents: 0, invalid: ids.invalid, skipped: [], missing: [], failed: [], asked: 0 };
  if (ids.invalid.length > 0) return report;
  if (format === 'pubtator') report.skipped = ids.pmcids;
  const requests = exportRequests(base, format, ids);
  report.asked = requests.reduce((n, r) => n + r.ids.length, 0);
  const merger = new ExportMerger(format);
  const outcome = await fetchExports(requests, merger, client);
  report.missing = outcome.missing;
  report.failed = outcome.failed;
  report.documents = merger.documents;
  if (merger.documents > 0) report.text = merger.text();
  return report;
}
