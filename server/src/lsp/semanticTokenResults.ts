// Full and delta semantic-token answers. The last full encoding of each open
// file is kept under a result id; a delta request naming it gets only what
// changed since, so an edit in a large file does not send (nor make the
// client decode) every token again.

import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver';
import { tokenEdits } from '../service/features/semanticTokenEdits';

export class SemanticTokenResults {
  private readonly last = new Map<string, { resultId: string; data: Uint32Array }>();
  private next = 1;

  /** Answer to a full request: every token, remembered for the next delta. */
  full(uri: string, data: Uint32Array): SemanticTokens {
    return { resultId: this.remember(uri, data), data: Array.from(data) };
  }

  /** Answer to a delta request: the edits since `previousResultId`, or every token when it is not the last result. */
  delta(uri: string, previousResultId: string, data: Uint32Array): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(uri);
    if (!previous || previous.resultId !== previousResultId) return this.full(uri, data);
    return { resultId: this.remember(uri, data), edits: tokenEdits(previous.data, data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  private remember(uri: string, data: Uint32Array): string {
    const resultId = String(this.next++);
    this.last.set(uri, { resultId, data });
    return resultId;
  }
}
