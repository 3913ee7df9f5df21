// `pubtator compare GOLD PREDICTED`: reads both sides as streams of document
// groups, in step while they list documents in the same order (one pair in
// memory at a time), pairs and scores them, prints the details as it goes and
// the scores at the end. Exit status: 0, or 2 for an input that could not be
// read (the scores then cover what was read, and stderr says so). With
// --details, a BioC file's differences are placed at its elements
// (biocLineMap.ts), not at lines of its projection.

import { BiocLineMap, biocLineMap } from './biocLineMap';
import type { CompareCommand } from './compareArgs';
import { discover, type InputFile, type InputProblem } from './discover';
import { describeError } from './errors';
import { skippedMessage } from './discoveryReport';
import { documentGroups } from './documentStream';
import {
  detailJson, detailText, onlyJson, onlyText, scoreJson, scoreTable, SIDE_NAMES, summaryJson, summaryText,
  type CompareSummary, type FilePlace, type OnlyOneSide,
} from './compareFormat';
import { printable } from './format';
import { isProjected } from './projectedInput';
import { ProgressBar, totalSize } from './progress';
import { LineOutput } from './output';
import type { ReadCounters } from './readInput';
import type { Streams } from './runCheck';
import { DocumentPairer, type FallbackNotice } from '../service/compare/pairing';
import { Scorer } from '../service/compare/scorer';
import { symmetryRule } from '../service/compare/symmetry';
import { missingOnPredicted, TypesSeen, unknownTypes } from '../service/compare/typeFilter';
import { CliSchemas } from './schemaOption';
import type { DocumentGroup, Side } from '../service/compare/model';

const SIDES: readonly Side[] = ['gold', 'predicted'];
/** Ids of one-sided documents quoted in the text summary. */
const EXAMPLES = 5;

export async function runCompare(cmd: CompareCommand, io: Streams = process): Promise<number> {
  const started = performance.now();
  const include = { include: cmd.include, bioc: true };
  const found = { gold: await discover([cmd.gold], include), predicted: await discover([cmd.predicted], include) };
  const say = (p: InputProblem) => io.stderr.write(`pubtator: ${printable(p.path)}: ${printable(p.reason)}\n`);
  let unusable = false;
  for (const side of SIDES) {
    io.stderr.write(skippedMessage(found[side].skipped));
    found[side].problems.forEach(say);
    // An empty folder is one of the problems (discover.ts).
    if (found[side].problems.length) unusable = true;
  }
  if (unusable) return 2;

  // Relation directions as the gold file's corpus schema declares them, after the options.
  const { schema, problems: schemaProblems } = await new CliSchemas().forInput(cmd.gold === '-' ? undefined : cmd.gold);
  for (const p of schemaProblems) io.stderr.write(`pubtator: ${printable(p)}\n`);
  const out = new LineOutput(io.stdout);
  const scorer = new Scorer({
    match: cmd.match,
    documents: cmd.documents,
    entityTypes: cmd.entityTypes ? new Set(cmd.entityTypes) : undefined,
    relationTypes: cmd.relationTypes ? new Set(cmd.relationTypes) : undefined,
    symmetric: symmetryRule({ symmetric: cmd.symmetric, directed: cmd.directed, schema: (type) => schema?.relationTypes?.get(type)?.direction }),
  });
  const maps = cmd.details ? await lineMaps([...found.gold.files, ...found.predicted.files]) : new Map<string, BiocLineMap>();
  /** A projection line of a BioC group as a place in its file; undefined for PubTator (or a map that disagrees with the stream). */
  const place = (g: DocumentGroup | undefined, line: number): FilePlace | undefined => {
    const map = g?.source === undefined ? undefined : maps.get(g.source);
    return map && map.startsAt(g!.blocks[0].startLine, g!.id) ? map.position(line) : undefined;
  };
  const onlyExamples: Record<Side, string[]> = { gold: [], predicted: [] };
  const only = (side: Side, g: DocumentGroup) => {
    if (onlyExamples[side].length < EXAMPLES) onlyExamples[side].push(g.id);
    if (!cmd.details) return;
    const o: OnlyOneSide = { side, path: g.source ?? cmd[side], line: g.blocks[0].startLine, document: g.id };
    const at = place(g, o.line);
    if (at) o.at = at;
    out.line(cmd.json ? onlyJson(o) : onlyText(o));
  };
  const pairer = new DocumentPairer((gold, predicted) => {
    if (!predicted) only('gold', gold!);
    if (!gold) only('predicted', predicted!);
    const result = scorer.pair(gold, predicted);
    if (!result || !cmd.details) return;
    for (const d of result.differences) {
      const [group, other] = d.kind === 'fp' ? [predicted, gold] : [gold, predicted];
      const path = group?.source ?? '';
      const at = place(group, d.line);
      // The other side's row the note names ("GOLD has ... (line N)"): in a BioC file, its element's line.
      const otherAt = d.note ? place(other, d.note.otherLine) : undefined;
      const shown = otherAt && d.note ? { ...d, note: { ...d.note, otherLine: otherAt.line } } : d;
      out.line(cmd.json ? detailJson(path, shown, at) : detailText(path, shown, at));
    }
  }, {
    loadSide: smallerSide(found.gold.files, found.predicted.files),
    onFallback: (n) => {
      out.flush();
      progress?.clear();
      io.stderr.write(fallbackMessage(n, cmd));
    },
  });

  let readProblems = 0;
  const counters: Record<Side, ReadCounters> = { gold: { raw: 0, text: 0 }, predicted: { raw: 0, text: 0 } };
  // Both sides are read together: the bar counts the bytes of both.
  const progress = ProgressBar.forStream(io.stderr, totalSize([...found.gold.files, ...found.predicted.files]),
    () => counters.gold.raw + counters.predicted.raw);
  if (progress) {
    progress.label = `${printable(cmd.gold)} vs ${printable(cmd.predicted)}`;
    if (io.stdout.isTTY) out.beforeWrite = () => progress.clear();
  }
  const streams = {
    gold: documentGroups(found.gold.files, counters.gold, problem),
    predicted: documentGroups(found.predicted.files, counters.predicted, problem),
  };
  function problem(file: InputFile, err: unknown) {
    readProblems++;
    out.flush();
    progress?.clear();
    say({ path: file.path, reason: describeError(err) });
  }
  const types = new TypesSeen();
  progress?.start();
  for (let side = pairer.next(); side; side = pairer.next()) {
    const next = await streams[side].next();
    if (next.done) pairer.end(side);
    else {
      types.add(side, next.value);
      pairer.add(side, next.value);
    }
    out.flush();
  }
  progress?.stop();
  // A type filter naming a type neither file has scores nothing: a mistake, not a result.
  const unknown = [...unknownTypes(cmd.entityTypes, types.entity, 'type'), ...unknownTypes(cmd.relationTypes, types.relation, 'relation type')];
  if (unknown.length) {
    out.flush();
    for (const u of unknown) io.stderr.write(`pubtator: ${printable(u)}\n`);
    return 2;
  }

  const scores = scorer.totals.scores();
  if (cmd.json) for (const s of scores) out.line(scoreJson(s));
  else {
    if (cmd.details) out.line('');
    out.line(scoreTable(scores));
    const notes = missingOnPredicted(scores);
    if (notes.length) out.line('');
    for (const note of notes) out.line(printable(note));
    out.line('');
  }
  const summary: CompareSummary = {
    gold: { path: cmd.gold, files: found.gold.files.length, bytes: counters.gold.text },
    predicted: { path: cmd.predicted, files: found.predicted.files.length, bytes: counters.predicted.text },
    documents: scorer.documents,
    onlyExamples,
    scope: scorer.scope,
    match: scorer.match,
    unusable: scorer.unusable,
    outOfOrder: pairer.outOfOrder,
    peakHeld: pairer.peakWaiting,
    elapsedMs: performance.now() - started,
  };
  out.line(cmd.json ? summaryJson(summary) : summaryText(summary));
  out.flush();
  if (readProblems) {
    io.stderr.write(`pubtator: ${readProblems === 1 ? 'an input' : `${readProblems} inputs`} could not be read in full; the scores cover what was read.\n`);
    return 2;
  }
  return 0;
}

/** The line maps of the BioC files among `files`, by path (read streamed); an unreadable one is left to the compare's own read. */
async function lineMaps(files: readonly InputFile[]): Promise<Map<string, BiocLineMap>> {
  const maps = new Map<string, BiocLineMap>();
  for (const file of files) {
    if (maps.has(file.path) || !await isProjected(file)) continue;
    try {
      maps.set(file.path, await biocLineMap(file));
    } catch {
      // Not readable: the comparison's own read of it says why.
    }
  }
  return maps;
}

/** The side to hold in memory if the orders differ: the smaller on disk (stdin counts as unbounded). */
function smallerSide(gold: InputFile[], predicted: InputFile[]): Side {
  const size = (files: InputFile[]) => files.reduce((n, f) => n + (f.size ?? Infinity), 0);
  return size(predicted) < size(gold) ? 'predicted' : 'gold';
}

function fallbackMessage(n: FallbackNotice, cmd: CompareCommand): string {
  const name = SIDE_NAMES[n.loading];
  const otherName = n.loading === 'gold' ? SIDE_NAMES.predicted : SIDE_NAMES.gold;
  const example = n.example
    ? ` (GOLD was at document ${printable(n.example.gold.split('\u0000')[0])} while PREDICTED was at ${printable(n.example.predicted.split('\u0000')[0])})`
    : '';
  return `pubtator: ${printable(cmd.gold)} and ${printable(cmd.predicted)} do not list their documents in the same order, `
    + `or one lacks many of the other's${example}: ${n.waiting} documents wait for a partner. `
    + `Reading ${name} to its end and holding its documents in memory, then pairing ${otherName}'s documents with them by id.\n`;
}
