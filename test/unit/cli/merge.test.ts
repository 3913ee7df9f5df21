// `pubtator merge` as users and git run it: two files under each policy with
// the report, usage errors, and a real git repository whose .gitattributes
// and config make git use `merge --git` as the merge driver: branches that
// annotate different spans of one document merge cleanly (plain git would
// conflict on the lines), two readings of one span stop the merge with
// markers around whole rows, which `pubtator check` reports as one problem.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const BASE = [
  '1|t|Aspirin and pain.', '1|a|Aspirin relieves headache.',
  '1\t0\t7\tAspirin\tChemical\tD001241', '1\t12\t16\tpain\tDisease\tD010146',
  '',
  '2|t|Fever.', '2|a|Fever in children.',
  '2\t0\t5\tFever\tDisease\tD005334',
  '',
].join('\n');

function write(name: string, text: string): string {
  const path = join(tmp.path, name);
  writeFileSync(path, text);
  return path;
}

test('two files: the merged file, one report line per disagreement, the policy in the summary', () => {
  const a = write('a.pubtator', BASE);
  const b = write('b.pubtator', BASE.replace('Disease\tD010146', 'Symptom\tD010146'));
  const out = join(tmp.path, 'out.pubtator');
  const r = run(['merge', a, b, '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(out, 'utf8'), BASE.replace('1\t12\t16\tpain\tDisease\tD010146\n', ''));
  assert.match(r.stdout, /^A:4 B:4 document 1: A has "12 16 pain Disease D010146"; B has "12 16 pain Symptom D010146": left out \(to adjudicate\)$/m);
  assert.match(r.stdout, /1 disagreement, settled by --prefer neither; 1 left out/);
  const same = run(['merge', a, a, '-o', '-']);
  assert.equal(same.stdout, BASE);
  const json = run(['merge', '--json', '--prefer', 'b', a, b, '-o', out]);
  assert.deepEqual(JSON.parse(json.stdout.split('\n')[0]).kept, 'b');
  assert.equal(readFileSync(out, 'utf8'), readFileSync(b, 'utf8'));
});

test('usage: no -o, a bad --prefer, --git with other options or the wrong number of files', () => {
  for (const args of [['merge', 'a', 'b'], ['merge', '--prefer', 'mine', 'a', 'b', '-o', 'x'], ['merge', '--git', '--prefer', 'a', 'x', 'y', 'z'], ['merge', '--git', 'x', 'y']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^pubtator: /);
  }
});

function git(cwd: string, ...args: string[]) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
}

const hasGit = spawnSync('git', ['--version']).status === 0;

test('git uses it as the merge driver: rows added on both branches merge as sets; two readings of a span conflict', { skip: hasGit ? false : 'git not installed' }, () => {
  const repo = join(tmp.path, 'repo');
  execFileSync('mkdir', ['-p', repo]);
  const ok = (r: ReturnType<typeof git>) => { assert.equal(r.status, 0, r.stderr + r.stdout); return r; };
  ok(git(repo, 'init', '-q', '-b', 'main'));
  ok(git(repo, 'config', 'user.email', 't@example.org'));
  ok(git(repo, 'config', 'user.name', 'Test'));
  // The lines docs/merge.md documents.
  writeFileSync(join(repo, '.gitattributes'), '*.pubtator merge=pubtator\n');
  ok(git(repo, 'config', 'merge.pubtator.name', 'PubTator annotations as sets'));
  ok(git(repo, 'config', 'merge.pubtator.driver', `"${process.execPath}" "${CLI}" merge --git %O %A %B %P`));
  const file = join(repo, 'corpus.pubtator');
  writeFileSync(file, BASE);
  ok(git(repo, 'add', '.'));
  ok(git(repo, 'commit', '-q', '-m', 'base'));

  // Two annotators add different mentions at the same place in document 1.
  ok(git(repo, 'checkout', '-q', '-b', 'anna'));
  writeFileSync(file, BASE.replace('D010146\n', 'D010146\n1\t18\t25\tAspirin\tChemical\tD001241\n'));
  ok(git(repo, 'commit', '-q', '-am', 'anna'));
  ok(git(repo, 'checkout', '-q', 'main'));
  ok(git(repo, 'checkout', '-q', '-b', 'ben'));
  writeFileSync(file, BASE.replace('D010146\n', 'D010146\n1\t35\t43\theadache\tDisease\tD006261\n'));
  ok(git(repo, 'commit', '-q', '-am', 'ben'));
  ok(git(repo, 'merge', '-q', '--no-edit', 'anna'));
  const merged = readFileSync(file, 'utf8');
  assert.equal(merged, BASE.replace('D010146\n', 'D010146\n1\t18\t25\tAspirin\tChemical\tD001241\n1\t35\t43\theadache\tDisease\tD006261\n'));

  // Now both retype "pain": the merge stops, with one conflict around whole rows.
  ok(git(repo, 'checkout', '-q', '-b', 'carl'));
  writeFileSync(file, merged.replace('pain\tDisease', 'pain\tSymptom'));
  ok(git(repo, 'commit', '-q', '-am', 'carl'));
  ok(git(repo, 'checkout', '-q', 'ben'));
  writeFileSync(file, merged.replace('pain\tDisease\tD010146', 'pain\tDisease\tD059350'));
  ok(git(repo, 'commit', '-q', '-am', 'ben again'));
  const r = git(repo, 'merge', '--no-edit', 'carl');
  assert.notEqual(r.status, 0);
  const conflicted = readFileSync(file, 'utf8');
  assert.match(conflicted, /\n<<<<<<< ours\n1\t12\t16\tpain\tDisease\tD059350\n=======\n1\t12\t16\tpain\tSymptom\tD010146\n>>>>>>> theirs\n1\t18\t25\t/);
  const check = run(['check', '--json', file]);
  const problems = check.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code?: string; message?: string }).filter((p) => p.code);
  assert.deepEqual(problems.map((p) => p.code), ['merge-conflict']);
  assert.match(problems[0].message!, /Unresolved merge conflict/);
});
