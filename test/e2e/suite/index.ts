// The extensionTestsPath module: VS Code (test-electron, or the code-server
// harness) loads it in the extension host and awaits run().

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  for (const f of readdirSync(__dirname)) if (f.endsWith('.e2e.js')) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} VS Code end-to-end test(s) failed`)) : resolve()));
  });
}
