// Every command in the README's shell blocks works as written from a clone: each `pubtator`
// command (through `npm run --silent pubtator --` or on the PATH after `npm link`) runs the built
// checker and ends as a check ends (0 clean, 1 problems found), never with a usage error or a
// crash; each `npm run X` names a script of package.json; the .vsix the install line names is the
// one `npm run package` writes. A command this test does not know fails it, so a new one gets a
// rule here.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { ensureBuilt, run } from './cli/cliHarness';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string>; bin: Record<string, string> };

/** The commands of the README's ```sh blocks: one per line or per `&&`, comments dropped. */
export function shellCommands(markdown: string): string[] {
  const out: string[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const line of block[1].split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command) out.push(...command.split('&&').map((c) => c.trim()));
    }
  }
  return out;
}

const PUBTATOR = /^(?:npm run --silent pubtator --|pubtator) (.+)$/;
const NPM = new Set(['npm ci', 'npm test', 'npm link']);

describe("the README's commands", () => {
  const commands = shellCommands(readme);

  it('are found, and the two set-up commands are among them', () => {
    assert.ok(commands.length >= 8, commands.join('\n'));
    assert.ok(commands.includes('npm run --silent pubtator -- check samples/'));
    assert.ok(commands.includes('npm test'));
    assert.deepEqual(shellCommands('```sh\nnpm ci && npm test   # both\n```\n```\nnot this\n```\n'), ['npm ci', 'npm test']);
  });

  it('every pubtator command runs the checker and ends as a check ends', () => {
    ensureBuilt();
    for (const command of commands) {
      const m = PUBTATOR.exec(command);
      if (!m) continue;
      const r = run(m[1].split(/\s+/), { cwd: repoRoot });
      assert.ok(r.code === 0 || r.code === 1, `${command}: exit status ${r.code}\n${r.stderr}`);
      assert.ok(r.stdout.trim().length > 0, `${command}: printed nothing`);
      assert.doesNotMatch(r.stderr, /\n\s+at /, `${command}: a stack trace`);
    }
  });

  it('every other command is one npm or VS Code knows, and names what exists', () => {
    for (const command of commands) {
      if (PUBTATOR.test(command)) continue;
      const script = /^npm run (?:--silent )?([\w:-]+)$/.exec(command);
      if (script) {
        assert.ok(script[1] in manifest.scripts, `${command}: no script ${script[1]} in package.json`);
      } else if (command.startsWith('code --install-extension ')) {
        // vsce package writes NAME-VERSION.vsix; the pattern must match that name.
        const pattern = command.slice('code --install-extension '.length);
        const glob = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
        assert.match(`${manifest.name}-${manifest.version}.vsix`, glob, command);
      } else {
        assert.ok(NPM.has(command), `a command this test does not know: ${command}`);
      }
    }
    assert.ok('pubtator' in manifest.bin && 'pubtator-language-server' in manifest.bin, 'npm link puts both on the PATH');
  });
});
