// `pubtator convert`: reads one input (file, .gz, or stdin), converts it
// (service/bioc/convert.ts) and writes the result atomically to -o (gzip when
// it ends in .gz) or to stdout. What the target cannot hold is told on stderr,
// once per kind. The whole input is read into memory: conversion does not
// stream yet.

import { convertText } from '../service/bioc/convert';
import { AtomicFile } from './atomicFile';
import type { ConvertCommand } from './convertArgs';
import { describeError } from './errors';
import { printable } from './format';
import { readInput } from './readInput';
import type { Streams } from './runCheck';

export async function runConvert(command: ConvertCommand, io: Streams = process): Promise<number> {
  const name = command.input === '-' ? 'stdin' : command.input;
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  try {
    await readInput({ path: command.input, gzip: /\.gz$/i.test(command.input), stdin: command.input === '-' }, { raw: 0, text: 0 }, (bytes) => {
      parts.push(decoder.decode(bytes, { stream: true }));
    });
    parts.push(decoder.decode());
  } catch (err) {
    io.stderr.write(`pubtator: ${printable(name)}: ${printable(describeError(err))}\n`);
    return 2;
  }
  const header: { source?: string; date?: string; key?: string } = {};
  if (command.source !== undefined) header.source = command.source;
  if (command.date !== undefined) header.date = command.date;
  if (command.key !== undefined) header.key = command.key;
  const result = convertText(parts.join(''), { to: command.to, outputUnit: command.unit, inputUnit: command.offsets, header });
  parts.length = 0;
  for (const e of result.errors) io.stderr.write(`pubtator: ${printable(name)}: error: ${printable(e)}\n`);
  for (const w of result.warnings) io.stderr.write(`pubtator: ${printable(name)}: warning: ${printable(w)}\n`);
  if (result.unitNote) io.stderr.write(`pubtator: ${printable(name)}: ${result.from} -> ${result.to}; ${printable(result.unitNote)}\n`);
  try {
    if (command.output) {
      const file = await AtomicFile.create(command.output, { gzip: /\.gz$/i.test(command.output) });
      try {
        await file.write(result.output);
        await file.commit();
      } catch (err) {
        await file.discard();
        throw err;
      }
    } else {
      io.stdout.write(result.output);
    }
  } catch (err) {
    io.stderr.write(`pubtator: ${printable(command.output ?? 'stdout')}: ${printable(describeError(err))}\n`);
    return 2;
  }
  return result.errors.length > 0 ? 1 : 0;
}
