// The server half of "PubTator: Fetch Documents…": the client, having checked
// that going online is allowed (pubtator.online.enabled, a trusted
// workspace), sends the ids typed; the server runs the same fetch as
// `pubtator fetch` (service/fetch/fetchDocuments.ts) and answers the merged
// text with what did not come, reporting each batch as work-done progress.
// Cancelling the request stops between batches. Documents fetched before
// come from the host's fetch cache (the client's storage folder on disk, in
// memory in a browser) without a request.

import { DEFAULT_API_URL, FETCH_FORMATS, type FetchFormat } from '../service/fetch/exportRequests';
import { fetchDocuments, type FetchReport } from '../service/fetch/fetchDocuments';
import type { ServerContext } from './serverContext';

/** Server command: arguments `[{ ids: string, format?, apiUrl? }]`; answers a FetchReport or `{ error }`. */
export const FETCH_DOCUMENTS_COMMAND = 'pubtator.fetch.documents';

export function registerFetchCommand(ctx: ServerContext): void {
  ctx.commands.add(FETCH_DOCUMENTS_COMMAND, async (args, token, reporter): Promise<FetchReport | { error: string }> => {
    const raw = (args[0] ?? {}) as { ids?: unknown; format?: unknown; apiUrl?: unknown };
    if (typeof raw.ids !== 'string') return { error: 'Give the PMIDs or PMCIDs to fetch.' };
    const format: FetchFormat = (FETCH_FORMATS as readonly unknown[]).includes(raw.format) ? raw.format as FetchFormat : 'pubtator';
    const base = typeof raw.apiUrl === 'string' && /^https?:\/\//i.test(raw.apiUrl.trim()) ? raw.apiUrl.trim() : DEFAULT_API_URL;
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    reporter.begin('Fetching from PubTator3', 0, undefined, true);
    const progress = (done: number, total: number) => reporter.report(Math.round((done / total) * 100), `${done}/${total} requests`);
    const cache = ctx.fetchCache?.();
    try {
      return await fetchDocuments(raw.ids, format, base, { signal: abort.signal, timeoutMs: 60_000, progress, cache });
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    } finally {
      listener.dispose();
      reporter.done();
      // Not awaited: bounding the folder need not hold up the answer.
      void cache?.prune?.().catch(() => undefined);
    }
  });
}
