// The server half of "PubTator: Build MeSH index": the client asks the user
// for NLM files (or for leave to download them) and sends them here; the
// build reports LSP work-done progress on the client's token and stops when
// the client cancels the request.

import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { ConceptProvider, MeshBuildOutcome, MeshBuildRequest, Progress } from './conceptProvider';
import type { ServerContext } from './serverContext';

/** Server command (argument: one MeshBuildRequest); answers a MeshBuildOutcome. */
export const BUILD_MESH_INDEX_COMMAND = 'pubtator.meshIndex.build';

/** Registers the server command; the concept provider (Node or web worker) does the work. */
export function registerMeshCommand(ctx: ServerContext): void {
  ctx.commands.add(BUILD_MESH_INDEX_COMMAND, meshBuildHandler(() => ctx.concepts()));
}

export function meshBuildHandler(host: () => ConceptProvider | undefined) {
  return async (args: unknown[], token: CancellationToken, reporter: WorkDoneProgressReporter): Promise<MeshBuildOutcome> => {
    const concepts = host();
    if (!concepts) return { ok: false, message: 'The server is not initialised.' };
    const request = readRequest(args[0]);
    if (!request) return { ok: false, message: 'Give MeSH files ({ files: [...] }) or ask for a download ({ download: true }).' };
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    reporter.begin('Building the MeSH index', 0, request.download ? 'Downloading from NLM' : 'Reading the MeSH files', true);
    try {
      return await concepts.build(request, reporterProgress(reporter), abort.signal);
    } finally {
      listener.dispose();
    }
  };
}

function readRequest(raw: unknown): MeshBuildRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.download === true) return { download: true };
  if (Array.isArray(r.files) && r.files.every((f) => typeof f === 'string') && r.files.length > 0) return { files: r.files as string[] };
  return undefined;
}

export function reporterProgress(reporter: WorkDoneProgressReporter, cancelled?: AbortSignal): Progress {
  return {
    report: (message, percentage) => (percentage === undefined ? reporter.report(message) : reporter.report(percentage, message)),
    done: () => reporter.done(),
    cancelled,
  };
}
