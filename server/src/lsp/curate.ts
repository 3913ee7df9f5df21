// LSP wiring of curation in the reading view: `pubtator/curate` turns an
// intent into the edits to apply (stamped with the version they were computed
// on; the client applies them only on that version), `pubtator/curateChoices`
// answers what the pickers offer, `pubtator/curateMeshNames` the MeSH records
// whose names match what is typed in the id picker (none without an index),
// and `pubtator/carryAnnotations` gives, for
// the edit that made a version, the row edits that keep the mentions on their
// words (computed when the edit arrives, from the parse it was made on).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Carry, ChoicesQuery, CurateIntent, CurateOptions } from '../service/languageService';
import type { ServerSettings } from './settings';
import type { OffsetUnit } from '../service/types';
import type { FeatureRegistration, ServerContext } from './serverContext';
import { CarryTracker } from '../service/edits/curate/carryTracker';
import { describe, runSafe } from './runSafe';
import { isBiocLanguage } from './biocViews';
import { nameOf } from './uriName';
import { meshNameChoices, type MeshNameChoice } from '../service/edits/curate/meshNames';

export const CURATE_REQUEST = 'pubtator/curate';
export const CURATE_CHOICES_REQUEST = 'pubtator/curateChoices';
export const CARRY_ANNOTATIONS_REQUEST = 'pubtator/carryAnnotations';
export const CURATE_MESH_NAMES_REQUEST = 'pubtator/curateMeshNames';

export interface CurateParams {
  textDocument: { uri: string };
  /** The version the view showed; another one is refused. */
  version?: number;
  intent: CurateIntent;
}

export interface CurateChoicesParams {
  textDocument: { uri: string };
  version?: number;
  query: ChoicesQuery;
}

export interface MeshNamesParams {
  textDocument: { uri: string };
  /** What is typed in the id picker. */
  text: string;
  limit?: number;
}

export interface MeshNamesAnswer {
  choices: MeshNameChoice[];
}

export interface CarryParams {
  textDocument: { uri: string };
  /** The version the edit made. */
  version: number;
}

export type CarryAnswer = Carry & { version: number };

/**
 * With `auto`, how long at most the check of a version whose edit moved rows waits for the
 * client's carry, which comes a round trip later (and cancels the wait): a check before it would
 * flash a problem on every span after the edit. Long, so that a slow machine's round trip fits;
 * only a carry that never comes costs it. With `offer` and `off` nothing waits.
 */
export const CARRY_WAIT_MS = 2000;

const STALE = { error: 'The file changed since the view showed it; nothing was written. Try again on the updated view.' };
const UNITS: readonly OffsetUnit[] = ['codepoint', 'utf16'];

export function registerCurate(ctx: ServerContext): FeatureRegistration {
  const { connection, documents, service, log } = ctx;
  /** Per document: the carry of the edit that made `version`, for each offset unit. */
  const carried = new Map<string, { version: number; byUnit: Map<OffsetUnit, Carry> }>();

  async function withDocument<T>(params: { textDocument?: { uri?: unknown }; version?: unknown } | undefined, what: string,
    run: (doc: NonNullable<ReturnType<typeof documents.get>>, unit: OffsetUnit, options: CurateOptions,
      settings: ServerSettings) => T): Promise<T | { error: string }> {
    const uri = params?.textDocument?.uri;
    try {
      if (typeof uri !== 'string' || !documents.get(uri)) return { error: 'The document is not open.' };
      const settings = await ctx.settingsFor(uri);
      const doc = documents.get(uri);
      if (!doc) return { error: 'The document is not open.' };
      // The preview of a BioC file reads it; PubTator edits would break its XML/JSON.
      if (isBiocLanguage(doc.languageId)) return { error: 'A BioC file is read-only in the preview: convert it to PubTator (pubtator convert) to curate it.' };
      if (typeof params?.version === 'number' && params.version !== doc.version) return STALE;
      return runSafe<T | { error: string }>(log, `${what} in ${uri}`, { error: `${what} failed; see the PubTator log.` },
        () => run(doc, settings.unit, { unit: settings.unit, schema: settings.schema }, settings));
    } catch (e) {
      log.error(`${what} failed: ${describe(e)}`);
      return { error: `${what} failed; see the PubTator log.` };
    }
  }

  connection.onRequest(CURATE_REQUEST, (params: CurateParams) => withDocument(params, 'Curation', (doc, _unit, options) => {
    const result = service.curate(ctx.fileOf(doc), params.intent, options);
    return 'edits' in result ? { ...result, version: doc.version } : result;
  }));

  // The id picker also offers what the other open files gave to the same words (and
  // the workspace's files that are not open, by their index: corpusIds.ts), and MeSH headings.
  connection.onRequest(CURATE_CHOICES_REQUEST, (params: CurateChoicesParams) => withDocument(params, 'Curation choices', (doc, _unit, options, settings) => {
    // Asked for types too: the type picker comes first, so the index is on its way for the id picker.
    const indexed = params.query?.kind === 'relationTypes' ? [] : ctx.extensions.corpusIds.flatMap((f) => f());
    const ids = params.query?.kind === 'ids' ? {
      others: documents.all().filter((d) => d.uri !== doc.uri).map((d) => ({ name: nameOf(d.uri), file: ctx.fileOf(d) })),
      indexed,
      mesh: ctx.conceptSources(settings)?.mesh,
    } : undefined;
    return service.curateChoices(ctx.fileOf(doc), params.query, { ...options, ids });
  }));

  // Asked as the curator types an id: no version (the text typed is the question), no index no names.
  connection.onRequest(CURATE_MESH_NAMES_REQUEST, (params: MeshNamesParams) => withDocument(params, 'MeSH names',
    (doc, _unit, _options, settings): MeshNamesAnswer => ({
      choices: meshNameChoices(ctx.fileOf(doc), undefined, params.text, ctx.conceptSources(settings)?.mesh, params.limit),
    })));

  /** Per document: the run of keystrokes on one passage line (see carryTracker.ts). */
  const trackers = new Map<string, CarryTracker>();
  ctx.onBeforeChange((uri, before, change: TextDocumentContentChangeEvent, version) => {
    carried.delete(uri);
    if (!('range' in change)) {
      trackers.delete(uri);
      return;
    }
    let tracker = trackers.get(uri);
    if (!tracker) trackers.set(uri, tracker = new CarryTracker());
    const byUnit = tracker.edit(before, { range: change.range, text: change.text }, version, UNITS);
    if (byUnit && [...byUnit.values()].some((c) => c.edits.length)) carried.set(uri, { version, byUnit });
  });
  /** Per document: whether the client carries the rows itself (`auto`), as its settings last said. */
  const carriesItself = new Map<string, boolean>();
  const learnMode = (uri: string) => {
    ctx.settingsFor(uri).then((s) => carriesItself.set(uri, s.carryAnnotations === 'auto'), () => undefined);
  };
  documents.onDidOpen((e) => learnMode(e.document.uri));
  ctx.extensions.validationWaits.push((uri, version) => (carried.get(uri)?.version === version && carriesItself.get(uri) ? CARRY_WAIT_MS : 0));
  documents.onDidClose((e) => {
    carried.delete(e.document.uri);
    trackers.delete(e.document.uri);
    carriesItself.delete(e.document.uri);
  });

  connection.onRequest(CARRY_ANNOTATIONS_REQUEST, async (params: CarryParams): Promise<CarryAnswer | null> => {
    const answer = await withDocument(params, 'Carrying annotations', (doc, unit): CarryAnswer | null => {
      const entry = carried.get(doc.uri);
      const carry = entry && entry.version === doc.version ? entry.byUnit.get(unit) : undefined;
      return carry ? { ...carry, version: doc.version } : null;
    });
    return answer && 'edits' in answer ? answer : null;
  });
  return {
    settingsChanged() {
      for (const doc of documents.all()) learnMode(doc.uri);
    },
  };
}
