// Hover, definition, references, highlights and one screen of semantic tokens
// at random ids of a 50 MB file, as the server answers them: on the parsed,
// checked file whose concept counts were prepared when idle.

import { createLanguageService } from '../server/src/service/languageService';
import type { Position } from '../server/src/service/types';
import { generatedCorpus } from './corpus';
import { ms, percentile } from './measure';

/** Positions on concept ids: half in relation rows, half in mention rows. */
function idPositions(lines: string[], count: number): Position[] {
  const out: Position[] = [];
  let seed = 12345;
  while (out.length < count) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const line = seed % lines.length;
    const fields = lines[line].split('\t');
    const relation = fields.length >= 4 && !/^\d/.test(fields[1]);
    const idField = relation ? 2 : fields.length >= 6 ? 5 : -1;
    if (idField < 0 || !fields[idField]) continue;
    const character = fields.slice(0, idField).join('\t').length + 2;
    out.push({ line, character });
  }
  return out;
}

const SCREEN_LINES = 60;

export function featuresSection(requests = 400): string {
  const text = generatedCorpus(50);
  const service = createLanguageService();
  const file = service.parse(text);
  service.validate(file);
  service.prepare(file);
  const positions = idPositions(text.split('\n'), requests);
  const ops: [string, (p: Position) => unknown][] = [
    ['hover', (p) => service.hover(file, p)],
    ['definition', (p) => service.definition(file, p)],
    ['references', (p) => service.references(file, p, { includeDeclaration: true })],
    ['document highlight', (p) => service.documentHighlights(file, p)],
    // What an editor asks for one screen: about 60 lines from the position.
    ['semantic tokens, one screen (range)', (p) => service.semanticTokens(file, {
      range: { start: { line: p.line, character: 0 }, end: { line: p.line + SCREEN_LINES, character: 0 } },
    })],
  ];
  const rows = ['| request (50 MB file, ids at random lines) | median ms | p95 ms | max ms |', '|---|---:|---:|---:|'];
  for (const [name, op] of ops) {
    const times = positions.map((p) => {
      const t = performance.now();
      op(p);
      return performance.now() - t;
    });
    rows.push(`| ${name} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(Math.max(...times))} |`);
  }
  return rows.join('\n');
}
