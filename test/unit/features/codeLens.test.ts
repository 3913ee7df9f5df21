import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { BC5CDR, HOSTILE, PUBTATOR3, service } from './support';

describe('code lenses', () => {
  it('puts a summary and a PubMed link on each document\'s first line, parsing nothing', () => {
    const parsed = service.parse(PUBTATOR3);
    const lenses = service.codeLenses(parsed);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title ?? 'to resolve']), [
      [0, 'to resolve'], [0, 'PubMed'], [16, 'to resolve'], [16, 'PubMed'],
    ]);
    assert.deepEqual(lenses[1].command, { title: 'PubMed', command: 'vscode.open', arguments: ['https://pubmed.ncbi.nlm.nih.gov/34205807/'] });
    assert.ok(parsed.documents.every((d) => !d.materialized));
  });

  it('resolves the summary: mentions, relations and the document\'s problems', () => {
    const parsed = service.parse(BC5CDR);
    const [summary] = service.codeLenses(parsed);
    assert.equal(service.resolveCodeLens(parsed, summary).command?.title, '4 mentions · 3 relations · 1 problem');
    assert.equal(service.resolveCodeLens(parsed, summary, { severities: { 'dangling-relation-id': 'off' } }).command?.title,
      '4 mentions · 3 relations · no problems');
    const clean = service.parse(file(doc('1', 'Aspirin.', '', row(1, 0, 7, 'Aspirin', 'Chemical', 'D001241'))));
    assert.equal(service.resolveCodeLens(clean, service.codeLenses(clean)[0]).command?.title, '1 mention · 0 relations · no problems');
    const broken = service.parse(file(doc('1', 'Aspirin.', '', row(1, 1, 8, 'Aspirin', 'Chemical', 'D001241'), row(1, 'CID', 'D001241', 'D9'))));
    assert.equal(service.resolveCodeLens(broken, service.codeLenses(broken)[0]).command?.title, '1 mention · 1 relation · 2 problems');
  });

  it('links only all-digit ids to PubMed', () => {
    const lenses = service.codeLenses(service.parse(HOSTILE + '\nBC8_BioRED_Task1_Doc1|t|x\n'));
    assert.ok(lenses.every((l) => l.command?.command !== 'vscode.open'), JSON.stringify(lenses));
  });

  it('resolves any lens the client sends back without throwing', () => {
    const parsed = service.parse(PUBTATOR3);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const data of [undefined, null, 5, {}, { kind: 'summary' }, { kind: 'summary', line: -3, id: 'x' }, { kind: 'summary', line: 1e12, id: 'x' }]) {
      const lens = service.resolveCodeLens(parsed, { range, data: data as never });
      assert.ok(lens.command === undefined || typeof lens.command.title === 'string');
    }
    assert.equal(service.resolveCodeLens(parsed, { range, data: { kind: 'summary', line: 99, id: 'gone' } }).command?.title, 'No document here any more');
    assert.deepEqual(service.codeLenses(service.parse('')), []);
  });
});
