// "PubTator: Fetch Documents…": asks for PMIDs, has the server fetch them from
// PubTator3's export API (the same code as `pubtator fetch`), and opens the
// result as a new, unsaved PubTator document. Going online needs
// pubtator.online.enabled and a trusted workspace; otherwise it says so.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExecuteCommandRequest, WorkDoneProgress } from 'vscode-languageclient';
import type { FetchReport as Report } from '../../server/src/service/fetch/fetchDocuments';

export const FETCH_DOCUMENTS_COMMAND = 'pubtator.fetchDocuments';
const SERVER_COMMAND = 'pubtator.fetch.documents';


export function registerFetchDocuments(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(FETCH_DOCUMENTS_COMMAND, async (given?: string) => {
    const config = vscode.workspace.getConfiguration('pubtator');
    if (!config.get<boolean>('online.enabled') || !vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage('Fetching from PubTator3 goes online: turn on pubtator.online.enabled (in a trusted workspace) first.', 'Open Setting');
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'pubtator.online.enabled');
      return;
    }
    const client = getClient();
    if (!client) {
      void vscode.window.showErrorMessage('The PubTator language server has not been created yet; open a PubTator file first.');
      return;
    }
    const ids = typeof given === 'string' ? given : await vscode.window.showInputBox({
      title: 'Fetch from PubTator3',
      prompt: 'PMIDs, separated by spaces or commas',
      placeHolder: '38572754, 23819905',
      validateInput: (v) => (/[^\s,;0-9]|^[\s,;]*$/i.test(v.replace(/pmid:?/gi, '')) ? 'Only PMIDs (digits), separated by spaces or commas' : undefined),
    });
    if (!ids) return;
    const apiUrl = config.get<string>('fetch.apiUrl') || undefined;
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Fetching from PubTator3', cancellable: true }, async (progress, token) => {
      const workDoneToken = `pubtator-fetch-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let shown = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const p = value.percentage ?? shown;
        progress.report({ message: value.message, increment: p > shown ? p - shown : undefined });
        shown = Math.max(shown, p);
      });
      try {
        return await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMAND, arguments: [{ ids, format: 'pubtator', apiUrl }], workDoneToken }, token) as Report | { error: string } | undefined;
      } finally {
        listener.dispose();
      }
    }).then((r) => r, (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    if (!report || 'error' in report) {
      void vscode.window.showErrorMessage(`Fetching from PubTator3 failed: ${report?.error ?? 'the server did not answer'}.`);
      return;
    }
    const notes: string[] = [];
    if (report.missing.length) notes.push(`not returned: ${report.missing.join(', ')}`);
    if (report.failed.length) notes.push(`${report.failed.reduce((n, f) => n + f.ids.length, 0)} id(s) failed (${report.failed[0].reason})`);
    if (report.documents === 0) {
      void vscode.window.showErrorMessage(`PubTator3 returned no documents${notes.length ? `: ${notes.join('; ')}` : ''}.`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'pubtator', content: report.text });
    await vscode.window.showTextDocument(doc);
    if (notes.length) void vscode.window.showWarningMessage(`Fetched ${report.documents} document(s); ${notes.join('; ')}.`);
  });
}
