// `pubtator merge`: two files into one under a policy, with a report of every
// disagreement and how it was settled; or git's three-way merge driver, which
// writes the result into OURS and exits 1 while conflicts remain. Inputs are
// read whole, as UTF-8 (a file that is not is refused, never altered).

import { promises as fs } from 'node:fs';
import type { MergeCommand } from './mergeArgs';
import { AtomicFile } from './atomicFile';
import { describeError } from './errors';
import { printable } from './format';
import type { Streams } from './runCheck';
import { mergeThree, mergeTwo, type Decision } from '../service/merge/mergeFiles';

async function readText(path: string, io: Streams): Promise<string | undefined> {
  try {
    const bytes = await fs.readFile(path);
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    const reason = err instanceof TypeError ? 'is not UTF-8 text' : describeError(err);
    io.stderr.write(`pubtator: ${printable(path)}: ${printable(reason)}\n`);
    return undefined;
  }
}

const KEPT = { a: 'kept A', b: 'kept B', both: 'kept both', neither: 'left out (to adjudicate)' };

/** One line of the report: `A:12 B:14 document 123: A has …; B has …: kept A`. */
export function decisionText(d: Decision): string {
  const where = [d.lineA >= 0 ? `A:${d.lineA + 1}` : '', d.lineB >= 0 ? `B:${d.lineB + 1}` : ''].filter(Boolean).join(' ');
  const what = (rows: string[]) => (rows.length === 0 ? 'nothing' : rows.map((r) => JSON.stringify(r.split('\t').slice(1).join(' '))).join(', '));
  const head = d.kind === 'document' ? 'only one file has this document'
    : d.kind === 'header' ? 'the passages differ' : `A has ${what(d.a)}; B has ${what(d.b)}`;
  return `${where} document ${printable(d.document)}: ${printable(head)}: ${KEPT[d.kept]}`;
}

export function decisionJson(d: Decision): string {
  return JSON.stringify({ document: d.document, kind: d.kind, a: d.a, b: d.b, lineA: d.lineA, lineB: d.lineB, kept: d.kept });
}

export async function runMerge(cmd: MergeCommand, io: Streams = process): Promise<number> {
  if (cmd.mode === 'git') {
    const texts = [await readText(cmd.base, io), await readText(cmd.ours, io), await readText(cmd.theirs, io)];
    if (texts.some((t) => t === undefined)) return 2;
    const [base, ours, theirs] = texts as string[];
    const r = mergeThree(base, ours, theirs);
    if (r.text !== ours) await fs.writeFile(cmd.ours, r.text);
    if (r.conflicts) io.stderr.write(`pubtator merge: ${r.conflicts} conflict${r.conflicts === 1 ? '' : 's'} in ${printable(cmd.path ?? cmd.ours)}, marked with <<<<<<< ======= >>>>>>> around whole rows\n`);
    return r.conflicts ? 1 : 0;
  }
  const a = await readText(cmd.a, io);
  const b = a === undefined ? undefined : await readText(cmd.b, io);
  if (a === undefined || b === undefined) return 2;
  const r = mergeTwo(a, b, cmd.prefer);
  // The report goes where the merged text does not.
  const report = cmd.output === '-' ? io.stderr : io.stdout;
  try {
    if (cmd.output === '-') io.stdout.write(r.text);
    else {
      const out = await AtomicFile.create(cmd.output, { gzip: /\.gz$/i.test(cmd.output) });
      await out.write(r.text);
      await out.commit();
    }
  } catch (err) {
    io.stderr.write(`pubtator: ${printable(cmd.output)}: ${printable(describeError(err))}\n`);
    return 2;
  }
  const left = r.decisions.filter((d) => d.kept === 'neither').length;
  if (cmd.json) {
    for (const d of r.decisions) report.write(decisionJson(d) + '\n');
    report.write(JSON.stringify({ summary: { prefer: cmd.prefer, disagreements: r.decisions.length, leftOut: left } }) + '\n');
  } else {
    for (const d of r.decisions) report.write(decisionText(d) + '\n');
    report.write(`Merged ${printable(cmd.a)} (A) and ${printable(cmd.b)} (B) into ${printable(cmd.output)}: `
      + `${r.decisions.length} disagreement${r.decisions.length === 1 ? '' : 's'}, settled by --prefer ${cmd.prefer}`
      + `${left ? `; ${left} left out (neither side kept)` : ''}.\n`);
  }
  return 0;
}
