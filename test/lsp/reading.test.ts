// The reading features over LSP, against the built server over stdio:
// semantic tokens (full and range), folding, outline, workspace symbols, inlay
// hints, code lenses with resolve, selection ranges and the text hover.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeLensRequest, CodeLensResolveRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest,
  SelectionRangeRequest, SemanticTokensDeltaRequest, SemanticTokensRangeRequest, SemanticTokensRequest, WorkspaceSymbolRequest,
  type DocumentSymbol, type SemanticTokens, type SemanticTokensDelta, type MarkupContent, type SelectionRange, type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { encodeTokens } from '../../server/src/lsp/readingConvert';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/service/languageService';
import { doc, file, row } from '../support/build';

const TEXT = file(
  doc('39000001', 'Ketamine reduces suicidal ideation.', 'Esketamine acts on GRIN2B in mice.',
    row(39000001, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
    row(39000001, 17, 34, 'suicidal ideation', 'Disease', 'MESH:D059020'),
    row(39000001, 36, 46, 'Esketamine', 'Chemical', 'MESH:C000628120'),
    row(39000001, 55, 61, 'GRIN2B', 'Gene', '2904'),
    row(39000001, 65, 69, 'mice', 'Species', '10090'),
    row(39000001, 'Negative_Correlation', 'MESH:D007649', 'MESH:D059020'),
    row(39000001, 'Association', 'MESH:C000628120', '2904')),
  doc('BC8_Doc2', 'Aspirin and pain', '', row('BC8_Doc2', 0, 7, 'Aspirin', 'Chemical', 'D001241'), row('BC8_Doc2', 13, 16, 'pai', 'Disease', 'D010146')),
);
const LINES = TEXT.split('\n');

/** Decodes LSP's relative token encoding into `line:text type[+modifiers]`. */
function decode(data: number[]): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const mods = TOKEN_MODIFIERS.filter((_, b) => data[i + 4] & (1 << b));
    out.push(`${line}:${LINES[line].slice(character, character + data[i + 2])} ${TOKEN_TYPES[data[i + 3]]}${mods.map((m) => '+' + m).join('')}`);
  }
  return out;
}

describe('token encoding', () => {
  it('encodes lines and starts relative to the previous token', () => {
    assert.deepEqual(encodeTokens([
      { line: 0, character: 0, length: 8, type: 0, modifiers: 0 },
      { line: 0, character: 17, length: 17, type: 1, modifiers: 1 },
      { line: 2, character: 4, length: 3, type: 2, modifiers: 0 },
    ]).data, [0, 0, 8, 0, 0, 0, 17, 17, 1, 1, 2, 4, 3, 2, 0]);
    assert.deepEqual(encodeTokens([]).data, []);
  });
});

describe('semantic token deltas over stdio', () => {
  let client: LspTestClient;
  const uri = LspTestClient.uri('delta.pubtator');
  const textDocument = { uri };

  before(async () => {
    client = await LspTestClient.start();
    const since = client.mark();
    await client.open(uri, TEXT, 1);
    await client.diagnostics(uri, since);
  });

  after(() => client?.kill());

  it('sends only what an edit changed, and the edits give the new tokens', async () => {
    const first = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }))!;
    assert.ok(first.resultId, 'a full answer names its result');
    assert.ok(decode(first.data).includes('13:pai pubtatorDisease+mismatch'));
    // Fix the offsets of the wrong row (line 13: BC8_Doc2<TAB>13<TAB>16 -> 12<TAB>15).
    const since = client.mark();
    await client.change(uri, 2, [{ range: { start: { line: 13, character: 9 }, end: { line: 13, character: 14 } }, text: '12\t15' }]);
    await client.diagnostics(uri, since, (p) => p.version === 2);
    const delta = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: first.resultId! }) as SemanticTokensDelta;
    assert.ok(delta.edits, 'a delta answer');
    assert.notEqual(delta.resultId, first.resultId);
    const applied = [...first.data];
    for (const e of [...delta.edits].sort((a, b) => b.start - a.start)) applied.splice(e.start, e.deleteCount ?? 0, ...(e.data ?? []));
    const fresh = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }))!;
    assert.deepEqual(applied, fresh.data);
    // The span now covers "pai" of the title, and the row itself is no longer marked.
    assert.deepEqual(decode(fresh.data).slice(-2), ['10:Aspirin pubtatorChemical', '10:pai pubtatorDisease']);
    assert.ok(delta.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0) < fresh.data.length, 'less than the whole file');
  });

  it('answers a delta on a result it no longer holds with every token', async () => {
    const answer = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: 'not-a-result' }) as SemanticTokens;
    const full = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }))!;
    assert.deepEqual(answer.data, full.data);
    assert.ok(answer.resultId);
  });
});

describe('reading features over stdio', () => {
  let client: LspTestClient;
  const uri = LspTestClient.uri('reading.pubtator');
  const textDocument = { uri };

  before(async () => {
    client = await LspTestClient.start();
    const since = client.mark();
    await client.open(uri, TEXT);
    await client.diagnostics(uri, since);
  });

  after(() => client?.kill());

  it('announces the reading features and the token legend', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.semanticTokensProvider, {
      legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: { delta: true }, range: true,
    });
    assert.equal(caps.foldingRangeProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.equal(caps.inlayHintProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: true });
    assert.equal(caps.selectionRangeProvider, true);
  });

  it('colours the mentions of the whole file, marking a wrong span', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
    assert.deepEqual(decode(tokens!.data), [
      '0:Ketamine pubtatorChemical', '0:suicidal ideation pubtatorDisease',
      '1:Esketamine pubtatorChemical', '1:GRIN2B pubtatorGene', '1:mice pubtatorSpecies',
      '10:Aspirin pubtatorChemical', '10:ain pubtatorDisease+mismatch', '13:pai pubtatorDisease+mismatch',
    ]);
  });

  it('colours only the lines of a range request', async () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } };
    const tokens = await client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range });
    assert.deepEqual(decode(tokens!.data), ['1:Esketamine pubtatorChemical', '1:GRIN2B pubtatorGene', '1:mice pubtatorSpecies']);
  });

  it('folds documents and their blocks', async () => {
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    assert.deepEqual(folds!.map((f) => [f.startLine, f.endLine]), [[0, 8], [2, 6], [7, 8], [10, 13], [12, 13]]);
  });

  it('outlines documents, concepts and relations', async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [
      ['39000001', 'Ketamine reduces suicidal ideation.'], ['BC8_Doc2', 'Aspirin and pain'],
    ]);
    const [mentions, relations] = symbols[0].children!;
    assert.deepEqual(mentions.children!.map((c) => c.name), [
      'Ketamine · MESH:D007649', 'suicidal ideation · MESH:D059020', 'Esketamine · MESH:C000628120', 'GRIN2B · 2904', 'mice · 10090',
    ]);
    assert.deepEqual(relations.children!.map((c) => c.name), ['Negative_Correlation: Ketamine – suicidal ideation', 'Association: Esketamine – GRIN2B']);
  });

  it('finds document and concept ids across open files', async () => {
    const other = LspTestClient.uri('other.pubtator');
    await client.open(other, file(doc('39000001', 'Again ketamine', '', row(39000001, 6, 14, 'ketamine', 'Chemical', 'MESH:D007649'))));
    const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'D007649' }) as SymbolInformation[];
    assert.deepEqual(found.map((s) => [s.name, s.location.uri, s.location.range.start.line]).sort(), [
      ['MESH:D007649 Ketamine', uri, 2], ['MESH:D007649 ketamine', other, 2],
    ].sort());
    const docs = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'bc8' }) as SymbolInformation[];
    assert.deepEqual(docs.map((s) => s.name), ['BC8_Doc2']);
    await client.close(other);
  });

  it('names relation concepts and shows what a wrong span covers, on the lines asked for', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument, range: { start: { line: 7, character: 0 }, end: { line: 13, character: 0 } },
    });
    assert.deepEqual(hints!.map((h) => `${h.position.line}:${h.label}`), [
      '7:Ketamine', '7:suicidal ideation', '8:Esketamine', '8:GRIN2B', '13:covers: ain',
    ]);
  });

  it('puts lenses on each title line and resolves the counts lazily', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
    assert.deepEqual(lenses!.map((l) => [l.range.start.line, l.command?.title]), [[0, undefined], [0, 'PubMed'], [10, undefined]]);
    assert.deepEqual(lenses![1].command!.arguments, ['https://pubmed.ncbi.nlm.nih.gov/39000001/']);
    const first = await client.connection.sendRequest(CodeLensResolveRequest.type, lenses![0]);
    assert.equal(first.command!.title, '5 mentions · 2 relations · no problems');
    const second = await client.connection.sendRequest(CodeLensResolveRequest.type, lenses![2]);
    assert.equal(second.command!.title, '2 mentions · 0 relations · 1 problem');
    const stray = await client.connection.sendRequest(CodeLensResolveRequest.type, { range: lenses![0].range, data: { uri: 'file:///nowhere' } });
    assert.equal(stray.command, undefined);
  });

  it('grows a selection from the field to the document', async () => {
    const [r] = await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [{ line: 5, character: LINES[5].indexOf('GRIN2B') + 2 }] }) as SelectionRange[];
    const shown: string[] = [];
    for (let s: SelectionRange | undefined = r; s; s = s.parent) {
      const { start, end } = s.range;
      shown.push(start.line === end.line ? LINES[start.line].slice(start.character, end.character) : `${start.line}-${end.line}`);
    }
    assert.deepEqual(shown, ['GRIN2B', LINES[5], '2-6', '0-8']);
  });

  it('hovers a word of the text with the mention rows covering it', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 1, character: LINES[1].indexOf('GRIN2B') + 2 } });
    const md = (hover!.contents as MarkupContent).value;
    assert.match(md, /line 6 · Gene · `2904` · `GRIN2B`/);
  });

  it('answers requests for unknown documents and odd parameters with empty results, and stays up', async () => {
    const nowhere = { uri: 'file:///nowhere.pubtator' };
    assert.deepEqual((await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: nowhere }))?.data ?? [], []);
    assert.deepEqual(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: nowhere }), []);
    const odd = await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: { start: { line: -4, character: 0 }, end: { line: 1e9, character: 0 } } });
    assert.ok(Array.isArray(odd));
    const tokens = await client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range: { start: { line: 50, character: 0 }, end: { line: 2, character: 0 } } });
    assert.deepEqual(tokens!.data, []);
    assert.ok(client.isAlive());
  });
});
