// The server's small wiring helpers, in process: open files, debouncer,
// settings reader, exception guard and LSP conversions.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { OpenFiles } from '../../server/src/lsp/openFiles';
import { Debouncer } from '../../server/src/lsp/debouncer';
import { readSettings } from '../../server/src/lsp/settings';
import { runSafe } from '../../server/src/lsp/runSafe';
import { toHover, toLocations, toLspDiagnostic } from '../../server/src/lsp/convert';
import { Severity, lineRange } from '../../server/src/service/types';

describe('OpenFiles', () => {
  const open = () => {
    const files = new OpenFiles();
    const doc = files.configuration.create('file:///a', 'pubtator', 1, '1|t|Aspirin\n1|a|\n1\t0\t7\tAspirin\tChemical\tD001241\n');
    return { files, doc };
  };

  it('keeps the parse up to date through incremental changes', () => {
    const { files, doc } = open();
    assert.deepEqual(files.get(doc).diagnostics(), []);
    const edited = files.configuration.update(doc, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } }, text: '1' }], 2);
    assert.equal(edited.getText(), '1|t|Aspirin\n1|a|\n1\t1\t7\tAspirin\tChemical\tD001241\n');
    assert.deepEqual(files.get(edited).diagnostics().map((d) => d.code), ['span-boundary']);
    const more = files.configuration.update(edited, [
      { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } }, text: '0' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n2|t|Second\n' },
    ], 3);
    const file = files.get(more).file;
    assert.deepEqual(file.documents.map((d) => [d.id, d.startLine]), [['1', 0], ['2', 4]]);
    assert.deepEqual(files.get(more).diagnostics().map((d) => d.code), ['missing-abstract']);
  });

  it('takes a full-text change, and forgets closed documents', () => {
    const { files, doc } = open();
    const replaced = files.configuration.update(doc, [{ text: '9|t|New\n9|a|\n' }], 2);
    assert.equal(files.get(replaced).file.documents[0].id, '9');
    files.delete(doc.uri);
    assert.equal(files.get(replaced).file.documents[0].id, '9', 'parsed again from the text on demand');
  });
});

describe('Debouncer', () => {
  it('runs only the last task scheduled for a uri', async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer(5);
    debouncer.schedule('a', () => true, () => runs.push('a1'));
    debouncer.schedule('a', () => true, () => runs.push('a2'));
    debouncer.schedule('b', () => true, () => runs.push('b1'));
    await sleep(50);
    assert.deepEqual(runs.sort(), ['a2', 'b1']);
  });

  it('skips a task whose version is no longer current, and drops cancelled ones', async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer(5);
    debouncer.schedule('a', () => false, () => runs.push('stale'));
    debouncer.schedule('b', () => true, () => runs.push('cancelled'));
    debouncer.cancel('b');
    debouncer.schedule('c', () => true, () => runs.push('disposed'));
    debouncer.dispose();
    await sleep(50);
    assert.deepEqual(runs, []);
  });
});

describe('readSettings', () => {
  it('reads severities per known code and the offset unit', () => {
    const s = readSettings({ severity: { 'text-mismatch': 'warning', 'self-relation': 'off', 'made-up': 'error' }, offsetUnit: 'utf16' });
    assert.deepEqual(s, { severities: { 'text-mismatch': 'warning', 'self-relation': 'off' }, unit: 'utf16' });
  });

  it('falls back to defaults on anything odd', () => {
    for (const raw of [null, undefined, 42, 'x', [], { severity: 'error', offsetUnit: 'bytes' }, { severity: { 'text-mismatch': 3 } }]) {
      assert.deepEqual(readSettings(raw), { severities: {}, unit: 'codepoint' }, JSON.stringify(raw));
    }
  });
});

describe('runSafe', () => {
  it('turns an exception into a log line and the empty answer', () => {
    const logged: string[] = [];
    const result = runSafe({ error: (m) => logged.push(m) }, 'Hover', null, () => { throw new Error('boom'); });
    assert.equal(result, null);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Hover failed: Error: boom/);
    assert.deepEqual(runSafe({ error: () => assert.fail() }, 'x', [], () => [1]), [1]);
  });
});

describe('LSP conversions', () => {
  it('gives related information the document uri', () => {
    const d = toLspDiagnostic('file:///a', {
      range: lineRange(1, 0, 3), severity: Severity.Error, code: 'text-mismatch', message: 'm', source: 'pubtator',
      relatedInformation: [{ range: lineRange(1, 4, 6), message: 'r' }], data: { start: 1 },
    });
    assert.deepEqual(d.relatedInformation, [{ location: { uri: 'file:///a', range: lineRange(1, 4, 6) }, message: 'r' }]);
    assert.equal(d.code, 'text-mismatch');
    assert.equal(d.source, 'pubtator');
    assert.deepEqual(d.data, { start: 1 });
  });

  it('wraps hover markdown and ranges as LSP wants them', () => {
    assert.equal(toHover(undefined), null);
    assert.equal(toHover({ contents: '' }), null);
    assert.deepEqual(toHover({ contents: '**x**', range: lineRange(0, 1, 2) }), { contents: { kind: 'markdown', value: '**x**' }, range: lineRange(0, 1, 2) });
    assert.deepEqual(toLocations('u', [lineRange(2, 0, 1)]), [{ uri: 'u', range: lineRange(2, 0, 1) }]);
  });
});
