// The entity families' coloured dots for the type picker. A quick pick draws a
// ThemeIcon in the icon foreground only (VS Code ignores its colour there:
// microsoft/vscode#185356), so each family has a small SVG per theme kind, in
// the chart colours the preview's stylesheet gives the family.

import * as vscode from 'vscode';

const FAMILIES = new Set(['chemical', 'disease', 'gene', 'species', 'variant', 'cellline', 'other']);

/** The family's dot for light and dark themes; `other` for a family this version does not know. */
export function familyIcon(extensionUri: vscode.Uri, family: string): { light: vscode.Uri; dark: vscode.Uri } {
  const f = FAMILIES.has(family) ? family : 'other';
  const at = (kind: string) => vscode.Uri.joinPath(extensionUri, 'media', 'families', `${f}-${kind}.svg`);
  return { light: at('light'), dark: at('dark') };
}
