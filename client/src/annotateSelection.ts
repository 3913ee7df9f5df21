// The "Annotate Selection" command: the server checks the selection and
// suggests types and concepts; two QuickPicks (each also accepts a typed
// value) ask for the type and the id; the server inserts the row. All PubTator
// knowledge stays in the server; this file only asks and shows.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';

export const ANNOTATE_SELECTION_COMMAND = 'pubtator.annotateSelection';
const SUGGESTIONS_REQUEST = 'pubtator/annotationSuggestions';
const INSERT_MENTION_COMMAND = 'pubtator.insertMention';

interface Suggestions {
  pmid: string;
  text: string;
  start: number;
  end: number;
  types: { type: string; detail: string }[];
  concepts: { id: string; name: string; type?: string; count: number }[];
}

interface InsertResult {
  applied: boolean;
  message?: string;
}

interface Choice extends vscode.QuickPickItem {
  value: string;
}

export function registerAnnotateSelection(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerTextEditorCommand(ANNOTATE_SELECTION_COMMAND, (editor) => {
    annotate(editor, getClient()).catch((e) => {
      void vscode.window.showErrorMessage(`Annotate Selection failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
}

async function annotate(editor: vscode.TextEditor, client: BaseLanguageClient | undefined): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('The PubTator language server is not running.');
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const version = editor.document.version;
  const range = client.code2ProtocolConverter.asRange(editor.selection);
  const found = await client.sendRequest<Suggestions | { error: string }>(SUGGESTIONS_REQUEST, { textDocument: { uri }, range });
  if (!found || 'error' in found) {
    void vscode.window.showWarningMessage(found?.error ?? 'The selection cannot be annotated.');
    return;
  }
  const what = `${JSON.stringify(found.text)} (${found.start}-${found.end} in ${found.pmid})`;
  const type = await pickOrType(
    found.types.map((t) => ({ label: t.type, description: t.detail, value: t.type })),
    `Entity type of ${what}`,
  );
  if (type === undefined) return;
  const concepts: Choice[] = found.concepts.map((c) => ({
    label: c.id,
    description: c.name,
    detail: `${c.type ?? 'untyped'} · ${c.count} mention${c.count === 1 ? '' : 's'} in this document`,
    value: c.id,
  }));
  concepts.push({ label: '(no id)', description: 'leave the concept id empty', value: '' });
  const id = await pickOrType(concepts, `Concept id of ${what} (pick one of the document's, or type one)`);
  if (id === undefined) return;
  const result = await client.sendRequest(ExecuteCommandRequest.type, {
    command: INSERT_MENTION_COMMAND,
    arguments: [{ uri, version, range, type, id }],
  }) as InsertResult | undefined;
  if (!result?.applied) void vscode.window.showWarningMessage(result?.message ?? 'No mention row was inserted.');
}

/** A QuickPick whose typed text is offered as an item of its own; undefined when dismissed. */
function pickOrType(items: Choice[], placeholder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<Choice>();
    pick.placeholder = placeholder;
    pick.matchOnDescription = true;
    pick.items = items;
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((typed) => {
      const value = typed.trim();
      const exact = items.some((i) => i.value === value);
      pick.items = value && !exact ? [{ label: value, description: 'as typed', value }, ...items] : items;
    });
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.value));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
