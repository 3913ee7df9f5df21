// `npm run test:e2e`: runs test/e2e/suite inside a real VS Code through
// @vscode/test-electron. Where VS Code cannot be downloaded (no network to
// update.code.visualstudio.com) it says so and exits 0: a skip, not a pass.
// VSCODE_EXECUTABLE_PATH points at an installed VS Code instead of downloading.

import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { repoRoot } from '../support/paths';

async function vscodeExecutable(): Promise<string | undefined> {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  try {
    return await downloadAndUnzipVSCode({ version: process.env.VSCODE_TEST_VERSION ?? 'stable', cachePath: join(repoRoot, '.vscode-test') });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.log(`SKIPPED: cannot download VS Code (${reason}).`);
    console.log('The VS Code end-to-end suite did not run. Set VSCODE_EXECUTABLE_PATH to an installed VS Code, or run the same suite');
    console.log('in code-server with ../shared/vscode-harness/exttests.mjs --ext . --tests out/test/e2e/suite/index.js --workspace test/fixtures/lsp');
    return undefined;
  }
}

async function main(): Promise<void> {
  const vscodeExecutablePath = await vscodeExecutable();
  if (!vscodeExecutablePath) return;
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    // The fixtures folder as workspace; other installed extensions stay off.
    launchArgs: [join(repoRoot, 'test', 'fixtures', 'lsp'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(`VS Code end-to-end tests failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
