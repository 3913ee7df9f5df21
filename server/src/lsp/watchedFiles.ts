// One place for workspace/didChangeWatchedFiles: LSP allows one handler for
// the notification, and several parts of the server want to hear about files
// changing on disk (schema files; PubTator files nobody has open). Each asks
// for its globs and adds a listener; the globs are registered with a client
// that supports dynamic registration once it has initialized.

import { DidChangeWatchedFilesNotification, type Connection, type FileEvent } from 'vscode-languageserver';
import { describe } from './runSafe';

export class WatchedFiles {
  private readonly listeners: ((changes: FileEvent[]) => void)[] = [];
  private readonly globs = new Set<string>();
  private dynamic = false;
  private registered = false;

  constructor(private readonly connection: Connection, private readonly log: { error(m: string): void }) {
    connection.onDidChangeWatchedFiles((params) => {
      for (const listener of this.listeners) {
        try {
          listener(params.changes);
        } catch (e) {
          log.error(`A file watcher failed: ${describe(e)}`);
        }
      }
    });
  }

  /** Asks for changes to files matching `glob` (before the client initializes). */
  watch(glob: string, listener: (changes: FileEvent[]) => void): void {
    this.globs.add(glob);
    this.listeners.push(listener);
  }

  /** Hears every change the client reports, for globs registered elsewhere. */
  listen(listener: (changes: FileEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /** From the client's capabilities at initialize. */
  setDynamicRegistration(supported: boolean): void {
    this.dynamic = supported;
  }

  /** Registers the globs (on `initialized`). */
  register(): void {
    if (!this.dynamic || this.registered || this.globs.size === 0) return;
    this.registered = true;
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...this.globs].map((globPattern) => ({ globPattern })) })
      .catch((e) => this.log.error(`Registering file watchers failed: ${describe(e)}`));
  }
}
