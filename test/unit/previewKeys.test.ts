// The preview's keys are VS Code keybindings: package.json contributes exactly the commands and
// keybindings of client/src/preview/previewKeys.ts (so users can rebind every key, and the help
// overlay lists what is bound by default), each scoped to the focused preview, and the keys are
// shown as VS Code shows them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { keybindingsOf, keyHelp, PREVIEW_KEYS, PREVIEW_KEYS_CATEGORY, PREVIEW_KEYS_WHEN, showKey } from '../../client/src/preview/previewKeys';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
  };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const ours = (x: { command: string }) => x.command.startsWith('pubtator.preview.');

describe('the keys of the preview', () => {
  it('are contributed commands, one per key, titled in the PubTator Preview category', () => {
    const contributed = manifest.contributes.commands.filter(ours);
    assert.deepEqual(contributed, PREVIEW_KEYS.map((k) => ({ command: k.command, title: k.title, category: PREVIEW_KEYS_CATEGORY })));
    assert.equal(new Set(PREVIEW_KEYS.map((k) => k.command)).size, PREVIEW_KEYS.length, 'no command twice');
    const actions = PREVIEW_KEYS.flatMap((k) => (k.action ? [k.action] : []));
    assert.equal(new Set(actions).size, actions.length, 'no action twice');
    assert.equal(actions.length, PREVIEW_KEYS.length - 2, 'every key but undo and redo acts in the view');
  });

  it('are keybindings of package.json, exactly those of the list, each only while the preview has the keyboard', () => {
    const bound = manifest.contributes.keybindings.filter(ours);
    assert.deepEqual(bound, keybindingsOf(PREVIEW_KEYS));
    for (const b of bound) {
      assert.ok(b.when?.startsWith(PREVIEW_KEYS_WHEN), `${b.command} ${b.key}: ${b.when}`);
    }
    assert.match(PREVIEW_KEYS_WHEN, /activeWebviewPanelId == 'pubtator\.preview'/);
    assert.match(PREVIEW_KEYS_WHEN, /!inputFocus/, 'never a key typed in a quick pick or the find widget');
    // The same key is bound once: two commands on one key would leave one of them unreachable.
    const keys = bound.map((b) => b.key);
    assert.equal(new Set(keys).size, keys.length, keys.join(' '));
    // Plain letters (never bound while an input has the focus): the four of the docs.
    const plain = PREVIEW_KEYS.filter((k) => k.keys.some((x) => /^[a-z]$/.test(x))).map((k) => k.command);
    assert.deepEqual(plain.sort(), ['pubtator.preview.annotateAll', 'pubtator.preview.reidentify', 'pubtator.preview.relate', 'pubtator.preview.retype']);
  });

  it('are in the command palette only while the preview is the active editor', () => {
    const listed = manifest.contributes.menus.commandPalette.filter(ours);
    assert.deepEqual(listed.map((x) => x.command), PREVIEW_KEYS.map((k) => k.command));
    for (const x of listed) assert.equal(x.when, "activeWebviewPanelId == 'pubtator.preview'");
  });

  it('are shown as VS Code shows keys', () => {
    assert.equal(showKey('shift+/'), '?');
    assert.equal(showKey('shift+right'), 'Shift+→');
    assert.equal(showKey('alt+left'), 'Alt+←');
    assert.equal(showKey('t'), 'T');
    assert.equal(showKey('shift+a'), 'Shift+A');
    assert.equal(showKey('ctrl+shift+z'), 'Ctrl+Shift+Z');
    assert.equal(showKey('backspace'), 'Backspace');
  });

  it('fill the help overlay: every command with its default keys, those of a Mac on a Mac', () => {
    const help = keyHelp(false);
    assert.equal(help.length, PREVIEW_KEYS.length);
    assert.deepEqual(help.find((h) => h.title === 'Delete the Mention (or the Focused Relation)'), { title: 'Delete the Mention (or the Focused Relation)', keys: 'Delete / Backspace' });
    assert.equal(help.find((h) => h.title === 'Redo in the Previewed File')?.keys, 'Ctrl+Y / Ctrl+Shift+Z');
    assert.equal(keyHelp(true).find((h) => h.title === 'Redo in the Previewed File')?.keys, 'Cmd+Shift+Z');
    assert.equal(keyHelp(true).find((h) => h.title === 'Show the Keys')?.keys, '?');
  });
});
