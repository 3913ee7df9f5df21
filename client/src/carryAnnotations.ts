// Text corrections carry the annotations (`pubtator.edits.carryAnnotations`):
// after an edit of a title or abstract text, the server has the row edits that
// keep every mention on its words (pubtator/carryAnnotations, for the version
// the edit made). `auto` applies them at once, merged into the edit's own undo
// step; `offer` shows them as a quick fix on the edited line; `off` does
// nothing. Undo and redo are never carried again (they restore the rows too).

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

const CARRY_REQUEST = 'pubtator/carryAnnotations';

interface CarryAnswer {
  version: number;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  shifted: number;
  resized: number;
  lost: number;
}

type Mode = 'auto' | 'offer' | 'off';

function modeOf(document: vscode.TextDocument): Mode {
  const mode = vscode.workspace.getConfiguration('pubtator.edits', document.uri).get<string>('carryAnnotations');
  return mode === 'auto' || mode === 'off' ? mode : 'offer';
}

function rangeOf(r: CarryAnswer['edits'][number]['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function title(c: CarryAnswer): string {
  const n = c.shifted + c.resized;
  return `Shift the ${n} span${n === 1 ? '' : 's'} after this edit`;
}

export function registerCarryAnnotations(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  /** Per document: the carry on offer, for the version and the line of the edit. */
  const offered = new Map<string, { answer: CarryAnswer; line: number }>();

  const onChange = async (e: vscode.TextDocumentChangeEvent) => {
    const document = e.document;
    if (document.languageId !== 'pubtator' || e.contentChanges.length === 0) return;
    offered.delete(document.uri.toString());
    if (e.contentChanges.length !== 1 || e.reason !== undefined) return;
    const change = e.contentChanges[0];
    if (change.range.start.line !== change.range.end.line || /[\r\n]/.test(change.text)) return;
    // Only a passage line (`id|t|text`) carries anything: no request for an edit of a row.
    if (!/^[^\t|]*\|[^\t|]*\|/.test(document.lineAt(change.range.start.line).text)) return;
    const mode = modeOf(document);
    const client = getClient();
    if (mode === 'off' || !client?.isRunning()) return;
    const version = document.version;
    // The language client sends the edit itself from its own listener of this event: let it go first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answer = await client.sendRequest<CarryAnswer | null>(CARRY_REQUEST, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) }, version,
    });
    if (!answer || answer.edits.length === 0 || document.version !== answer.version) return;
    if (mode === 'offer') {
      offered.set(document.uri.toString(), { answer, line: change.range.start.line });
      return;
    }
    const editor = vscode.window.visibleTextEditors.find((ed) => ed.document === document);
    if (editor) {
      // No undo stop before: the shift joins the edit's own undo step.
      await editor.edit((b) => {
        for (const edit of answer.edits) b.replace(rangeOf(edit.range), edit.newText);
      }, { undoStopBefore: false, undoStopAfter: false });
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const x of answer.edits) edit.replace(document.uri, rangeOf(x.range), x.newText);
    await vscode.workspace.applyEdit(edit);
  };

  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      const entry = offered.get(document.uri.toString());
      if (!entry || entry.answer.version !== document.version || range.start.line > entry.line || range.end.line < entry.line) return [];
      const action = new vscode.CodeAction(title(entry.answer), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const x of entry.answer.edits) action.edit.replace(document.uri, rangeOf(x.range), x.newText);
      action.isPreferred = true;
      return [action];
    },
  };

  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((e) => {
      onChange(e).catch(() => undefined);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => offered.delete(d.uri.toString())),
    vscode.languages.registerCodeActionsProvider({ language: 'pubtator' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
