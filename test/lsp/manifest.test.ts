// The manifest's language, settings and packaging fields: what VS Code reads
// before any code runs, so a slip here silently disables the extension.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { configurationContribution } from '../../server/src/lsp/settingsSchema';
import { WATCHED } from '../../server/src/lsp/workspaceChecks';
import { CHECKS } from '../../server/src/service/checks/index';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('package.json', () => {
  it('has one severity setting per check, with its default (run scripts/sync-manifest.mjs when this fails)', () => {
    assert.deepEqual(manifest.contributes.configuration, configurationContribution());
    const props = manifest.contributes.configuration.properties;
    for (const check of CHECKS) {
      const setting = props[`pubtator.severity.${check.code}`];
      assert.ok(setting, check.code);
      assert.equal(setting.default, check.defaultSeverity);
      assert.deepEqual(setting.enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
    assert.equal(props['pubtator.offsetUnit'].default, 'codepoint');
    assert.deepEqual(props['pubtator.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('declares the pubtator language, its grammar and explicit activation', () => {
    const [language] = manifest.contributes.languages;
    assert.equal(language.id, 'pubtator');
    assert.deepEqual(language.extensions, ['.pubtator', '.PubTator']);
    assert.deepEqual(language.filenamePatterns, ['*PubTator*.txt']);
    assert.equal(language.configuration, './language-configuration.json');
    const firstLine = new RegExp(language.firstLine);
    assert.ok(firstLine.test('39000001|t|Ketamine and depression'));
    assert.ok(firstLine.test('BC8_BioRED_Task1_Doc500|a|'));
    assert.ok(!firstLine.test('39000001\t0\t8\tKetamine\tChemical\tMESH:D007649'));
    assert.ok(!firstLine.test('key|value|other'));
    assert.deepEqual(manifest.contributes.grammars, [
      { language: 'pubtator', scopeName: 'source.pubtator', path: './syntaxes/pubtator.tmLanguage.json' },
      // BioC (docs/bioc.md): XML's and JSON's own grammars.
      { language: 'bioc', scopeName: 'text.xml.bioc', path: './syntaxes/bioc.tmLanguage.json' },
      { language: 'bioc-json', scopeName: 'source.json.bioc', path: './syntaxes/bioc-json.tmLanguage.json' },
    ]);
    assert.deepEqual(manifest.contributes.languages.slice(1).map((l: { id: string }) => l.id), ['bioc', 'bioc-json']);
    // onWebviewPanel: a preview left open is restored after a reload even with no PubTator file open;
    // workspaceContains: a workspace holding PubTator files has their problems listed without opening them.
    // onLanguage:xml/json: an .xml/.json file whose content is BioC is given the bioc language by the client.
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:pubtator', 'onLanguage:bioc', 'onLanguage:bioc-json', 'onLanguage:xml', 'onLanguage:json', 'onWebviewPanel:pubtator.preview', ...WATCHED.map((glob) => `workspaceContains:${glob}`),
    ]);
    assert.equal(manifest.main, './dist/client/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.bin['pubtator-language-server'], 'dist/server/server.js');
  });

  it('asks for a VS Code that vscode-languageclient supports, with matching typings', () => {
    const client = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'));
    assert.equal(manifest.engines.vscode, client.engines.vscode);
    assert.match(manifest.devDependencies['@types/vscode'], /^1\.91\./);
  });

  it('runs where the workspace is (a remote, or the desktop), and in a browser from its web entry', () => {
    // VS Code adds `web` itself when it runs in a browser and the manifest has a `browser` entry.
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.ok(manifest.main && manifest.browser);
  });

  it('offers the commands a language extension is expected to have', () => {
    const titles = manifest.contributes.commands.map((c: { command: string; category: string; title: string }) => `${c.command}: ${c.category}: ${c.title}`);
    assert.ok(titles.includes('pubtator.restartServer: PubTator: Restart Language Server'), JSON.stringify(titles));
    assert.ok(titles.includes('pubtator.showOutput: PubTator: Show Output'), JSON.stringify(titles));
  });

  it('works in untrusted and virtual workspaces', () => {
    // Limited in untrusted workspaces: everything works but the network look-ups.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['pubtator.online.enabled']);
    assert.match(manifest.capabilities.untrustedWorkspaces.description, /no network requests/);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});
