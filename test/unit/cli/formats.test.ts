// Output formats and ESLint's habits: --format text|json|sarif|github (with
// --json as an alias), --quiet and --max-warnings. SARIF output is validated
// against a copy of the SARIF 2.1.0 JSON schema (test/fixtures/sarif).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parseCommandLine } from '../../../server/src/cli/args';
import { formatGithub } from '../../../server/src/cli/githubFormat';
import { runSeverities } from '../../../server/src/cli/runCheck';
import { artifactLocation } from '../../../server/src/cli/sarif';
import { CHECKS } from '../../../server/src/service/checks/index';
import { Severity, lineRange, type Diagnostic } from '../../../server/src/service/types';
import { fixturesDir } from '../../support/paths';
import { CLI_FIXTURES, diagnosticLines, ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

// The schema's `language` pattern has a stray `]`, invalid with the u flag: compile patterns without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(fixturesDir, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));

function assertValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 1));
  return log;
}

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
      relatedLocations?: { physicalLocation: { region: SarifRegion }; message: { text: string } }[];
    }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[];
  }[];
}

test('--format names the output; --json is --format json; a wrong or contradictory format is a usage error', () => {
  const format = (argv: string[]) => {
    const c = parseCommandLine(argv);
    return c.kind === 'check' ? c.format : c.kind === 'usage' ? `usage: ${c.message}` : c.kind;
  };
  assert.equal(format(['check', 'x']), 'text');
  assert.equal(format(['check', '--json', 'x']), 'json');
  for (const f of ['text', 'json', 'sarif', 'github']) {
    assert.equal(format(['check', '--format', f, 'x']), f);
    assert.equal(format(['check', `--format=${f}`, 'x']), f);
  }
  assert.equal(format(['check', '-f', 'sarif', 'x']), 'sarif');
  assert.equal(format(['check', '--json', '--format', 'json', 'x']), 'json');
  assert.match(format(['check', '--format', 'xml', 'x']), /usage: --format must be one of text, json, sarif, github/);
  assert.match(format(['check', '--json', '--format', 'sarif', 'x']), /usage: --json means --format json/);
  assert.deepEqual(parseCommandLine(['checks', '--format', 'json']), { kind: 'checks', json: true });
});

test('--quiet and --max-warnings parse as ESLint has them', () => {
  const check = (argv: string[]) => {
    const c = parseCommandLine(argv);
    assert.equal(c.kind, 'check', JSON.stringify(c));
    return c.kind === 'check' ? [c.quiet, c.maxWarnings] : [];
  };
  assert.deepEqual(check(['check', 'x']), [false, -1]);
  assert.deepEqual(check(['check', '--quiet', 'x']), [true, -1]);
  assert.deepEqual(check(['check', '-q', '--max-warnings', '10', 'x']), [true, 10]);
  assert.deepEqual(check(['check', '--max-warnings=-1', 'x']), [false, -1]);
  assert.deepEqual(check(['check', '--max-warnings', '0', 'x']), [false, 0]);
  for (const bad of ['-2', '1.5', 'many', '']) {
    const c = parseCommandLine(['check', `--max-warnings=${bad}`, 'x']);
    assert.equal(c.kind, 'usage', bad);
  }
});

test('--quiet turns off the checks below error level, unless --max-warnings needs the warnings counted', () => {
  const quiet = runSeverities({ severities: { 'duplicate-document': 'error' }, quiet: true });
  for (const c of CHECKS) {
    const expected = c.code === 'duplicate-document' ? 'error' : c.defaultSeverity === 'error' ? undefined : 'off';
    assert.equal(quiet[c.code], expected, c.code);
  }
  const counting = runSeverities({ severities: {}, quiet: true, maxWarnings: 5 });
  for (const c of CHECKS) {
    const expected = c.defaultSeverity === 'error' || c.defaultSeverity === 'warning' ? undefined : 'off';
    assert.equal(counting[c.code], expected, c.code);
  }
  assert.deepEqual(runSeverities({ severities: { 'self-relation': 'hint' } }), { 'self-relation': 'hint' });
});

test('--quiet prints errors only; --max-warnings N fails the run above N warnings, quiet or not', () => {
  const loud = run(['check', 'errors.pubtator']);
  assert.deepEqual(diagnosticLines(loud.stdout).map((l) => l.split(' ')[1]), ['error', 'warning', 'warning']);
  const quiet = run(['check', '--quiet', 'errors.pubtator']);
  assert.equal(quiet.code, 1);
  assert.deepEqual(diagnosticLines(quiet.stdout).map((l) => l.split(' ')[1]), ['error']);
  assert.match(quiet.stdout, /^1 error, 0 warnings, 0 information, 0 hints\.$/m);

  // errors.pubtator has one error and two warnings; lowering the error leaves three warnings.
  const threeWarnings = ['--severity', 'text-mismatch=warning', 'errors.pubtator'];
  assert.equal(run(['check', ...threeWarnings]).code, 0);
  assert.equal(run(['check', '--max-warnings', '3', ...threeWarnings]).code, 0);
  const over = run(['check', '--max-warnings', '2', ...threeWarnings]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /too many warnings \(3; at most 2 allowed by --max-warnings\)/);
  // Quiet with a limit: the warnings are counted, not printed.
  const quietOver = run(['check', '--quiet', '--max-warnings', '2', ...threeWarnings]);
  assert.equal(quietOver.code, 1);
  assert.deepEqual(diagnosticLines(quietOver.stdout), []);
  assert.match(quietOver.stdout, /^0 errors, 3 warnings/m);
  assert.equal(run(['check', '--quiet', ...threeWarnings]).code, 0);
  assert.equal(run(['check', '--max-warnings=-1', ...threeWarnings]).code, 0);
});

test('--format sarif validates against the SARIF 2.1.0 schema, with every diagnostic a result at its place', () => {
  const dir = join(tmp.path, 'sarif dir, ü');
  mkdirSync(dir);
  const odd = join(dir, 'a file:1,%.pubtator');
  writeFileSync(odd, readFileSync(join(CLI_FIXTURES, 'errors.pubtator')));
  const args = ['check', '--severity', 'unknown-entity-type=warning', 'errors.pubtator', 'astral.pubtator', 'no-such.pubtator', odd];
  const r = run([...args.slice(0, 1), '--format', 'sarif', ...args.slice(1)]);
  assert.equal(r.code, 2, r.stderr);
  const log = assertValidSarif(r.stdout);
  const [sarifRun] = log.runs;
  assert.equal(log.version, '2.1.0');
  assert.equal(sarifRun.tool.driver.name, 'pubtator');
  assert.deepEqual(sarifRun.tool.driver.rules.map((rule) => rule.id), CHECKS.map((c) => c.code));
  const json = run([...args.slice(0, 1), '--json', ...args.slice(1)]).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  json.pop();
  assert.equal(sarifRun.results.length, json.length);
  sarifRun.results.forEach((result, i) => {
    const d = json[i];
    assert.equal(result.ruleId, d.code);
    assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, d.code);
    assert.equal(result.level, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
    assert.equal(result.message.text, d.message);
    assert.deepEqual(result.locations[0].physicalLocation.region,
      { startLine: d.line + 1, startColumn: d.character + 1, endLine: d.endLine + 1, endColumn: d.endCharacter + 1 });
  });
  const duplicate = sarifRun.results.find((res) => res.ruleId === 'duplicate-document');
  assert.equal(duplicate?.relatedLocations?.[0].physicalLocation.region.startLine, 1);
  assert.deepEqual(sarifRun.results.map((res) => res.locations[0].physicalLocation.artifactLocation.uri).filter((u, i, all) => all.indexOf(u) === i),
    ['errors.pubtator', 'astral.pubtator', artifactLocation(odd).uri]);
  assert.match(artifactLocation(odd).uri, /^file:\/\/\/.*sarif%20dir,%20%C3%BC\/a%20file:1,%25\.pubtator$/);
  const [invocation] = sarifRun.invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.match(invocation.toolExecutionNotifications?.[0].message.text ?? '', /no such file/);
});

test('--format sarif with nothing to report, and from stdin, is still one valid log', () => {
  const clean = run(['check', '--format', 'sarif', 'clean.pubtator']);
  assert.equal(clean.code, 0);
  const log = assertValidSarif(clean.stdout);
  assert.deepEqual(log.runs[0].results, []);
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  const stdin = run(['check', '--format', 'sarif', '-'], { input: readFileSync(join(CLI_FIXTURES, 'errors.pubtator')) });
  assert.equal(assertValidSarif(stdin.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'stdin');
});

test('--format github writes one workflow command per problem, escaped as the Actions toolkit escapes', () => {
  const d: Diagnostic = { range: lineRange(3, 5, 9), severity: Severity.Error, code: 'text-mismatch', message: '100% "a\nb"\r', source: 'pubtator' };
  assert.equal(formatGithub('dir/a,b:c.pubtator', d),
    '::error file=dir/a%2Cb%3Ac.pubtator,line=4,endLine=4,col=6,endColumn=10,title=pubtator text-mismatch::100%25 "a%0Ab"%0D');
  assert.match(formatGithub('f', { ...d, severity: Severity.Warning }), /^::warning /);
  assert.match(formatGithub('f', { ...d, severity: Severity.Information }), /^::notice /);
  assert.match(formatGithub('f', { ...d, severity: Severity.Hint }), /^::notice /);
  const r = run(['check', '--format', 'github', 'errors.pubtator']);
  assert.equal(r.code, 1);
  const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
  assert.deepEqual(commands.map((l) => l.slice(0, l.indexOf(' '))), ['::error', '::warning', '::warning']);
  assert.match(commands[0], /^::error file=errors\.pubtator,line=4,endLine=4,col=6,endColumn=11,title=pubtator text-mismatch::Offsets 13-18/);
  assert.match(r.stdout, /^1 error, 2 warnings, 0 information, 0 hints\.$/m, 'the summary follows as plain log lines');
});
