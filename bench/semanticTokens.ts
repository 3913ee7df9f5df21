// Whole-file semantic tokens on a 50 MB file, as VS Code asks for them: one
// full request when the file opens, then a delta request after each edit.
// Timed from the request to the JSON the server would send.

import { createLanguageService } from '../server/src/service/languageService';
import { IncrementalFile } from '../server/src/service/incrementalFile';
import { SemanticTokenResults } from '../server/src/lsp/semanticTokenResults';
import { generatedCorpus } from './corpus';
import { typist } from './keystrokes';
import { mb, ms, percentile } from './measure';

export function semanticTokensSection(edits = 50): string {
  const lines = generatedCorpus(50).split('\n');
  const service = createLanguageService();
  const file = new IncrementalFile(lines.join('\n'));
  file.diagnostics();
  const results = new SemanticTokenResults();
  const answer = (run: () => unknown) => {
    const t = performance.now();
    const json = JSON.stringify(run());
    return { ms: performance.now() - t, bytes: json.length };
  };
  let resultId = '';
  const full = () => {
    const r = results.full('bench', service.encodedSemanticTokens(file.file));
    resultId = r.resultId!;
    return r;
  };
  const cold = answer(full);
  const warm = answer(full);
  const keys = typist(lines, file);
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < edits; i++) {
    keys.type(i);
    file.diagnostics();
    const d = answer(() => {
      const r = results.delta('bench', resultId, service.encodedSemanticTokens(file.file));
      resultId = r.resultId!;
      return r;
    });
    times.push(d.ms);
    sizes.push(d.bytes);
  }
  return [
    '| request (50 MB file) | ms | JSON sent |',
    '|---|---:|---:|',
    `| full, first (every document read) | ${ms(cold.ms)} | ${mb(cold.bytes)} MB |`,
    `| full, again | ${ms(warm.ms)} | ${mb(warm.bytes)} MB |`,
    `| delta after one keystroke, median / p95 of ${edits} | ${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} | ${percentile(sizes, 50)} bytes |`,
  ].join('\n');
}
