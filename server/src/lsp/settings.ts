// The `pubtator` settings section as the client sends it, checked field by
// field: any client (VS Code, Neovim, a test) may send anything, and an odd
// value falls back to the default instead of breaking validation.

import { EVERY_CHECK } from '../service/bioc/everyCheck';
import { isSeverityName, type SeveritySettings } from '../service/checks/check';
import type { OffsetUnit } from '../service/types';
import type { CorpusSchema } from '../service/schema/schema';

export interface ServerSettings {
  severities: SeveritySettings;
  unit: OffsetUnit;
  /** `pubtator.format.sortMentions`; absent (the default, true) unless the client sends a boolean. */
  sortMentions?: boolean;
  /** `pubtator.rename.scope`; absent (the default, `document`) unless the client sends a known value. */
  renameScope?: 'document' | 'file';
  /** `pubtator.mesh.files`: NLM's MeSH files to index; absent unless the client sends some paths. */
  meshFiles?: string[];
  /** `pubtator.mesh.index`: a built index to open instead; absent unless set. */
  meshIndex?: string;
  /** `pubtator.online.enabled`; present (true) only when the client turns it on. */
  online?: true;
  /** The corpus schema over the document (pubtator.schema.json), when there is one. */
  schema?: CorpusSchema;
  /** `pubtator.diagnostics.scope`; absent when not set: the workspace when small enough (workspaceChecks.ts). */
  diagnosticsScope?: 'openFiles' | 'workspace';
  /** `pubtator.edits.carryAnnotations`; absent (the default, `offer`) unless the client sends `auto` or `off`. */
  carryAnnotations?: 'auto' | 'off';
}

export const SECTION = 'pubtator';
/** Settings key of a check's severity, under the section: `pubtator.severity.<code>`. */
export const SEVERITY_KEY = 'severity';

export function defaultSettings(): ServerSettings {
  return { severities: {}, unit: 'codepoint' };
}

/** Reads the `pubtator` section (e.g. `{ severity: { 'text-mismatch': 'warning' }, offsetUnit: 'utf16' }`). */
export function readSettings(raw: unknown): ServerSettings {
  const settings = defaultSettings();
  if (!isRecord(raw)) return settings;
  if (raw.offsetUnit === 'utf16' || raw.offsetUnit === 'codepoint') settings.unit = raw.offsetUnit;
  const format = raw.format;
  if (isRecord(format) && typeof format.sortMentions === 'boolean') settings.sortMentions = format.sortMentions;
  const rename = raw.rename;
  if (isRecord(rename) && (rename.scope === 'document' || rename.scope === 'file')) settings.renameScope = rename.scope;
  const mesh = raw.mesh;
  if (isRecord(mesh)) {
    const files = Array.isArray(mesh.files) ? mesh.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim()) : [];
    if (files.length) settings.meshFiles = files;
    if (typeof mesh.index === 'string' && mesh.index.trim() !== '') settings.meshIndex = mesh.index.trim();
  }
  const online = raw.online;
  if (isRecord(online) && online.enabled === true) settings.online = true;
  const diagnostics = raw.diagnostics;
  if (isRecord(diagnostics) && (diagnostics.scope === 'openFiles' || diagnostics.scope === 'workspace')) settings.diagnosticsScope = diagnostics.scope;
  const edits = raw.edits;
  if (isRecord(edits) && (edits.carryAnnotations === 'auto' || edits.carryAnnotations === 'off')) settings.carryAnnotations = edits.carryAnnotations;
  const levels = raw[SEVERITY_KEY];
  if (isRecord(levels)) {
    for (const check of EVERY_CHECK) {
      const level = levels[check.code];
      if (typeof level === 'string' && isSeverityName(level)) settings.severities[check.code] = level;
    }
  }
  return settings;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The settings for a document under a corpus schema: the schema's offset unit
 * and check levels apply where the user kept the built-in default (an editor
 * sends every setting, set or not, so a default value cannot tell "unset" from
 * "set to the default"); a value the user changed wins.
 */
export function withSchema(settings: ServerSettings, schema: CorpusSchema | undefined): ServerSettings {
  if (!schema) return settings;
  const severities: SeveritySettings = {};
  for (const check of EVERY_CHECK) {
    const level = settings.severities[check.code];
    if (level !== undefined && level !== check.defaultSeverity) severities[check.code] = level;
  }
  return {
    ...settings,
    unit: settings.unit !== 'codepoint' ? settings.unit : schema.offsetUnit ?? 'codepoint',
    severities,
    schema,
  };
}
