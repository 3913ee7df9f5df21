// The id picker's view of the corpus's files that are not open: per file, the
// ids given to each mention text (features/idsByText.ts). In the workspace
// scope the workspace checks build them as they check each file from disk
// (and again when one changes). Otherwise (`pubtator.diagnostics.scope`
// openFiles, or an unset scope over 200 MB) the first use of the picker starts
// indexing the workspace's PubTator files in the background: smallest first,
// at most 200 MB of them (the workspace scope's own limit), pausing while the
// user types, with progress the user can cancel (then no pass starts again
// until the settings change). Each later use of the picker looks for files
// added, changed or removed. The picker never waits: it is answered with the
// files indexed so far. A host without a disk (the browser web worker) has
// no such files: the picker offers what the open files gave.

import type { Connection } from 'vscode-languageserver';
import type { IdsByText } from '../service/features/idsByText';
import type { IndexedCorpusFile } from '../service/edits/curate/choices';
import { BinaryFileError } from './diskChunks';
import { readDiskIds } from './diskIds';
import { describe } from './runSafe';
import { pauseWhileTyping } from './typingPause';
import { nameOf } from './uriName';
import type { DiskFile, WorkspaceDisk } from './workspaceDisk';

/** A pass starts at most this often: each lists the workspace's files again. */
const RELIST_AFTER_MS = 2000;

/** What it needs from the workspace checks. */
export interface CheckedFiles {
  /** The checked files that are not open; undefined when the checks do not run. */
  idIndexes(): { uri: string; ids: IdsByText }[] | undefined;
  /** The workspace's files to index here; undefined when the checks index them (or there is no disk). */
  filesToIndex(): Promise<DiskFile[] | undefined>;
  readonly showsProgress: boolean;
}

export interface CorpusIdsDeps {
  connection: Pick<Connection, 'window'>;
  disk?: WorkspaceDisk;
  isOpen(uri: string): boolean;
  checks: CheckedFiles;
  /** Bytes of files indexed at most (the workspace scope's automatic limit). */
  limitBytes: number;
  /** A pass starts at most this often (default RELIST_AFTER_MS). */
  relistAfterMs?: number;
  log: { info(message: string): void; error(message: string): void };
}

export class CorpusIds {
  /** Files indexed here (openFiles scope), by URI, with the stamp they were read at. */
  private readonly own = new Map<string, { stamp: string; ids?: IdsByText }>();
  private running: Promise<void> | undefined;
  private pass: AbortController | undefined;
  private lastStart = -Infinity;
  private cancelled = false;
  private lastEdit = 0;

  constructor(private readonly deps: CorpusIdsDeps) {}

  /** What the picker uses now (never waits); starts or refreshes the background index. */
  ready(): IndexedCorpusFile[] {
    if (!this.deps.disk) return [];
    const checked = this.deps.checks.idIndexes();
    const out = (checked ?? []).map(({ uri, ids }) => ({ uri, name: nameOf(uri), ids }));
    const seen = new Set(out.map((f) => f.uri));
    for (const [uri, { ids }] of this.own) {
      if (ids && !seen.has(uri) && !this.deps.isOpen(uri)) out.push({ uri, name: nameOf(uri), ids });
    }
    // Also while the checks run: a pass then learns so and drops what was read here.
    this.kick();
    return out.map(({ name, ids }) => ({ name, ids }));
  }

  /** The user typed in an open file: a pass waits for a pause. */
  noteEdit(): void {
    this.lastEdit = Date.now();
  }

  /** The settings changed (the scope, say): a cancelled index may start again. */
  settingsChanged(): void {
    this.cancelled = false;
  }

  dispose(): void {
    this.pass?.abort();
  }

  private kick(): void {
    if (this.running || this.cancelled || Date.now() - this.lastStart < (this.deps.relistAfterMs ?? RELIST_AFTER_MS)) return;
    this.lastStart = Date.now();
    const pass = new AbortController();
    this.pass = pass;
    this.running = this.run(pass)
      .catch((e) => this.deps.log.error(`Indexing the workspace's ids failed: ${describe(e)}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Lists the files, forgets those gone, and reads those new or changed, smallest first, up to the limit. */
  private async run(pass: AbortController): Promise<void> {
    const files = await this.deps.checks.filesToIndex();
    if (!files) {
      // The checks index them now (or there is nothing to read): what was kept here goes.
      this.own.clear();
      return;
    }
    const chosen: DiskFile[] = [];
    let bytes = 0;
    for (const f of [...files].sort((a, b) => a.size - b.size)) {
      if (bytes + f.size > this.deps.limitBytes) break;
      bytes += f.size;
      chosen.push(f);
    }
    const keep = new Set(chosen.map((f) => f.uri));
    for (const uri of this.own.keys()) if (!keep.has(uri)) this.own.delete(uri);
    const todo = chosen.filter((f) => !this.deps.isOpen(f.uri) && this.own.get(f.uri)?.stamp !== f.stamp);
    if (!todo.length) return;
    const progress = await this.progress(pass);
    try {
      for (const [i, f] of todo.entries()) {
        if (pass.signal.aborted) return;
        progress?.report(Math.round((i / todo.length) * 100), `${i} of ${todo.length} files`);
        try {
          const ids = await readDiskIds(this.deps.disk!, f.uri, pass.signal, () => pauseWhileTyping(() => this.lastEdit, pass.signal));
          this.own.set(f.uri, { stamp: f.stamp, ids });
        } catch (e) {
          if (pass.signal.aborted) return;
          // Not read again until it changes.
          this.own.set(f.uri, { stamp: f.stamp });
          if (e instanceof BinaryFileError) this.deps.log.info(`${f.uri}: ${e.message}; its ids are not offered.`);
          else this.deps.log.error(`Reading the ids of ${f.uri} failed: ${describe(e)}`);
        }
      }
    } finally {
      progress?.done();
    }
  }


  private async progress(pass: AbortController): Promise<{ report(percentage: number, message: string): void; done(): void } | undefined> {
    if (!this.deps.checks.showsProgress) return undefined;
    try {
      const reporter = await this.deps.connection.window.createWorkDoneProgress();
      reporter.token.onCancellationRequested(() => {
        this.cancelled = true;
        pass.abort();
        this.deps.log.info('Indexing the workspace\'s ids for the id picker was cancelled; it starts again when the settings change.');
      });
      reporter.begin('PubTator: indexing the workspace\'s ids for the id picker', 0, undefined, true);
      return { report: (p, m) => reporter.report(p, m), done: () => reporter.done() };
    } catch {
      return undefined;
    }
  }
}
