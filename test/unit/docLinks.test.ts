// Every relative link of README.md and docs/*.md leads somewhere: the file exists, and an anchor
// (`file.md#heading` or `#heading`) names a heading of that file, slugged as GitHub slugs it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { repoRoot } from '../support/paths';

/**
 * GitHub's heading anchor (github-slugger): lower case, every character that is not a letter,
 * mark, number, connector, space or hyphen dropped, spaces turned into hyphens; a repeated slug
 * gets -1, -2 ... (anchors() drops code and emphasis marks first, as GitHub renders them).
 */
export function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings (outside fenced code), repeats numbered. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = slug(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Link targets of a Markdown file, outside fenced code and inline code: [text](target) and ![alt](target). */
export function links(markdown: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) { fenced = !fenced; continue; }
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push(m[1]);
  }
  return out;
}

const docsDir = join(repoRoot, 'docs');
const files = ['README.md', ...readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('links of README.md and docs/*.md', () => {
  it('slugs headings as GitHub does', () => {
    assert.equal(slug('In the browser: vscode.dev and github.dev'), 'in-the-browser-vscodedev-and-githubdev');
    assert.equal(slug('The corpus schema (pubtator.schema.json)'), 'the-corpus-schema-pubtatorschemajson');
    assert.equal(slug('In the editor: PubTator: Compare with…'), 'in-the-editor-pubtator-compare-with');
    assert.equal(slug('What a corpus holds: pubtator stats'), 'what-a-corpus-holds-pubtator-stats');
    assert.equal(slug('Exit status 0, 1 and 2'), 'exit-status-0-1-and-2');
    assert.deepEqual([...anchors('# A\n## `B` c\n```\n# not a heading\n```\n## A\n')], ['a', 'b-c', 'a-1']);
    assert.deepEqual(links('see [x](a.md#b) and `[y](not-a-link)`\n```\n[z](nor-this)\n```\n![p](images/p.png)'), ['a.md#b', 'images/p.png']);
  });

  it('finds the documentation pages', () => {
    assert.ok(files.length >= 12, files.join(', '));
  });

  for (const file of files) {
    it(`every relative link and anchor of ${file} resolves`, () => {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      const problems: string[] = [];
      for (const target of links(text)) {
        if (/^[a-z][\w+.-]*:/i.test(target)) continue; // https:, mailto:, command: ...
        const [path, anchor] = target.split('#', 2) as [string, string | undefined];
        const resolved = path === '' ? join(repoRoot, file) : normalize(join(dirname(join(repoRoot, file)), decodeURI(path)));
        const shown = relative(repoRoot, resolved);
        if (shown.startsWith('..')) { problems.push(`${target}: outside the repository`); continue; }
        if (!existsSync(resolved)) { problems.push(`${target}: no file ${shown}`); continue; }
        if (anchor !== undefined) {
          if (!resolved.endsWith('.md')) { problems.push(`${target}: an anchor into a file that is not Markdown`); continue; }
          const known = anchors(readFileSync(resolved, 'utf8'));
          if (!known.has(anchor)) problems.push(`${target}: no heading #${anchor} in ${shown} (it has: ${[...known].join(', ')})`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
