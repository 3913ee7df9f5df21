// The server's small wiring helpers, in process: parse cache, debouncer,
// settings reader, exception guard and LSP conversions.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ParseCache } from '../../server/src/lsp/parseCache';
import { Debouncer } from '../../server/src/lsp/debouncer';
import { readSettings } from '../../server/src/lsp/settings';
import { runSafe } from '../../server/src/lsp/runSafe';
import { toHover, toLocations, toLspDiagnostic } from '../../server/src/lsp/convert';
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { Severity, lineRange } from '../../server/src/service/types';

describe('ParseCache', () => {
  it('parses each version of a document once', () => {
    let parses = 0;
    const cache = new ParseCache((text) => { parses++; return parsePubtator(text); });
    const v1 = { uri: 'file:///a', version: 1, getText: () => '1|t|A\n' };
    const first = cache.get(v1);
    assert.equal(cache.get(v1), first);
    assert.equal(parses, 1);
    const v2 = { ...v1, version: 2, getText: () => '1|t|B\n' };
    assert.notEqual(cache.get(v2), first);
    assert.equal(parses, 2);
    cache.delete(v1.uri);
    cache.get(v2);
    assert.equal(parses, 3);
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
