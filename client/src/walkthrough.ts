// The Getting Started walkthrough's buttons. "PubTator: Open Sample" opens the sample shipped in
// media/walkthrough/ as a new unsaved file named sample.pubtator, so what the user breaks and
// fixes is a copy, never the installed extension's file. The later steps' buttons run an editor
// command (next problem, quick fix, hover, preview) on that sample: VS Code runs a walkthrough
// button with the walkthrough focused, and moves the focus to the file beside it only while the
// walkthrough is wide, so the command is run here, in the sample's editor. Files are read
// through workspace.fs, which works in the Node and the web-worker extension hosts alike.

import * as vscode from 'vscode';

export const OPEN_SAMPLE_COMMAND = 'pubtator.openSample';
export const IN_SAMPLE_COMMAND = 'pubtator.walkthrough.inSample';
const SAMPLE_PATH = ['media', 'walkthrough', 'sample.pubtator'];
/** The untitled document's name: its extension makes VS Code open it as PubTator. */
const SAMPLE_NAME = 'sample.pubtator';
/** What the walkthrough's buttons may run in the sample (the command takes its argument from a link). */
const STEP_COMMANDS = new Set(['editor.action.marker.next', 'editor.action.quickFix', 'editor.action.showHover', 'pubtator.showPreviewToSide']);

export function registerWalkthrough(extensionUri: vscode.Uri): vscode.Disposable {
  const sampleUri = vscode.Uri.from({ scheme: 'untitled', path: SAMPLE_NAME });
  const openSample = async (): Promise<vscode.TextEditor> => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...SAMPLE_PATH));
    const document = await vscode.workspace.openTextDocument(sampleUri);
    // The walkthrough's "toSide" leaves an empty group beside it for the sample; use it even when
    // the click on the button has given the walkthrough's own group the focus back.
    const emptyGroup = vscode.window.tabGroups.all.find((g) => g.tabs.length === 0);
    const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: emptyGroup?.viewColumn });
    // Opened again while still open: keep what the user has done to it.
    if (document.getText() === '') {
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), new TextDecoder().decode(bytes)));
      // The next step goes to the first problem from the top of the file.
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    }
    if (document.languageId !== 'pubtator') await vscode.languages.setTextDocumentLanguage(document, 'pubtator');
    return editor;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, async () => {
      await openSample();
    }),
    vscode.commands.registerCommand(IN_SAMPLE_COMMAND, async (command: unknown) => {
      if (typeof command !== 'string' || !STEP_COMMANDS.has(command)) throw new Error(`${IN_SAMPLE_COMMAND} does not run ${String(command)}`);
      // The sample if it is open, else the PubTator file in view, else a new sample.
      const visible = vscode.window.visibleTextEditors;
      const target = visible.find((e) => e.document.uri.toString() === sampleUri.toString())
        ?? (vscode.window.activeTextEditor?.document.languageId === 'pubtator' ? vscode.window.activeTextEditor : undefined)
        ?? visible.find((e) => e.document.languageId === 'pubtator')
        ?? await openSample();
      await vscode.window.showTextDocument(target.document, { viewColumn: target.viewColumn, preserveFocus: false, preview: false });
      // Through the workbench's runCommands, so that VS Code sees the command run and the step
      // completes (onCommand): this extension's own commands, run from here, stay in the
      // extension host and the walkthrough never hears of them.
      await vscode.commands.executeCommand('runCommands', { commands: [command] });
    }),
  );
}
