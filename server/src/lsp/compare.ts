// LSP wiring of "Compare with…": a comparison session per compared file (the
// predictions, open in the editor) against a reference file, which is either
// open too (its live text is used) or sent by the client (read through
// vscode.workspace.fs, re-sent when it changes on disk). The service does the
// work (service/compare); this file keeps sessions, recomputes after edits of
// either file (only edited documents are compared again), and hands out:
// - diagnostics of source "compare", merged by the server core into the same
//   publish as the checker's (ctx.extensions.diagnostics), so neither
//   replaces the other, and any LSP client shows both (a second push would
//   clobber; pull diagnostics are not supported by every client);
// - a code lens per document, quick fixes, and a summary model the client's
//   view renders, pushed whenever it changes.

import { CodeLensRefreshRequest, type CodeLens, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { comparingFiles, PairCache, type FileComparison } from '../service/compare/compareFiles';
import { symmetryRule } from '../service/compare/symmetry';
import type { SymmetryRule } from '../service/compare/model';
import { COMPARE_SOURCE, type CompareDiagnostic } from '../service/compare/diagnosticModel';
import { comparisonLenses, summaryModel, type CompareSummaryModel } from '../service/compare/editorView';
import { pairDiagnostics } from '../service/compare/pairDiagnostics';
import { compareFixes, type CompareFix } from '../service/compare/fixes';
import { groupsOf } from '../service/compare/groups';
import type { DocumentScope } from '../service/compare/scorer';
import { IncrementalFile } from '../service/incrementalFile';
import type { ParsedFile } from '../service/parse/model';
import { parsePubtator } from '../service/parse/parseFile';
import type { OffsetUnit } from '../service/types';
import { describe, runSafe } from './runSafe';
import type { FeatureRegistration, ServerContext } from './serverContext';
import { nameOf } from './uriName';

/** Client -> server: start comparing `uri` with a reference (CompareStartParams); answers CompareStartResult. */
export const COMPARE_START_REQUEST = 'pubtator/compare.start';
/** Client -> server: stop comparing `uri` (or every file when no uri); answers the uris stopped. */
export const COMPARE_STOP_REQUEST = 'pubtator/compare.stop';
/** Client -> server: the reference's text changed on disk ({ uri, text }). */
export const COMPARE_REFERENCE_TEXT_NOTIFICATION = 'pubtator/compare.referenceText';
/** Client -> server: how many document ids each candidate file shares with `uri` (CandidatesParams). */
export const COMPARE_CANDIDATES_REQUEST = 'pubtator/compare.candidates';
/** Server -> client: a comparison's summary, or null when it stopped ({ uri, summary }). */
export const COMPARE_SUMMARY_NOTIFICATION = 'pubtator/compare.summary';

export interface CompareStartParams {
  uri: string;
  reference: { uri: string; name?: string; text?: string };
  match?: 'exact' | 'overlap';
  documents?: DocumentScope;
}

export type CompareStartResult = { ok: true; summary: CompareSummaryModel } | { ok: false; message: string };

export interface CandidatesParams {
  uri: string;
  candidates: { uri: string; text?: string }[];
}

export interface Candidate {
  uri: string;
  /** Document ids this candidate shares with the file, and how many it has. */
  shared: number;
  documents: number;
}

export interface CompareQuickFix extends CompareFix {
  diagnostic: LspDiagnostic;
}

/** How long after the last edit the summary and lenses are brought up to date. */
const SETTLE_MS = 300;
/** Work done before yielding to other requests while a whole comparison is computed. */
const SLICE_MS = 15;
/**
 * Differences marked in one file at most: a system output compared over a
 * large corpus can differ in hundreds of thousands of places, more than an
 * editor can take on every keystroke. The view's counts cover them all.
 */
export const MAX_COMPARE_DIAGNOSTICS = 5000;

interface Computed {
  current: ParsedFile;
  reference: ParsedFile;
  unit: OffsetUnit;
  comparison: FileComparison;
  diagnostics: LspDiagnostic[];
  /** Made when the editor asks for them. */
  lenses?: CodeLens[];
  summary: string;
}

class Session {
  cache = new PairCache();
  /** The offset unit the cached results were computed in. */
  cacheUnit: OffsetUnit | undefined;
  /** The reference's text as the client sent it, when it is not open. */
  sent: IncrementalFile | undefined;
  /** The reference parse used last (kept when the open reference closes, until the client re-sends it). */
  lastReference: ParsedFile | undefined;
  computed: Computed | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Summary last pushed to the client. */
  pushed = '';
  stopped = false;

  constructor(
    readonly uri: string,
    readonly referenceUri: string,
    readonly names: { current: string; reference: string },
    readonly options: { match: 'exact' | 'overlap'; documents: DocumentScope; symmetric: SymmetryRule },
  ) {}
}

export function registerCompare(ctx: ServerContext): FeatureRegistration {
  const { connection, documents, log } = ctx;
  const unitFor = async (uri: string): Promise<OffsetUnit> => (await ctx.settingsFor(uri)).unit;
  const sessions = new Map<string, Session>();
  let lensRefresh = false;
  const refreshLenses = () => {
    if (lensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch((e) => log.error(`Refreshing code lenses failed: ${describe(e)}`));
  };

  const currentFile = (s: Session) => {
    const doc = documents.get(s.uri);
    return doc ? ctx.fileOf(doc) : undefined;
  };
  const referenceFile = (s: Session) => {
    const doc = documents.get(s.referenceUri);
    const file = doc ? ctx.fileOf(doc) : s.sent?.file ?? s.lastReference;
    if (file) s.lastReference = file;
    return file;
  };

  type Pending = { current: ParsedFile; reference: ParsedFile; steps: Generator<void, FileComparison> };

  /** The comparison as computed for the files as they are now, or the steps that compute it (kept pairs reused). */
  function begin(s: Session, unit: OffsetUnit): Computed | Pending | undefined {
    const current = currentFile(s);
    const reference = referenceFile(s);
    if (!current || !reference) return undefined;
    const c = s.computed;
    if (c && c.current === current && c.reference === reference && c.unit === unit) return c;
    if (s.cacheUnit !== unit) {
      s.cache = new PairCache();
      s.cacheUnit = unit;
    }
    return { current, reference, steps: comparingFiles(reference, current, { ...s.options, view: { unit } }, s.cache) };
  }

  /** Computes in slices, letting other requests in between (a whole 50 MB comparison takes seconds). */
  async function compute(s: Session, unit: OffsetUnit): Promise<Computed | undefined> {
    const started = begin(s, unit);
    if (!started || !('steps' in started)) return started;
    let step = started.steps.next();
    let sliceStart = performance.now();
    while (!step.done) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (s.stopped) return undefined;
        sliceStart = performance.now();
      }
      step = started.steps.next();
    }
    return finish(s, started.current, started.reference, unit, step.value);
  }

  /** Computes at once: after an edit only the edited documents are compared again. */
  function computeNow(s: Session, unit: OffsetUnit): Computed | undefined {
    const started = begin(s, unit);
    if (!started || !('steps' in started)) return started;
    let step = started.steps.next();
    while (!step.done) step = started.steps.next();
    return finish(s, started.current, started.reference, unit, step.value);
  }

  function finish(s: Session, current: ParsedFile, reference: ParsedFile, unit: OffsetUnit, comparison: FileComparison): Computed {
    const computed: Computed = {
      current, reference, unit, comparison,
      diagnostics: capped(comparison, unit, s),
      summary: JSON.stringify(summaryModel(comparison, s.names)),
    };
    s.computed = computed;
    return computed;
  }

  /** Brings a session's summary, lenses and (for reference edits) diagnostics up to date, and tells the client. */
  async function settle(s: Session, republish: boolean): Promise<void> {
    if (s.stopped) return;
    const unit = await unitFor(s.uri);
    const computed = await compute(s, unit);
    if (!computed || s.stopped) return;
    if (republish) ctx.republish(s.uri);
    if (computed.summary !== s.pushed) {
      s.pushed = computed.summary;
      void connection.sendNotification(COMPARE_SUMMARY_NOTIFICATION, { uri: s.uri, summary: JSON.parse(computed.summary) as CompareSummaryModel });
      // Some document's scores changed: the lenses too (an editor asks again after edits of the file
      // itself, but not after edits of the reference).
      refreshLenses();
    }
  }

  function schedule(s: Session, republish: boolean): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      settle(s, republish).catch((e) => log.error(`Updating the comparison of ${s.uri} failed: ${describe(e)}`));
    }, SETTLE_MS);
  }

  function stop(s: Session): void {
    s.stopped = true;
    if (s.timer) clearTimeout(s.timer);
    sessions.delete(s.uri);
    ctx.republish(s.uri);
    void connection.sendNotification(COMPARE_SUMMARY_NOTIFICATION, { uri: s.uri, summary: null });
    refreshLenses();
    // Once more when the publish that follows is out: an editor may still be drawing the lenses it had.
    setTimeout(refreshLenses, SETTLE_MS);
  }

  connection.onRequest(COMPARE_START_REQUEST, async (params: CompareStartParams): Promise<CompareStartResult> => {
    try {
      const uri = params?.uri;
      const ref = params?.reference;
      if (typeof uri !== 'string' || typeof ref?.uri !== 'string') return { ok: false, message: 'Give the file to compare and the reference file.' };
      if (!documents.get(uri)) return { ok: false, message: 'Open the file to compare in the editor first.' };
      if (ref.uri === uri) return { ok: false, message: 'Pick another file to compare with: this is the file itself.' };
      if (!documents.get(ref.uri) && typeof ref.text !== 'string') return { ok: false, message: `The reference ${nameOf(ref.uri)} is not open and its text was not sent.` };
      const old = sessions.get(uri);
      if (old) stop(old);
      // Relation directions as the corpus schema over the file declares them (else the known families').
      const schema = (await ctx.settingsFor(uri)).schema;
      const s = new Session(uri, ref.uri, { current: nameOf(uri), reference: ref.name ?? nameOf(ref.uri) }, {
        match: params.match === 'overlap' ? 'overlap' : 'exact',
        documents: params.documents === 'intersection' ? 'intersection' : 'all',
        symmetric: symmetryRule({ schema: (type) => schema?.relationTypes?.get(type)?.direction }),
      });
      if (typeof ref.text === 'string') s.sent = new IncrementalFile(ref.text);
      sessions.set(uri, s);
      const unit = await unitFor(uri);
      const computed = await compute(s, unit);
      if (!computed) return { ok: false, message: 'The file was closed before the comparison finished.' };
      await settle(s, true);
      return { ok: true, summary: JSON.parse(computed.summary) as CompareSummaryModel };
    } catch (e) {
      log.error(`Starting a comparison failed: ${describe(e)}`);
      return { ok: false, message: 'The comparison failed; see the PubTator Language Server output.' };
    }
  });

  connection.onRequest(COMPARE_STOP_REQUEST, (params: { uri?: string } | undefined) => runSafe(log, 'Stopping a comparison', [] as string[], () => {
    const chosen = typeof params?.uri === 'string' ? [sessions.get(params.uri)].filter((s): s is Session => s !== undefined) : [...sessions.values()];
    for (const s of chosen) stop(s);
    return chosen.map((s) => s.uri);
  }));

  connection.onNotification(COMPARE_REFERENCE_TEXT_NOTIFICATION, (params: { uri?: unknown; text?: unknown }) => runSafe(log, 'Taking the reference text', undefined, () => {
    if (typeof params?.uri !== 'string' || typeof params.text !== 'string') return;
    for (const s of sessions.values()) {
      if (s.referenceUri !== params.uri) continue;
      s.sent = new IncrementalFile(params.text);
      // While the reference is open its live text counts; the sent text is for when it is not.
      if (!documents.get(s.referenceUri)) schedule(s, true);
    }
  }));

  connection.onRequest(COMPARE_CANDIDATES_REQUEST, (params: CandidatesParams) => runSafe(log, 'Ranking files to compare with', [] as Candidate[], () => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc || !Array.isArray(params.candidates)) return [];
    const ids = new Set(groupsOf(ctx.fileOf(doc)).map((g) => g.id));
    return params.candidates.flatMap((c): Candidate[] => {
      if (typeof c?.uri !== 'string') return [];
      const open = documents.get(c.uri);
      const file = open ? ctx.fileOf(open) : typeof c.text === 'string' ? parsePubtator(c.text) : undefined;
      if (!file) return [];
      const theirs = new Set(file.documents.map((d) => d.id));
      let shared = 0;
      for (const id of theirs) if (ids.has(id)) shared++;
      return [{ uri: c.uri, shared, documents: theirs.size }];
    });
  }));

  ctx.extensions.diagnostics.push((uri, settings) => {
    const s = sessions.get(uri);
    return s ? computeNow(s, settings.unit)?.diagnostics ?? [] : [];
  });
  ctx.extensions.codeLenses.push((uri, settings) => {
    const s = sessions.get(uri);
    const computed = s && computeNow(s, settings.unit);
    if (!s || !computed) return [];
    computed.lenses ??= comparisonLenses(computed.comparison, s.names.reference).map((l) => ({
      range: l.range,
      command: { title: l.title, command: SHOW_SUMMARY_COMMAND, arguments: [s.uri] },
    }));
    return computed.lenses;
  });
  ctx.extensions.quickFixes.push((doc, file, sent, settings): CompareQuickFix[] => {
    if (!sessions.has(doc.uri)) return [];
    return sent.filter((d) => d.source === COMPARE_SOURCE && typeof d.code === 'string')
      .flatMap((d) => compareFixes(file, d.code as string, d.data, settings.unit).map((fix) => ({ ...fix, diagnostic: d })));
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    for (const s of sessions.values()) {
      // The compared file's diagnostics are published after its own validation; a reference edit needs a publish of its own.
      if (s.uri === uri) schedule(s, false);
      else if (s.referenceUri === uri) schedule(s, true);
    }
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const own = sessions.get(uri);
    if (own) stop(own);
    // A closed reference: its last parse stays in use until the client sends the text on disk.
    for (const s of sessions.values()) if (s.referenceUri === uri) schedule(s, true);
  });

  return {
    capabilities(params) {
      lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
      return {};
    },
    dispose() {
      for (const s of [...sessions.values()]) {
        s.stopped = true;
        if (s.timer) clearTimeout(s.timer);
      }
      sessions.clear();
    },
  };
}

/** Client command that shows the comparison view (a lens's click). */
export const SHOW_SUMMARY_COMMAND = 'pubtator.showComparison';

/** The first MAX_COMPARE_DIAGNOSTICS diagnostics in line order, and a word at the top when there are more. */
function capped(comparison: FileComparison, unit: OffsetUnit, s: Session): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  let total = 0;
  for (const r of comparison.results) {
    const list = r.diagnostics ?? pairDiagnostics(r, unit);
    total += list.length;
    for (const d of list) {
      if (out.length >= MAX_COMPARE_DIAGNOSTICS) break;
      out.push(toLsp(d, s));
    }
  }
  if (total > out.length) {
    out.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      code: 'more-differences',
      source: COMPARE_SOURCE,
      message: `${out.length} of ${total} differences with ${s.names.reference} are marked (the first, in file order); `
        + 'the comparison view counts them all, and `pubtator compare --details` lists them.',
    });
  }
  return out;
}

function toLsp(d: CompareDiagnostic, s: Session): LspDiagnostic {
  const out: LspDiagnostic = { range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message, data: d.data };
  if (d.related.length) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: r.side === 'gold' ? s.referenceUri : s.uri, range: { start: { line: r.line, character: 0 }, end: { line: r.line, character: 0 } } },
      message: r.message,
    }));
  }
  return out;
}
