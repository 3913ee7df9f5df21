// `--format sarif`: one SARIF 2.1.0 log (the OASIS Static Analysis Results
// Interchange Format, read by GitHub code scanning and other tools), written
// as the run goes: the head with the tool and its rules, one result per line,
// then the invocation (unreadable inputs as notifications) and the closing
// brackets. Lines and columns are 1-based; columns count UTF-16 code units,
// SARIF's default `columnKind`, which is how the checker counts them too.

import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKS } from '../service/checks/index';
import type { SeveritySettings } from '../service/checks/check';
import type { Diagnostic, Range, SeverityName } from '../service/types';
import { Severity } from '../service/types';
import type { LineOutput } from './output';
import type { Reporter } from './reporter';
import type { Summary } from './summary';
import { packageVersion } from './version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Paths given relative to the working folder are relative to this base. */
const BASE = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

function level(severity: Severity): Level {
  return severity === Severity.Error ? 'error' : severity === Severity.Warning ? 'warning' : 'note';
}

function defaultConfiguration(name: SeverityName): { level: Level } | { enabled: false } {
  if (name === 'off') return { enabled: false };
  return { level: name === 'error' ? 'error' : name === 'warning' ? 'warning' : 'note' };
}

/** A path as SARIF wants it: a relative URI reference below %SRCROOT%, or a file: URI. */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (path === '-') return { uri: 'stdin' };
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  const parts = sep === '\\' ? path.split(/[\\/]/) : path.split('/');
  return { uri: parts.map(encodeURIComponent).join('/'), uriBaseId: BASE };
}

function region(r: Range): Record<string, number> {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

const RULE_INDEX = new Map(CHECKS.map((c, i) => [c.code, i]));

export function sarifResult(path: string, d: Diagnostic): Record<string, unknown> {
  const location = artifactLocation(path);
  const result: Record<string, unknown> = {
    ruleId: d.code,
    level: level(d.severity),
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
  };
  const index = RULE_INDEX.get(d.code);
  if (index !== undefined) result.ruleIndex = index;
  if (d.relatedInformation?.length) {
    result.relatedLocations = d.relatedInformation.map((r, id) => ({
      id, message: { text: r.message }, physicalLocation: { artifactLocation: location, region: region(r.range) },
    }));
  }
  return result;
}

export class SarifReporter implements Reporter {
  private results = 0;
  /** The levels the user set with --severity, which SARIF records on the invocation. */
  private readonly overrides: unknown[];

  constructor(private readonly out: LineOutput, severities: SeveritySettings, cwd = process.cwd()) {
    const rules = CHECKS.map((c) => ({
      id: c.code,
      shortDescription: { text: c.description },
      defaultConfiguration: defaultConfiguration(c.defaultSeverity),
    }));
    const overrides = Object.entries(severities).flatMap(([code, name]) => {
      const index = RULE_INDEX.get(code);
      return index === undefined || !name ? [] : [{ descriptor: { id: code, index }, configuration: defaultConfiguration(name) }];
    });
    const base = pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href;
    const run = {
      tool: { driver: { name: 'pubtator', version: packageVersion(), rules } },
      originalUriBaseIds: { [BASE]: { uri: base } },
      columnKind: 'utf16CodeUnits',
    };
    const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] });
    // Everything up to the run's closing brace, then the results array opens.
    this.out.line(head.slice(0, -3) + ',"results":[');
    this.overrides = overrides;
  }

  diagnostic(path: string, d: Diagnostic): void {
    this.out.line((this.results++ ? ',' : '') + JSON.stringify(sarifResult(path, d)));
  }

  finish(summary: Summary): void {
    const invocation: Record<string, unknown> = { executionSuccessful: summary.unreadable.length === 0 };
    if (this.overrides.length) invocation.ruleConfigurationOverrides = this.overrides;
    if (summary.unreadable.length) {
      invocation.toolExecutionNotifications = summary.unreadable.map((p) => ({
        level: 'error',
        message: { text: p.reason },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.path) } }],
      }));
    }
    this.out.line(`],"invocations":[${JSON.stringify(invocation)}]}]}`);
  }
}
