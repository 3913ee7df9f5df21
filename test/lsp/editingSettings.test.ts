// The editing settings as the client sends them: read when valid, absent (the
// defaults) otherwise, so clients that send nothing keep today's behaviour.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readSettings } from '../../server/src/lsp/settings';
import { configurationContribution } from '../../server/src/lsp/settingsSchema';

describe('editing settings', () => {
  it('reads pubtator.format.sortMentions and pubtator.rename.scope', () => {
    const s = readSettings({ format: { sortMentions: false }, rename: { scope: 'file' } });
    assert.equal(s.sortMentions, false);
    assert.equal(s.renameScope, 'file');
  });

  it('leaves them out when absent or odd', () => {
    for (const raw of [{}, { format: { sortMentions: 'no' }, rename: { scope: 'workspace' } }, { format: 1, rename: null }]) {
      const s = readSettings(raw);
      assert.equal('sortMentions' in s, false, JSON.stringify(raw));
      assert.equal('renameScope' in s, false, JSON.stringify(raw));
    }
  });

  it('declares both in the manifest with their defaults', () => {
    const props = configurationContribution().properties as Record<string, { default: unknown; enum?: string[] }>;
    assert.equal(props['pubtator.format.sortMentions'].default, true);
    assert.equal(props['pubtator.rename.scope'].default, 'document');
    assert.deepEqual(props['pubtator.rename.scope'].enum, ['document', 'file']);
  });
});
