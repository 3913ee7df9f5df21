// Curating in the reading view, on the document with 1,000 mentions (the
// preview bench's): each action's edit from its intent, then what follows it
// before the view can draw again: the edit applied to the text, the file
// parsed, the document's preview model. The webview's own drawing is the
// preview section's figure.

import { createLanguageService, type CurateIntent, type MentionRef } from '../server/src/service/languageService';
import { applyEdits } from '../server/src/service/edits/textEdit';
import { thousandMentionDocument } from './preview';
import { ms, percentile } from './measure';

const service = createLanguageService();

const WARM_UP = 3;

function median(runs: number, fn: () => void): number {
  const all: number[] = [];
  for (let i = 0; i < runs + WARM_UP; i++) {
    const t = performance.now();
    fn();
    all.push(performance.now() - t);
  }
  return percentile(all.slice(WARM_UP), 50);
}

export function curateSection(runs = 21): string {
  const text = thousandMentionDocument();
  const file = service.parse(text);
  const doc = file.documents[0];
  const m = doc.mentions[500];
  const mention: MentionRef = { line: m.line, offsets: `${m.startField.text}-${m.endField.text}`, text: m.textField.text, type: m.typeField?.text ?? '', id: m.idField?.text ?? '' };
  const other = doc.mentions[700];
  const to: MentionRef = { line: other.line, offsets: `${other.startField.text}-${other.endField.text}`, text: other.textField.text, type: other.typeField?.text ?? '', id: other.idField?.text ?? '' };
  const abstract = doc.passages[1];
  const from = abstract.text.text.indexOf('and ');
  const intents: [string, CurateIntent][] = [
    ['add a span', { kind: 'addSpan', selection: { line: abstract.line, from, to: from + 3, text: 'and' }, type: 'Gene', id: '' }],
    ['retype', { kind: 'retype', mention, type: 'Other' }],
    ['resize (end a word right)', { kind: 'resize', mention, side: 'end', step: 1 }],
    ['delete', { kind: 'delete', mention, relations: 'delete' }],
    ['annotate all occurrences (document)', { kind: 'annotateAll', mention }],
    ['add a relation', { kind: 'addRelation', from: mention, to, type: 'Association' }],
  ];
  const rows = ['| action | the edit (service) | edit applied, file parsed, preview model | total |', '| --- | ---: | ---: | ---: |'];
  for (const [what, intent] of intents) {
    const result = service.curate(file, intent);
    if (!('edits' in result)) throw new Error(`${what}: ${JSON.stringify(result)}`);
    const edit = median(runs, () => service.curate(file, intent));
    const redraw = median(runs, () => {
      const after = service.parse(applyEdits(text, result.edits));
      service.preview(after, { line: 0 });
    });
    rows.push(`| ${what} | ${ms(edit)} | ${ms(redraw)} | ${ms(edit + redraw)} |`);
  }
  return [`One document of ${doc.mentions.length} mentions and ${doc.relations.length} relations; medians of ${runs} runs after ${WARM_UP} warm-up runs.`, '', ...rows].join('\n');
}
