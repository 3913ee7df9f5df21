// The one workspace/executeCommand handler: each feature registers its server
// commands here by id, and the capability lists exactly those ids.

import type { CancellationToken, Connection, WorkDoneProgressReporter } from 'vscode-languageserver';
import { describe, type Logger } from './runSafe';

export type CommandHandler = (args: unknown[], token: CancellationToken, progress: WorkDoneProgressReporter) => Promise<unknown>;

export class Commands {
  private readonly handlers = new Map<string, CommandHandler>();

  add(id: string, handler: CommandHandler): void {
    this.handlers.set(id, handler);
  }

  /** For executeCommandProvider. */
  ids(): string[] {
    return [...this.handlers.keys()];
  }

  listen(connection: Connection, log: Logger): void {
    connection.onExecuteCommand(async (params, token, progress) => {
      const handler = this.handlers.get(params.command);
      if (!handler) return undefined;
      try {
        return await handler(params.arguments ?? [], token, progress);
      } catch (e) {
        log.error(`Command ${params.command} failed: ${describe(e)}`);
        return undefined;
      }
    });
  }
}
