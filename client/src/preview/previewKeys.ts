// The keys of the preview, the one list of them: package.json contributes
// exactly these commands and keybindings (test/unit/previewKeys.test.ts checks
// it), curateKeys.ts registers the commands, and `?` in the view shows them
// with their default keys. Pure data: no vscode import, so tests read it.

import type { KeyAction, KeyHelp } from './protocol';

export const PREVIEW_UNDO = 'pubtator.preview.undo';
export const PREVIEW_REDO = 'pubtator.preview.redo';

/**
 * While the preview has the keyboard: its panel is the active editor and no view (side bar, panel)
 * nor input (quick pick, find widget) has the focus. VS Code only passes on keys from a focused view.
 */
export const PREVIEW_KEYS_WHEN = "activeWebviewPanelId == 'pubtator.preview' && !inputFocus && !focusedView";

export interface PreviewKey {
  command: string;
  title: string;
  /** Default keys as package.json writes them (the first is the one the help shows first). */
  keys: string[];
  /** Keys on macOS when they differ. */
  mac?: string[];
  /** What the view does; undefined for undo and redo, which run in the file's editor. */
  action?: KeyAction;
  /** An extra condition (Escape leaves the find widget and the notifications their own Escape). */
  when?: string;
}

export const PREVIEW_KEYS: PreviewKey[] = [
  { command: 'pubtator.preview.showKeys', title: 'Show the Keys', keys: ['shift+/'], action: 'help' },
  { command: 'pubtator.preview.nextMention', title: 'Go to the Next Mention', keys: ['tab'], action: 'next' },
  { command: 'pubtator.preview.previousMention', title: 'Go to the Previous Mention', keys: ['shift+tab'], action: 'previous' },
  { command: 'pubtator.preview.retype', title: 'Retype the Mention', keys: ['t'], action: 'retype' },
  { command: 'pubtator.preview.reidentify', title: 'Change the Id of the Mention', keys: ['i'], action: 'reidentify' },
  { command: 'pubtator.preview.delete', title: 'Delete the Mention (or the Focused Relation)', keys: ['delete', 'backspace'], action: 'delete' },
  { command: 'pubtator.preview.moveEndRight', title: 'Move the End of the Mention a Word Right', keys: ['shift+right'], action: 'endRight' },
  { command: 'pubtator.preview.moveEndLeft', title: 'Move the End of the Mention a Word Left', keys: ['shift+left'], action: 'endLeft' },
  { command: 'pubtator.preview.moveStartLeft', title: 'Move the Start of the Mention a Word Left', keys: ['alt+left'], action: 'startLeft' },
  { command: 'pubtator.preview.moveStartRight', title: 'Move the Start of the Mention a Word Right', keys: ['alt+right'], action: 'startRight' },
  { command: 'pubtator.preview.annotateAll', title: 'Annotate Every Other Occurrence in the Document', keys: ['a'], action: 'annotateAll' },
  { command: 'pubtator.preview.annotateAllInFile', title: 'Annotate Every Other Occurrence in the File', keys: ['shift+a'], action: 'annotateAllInFile' },
  { command: 'pubtator.preview.relate', title: 'Relate the Mention (Then Walk to Another and Confirm)', keys: ['r'], action: 'relate' },
  { command: 'pubtator.preview.confirmRelation', title: 'Relate the Two Mentions', keys: ['enter'], action: 'confirm' },
  { command: 'pubtator.preview.leave', title: 'Leave the Mention, Close the Keys', keys: ['escape'], action: 'leave', when: '!webviewFindWidgetVisible && !notificationToastsVisible' },
  { command: PREVIEW_UNDO, title: 'Undo in the Previewed File', keys: ['ctrl+z'], mac: ['cmd+z'] },
  { command: PREVIEW_REDO, title: 'Redo in the Previewed File', keys: ['ctrl+y', 'ctrl+shift+z'], mac: ['cmd+shift+z'] },
];

export const PREVIEW_KEYS_CATEGORY = 'PubTator Preview';

/** The `when` of a key's keybindings. */
export function whenOf(k: PreviewKey): string {
  return k.when ? `${PREVIEW_KEYS_WHEN} && ${k.when}` : PREVIEW_KEYS_WHEN;
}

/** The keybindings package.json contributes for PREVIEW_KEYS (one per default key). */
export function keybindingsOf(keys: PreviewKey[]): { command: string; key: string; mac?: string; when: string }[] {
  return keys.flatMap((k) => k.keys.map((key, i) => {
    const mac = k.mac?.[i];
    return { command: k.command, key, ...(mac ? { mac } : {}), when: whenOf(k) };
  }));
}

const SHOWN: Record<string, string> = {
  'shift+/': '?', left: '←', right: '→', up: '↑', down: '↓', ctrl: 'Ctrl', shift: 'Shift', alt: 'Alt', cmd: 'Cmd', tab: 'Tab',
  enter: 'Enter', escape: 'Escape', delete: 'Delete', backspace: 'Backspace',
};

/** A key as VS Code shows it: `shift+right` is Shift+→, `t` is T, `shift+/` is ?. */
export function showKey(key: string): string {
  if (SHOWN[key]) return SHOWN[key];
  return key.split('+').map((part) => SHOWN[part] ?? part.toUpperCase()).join('+');
}

/** The help overlay's lines, on this platform. */
export function keyHelp(mac: boolean): KeyHelp[] {
  return PREVIEW_KEYS.map((k) => ({ title: k.title, keys: (mac && k.mac ? k.mac : k.keys).map(showKey).join(' / ') }));
}
