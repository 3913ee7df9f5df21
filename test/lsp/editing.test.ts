// The editing features over stdio with the built server: quick fixes and
// fix-all, formatting, completion, rename and the insert-mention command, each
// applied the way a client would apply it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplyWorkspaceEditRequest, CodeActionRequest, CodeActionResolveRequest, CompletionRequest, DocumentFormattingRequest,
  DocumentRangeFormattingRequest, ExecuteCommandRequest, PrepareRenameRequest, RenameRequest,
  type ApplyWorkspaceEditParams, type CodeAction, type CompletionItem, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { sampleText } from './support/expected';
import { doc, file, row } from '../support/build';
import { applyEdits } from '../../server/src/service/edits/textEdit';

const KETAMINE = 'ketamine.pubtator';

function editsOf(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  assert.ok(edit?.changes?.[uri], `an edit for ${uri}: ${JSON.stringify(edit)}`);
  return edit.changes[uri];
}

describe('editing features over stdio', () => {
  let client: LspTestClient;
  const applied: ApplyWorkspaceEditParams[] = [];
  let version = 1;
  let text = sampleText(KETAMINE);
  const uri = LspTestClient.uri('editing.pubtator');

  /** Applies edits to the client's copy and tells the server, as an editor does; returns the new diagnostics. */
  async function change(edits: TextEdit[]): Promise<Diagnostic[]> {
    text = applyEdits(text, edits);
    version++;
    const since = client.mark();
    await client.change(uri, version, [{ text }]);
    const v = version;
    return client.diagnostics(uri, since, (p) => p.version === v);
  }

  before(async () => {
    client = await LspTestClient.start();
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    const since = client.mark();
    await client.open(uri, text, version);
    await client.diagnostics(uri, since);
  });

  after(() => client?.kill());

  it('announces the editing capabilities', () => {
    const caps = client.initializeResult!.capabilities;
    assert.ok(caps.codeActionProvider);
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    // Completion on request only: a TAB must always insert a TAB.
    assert.deepEqual(caps.completionProvider, {});
    assert.ok(caps.renameProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['pubtator.insertMention', 'pubtator.meshIndex.build', 'pubtator.learnSchema', 'pubtator.workspace.check', 'pubtator.fetch.documents']);
  });

  it('fixes a text mismatch with the quick fix the diagnostic offers', async () => {
    const since = client.mark();
    await client.change(uri, ++version, [{ text }]);
    const diagnostics = await client.diagnostics(uri, since, (p) => p.version === version);
    const mismatch = diagnostics.find((d) => d.code === 'text-mismatch')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] },
    }) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move the mention'))!;
    assert.equal(move.kind, 'quickfix');
    assert.equal(move.isPreferred, true);
    assert.deepEqual(move.diagnostics, [mismatch]);
    const after = await change(editsOf(move.edit, uri));
    assert.ok(!after.some((d) => d.code === 'text-mismatch'), JSON.stringify(after));
    assert.ok(text.includes(row('39000001', 154, 179, 'major depressive disorder', 'Disease', 'MESH:D003865')));
  });

  it('offers nothing for a diagnostic the text no longer has', async () => {
    const stale = { range: { start: { line: 7, character: 9 }, end: { line: 7, character: 16 } }, code: 'text-mismatch', message: 'old', data: { start: 154, end: 179, covered: 'x' } };
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] },
    }) as CodeAction[];
    assert.deepEqual(actions, []);
  });

  it('fixes all problems of a code in the file, eagerly or on resolve', async () => {
    const second = file(doc('2', 'Aspirin and pain.', 'Aspirin eased pain.', row('2', 1, 8, 'Aspirin', 'Chemical', 'D001241'), row('2', 19, 26, 'Aspirin', 'Chemical', 'D001241')));
    const diagnostics = await change([{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, newText: '\n' + second }]);
    const mismatch = diagnostics.filter((d) => d.code === 'text-mismatch');
    assert.equal(mismatch.length, 2, JSON.stringify(diagnostics));
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: mismatch[0].range, context: { diagnostics: [mismatch[0]] },
    }) as CodeAction[];
    const inDocument = actions.find((a) => a.title === 'Fix all text mismatches in document 2 (2)');
    assert.ok(inDocument, JSON.stringify(actions.map((a) => a.title)));

    const lazy = await client.connection.sendRequest(CodeActionResolveRequest.type, {
      title: 'Fix all text mismatches in file', data: { pubtatorFixAll: { uri, version, code: 'text-mismatch' } },
    });
    assert.deepEqual(editsOf(lazy.edit, uri), editsOf(inDocument.edit, uri));
    const stale = await client.connection.sendRequest(CodeActionResolveRequest.type, {
      title: 'Fix all text mismatches in file', data: { pubtatorFixAll: { uri, version: version - 1, code: 'text-mismatch' } },
    });
    assert.equal(stale.edit, undefined, 'no edit for another version of the text');

    const after = await change(editsOf(inDocument.edit, uri));
    assert.ok(!after.some((d) => d.code === 'text-mismatch'));
  });

  it('offers source.fixAll.pubtator when asked for by kind', async () => {
    const dup = row('2', 0, 7, 'Aspirin', 'Chemical', 'D001241');
    await change([{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, newText: dup + '\n' }]);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    }) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.pubtator']);
    const after = await change(editsOf(actions[0].edit, uri));
    assert.ok(!after.some((d) => d.code === 'duplicate-mention'), JSON.stringify(after));
  });

  it('formats the document and a range, and a second run changes nothing', async () => {
    await change([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: row('39000001', 257, 267, 'esketamine', 'Chemical', 'MESH:C000628120') + '  \n' }]);
    const range = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri }, range: { start: { line: 20, character: 0 }, end: { line: 20, character: 1 } }, options: { tabSize: 4, insertSpaces: false },
    });
    assert.ok((range ?? []).every((e) => e.range.start.line >= 17), JSON.stringify(range));
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
    const before = text;
    await change(edits ?? []);
    assert.notEqual(text, before);
    assert.ok(text.split('\n')[12].startsWith('39000001\t257\t267\tesketamine\tChemical\tMESH:C000628120'), text);
    const again = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
    assert.deepEqual(again, []);
  });

  it('completes entity types, relation types and concept ids', async () => {
    const typeAt = { line: 2, character: text.split('\n')[2].lastIndexOf('\t') - 2 };
    const types = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: typeAt }) as CompletionItem[];
    assert.equal(types[0].label, 'Chemical', 'the most used type of the file first');
    assert.ok(types.some((t) => t.label === 'GeneOrGeneProduct'));
    const relationLine = text.split('\n').findIndex((l) => l.startsWith('39000001\tNegative_Correlation'));
    const relTypes = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: relationLine, character: 12 } }) as CompletionItem[];
    assert.equal(relTypes[0].detail, 'allowed between a chemical and a disease');
    const ids = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: relationLine, character: 32 } }) as CompletionItem[];
    const ketamine = ids.find((i) => i.label === 'MESH:D007649')!;
    assert.equal(ketamine.detail, 'Ketamine · Chemical');
    assert.equal((ketamine.documentation as { kind: string }).kind, 'markdown');
  });

  it('renames a concept id in its document, and refuses what is not an id', async () => {
    const line = text.split('\n').findIndex((l) => l.startsWith('39000001\tAssociation'));
    const position = { line, character: 30 };
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    assert.deepEqual(prepared, { range: { start: { line, character: 26 }, end: { line, character: 33 } }, placeholder: 'D007649' });
    await assert.rejects(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line, character: 12 } }), /Only a concept id can be renamed/);
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'D007650' });
    await change(editsOf(edit, uri));
    assert.equal(text.split('MESH:D007650').length - 1, 6);
    assert.ok(!text.includes('MESH:D007649'));
  });

  it('renames across the file when pubtator.rename.scope is file', async () => {
    const third = file(doc('3', 'Ketamine.', '', row('3', 0, 8, 'Ketamine', 'Chemical', 'MESH:D007650')));
    const end = text.split('\n').length - 1;
    await change([{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, newText: '\n' + third }]);
    const line = text.split('\n').findIndex((l) => l.startsWith('39000001\tAssociation'));
    const position = { line, character: 30 };
    const inDocument = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'D007651' });
    assert.equal(editsOf(inDocument, uri).length, 6);
    await client.configure({ rename: { scope: 'file' } });
    const inFile = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'D007651' });
    assert.equal(editsOf(inFile, uri).length, 7);
    await client.configure({});
  });

  it('inserts a mention for a selection through workspace/applyEdit', async () => {
    const abstractLine = 1;
    const lineText = text.split('\n')[abstractLine];
    const at = lineText.indexOf('NMDA receptor');
    const range = { start: { line: abstractLine, character: at }, end: { line: abstractLine, character: at + 'NMDA receptor'.length } };
    const suggestions = await client.connection.sendRequest('pubtator/annotationSuggestions', { textDocument: { uri }, range }) as { text: string; types: { type: string }[]; concepts: { id: string; name: string }[] };
    assert.equal(suggestions.text, 'NMDA receptor');
    assert.equal(suggestions.types[0].type, 'Chemical');
    assert.ok(suggestions.concepts.some((c) => c.id === '2904' && c.name === 'GRIN2B'));
    const refused = await client.connection.sendRequest('pubtator/annotationSuggestions', { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } } }) as { error: string };
    assert.match(refused.error, /title or abstract/);

    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'pubtator.insertMention', arguments: [{ uri, version, range, type: 'Gene', id: '2904' }],
    });
    assert.equal(result.applied, true, JSON.stringify(result));
    const edit = applied.at(-1)!.edit;
    await change(editsOf(edit, uri));
    const inserted = text.split('\n').find((l) => l.includes('NMDA receptor\tGene'));
    const [title, abstract] = text.split('\n').slice(0, 2).map((l) => l.slice('39000001|t|'.length));
    const start = title.length + 1 + abstract.indexOf('NMDA receptor');
    assert.equal(inserted, row('39000001', start, start + 13, 'NMDA receptor', 'Gene', '2904'));
    const lines = text.split('\n');
    const before = lines.indexOf(inserted!) - 1;
    assert.ok(Number(lines[before].split('\t')[1]) <= start && Number(lines[before + 2].split('\t')[1]) > start, 'in offset order');
    const stale = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'pubtator.insertMention', arguments: [{ uri, version: version - 1, range, type: 'Gene', id: '2904' }],
    });
    assert.deepEqual(stale, { applied: false, message: 'The document changed since the selection was made; try again.' });
  });

  it('stays up on odd editing requests', async () => {
    const odd = { textDocument: { uri }, range: { start: { line: 999, character: 0 }, end: { line: -1, character: 0 } }, context: { diagnostics: [{}] } };
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, odd as never), []);
    assert.deepEqual(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 9999, character: 2 } }), []);
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'pubtator.insertMention', arguments: [] }), { applied: false, message: 'No document was given.' });
    assert.ok(client.isAlive());
    assert.equal(await client.shutdown(), 0);
  });
});
