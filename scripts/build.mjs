// Bundles the client, the language server and the CLI with esbuild into dist/.
// The server and CLI bundles are self-contained, so the .vsix and the npm `bin`
// entries need no node_modules. The web extension (package.json `browser`)
// gets its own two bundles in dist/web/: the client, loaded by VS Code's
// web-worker extension host as CommonJS, and the server, a classic web
// worker script (iife) the client starts.
//
//   node scripts/build.mjs [--minify] [--outdir DIR]   (DIR instead of dist/, for size checks)
import { build } from 'esbuild';
import { join } from 'node:path';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--outdir');
const outdir = outIndex >= 0 ? args[outIndex + 1] : 'dist';
const minify = args.includes('--minify');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify,
  logLevel: 'warning',
  // jsonc-parser's UMD entry requires its parts at run time, which a bundle cannot follow; its ES build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
// Browsers VS Code for the Web supports; a bare Node module in these bundles is a build error.
const browser = { ...common, platform: 'browser', target: 'es2022' };
const shebang = { js: '#!/usr/bin/env node' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client/extension.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server/server.js'), banner: shebang }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: join(outdir, 'server/cli.js'), banner: shebang }),
  build({ ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: join(outdir, 'web/extension.js'), external: ['vscode'] }),
  build({ ...browser, format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: join(outdir, 'web/server.js') }),
  // The preview webview's script and stylesheet: run in the webview, not in Node.
  build({ ...common, platform: 'browser', target: 'chrome114', format: 'iife', entryPoints: ['client/webview/preview/main.ts'], outfile: join(outdir, 'client/preview.js') }),
  build({ ...common, entryPoints: ['client/webview/preview/preview.css'], outfile: join(outdir, 'client/preview.css') }),
]);
