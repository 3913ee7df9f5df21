// docs/checks.md shows an example of every check: a small file and what `pubtator check` says about
// it. Each example is run through the checker here (with its schema, its level for checks that are
// off by default, and the MeSH fixtures' index for the MeSH checks), and every line the page shows
// must be found: same code, same level, same line and column.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/service/checks/index';
import type { SeveritySettings } from '../../server/src/service/checks/check';
import type { MeshIndex } from '../../server/src/service/concepts/meshIndex';
import { resolveSchema } from '../../server/src/service/schema/resolve';
import { Severity } from '../../server/src/service/types';
import { check } from '../support/validate';
import { repoRoot } from '../support/paths';
import { openFixtureIndex, TempDir } from './concepts/meshFixtures';

interface Example {
  code: string;
  text: string;
  schema?: string;
  /** What the page says the checker prints: `example.pubtator:LINE:COLUMN: LEVEL CODE message`. */
  said: Array<{ line: number; column: number; level: string; code: string }>;
}

const LEVELS: Record<string, Severity> = { error: Severity.Error, warning: Severity.Warning, information: Severity.Information, hint: Severity.Hint };

/** The examples of docs/checks.md: each `### \`code\`` section under `## Examples`, with its fenced blocks. */
export function examples(markdown: string): Example[] {
  const start = markdown.indexOf('\n## Examples\n');
  assert.ok(start >= 0, 'docs/checks.md has no Examples section');
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf('\n## ', 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section.split(/^### /m).slice(1).map((part) => {
    const code = /^`([a-z0-9-]+)`/.exec(part)?.[1];
    assert.ok(code, `an example heading that names no check: ${part.slice(0, 40)}`);
    const block = (lang: string): string | undefined => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(part)?.[1];
    const text = block('pubtator');
    const output = block('text');
    assert.ok(text && output, `the example of ${code} lacks its file or its output`);
    const said = output.trim().split('\n').map((line) => {
      const m = /^example\.pubtator:(\d+):(\d+): (\w+) ([a-z0-9-]+) /.exec(line);
      assert.ok(m, `the example of ${code} shows a line that is not the checker's: ${line}`);
      return { line: Number(m[1]), column: Number(m[2]), level: m[3], code: m[4] };
    });
    return { code, text, schema: block('json'), said };
  });
}

const page = readFileSync(join(repoRoot, 'docs', 'checks.md'), 'utf8');
const all = examples(page);
const tmp = new TempDir();
let mesh: MeshIndex;
before(async () => {
  mesh = await openFixtureIndex(tmp);
});
after(() => {
  mesh.close();
  tmp.remove();
});

describe('the examples of docs/checks.md', () => {
  it('show every check once, in the order of the table', () => {
    assert.deepEqual(all.map((e) => e.code), CHECKS.map((c) => c.code));
  });

  it('parse what they show (a hand-written section)', () => {
    const [one] = examples('# x\n## Examples\n### `self-relation`\n```pubtator\n1|t|a\n```\n```text\nexample.pubtator:3:1: information self-relation It joins.\n```\n## Next\n');
    assert.deepEqual(one, { code: 'self-relation', text: '1|t|a\n', schema: undefined, said: [{ line: 3, column: 1, level: 'information', code: 'self-relation' }] });
  });

  for (const example of all) {
    it(`${example.code}: the checker says what the page shows`, async () => {
      assert.ok(example.said.length > 0 && example.said.every((s) => s.code === example.code), `the example of ${example.code} shows lines of other checks`);
      const schema = example.schema === undefined ? undefined
        : await resolveSchema({ location: '/corpus/pubtator.schema.json', text: example.schema }, async () => undefined);
      assert.deepEqual(schema?.problems ?? [], [], 'the example schema has problems');
      const defaultLevel = CHECKS.find((c) => c.code === example.code)!.defaultSeverity;
      // A check that is off by default runs at the level the page shows (it says which flag sets it).
      const severities: SeveritySettings = defaultLevel === 'off' ? { [example.code]: example.said[0].level as 'warning' } : {};
      if (defaultLevel === 'off') assert.match(page, new RegExp(`--severity ${example.code}=${example.said[0].level}`));
      const found = check(example.text, { schema: schema?.schema, severities, concepts: { mesh } });
      for (const s of example.said) {
        const match = found.find((d) => d.code === s.code && d.range.start.line === s.line - 1 && d.range.start.character === s.column - 1);
        assert.ok(match, `no ${s.code} at ${s.line}:${s.column}; the checker found ${found.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ')}`);
        assert.equal(match.severity, LEVELS[s.level], `level of ${s.code}`);
      }
    });
  }
});
