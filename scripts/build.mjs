// Bundles the client, the language server and the CLI with esbuild into dist/.
// The server and CLI bundles are self-contained, so the .vsix and the npm `bin`
// entries need no node_modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
};
const shebang = { js: '#!/usr/bin/env node' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js', banner: shebang }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/server/cli.js', banner: shebang }),
]);
