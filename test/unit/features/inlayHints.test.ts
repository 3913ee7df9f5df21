import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OffsetUnit } from '../../../server/src/service/types';
import { doc, file, row } from '../../support/build';
import { ASTRAL, BC5CDR, PUBTATOR3, service } from './support';

function hints(text: string, from = 0, to = 1000, unit?: OffsetUnit): string[] {
  const all = text.split('\n');
  return service.inlayHints(service.parse(text), { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, { unit })
    .map((h) => `${h.position.line}:${all[h.position.line].slice(0, h.position.character).split('\t').pop()}→${h.label}`);
}

describe('inlay hints', () => {
  it('names each concept of a relation row after its id; nothing after a dangling id', () => {
    assert.deepEqual(hints(BC5CDR), [
      '6:D009288→naproxen', '6:D014786→Ulcerative colitis',
      '7:D009288→naproxen', '7:D006311→Crohn disease',
      '8:D009288→naproxen',
    ]);
  });

  it('names a PubTator3 variant id of a relation by its mention', () => {
    const shown = hints(PUBTATOR3, 13, 13);
    assert.deepEqual(shown, ['13:RS#:854560;HGVS:p.L55M;CorrespondingGene:5444→L55M', '13:MESH:D000086382→COVID-19']);
  });

  it('shows the text a wrong span covers at the end of its row', () => {
    const text = file(doc('1', 'Ketamine and depression', undefined,
      row(1, 9, 17, 'Ketamine', 'Chemical', 'D007649'),
      row(1, 90, 99, 'far', 'Disease', 'D1'),
      row(1, 0, 8, 'KETAMINE', 'Chemical', 'D007649')));
    assert.deepEqual(hints(text), ['1:D007649→covers: and depr', '2:D1→past the end (23 characters)']);
    const h = service.inlayHints(service.parse(text), { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } })[0];
    assert.match(h.tooltip!, /^Offsets 9–17 cover “and depr”, not the row's text “Ketamine”\.$/);
  });

  it('gives only the lines asked for, parsing only their documents', () => {
    const text = PUBTATOR3 + '\n' + BC5CDR;
    const parsed = service.parse(text);
    const found = service.inlayHints(parsed, { start: { line: 26, character: 0 }, end: { line: 26, character: 5 } });
    assert.deepEqual(found.map((h) => h.position.line), [26, 26]);
    assert.deepEqual(parsed.documents.map((d) => d.materialized), [false, false, true]);
  });

  it('follows the offset unit', () => {
    assert.deepEqual(hints(ASTRAL), []);
    assert.equal(hints(ASTRAL, 0, 10, 'utf16').length, 3);
  });

  it('is empty for an empty file or a bad range, and cuts long names', () => {
    assert.deepEqual(hints(''), []);
    assert.deepEqual(service.inlayHints(service.parse(BC5CDR), null as never), []);
    assert.deepEqual(service.inlayHints(service.parse(BC5CDR), { start: { line: 5 }, end: {} } as never), []);
    const long = 'x'.repeat(300);
    const text = file(doc('1', long, undefined, row(1, 0, 300, long, 'Gene', '7'), row(1, 'Bind', '7', '7')));
    const [name] = hints(text, 2, 2);
    assert.ok(name.endsWith('…') && name.length < 60, name);
  });
});
