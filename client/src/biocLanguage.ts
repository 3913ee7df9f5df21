// BioC files get their own languages (`bioc` for XML, `bioc-json`): by name
// (*.bioc.xml, *.BioC.json ..., contributed in package.json) and, for any other
// .xml/.json file, by its content (a <collection> root, "documents" of
// "passages", PubTator3's {"PubTator3": [...]}), so the server checks them.

import * as vscode from 'vscode';
import { detectFormat } from '../../server/src/service/bioc/detect';

export const BIOC_LANGUAGES = ['bioc', 'bioc-json'];

/** Languages a BioC file may open as before its content is seen. */
const SNIFFED = new Set(['xml', 'json', 'jsonc', 'plaintext']);
const HEAD_CHARACTERS = 4096;

export function registerBiocLanguage(): vscode.Disposable {
  const sniff = (doc: vscode.TextDocument) => {
    if (!SNIFFED.has(doc.languageId)) return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 200), 0)).slice(0, HEAD_CHARACTERS);
    const format = detectFormat(head);
    const language = format === 'bioc-xml' ? 'bioc' : format === 'bioc-json' ? 'bioc-json' : undefined;
    if (language) void vscode.languages.setTextDocumentLanguage(doc, language).then(undefined, () => undefined);
  };
  vscode.workspace.textDocuments.forEach(sniff);
  return vscode.workspace.onDidOpenTextDocument(sniff);
}
