// Curation from the preview: the view sends an intent (words selected, a
// mention and a key, a mention dropped on another); this file asks for what
// the intent lacks with VS Code's own pickers (entity type: a quick pick with
// counts and colours, digits 1-9 pick; id: a quick pick that takes what is
// typed, with the ids the server suggests and, as the curator types, the MeSH
// names the server finds (pubtator/curateMeshNames); relation type), then asks the
// server for the edit (pubtator/curate) and applies it as a WorkspaceEdit on
// the version it was computed for. All PubTator knowledge is in the server.

import * as vscode from 'vscode';
import { familyIcon } from './familyIcons';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ViewIntent, ViewMention } from './protocol';
import { OneQuestionAtATime } from './oneQuestion';

const CURATE_REQUEST = 'pubtator/curate';
const CHOICES_REQUEST = 'pubtator/curateChoices';
const MESH_NAMES_REQUEST = 'pubtator/curateMeshNames';
/** Quiet time after a keystroke before MeSH is asked (a name is typed in bursts). */
const MESH_DEBOUNCE_MS = 120;

interface Choice {
  value: string;
  count: number;
  detail?: string;
  family?: string;
}

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** A MeSH record whose name matches what is typed, `value` written as the file writes MeSH ids. */
interface MeshName {
  value: string;
  ui: string;
  kind: 'descriptor' | 'supplementary';
  name: string;
  term?: string;
}

/** The MeSH names for what is typed; none when there is no index or the server cannot say. */
type MeshSearch = (typed: string) => Promise<MeshName[]>;

type Answer =
  | { edits: Edit[]; label: string; version: number; count?: number }
  | { error: string }
  | { ask: string; relations: number[] };

/** Chart colours of the families (the preview's stylesheet uses the same). */
interface Item extends vscode.QuickPickItem {
  value: string;
  /** The item that stands for the text typed so far. */
  typed?: boolean;
}

export class Curator {
  /** The actions that ask in a modal dialog (annotate all, delete with relations): one at a time per file. */
  private readonly questions = new OneQuestionAtATime();

  constructor(private readonly getClient: () => BaseLanguageClient | undefined, private readonly extensionUri: vscode.Uri) {}

  /** Runs one intent of the view on the file `uri` at the version the view showed. */
  async run(uri: vscode.Uri, version: number, intent: ViewIntent): Promise<void> {
    const client = this.getClient();
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage('The PubTator language server is not running.');
      return;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) return;
    const textDocument = { uri: client.code2ProtocolConverter.asUri(uri) };
    const ask = async <T>(method: string, params: object): Promise<T> => client.sendRequest<T>(method, { textDocument, version, ...params });
    const choices = async (query: object): Promise<Choice[] | undefined> => {
      const r = await ask<{ choices: Choice[]; text?: string } | { error: string }>(CHOICES_REQUEST, { query });
      if ('error' in r) {
        void vscode.window.showWarningMessage(r.error);
        return undefined;
      }
      return r.choices;
    };
    const curate = (full: object) => ask<Answer>(CURATE_REQUEST, { intent: full });
    const meshNames: MeshSearch = async (text) => {
      try {
        const r = await client.sendRequest<{ choices: MeshName[] } | { error: string }>(MESH_NAMES_REQUEST, { textDocument, text });
        return 'choices' in r && Array.isArray(r.choices) ? r.choices : [];
      } catch {
        return [];
      }
    };

    switch (intent.kind) {
      case 'addSpan': {
        const types = await choices({ kind: 'types', selection: intent.selection });
        if (!types) return;
        const words = JSON.stringify(intent.selection.text.trim());
        const type = await pickType(types, this.extensionUri, `Entity type of ${words} (type to filter, 1-9 to pick, Enter for what is typed)`);
        if (type === undefined) return;
        const ids = await choices({ kind: 'ids', selection: intent.selection, type });
        if (!ids) return;
        const id = await pickId(ids, `Id of ${words} as ${type} (Enter on an empty line: no id)`, meshNames);
        if (id === undefined) return;
        await this.apply(document, await curate({ ...intent, type, id }));
        return;
      }
      case 'retype': {
        const types = await choices({ kind: 'types', mention: intent.mention });
        if (!types) return;
        const type = await pickType(types, this.extensionUri, `New entity type of ${describe(intent.mention)}`);
        if (type !== undefined) await this.apply(document, await curate({ ...intent, type }));
        return;
      }
      case 'reidentify': {
        const ids = await choices({ kind: 'ids', mention: intent.mention, type: intent.mention.type });
        if (!ids) return;
        const id = await pickId(ids, `New id of ${describe(intent.mention)} (Enter on an empty line: no id)`, meshNames, intent.mention.id.trim());
        if (id !== undefined) await this.apply(document, await curate({ ...intent, id }));
        return;
      }
      case 'delete': {
        await this.questions.run(uri.toString(), async () => {
          const first = await curate({ ...intent, relations: 'ask' });
          if ('ask' in first) {
            const both = 'Delete the Relations Too';
            const keep = 'Keep the Relations';
            const answer = await vscode.window.showWarningMessage(first.ask, { modal: true }, both, keep);
            if (!answer) return;
            await this.apply(document, await curate({ ...intent, relations: answer === both ? 'delete' : 'keep' }));
            return;
          }
          await this.apply(document, first);
        });
        return;
      }
      case 'annotateAll': {
        await this.questions.run(uri.toString(), async () => {
          const planned = await curate(intent);
          if ('edits' in planned) {
            const n = planned.count ?? 0;
            if (n === 0) {
              void vscode.window.showInformationMessage(`No other occurrence of ${JSON.stringify(intent.mention.text)} to annotate in ${intent.scope === 'file' ? 'the file' : 'this document'}.`);
              return;
            }
            const go = `Annotate ${n}`;
            if (await vscode.window.showInformationMessage(`${planned.label}?`, { modal: true }, go) !== go) return;
          }
          await this.apply(document, planned);
        });
        return;
      }
      case 'addRelation': {
        const types = await choices({ kind: 'relationTypes', from: intent.from, to: intent.to });
        if (!types) return;
        const type = await pickType(types, this.extensionUri, `Relation between ${describe(intent.from)} and ${describe(intent.to)}`);
        if (type !== undefined) await this.apply(document, await curate({ ...intent, type }));
        return;
      }
      default:
        await this.apply(document, await curate(intent));
    }
  }

  /** Applies the server's answer when the file is still at the version it was computed on. */
  private async apply(document: vscode.TextDocument, answer: Answer): Promise<void> {
    if ('error' in answer) {
      void vscode.window.showWarningMessage(answer.error);
      return;
    }
    if (!('edits' in answer)) return;
    if (document.version !== answer.version) {
      void vscode.window.showWarningMessage('The file changed while you chose; nothing was written. Try again.');
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    const metadata = { label: answer.label, needsConfirmation: false };
    for (const e of answer.edits) {
      edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText, metadata);
    }
    if (!await vscode.workspace.applyEdit(edit)) void vscode.window.showWarningMessage('VS Code did not apply the edit.');
  }
}

function describe(m: ViewMention): string {
  return `${JSON.stringify(m.text)} (${m.type.trim() || 'no type'})`;
}

/** A quick pick of ranked values: counts and colours shown, digits 1-9 pick the n-th, Enter takes what is typed when nothing matches. */
function pickType(choices: Choice[], extensionUri: vscode.Uri, placeholder: string): Promise<string | undefined> {
  const items: Item[] = choices.map((c, i) => ({
    label: c.value,
    description: `${i < 9 ? `${i + 1} · ` : ''}${c.count} in this file`,
    iconPath: c.family ? familyIcon(extensionUri, c.family) : undefined,
    value: c.value,
  }));
  return pick(items, placeholder, (typed) => {
    const digit = /^[1-9]$/.test(typed) ? Number(typed) : 0;
    return digit && digit <= items.length ? items[digit - 1].value : undefined;
  });
}

/**
 * A quick pick of ids: the first item writes no id, so Enter on an empty line means "no id".
 * The file's and corpus's ids come first; MeSH names matching what is typed follow them.
 */
function pickId(choices: Choice[], placeholder: string, meshNames?: MeshSearch, current?: string): Promise<string | undefined> {
  const items: Item[] = [{ label: '(no id)', description: 'the file\'s empty id', value: '' }];
  for (const c of choices) items.push({ label: c.value, description: c.detail, value: c.value });
  return pick(items, placeholder, undefined, current, meshNames && meshItems(meshNames));
}

/** MeSH names as items: the heading, "MeSH" and the id, and the entry term the text matched; shown whatever the filter. */
function meshItems(search: MeshSearch): (typed: string) => Promise<Item[]> {
  return async (typed) => {
    const names = typed.trim() ? await search(typed) : [];
    if (!names.length) return [];
    const separator: Item = { label: 'MeSH', kind: vscode.QuickPickItemKind.Separator, value: '' };
    return [separator, ...names.map((n): Item => ({
      label: n.name,
      description: `MeSH${n.kind === 'supplementary' ? ' supplementary' : ''} · ${n.value}${n.term ? ` · as “${n.term}”` : ''}`,
      value: n.value,
      alwaysShow: true,
    }))];
  };
}

function pick(items: Item[], placeholder: string, instant?: (typed: string) => string | undefined, value?: string,
  more?: (typed: string) => Promise<Item[]>): Promise<string | undefined> {
  return new Promise((resolve) => {
    const q = vscode.window.createQuickPick<Item>();
    q.placeholder = placeholder;
    q.matchOnDescription = false;
    q.items = items;
    if (value) q.value = value;
    let done = false;
    /** Items for the text typed, and the MeSH names of the latest answer (kept until the next one, so the list does not flicker). */
    let base = items;
    let extra: Item[] = [];
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Shows base and extra; an answer arriving keeps the item the keyboard is on. */
    const show = (keepActive = false) => {
      const active = keepActive ? q.activeItems[0] : undefined;
      q.items = [...base, ...extra];
      const again = active && q.items.find((i) => i.value === active.value && i.label === active.label);
      if (again) q.activeItems = [again];
    };
    const finish = (v: string | undefined) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      resolve(v);
      q.dispose();
    };
    const askMore = (typed: string) => {
      if (!more) return;
      if (timer) clearTimeout(timer);
      const n = ++asked;
      timer = setTimeout(() => {
        void more(typed).then((found) => {
          // An answer for text since changed is dropped: only the latest question's answer shows.
          if (done || n !== asked || (found.length === 0 && extra.length === 0)) return;
          extra = found;
          show(true);
        });
      }, MESH_DEBOUNCE_MS);
    };
    q.onDidChangeValue((typed) => {
      const now = instant?.(typed);
      if (now !== undefined) return finish(now);
      const v = typed.trim();
      base = v && !items.some((i) => i.value === v) ? [{ label: v, description: 'as typed', value: v, typed: true }, ...items] : items;
      if (!v) extra = [];
      show();
      askMore(typed);
    });
    if (value) askMore(value);
    q.onDidAccept(() => {
      // What is typed wins when it names an item exactly or when the chosen item stands for typed
      // text (the list may lag a keystroke behind, in the web worker host above all).
      const typed = q.value.trim();
      const chosen = q.selectedItems[0] ?? q.activeItems[0];
      const exact = typed !== '' && items.some((i) => i.value === typed);
      finish(exact || (typed !== '' && (!chosen || chosen.typed)) ? typed : chosen?.value ?? typed);
    });
    q.onDidHide(() => finish(undefined));
    q.show();
  });
}
