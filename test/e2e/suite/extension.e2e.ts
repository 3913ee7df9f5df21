/// <reference types="mocha" />
// The extension as a user gets it: VS Code picks the language, the client
// starts the server, and diagnostics, hover and go to definition come back
// through the `vscode` API. Expectations are shared with the LSP and Neovim tests.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { expected, lspFixturesDir, type ExpectedDiagnostic } from '../../lsp/support/expected';

const SEVERITY: Record<ExpectedDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves with the first truthy value of `probe`, checked on every diagnostics change. */
function waitFor<T>(probe: () => T | undefined, what: string, ms = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = probe();
      if (value === undefined) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics(() => check());
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out waiting for ${what}`));
    }, ms);
    check();
  });
}

function pubtatorDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pubtator');
}

suite('PubTator extension in VS Code', () => {
  for (const [name, sample] of Object.entries(expected)) {
    const uri = vscode.Uri.file(join(lspFixturesDir, name));

    test(`${name}: language, diagnostics, hover and definition`, async () => {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, 'pubtator', 'the manifest maps the file to the pubtator language');
      await vscode.window.showTextDocument(doc);

      const diagnostics = await waitFor(() => {
        const list = pubtatorDiagnostics(uri);
        return list.length >= sample.diagnostics.length ? list : undefined;
      }, `diagnostics of ${name}`);
      assert.equal(diagnostics.length, sample.diagnostics.length, diagnostics.map((d) => codeOf(d)).join(', '));
      for (const w of sample.diagnostics) {
        const d = diagnostics.find((x) => codeOf(x) === w.code && x.range.start.line === w.line && x.range.start.character === w.character);
        assert.ok(d, `no ${w.code} at ${w.line}:${w.character}`);
        assert.equal(d.severity, SEVERITY[w.severity]);
        assert.deepEqual([d.range.end.line, d.range.end.character], [w.endLine, w.endCharacter]);
        for (const fact of w.messageIncludes) assert.ok(d.message.includes(fact), `${d.message} lacks ${fact}`);
      }

      for (const h of sample.hover) {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(h.line, h.character));
        const text = hovers.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        for (const fact of h.includes) assert.ok(text.includes(fact), `hover lacks ${fact}: ${text}`);
      }

      for (const d of sample.definition) {
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider', uri, new vscode.Position(d.line, d.character));
        const lines = found.map((l) => ('targetRange' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range).start.line);
        assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), d.lines);
        assert.ok(found.every((l) => ('targetUri' in l ? l.targetUri : l.uri).toString() === uri.toString()));
      }
    });
  }

  test('a changed severity setting reaches the server', async () => {
    const name = 'ketamine.pubtator';
    const uri = vscode.Uri.file(join(lspFixturesDir, name));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => (pubtatorDiagnostics(uri).length ? true : undefined), `diagnostics of ${name}`);
    const config = vscode.workspace.getConfiguration('pubtator');
    await config.update('severity.text-mismatch', 'warning', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => (pubtatorDiagnostics(uri).find((d) => codeOf(d) === 'text-mismatch')?.severity === vscode.DiagnosticSeverity.Warning ? true : undefined),
        'text-mismatch as a warning');
    } finally {
      await config.update('severity.text-mismatch', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => (pubtatorDiagnostics(uri).find((d) => codeOf(d) === 'text-mismatch')?.severity === vscode.DiagnosticSeverity.Error ? true : undefined),
      'text-mismatch back to an error');
  });
});
