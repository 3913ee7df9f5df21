// A plain file checked on worker threads is not read by the main thread: it
// hands each worker a byte range (offsets only), and the worker reads its own
// chunk, from the first cut at or after its range's start to the first cut at
// or after its end (the cut rule of parse/byteChunks.ts, so neighbouring ranges
// meet exactly and the chunks joined by "\n" are the file). The main thread
// never copies, decodes or counts the text: its share of the work (Amdahl's
// serial part) is the reduce. The one thing a worker cannot know from its own
// range is how many lines come before its chunk: the workers count their
// chunks and add up the counts before theirs in memory they share
// (sharedLines.ts).

import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { cutAtOrAfter, linesIn } from '../service/parse/byteChunks';
import { binaryData, SNIFF_BYTES } from './readInput';

export interface FileRange {
  path: string;
  /** Nominal offsets; the chunk itself starts and ends at the cuts found from them. */
  start: number;
  end: number;
  /** The file's size when the run started (a file that grows meanwhile is read to that size). */
  size: number;
}

/** Bytes read at a time while looking for a cut (documents are a few KB). */
const PROBE = 64 * 1024;

function readAt(fd: number, into: Uint8Array, position: number): number {
  let got = 0;
  while (got < into.length) {
    const n = readSync(fd, into, got, into.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** The cut newline at or after byte `pos`; `size` when there is none (the chunk runs to the end). */
function cutFrom(fd: number, pos: number, size: number): number {
  for (let length = PROBE; ; length *= 2) {
    const want = Math.min(length, size - pos);
    if (want <= 0) return size;
    const buf = new Uint8Array(want);
    const got = readAt(fd, buf, pos);
    const atEnd = pos + got >= size || got < want;
    const at = cutAtOrAfter(buf.subarray(0, got), 0, atEnd);
    if (at >= 0) return pos + at;
    if (atEnd) return size;
  }
}

/**
 * The chunk of a range, read from its file, and its line count (`counted`: the
 * count when known already, not counted again); undefined when a long document
 * before took it all in.
 */
export function readRange(range: FileRange, counted?: number): { bytes: Uint8Array; lines: number } | undefined {
  const fd = openSync(range.path, 'r');
  try {
    const from = range.start === 0 ? 0 : cutFrom(fd, range.start - 1, range.size) + 1;
    const to = range.end >= range.size ? range.size : cutFrom(fd, range.end - 1, range.size);
    if (to < from) return undefined;
    const bytes = new Uint8Array(to - from);
    const got = readAt(fd, bytes, from);
    const chunk = got < bytes.length ? bytes.subarray(0, got) : bytes;
    return { bytes: chunk, lines: counted ?? linesIn(chunk, 0, chunk.length) };
  } finally {
    closeSync(fd);
  }
}

/** The ranges of a file of `size` bytes, `target` bytes each (the last one shorter). */
export function fileRanges(path: string, size: number, target: number): FileRange[] {
  const out: FileRange[] = [];
  for (let index = 0; index * target < size; index++) out.push(rangeAt(path, size, target, index));
  if (out.length === 0) out.push({ path, start: 0, end: 0, size: 0 });
  return out;
}

/** Range `index` of those fileRanges gives. */
export function rangeAt(path: string, size: number, target: number, index: number): FileRange {
  const start = index * target;
  return { path, start, end: Math.min(size, start + target), size };
}

/** Throws, as readInput does, when the file's first bytes show binary data. */
export async function refuseBinary(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    const binary = binaryData(head.subarray(0, bytesRead), 0);
    if (binary) throw binary;
  } finally {
    await file.close();
  }
}
