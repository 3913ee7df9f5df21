// The manifest's `contributes.configuration`, generated from the checks so the
// settings UI lists exactly the codes the server knows. scripts/sync-manifest.mjs
// writes it into package.json; a test fails when the two disagree.

import { CHECKS } from '../service/checks/index';
import { SECTION, SEVERITY_KEY } from './settings';

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

export function configurationContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const check of CHECKS) {
    properties[`${SECTION}.${SEVERITY_KEY}.${check.code}`] = {
      type: 'string',
      enum: LEVELS,
      default: check.defaultSeverity,
      scope: 'resource',
      markdownDescription: `\`${check.code}\`: ${check.description}`,
    };
  }
  properties[`${SECTION}.offsetUnit`] = {
    type: 'string',
    enum: ['codepoint', 'utf16'],
    enumDescriptions: [
      'Offsets count Unicode code points (Python producers: PubTator3, BioRED, BC5CDR).',
      'Offsets count UTF-16 code units (Java and JavaScript producers).',
    ],
    default: 'codepoint',
    scope: 'resource',
    markdownDescription: 'How mention offsets count characters. The two differ only after characters outside the Basic Multilingual Plane (emoji, some symbols).',
  };
  properties[`${SECTION}.format.sortMentions`] = {
    type: 'boolean',
    default: true,
    scope: 'resource',
    markdownDescription: 'Formatting orders each document\'s mention rows by start offset (rows with the same start keep their order). Relation rows always go after the mention rows.',
  };
  properties[`${SECTION}.rename.scope`] = {
    type: 'string',
    enum: ['document', 'file'],
    enumDescriptions: [
      'Rename a concept id in the mention and relation rows of its own document (PMID).',
      'Rename a concept id in every document of the file.',
    ],
    default: 'document',
    scope: 'resource',
    markdownDescription: 'Where **Rename Symbol** on a concept id renames it: in its document, or across the whole file.',
  };
  properties[`${SECTION}.trace.server`] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    description: 'Traces the communication between VS Code and the PubTator language server in the "PubTator Language Server" output channel.',
  };
  return { title: 'PubTator', properties };
}
