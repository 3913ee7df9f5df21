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
  // The preview webview's script and stylesheet: run in the webview, not in Node.
  build({ ...common, platform: 'browser', target: 'chrome114', format: 'iife', entryPoints: ['client/webview/preview/main.ts'], outfile: 'dist/client/preview.js' }),
  build({ ...common, entryPoints: ['client/webview/preview/preview.css'], outfile: 'dist/client/preview.css' }),
]);
