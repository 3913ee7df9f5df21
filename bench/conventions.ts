// What learning each file's conventions costs, as a share of checking it: the
// work that exists only for the conventions (counting each document's facts,
// the one-way-relation check, learning the habits and settling the held rows)
// timed on its own, next to the whole check of the same text in the same run.
// On the generated 50 MB corpus, and on a copy whose entity types are renamed
// to invented ones (every mention row then has a type no known corpus uses, the
// case where rows are held for the file's verdict).

import { analyseDocument } from '../server/src/service/analysis/analyseDocument';
import { oneWayRelation } from '../server/src/service/checks/oneWayRelation';
import { addDocumentFacts, documentFacts, emptyFacts, relationKeys } from '../server/src/service/conventions/facts';
import type { CheckContext } from '../server/src/service/checks/check';
import { parsePubtator } from '../server/src/service/parse/parseFile';
import type { ParsedFile } from '../server/src/service/parse/model';
import { settleFile, validateChunk, validateFile } from '../server/src/service/validate';
import { generatedCorpus } from './corpus';
import { gc, median, ms } from './measure';

/** The conventions-only work on a parsed file, in ms: facts, the one-way check, learning and settling. */
function conventionsWork(file: ParsedFile): { facts: number; oneWay: number; settle: number } {
  let facts = 0;
  let oneWay = 0;
  const into = emptyFacts();
  const ctx = { file, unit: 'codepoint', analysis: (d) => analyseDocument(d, 'codepoint'), report: () => undefined, hold: () => undefined } as CheckContext;
  for (const doc of file.documents) {
    const analysis = analyseDocument(doc, 'codepoint');
    relationKeys(doc); // shared with duplicate-relation, which needs the keys anyway
    let t = performance.now();
    addDocumentFacts(into, documentFacts(doc, analysis));
    facts += performance.now() - t;
    t = performance.now();
    oneWayRelation.document(doc, ctx);
    oneWay += performance.now() - t;
    doc.release();
  }
  const unsettled = validateChunk(file);
  const t = performance.now();
  settleFile(unsettled.held, unsettled.facts);
  return { facts, oneWay, settle: performance.now() - t };
}

/** Invented type names, far apart from each other and from the known corpora's. */
const INVENTED = ['Alpharix', 'Brontel', 'Cymbrook', 'Dravenna', 'Eskalot', 'Fennimore', 'Glaucon', 'Hyperix', 'Ivorine', 'Jastrel',
  'Kolvane', 'Lumidor', 'Mistrava', 'Norvanti', 'Opalene', 'Pyrandel', 'Quorvex', 'Rhombek', 'Sylvanor', 'Tavorin', 'Umbrisk', 'Velvaro'];

/** The corpus with its entity types renamed to invented names. */
function withInventedTypes(text: string): string {
  const names = new Map<string, string>();
  return text.replace(/^([^\t|\n]+\t\d+\t\d+\t[^\t\n]*\t)([^\t\n]+)/gm, (_all, head: string, type: string) => {
    let name = names.get(type);
    if (!name) names.set(type, (name = INVENTED[names.size] ?? `Invented${names.size}`));
    return head + name;
  });
}

function measure(label: string, text: string, runs: number): string {
  const check: number[] = [];
  const learning: number[] = [];
  const parts = { facts: [] as number[], oneWay: [] as number[], settle: [] as number[] };
  for (let i = 0; i <= runs; i++) {
    gc();
    const t = performance.now();
    validateFile(parsePubtator(text));
    const checkMs = performance.now() - t;
    gc();
    const w = conventionsWork(parsePubtator(text));
    if (i === 0) continue; // warm-up
    check.push(checkMs);
    learning.push(w.facts + w.oneWay + w.settle);
    parts.facts.push(w.facts);
    parts.oneWay.push(w.oneWay);
    parts.settle.push(w.settle);
  }
  const c = median(check);
  const l = median(learning);
  return `| ${label} | ${ms(c)} | ${ms(median(parts.facts))} | ${ms(median(parts.oneWay))} | ${ms(median(parts.settle))} | ${ms(l)} | ${(100 * l / c).toFixed(1)}% |`;
}

export function conventionsSection(runs: number): string {
  const text = generatedCorpus(50);
  return [
    `Medians of ${runs} runs after a warm-up; each run checks the text, then times the conventions-only work on a fresh parse.`,
    '',
    '| input | whole check ms | document facts ms | one-way-relation ms | learn + settle ms | conventions ms | share of the check |',
    '|---|---:|---:|---:|---:|---:|---:|',
    measure('generated 50 MB corpus', text, runs),
    measure('the same, entity types renamed to invented ones', withInventedTypes(text), runs),
  ].join('\n');
}
