// Answers kept on disk, one JSON-lines file per namespace (`gene.jsonl`):
// appending a line per answer is cheap, and a damaged line costs only itself.
// Only real answers are kept (found or not found); failures stay in memory.

import { appendFile, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnlineFacts, OnlineNamespace } from './types';
import type { AnswerCache, CacheEntry } from './answerCache';

export type { CacheEntry } from './answerCache';

const MAX_FILE = 64 * 1024 * 1024;

export class DiskCache implements AnswerCache {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string, private readonly onError: (message: string) => void = () => undefined) {}

  private file(ns: OnlineNamespace): string {
    return join(this.dir, `${ns}.jsonl`);
  }

  /** Reads a namespace's answers; a missing or unreadable file is an empty cache. */
  load(ns: OnlineNamespace): Map<string, CacheEntry> {
    const entries = new Map<string, CacheEntry>();
    let text: string;
    try {
      text = readFileSync(this.file(ns), 'utf8');
    } catch {
      return entries;
    }
    if (text.length > MAX_FILE) return entries;
    let lines = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      lines++;
      const parsed = parseLine(line);
      if (parsed) entries.set(parsed[0], parsed[1]);
    }
    // Refreshed answers append a second line; rewrite once most lines are old.
    if (lines > 100 && lines > 2 * entries.size) this.rewrite(ns, entries);
    return entries;
  }

  append(ns: OnlineNamespace, id: string, entry: CacheEntry): void {
    const line = JSON.stringify({ id, at: entry.at, ...entry.answer }) + '\n';
    this.writes = this.writes.then(
      () =>
        new Promise<void>((resolve) => {
          try {
            mkdirSync(this.dir, { recursive: true });
          } catch {
            // appendFile reports it
          }
          appendFile(this.file(ns), line, (err) => {
            if (err) this.onError(`cannot write the look-up cache: ${err.message}`);
            resolve();
          });
        }),
    );
  }

  /** Resolves when every answer so far is on disk (or failed to be written). */
  flushed(): Promise<void> {
    return this.writes;
  }

  private rewrite(ns: OnlineNamespace, entries: Map<string, CacheEntry>): void {
    try {
      const text = [...entries].map(([id, e]) => JSON.stringify({ id, at: e.at, ...e.answer })).join('\n') + '\n';
      writeFileSync(this.file(ns), text);
    } catch (e) {
      this.onError(`cannot compact the look-up cache: ${(e as Error).message}`);
    }
  }
}

function parseLine(line: string): [string, CacheEntry] | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.at !== 'number' || typeof o.found !== 'boolean') return undefined;
  if (!o.found) return [o.id, { at: o.at, answer: { found: false } }];
  const facts = o.facts as Partial<OnlineFacts> | undefined;
  if (typeof facts !== 'object' || facts === null || typeof facts.name !== 'string') return undefined;
  const clean: OnlineFacts = { name: facts.name };
  for (const key of ['description', 'organism', 'note'] as const) if (typeof facts[key] === 'string') clean[key] = facts[key];
  if (Array.isArray(facts.synonyms)) clean.synonyms = facts.synonyms.filter((s): s is string => typeof s === 'string');
  return [o.id, { at: o.at, answer: { found: true, facts: clean } }];
}
