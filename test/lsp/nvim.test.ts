// Neovim's built-in LSP client, headless, against the built server: a second,
// independent client reading the samples' diagnostics, hovers and definitions.
// Skips (with the reason) where `nvim` is not installed.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths';
import { expected, lspFixturesDir } from './support/expected';
import { ensureServerBuilt } from './support/server';

const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimSkip = probe.status === 0 ? false : 'nvim is not installed (apt-get install -y neovim); Neovim end-to-end tests skipped';
const NVIM_SEVERITY = { error: 'ERROR', warning: 'WARN', information: 'INFO', hint: 'HINT' } as const;

interface NvimResult {
  ok: boolean;
  nvim: string;
  errors: string[];
  diagnostics: { line: number; character: number; endLine: number; endCharacter: number; severity: string; code: string; source: string; message: string }[];
  hover: { line: number; character: number; value?: string; kind?: string; error?: string }[];
  definition: { line: number; character: number; error?: string; locations: { uri: string; line: number; character: number }[] }[];
}

function runNvim(file: string, requests: object, settings: object, minDiagnostics: number): NvimResult {
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-nvim-'));
  const out = join(dir, 'result.json');
  try {
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(repoRoot, 'test', 'e2e-nvim', 'lsp-check.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120000,
      env: {
        ...process.env,
        PUBTATOR_NVIM_CMD: JSON.stringify([process.execPath, ensureServerBuilt(), '--stdio']),
        PUBTATOR_NVIM_FILE: file,
        PUBTATOR_NVIM_REQUESTS: JSON.stringify(requests),
        PUBTATOR_NVIM_SETTINGS: JSON.stringify(settings),
        PUBTATOR_NVIM_MIN_DIAGNOSTICS: String(minDiagnostics),
        PUBTATOR_NVIM_OUT: out,
      },
    });
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      assert.fail(`nvim wrote no result (status ${run.status}, signal ${run.signal}): ${run.stderr}`);
    }
    const result = JSON.parse(text) as NvimResult;
    assert.deepEqual(result.errors, [], `nvim ${result.nvim} reported errors`);
    assert.equal(run.status, 0, `nvim exited with ${run.status}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Neovim LSP client', { skip: nvimSkip }, () => {
  before(() => ensureServerBuilt());

  for (const [name, sample] of Object.entries(expected)) {
    it(`shows the diagnostics, hovers and definitions of ${name}`, () => {
      const path = join(lspFixturesDir, name);
      const result = runNvim(path, { hover: sample.hover, definition: sample.definition }, {}, sample.diagnostics.length);

      const got = result.diagnostics.map((d) => `${d.line}:${d.character} ${d.code}`);
      assert.equal(result.diagnostics.length, sample.diagnostics.length, JSON.stringify(got));
      for (const w of sample.diagnostics) {
        const d = result.diagnostics.find((x) => x.code === w.code && x.line === w.line && x.character === w.character);
        assert.ok(d, `no ${w.code} at ${w.line}:${w.character}; got ${JSON.stringify(got)}`);
        assert.equal(d.severity, NVIM_SEVERITY[w.severity]);
        assert.deepEqual([d.endLine, d.endCharacter], [w.endLine, w.endCharacter]);
        assert.equal(d.source, 'pubtator');
        for (const fact of w.messageIncludes) assert.ok(d.message.includes(fact), `${d.message} lacks ${fact}`);
      }

      sample.hover.forEach((h, i) => {
        const answer = result.hover[i];
        assert.equal(answer.kind, 'markdown', JSON.stringify(answer));
        for (const fact of h.includes) assert.ok(answer.value?.includes(fact), `hover lacks ${fact}: ${answer.value}`);
      });
      const uri = pathToFileURL(path).href;
      sample.definition.forEach((d, i) => {
        const answer = result.definition[i];
        assert.ok(answer.locations.every((l) => l.uri === uri), JSON.stringify(answer));
        assert.deepEqual([...new Set(answer.locations.map((l) => l.line))].sort((a, b) => a - b), d.lines);
      });
    });
  }

  it('applies the settings Neovim pushes on init (as nvim-lspconfig does)', () => {
    const name = 'ketamine.pubtator';
    const sample = expected[name];
    const result = runNvim(join(lspFixturesDir, name), {}, { severity: { 'entity-type-typo': 'information', 'text-mismatch': 'off' } }, sample.diagnostics.length - 1);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.severity}`).sort(), ['dangling-relation-id ERROR', 'entity-type-typo INFO']);
  });
});
