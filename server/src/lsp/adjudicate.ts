// LSP wiring of "Adjudicate with…": the file open in the editor is the
// result being made, the other annotator's file is open too (its live text)
// or sent by the client. The client asks for the disagreements (service/merge/
// adjudication.ts) at a version of the file, and for the edit that settles one
// by ours/theirs/both/neither; an edit asked for at an older version is
// refused (the client asks again), so a decision never lands on moved rows.

import { decisionEdits, disagreements, type Choice, type Disagreement } from '../service/merge/adjudication';
import type { TextEdit } from '../service/edits/textEdit';
import { runSafe } from './runSafe';
import type { FeatureRegistration, ServerContext } from './serverContext';

/** Client -> server: the disagreements of `uri` with `other` (AdjudicateListParams); answers AdjudicateList. */
export const ADJUDICATE_LIST_REQUEST = 'pubtator/adjudicate.list';
/** Client -> server: the edits settling one disagreement (AdjudicateDecideParams); answers AdjudicateDecision. */
export const ADJUDICATE_DECIDE_REQUEST = 'pubtator/adjudicate.decide';
/** Client -> server: stop adjudicating `uri` (forget the other file's text). */
export const ADJUDICATE_STOP_REQUEST = 'pubtator/adjudicate.stop';

export interface AdjudicateListParams {
  uri: string;
  /** The other file: its uri, and its text unless it is open in the editor. Absent: the file's own git conflicts only. */
  other?: { uri: string; text?: string };
}

export type AdjudicateList = { ok: true; version: number; disagreements: Disagreement[] } | { ok: false; message: string };

export interface AdjudicateDecideParams {
  uri: string;
  version: number;
  id: string;
  choice: Choice;
}

export type AdjudicateDecision = { ok: true; edits: TextEdit[] } | { ok: false; stale?: boolean; message: string };

const CHOICES: readonly Choice[] = ['ours', 'theirs', 'both', 'neither'];

/** Per server: the other annotator's text for a file being adjudicated with one (read by the preview, lsp/preview.ts). */
const otherTexts = new WeakMap<ServerContext, (uri: string) => string | undefined>();

/** The other file's text while `uri` is adjudicated with another file; undefined otherwise (and for a git conflict). */
export function adjudicatedWith(ctx: ServerContext, uri: string): string | undefined {
  return otherTexts.get(ctx)?.(uri);
}

export function registerAdjudicate(ctx: ServerContext): FeatureRegistration {
  const { connection, documents, log } = ctx;
  /** Per adjudicated file: the other file's uri and the text the client sent. */
  const others = new Map<string, { uri: string; text?: string }>();

  /** The other file's text; null: there is none (a git-conflicted file on its own); undefined: neither open nor sent. */
  const otherText = (uri: string): string | null | undefined => {
    const other = others.get(uri);
    if (!other) return null;
    return documents.get(other.uri)?.getText() ?? other.text;
  };

  otherTexts.set(ctx, (uri) => otherText(uri) ?? undefined);

  connection.onRequest<AdjudicateList, unknown>(ADJUDICATE_LIST_REQUEST, (params: AdjudicateListParams): AdjudicateList => runSafe<AdjudicateList>(log, 'Listing disagreements',
    { ok: false, message: 'Listing the disagreements failed; see the PubTator Language Server output.' }, (): AdjudicateList => {
      const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!doc) return { ok: false, message: 'Open the file to adjudicate in the editor first.' };
      if (params.other && typeof params.other.uri === 'string') {
        if (params.other.uri === params.uri) return { ok: false, message: 'Pick the other annotator\'s file: this is the file itself.' };
        others.set(params.uri, { uri: params.other.uri, text: typeof params.other.text === 'string' ? params.other.text : others.get(params.uri)?.text });
      }
      const other = otherText(params.uri);
      if (other === undefined) return { ok: false, message: 'The other file is not open and its text was not sent.' };
      return { ok: true, version: doc.version, disagreements: disagreements(doc.getText(), other ?? undefined) };
    }));

  connection.onRequest<AdjudicateDecision, unknown>(ADJUDICATE_DECIDE_REQUEST, (params: AdjudicateDecideParams): AdjudicateDecision => runSafe<AdjudicateDecision>(log, 'Settling a disagreement',
    { ok: false, message: 'Settling the disagreement failed; see the PubTator Language Server output.' }, (): AdjudicateDecision => {
      const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!doc) return { ok: false, message: 'The file is not open.' };
      if (!CHOICES.includes(params.choice)) return { ok: false, message: `Unknown choice ${JSON.stringify(params.choice)}.` };
      if (params.version !== doc.version) return { ok: false, stale: true, message: 'The file changed since the list was made.' };
      const other = otherText(params.uri);
      if (other === undefined) return { ok: false, message: 'The other file is not open and its text was not sent.' };
      const text = doc.getText();
      const d = disagreements(text, other ?? undefined).find((x) => x.id === params.id);
      if (!d) return { ok: false, stale: true, message: 'That disagreement is settled already.' };
      return { ok: true, edits: decisionEdits(text, d, params.choice) };
    }));

  connection.onRequest(ADJUDICATE_STOP_REQUEST, (params: { uri?: string }) => runSafe(log, 'Stopping adjudication', false, () => {
    return typeof params?.uri === 'string' ? others.delete(params.uri) : false;
  }));

  documents.onDidClose((e) => { others.delete(e.document.uri); });
  return {};
}
