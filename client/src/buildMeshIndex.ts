// "PubTator: Build MeSH index": asks whether to use MeSH files the user has
// or to download NLM's current ones, then lets the server build the index
// (progress and cancellation in a notification) and remembers the files in
// the user's `pubtator.mesh.files`. The work is the server's; this only asks
// and shows.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type BaseLanguageClient } from 'vscode-languageclient';

export const BUILD_MESH_INDEX_COMMAND = 'pubtator.buildMeshIndex';
const SERVER_COMMAND = 'pubtator.meshIndex.build';

type Outcome =
  | { ok: true; year?: number; descriptors: number; supplementary: number; files: string[]; indexPath: string; warnings: string[] }
  | { ok: false; cancelled?: boolean; message: string };

interface Choice extends vscode.QuickPickItem {
  value: 'files' | 'download';
}

/**
 * In the web extension there is no disk to build on: the command says so and
 * offers the setting that does work there, an index file in the workspace.
 */
export const WEB_BUILD_MESSAGE = 'Building a MeSH index from NLM\'s files needs VS Code on the desktop: the web extension cannot read files by path, '
  + 'unpack .gz or download from NLM. Build the index there (or with `pubtator check --mesh`), put the index file in the workspace, '
  + 'and set pubtator.mesh.index to its path.';

export function registerBuildMeshIndex(getClient: () => BaseLanguageClient | undefined, host: 'node' | 'browser'): vscode.Disposable {
  return vscode.commands.registerCommand(BUILD_MESH_INDEX_COMMAND, () => {
    if (host === 'browser') {
      void vscode.window.showInformationMessage(WEB_BUILD_MESSAGE, 'Open Setting').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'pubtator.mesh.index');
      });
      return;
    }
    buildMeshIndex(getClient()).catch((e) => {
      void vscode.window.showErrorMessage(`Building the MeSH index failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
}

async function buildMeshIndex(client: BaseLanguageClient | undefined): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('The PubTator language server is not running.');
    return;
  }
  const request = await askForInput();
  if (!request) return;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'PubTator: building the MeSH index', cancellable: true },
    (progress, token) => runOnServer(client, request, progress, token, !('download' in request)),
  );
  if (!outcome.ok) {
    if (!outcome.cancelled) void vscode.window.showErrorMessage(`The MeSH index was not built: ${outcome.message}`);
    return;
  }
  const config = vscode.workspace.getConfiguration('pubtator');
  await config.update('mesh.files', outcome.files, vscode.ConfigurationTarget.Global);
  const year = outcome.year ? `MeSH ${outcome.year}` : 'MeSH';
  let message = `${year} index built: ${outcome.descriptors.toLocaleString()} descriptors and ${outcome.supplementary.toLocaleString()} supplementary concept records. Hover a MeSH id to see its name.`;
  if (config.get<string>('mesh.index')) message += ' Note: pubtator.mesh.index is set and is used instead; clear it to use this index.';
  if (outcome.warnings.length) message += ` (${outcome.warnings.join('; ')})`;
  void vscode.window.showInformationMessage(message);
}

/** The user's files, or leave to download; undefined when they back out. */
async function askForInput(): Promise<{ files: string[] } | { download: true } | undefined> {
  const choices: Choice[] = [{
    label: '$(folder-opened) Use MeSH files I downloaded',
    detail: 'From NLM: desc2025.xml or d2025.bin (descriptors), supp2025.xml or c2025.bin (supplementary concepts), gzipped or not',
    value: 'files',
  }];
  if (vscode.workspace.isTrusted) {
    choices.push({
      label: '$(cloud-download) Download the current MeSH files from NLM',
      detail: 'Descriptors and supplementary concepts as gzipped XML from nlmpubs.nlm.nih.gov over HTTPS (about 100 MB)',
      value: 'download',
    });
  }
  const pick = await vscode.window.showQuickPick(choices, {
    title: 'PubTator: Build MeSH index',
    placeHolder: vscode.workspace.isTrusted ? 'Build the index from…' : 'Build the index from… (downloading needs a trusted workspace)',
  });
  if (!pick) return undefined;
  if (pick.value === 'download') {
    const go = await vscode.window.showWarningMessage('Download the current MeSH files from NLM?', {
      modal: true,
      detail: 'About 100 MB of gzipped XML (several hundred MB unpacked) from https://nlmpubs.nlm.nih.gov, kept in the extension\'s storage. The index is built from them afterwards.',
    }, 'Download');
    return go === 'Download' ? { download: true } : undefined;
  }
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Index these MeSH files',
    title: 'NLM MeSH files: descriptors and supplementary concept records',
    filters: { 'MeSH files': ['xml', 'bin', 'gz'], 'All files': ['*'] },
  });
  return uris?.length ? { files: uris.map((u) => u.fsPath) } : undefined;
}

async function runOnServer(
  client: BaseLanguageClient, request: object, progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken, bar: boolean,
): Promise<Outcome> {
  const workDoneToken = `pubtator-mesh-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  let shown = 0;
  const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
    if (value.kind === 'end') return;
    // A download restarts the percentage for each file and again for the
    // indexing, and VS Code's bar cannot move back: then only the messages show it.
    const p = bar ? value.percentage : undefined;
    const increment = p !== undefined && p > shown ? p - shown : undefined;
    if (increment) shown = p!;
    progress.report({ message: value.message, increment });
  });
  try {
    const outcome = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMAND, arguments: [request], workDoneToken }, token) as Outcome | undefined;
    return outcome ?? { ok: false, message: 'The server did not answer.' };
  } catch (e) {
    if (token.isCancellationRequested) return { ok: false, cancelled: true, message: 'Cancelled.' };
    throw e;
  } finally {
    listener.dispose();
  }
}
