// The service's layers import downward only: parse knows nothing of checks,
// checks nothing of features, and no service file knows of LSP, VS Code or
// the CLI. A new folder of the service must be given its place here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { repoRoot } from '../support/paths';

const serviceDir = join(repoRoot, 'server', 'src', 'service');

/** Each layer of the service, bottom first: a module may import its own layer or a lower one. */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'sortedSearch.ts', 'ownCopy.ts', 'keepShapes.ts'],
  ['parse'],
  ['knowledge'],
  ['schema'],
  ['analysis'],
  ['concepts'],
  ['conventions'],
  ['checks'],
  ['validate.ts', 'streamingValidator.ts'],
  ['features'],
  ['edits'],
  // Comparing two files: above validate; reads parse, knowledge and analysis, and offers edits.
  ['compare'],
  // Built on compare: agreement between annotators, merging their files.
  ['agreement', 'merge'],
  // BioC XML/JSON: read, projected onto the PubTator model, checked through validate; above them all.
  ['bioc'],
  // PubTator3 export requests: batching, URLs, merging the answers (pure text; the HTTP is the CLI's).
  ['fetch'],
  ['incrementalFile.ts', 'languageService.ts'],
];

/** Packages the pure service must never import: it runs in the server, the CLI, a browser worker and tests. */
const FORBIDDEN_PACKAGES = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(\/|$)/;

function layerOf(pathInService: string): number {
  const top = pathInService.split(sep)[0];
  return LAYERS.findIndex((layer) => layer.includes(top));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'/g)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(m[1]);
  return found;
}

test('every file of the service belongs to a layer', () => {
  const unplaced = tsFiles(serviceDir).map((f) => relative(serviceDir, f)).filter((f) => layerOf(f) < 0);
  assert.deepEqual(unplaced, [], 'give these a layer in test/unit/layers.test.ts');
});

test('service modules import their own layer or a lower one, and never LSP, VS Code or the CLI', () => {
  const wrong: string[] = [];
  for (const file of tsFiles(serviceDir)) {
    const own = relative(serviceDir, file);
    const ownLayer = layerOf(own);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (FORBIDDEN_PACKAGES.test(spec)) {
        wrong.push(`${own} imports ${spec}`);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const target = relative(serviceDir, join(file, '..', spec));
      if (target.startsWith('..')) {
        wrong.push(`${own} imports ${spec}, outside the service`);
        continue;
      }
      const targetFile = target.endsWith('.ts') ? target : `${target}.ts`;
      const targetLayer = layerOf(targetFile);
      if (targetLayer > ownLayer) wrong.push(`${own} (layer ${LAYERS[ownLayer].join(', ')}) imports ${spec} (layer ${LAYERS[targetLayer]?.join(', ')})`);
    }
  }
  assert.deepEqual(wrong, []);
});

/** Every folder ("room") of TypeScript sources whose files must not import each other in a circle. */
const ROOM_ROOTS = ['server/src', 'client/src', 'client/webview'].map((p) => join(repoRoot, p));

function folders(dir: string): string[] {
  return [dir, ...readdirSync(dir).map((n) => join(dir, n)).filter((p) => statSync(p).isDirectory()).flatMap(folders)];
}

/** A circle of imports among the files of one folder, as `a.ts -> b.ts -> a.ts`, or undefined. */
function circleIn(dir: string): string | undefined {
  const files = readdirSync(dir).filter((n) => n.endsWith('.ts'));
  const edges = new Map<string, string[]>();
  for (const name of files) {
    const targets = importsOf(readFileSync(join(dir, name), 'utf8'))
      .filter((spec) => /^\.\/[^/]+$/.test(spec))
      .map((spec) => `${spec.slice(2).replace(/\.ts$/, '')}.ts`)
      .filter((t) => files.includes(t));
    edges.set(name, targets);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string | undefined => {
    if (state.get(f) === 'done') return undefined;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f].join(' -> ');
    state.set(f, 'open');
    path.push(f);
    for (const t of edges.get(f) ?? []) {
      const found = visit(t);
      if (found) return found;
    }
    path.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of files) {
    const found = visit(f);
    if (found) return found;
  }
  return undefined;
}

test('inside every folder, files import one way (no circle: model below, presentation above)', () => {
  const circles: string[] = [];
  for (const root of ROOM_ROOTS) {
    for (const dir of folders(root)) {
      const found = circleIn(dir);
      if (found) circles.push(`${relative(repoRoot, dir)}: ${found}`);
    }
  }
  assert.deepEqual(circles, []);
});
