// What the workspace checks (workspaceChecks.ts) need from the files of the
// workspace: list the PubTator files of a folder and stream one's bytes. The
// Node entry provides it (nodeWorkspaceDisk.ts). A browser host has no disk:
// there the workspace scope is not available and only open files are
// checked (the server says so once).

export interface DiskFile {
  uri: string;
  /** Bytes on disk (compressed for .gz). */
  size: number;
  /** Changes whenever the file does (size and modification time). */
  stamp: string;
}

export interface WorkspaceDisk {
  /**
   * The files below a folder (a file: URI) whose name `wanted` accepts, in a
   * stable order; `excluded` gets paths relative to the folder (with `/`) and
   * prunes whole folders. Stops early, with what it found, when `signal` aborts.
   */
  list(folderUri: string, wanted: (name: string) => boolean, excluded: (relativePath: string) => boolean, signal: AbortSignal): Promise<DiskFile[]>;
  /** The file's size and stamp now; undefined when it is gone. */
  stat(uri: string): Promise<DiskFile | undefined>;
  /**
   * Streams the file's bytes (decompressed for .gz) to `onBytes`, waiting for
   * it between pieces. Rejects when it cannot be read, or when `signal` aborts.
   */
  read(uri: string, onBytes: (bytes: Uint8Array) => void | Promise<void>, signal: AbortSignal): Promise<void>;
}
