// One file's decoded text, pushed in pieces, to per-block results: lines ->
// blocks -> the streaming validator. No I/O, so tests can feed it directly.

import { StreamingValidator, type BlockResult } from '../service/streamingValidator';
import type { ValidationOptions } from '../service/validate';
import type { Diagnostic } from '../service/types';
import { BlockSplitter } from './blocks';
import { LineSplitter } from './lines';

/** Characters of text per validation call (see blocks.ts). */
const BLOCK_TARGET = 1 << 18;

export class FileChecker {
  private readonly blocks: BlockSplitter;
  private readonly lines: LineSplitter;
  private readonly validator: StreamingValidator;

  constructor(options: ValidationOptions, onResult: (result: BlockResult) => void, blockTarget = BLOCK_TARGET) {
    const validator = new StreamingValidator(options);
    this.validator = validator;
    this.blocks = new BlockSplitter((b) => onResult(validator.validateBlock(b.text, b.firstLine)), blockTarget);
    this.lines = new LineSplitter((line) => {
      if (this.blocks.lineCount === 0 && line.charCodeAt(0) === 0xfeff) validator.bomAtStart();
      this.blocks.line(line);
    });
  }

  push(text: string): void {
    this.lines.push(text);
  }

  /** Checks what is left and returns the held rows settled by the whole file's habits. */
  end(): Diagnostic[] {
    this.lines.end();
    this.blocks.end();
    return this.validator.finish();
  }
}
