// The manifest's `contributes.configuration`, generated from the checks so the
// settings UI lists exactly the codes the server knows. scripts/sync-manifest.mjs
// writes it into package.json; a test fails when the two disagree.

import { EVERY_CHECK } from '../service/bioc/everyCheck';
import { SECTION, SEVERITY_KEY } from './settings';

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

export function configurationContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const check of EVERY_CHECK) {
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
  properties[`${SECTION}.edits.carryAnnotations`] = {
    type: 'string',
    enum: ['auto', 'offer', 'off'],
    enumDescriptions: [
      'An edit of a title or abstract text moves the mention rows with it at once (one undo step with the edit).',
      'A quick fix offers to move them ("Shift the N spans after this edit").',
      'Mention rows are never moved by text edits.',
    ],
    default: 'offer',
    scope: 'resource',
    markdownDescription: 'When the text of a title or abstract is edited, the mentions after the edit shift with it and a mention the edit falls inside grows or shrinks, so every span still covers the same words.',
  };
  properties[`${SECTION}.diagnostics.scope`] = {
    type: ['string', 'null'],
    enum: [null, 'openFiles', 'workspace'],
    enumDescriptions: [
      'The whole workspace when its PubTator files come to at most 200 MB, else the open files (you are told once, with a button to check the whole workspace).',
      'Only files open in the editor ("PubTator: Check Workspace" checks every file once, on demand).',
      'Every PubTator file of the workspace folders, in the background, re-checked when it changes on disk.',
    ],
    default: null,
    scope: 'resource',
    markdownDescription: 'Which files PubTator checks: the open files, or every PubTator file of the workspace folders (`*.pubtator`, `*PubTator*.txt` and their `.gz`, as the command line finds them; `#files.exclude#` honoured), whose problems are listed in the Problems panel without opening them. Not set: the whole workspace when it holds at most 200 MB of PubTator files.',
  };
  // Paths and network use belong to the user, not to a workspace: `machine`
  // scope keeps a workspace's settings from pointing the server at files
  // outside it or turning look-ups on.
  properties[`${SECTION}.mesh.files`] = {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'machine',
    markdownDescription: 'MeSH files from the U.S. National Library of Medicine, as downloaded from NLM: descriptors (`desc2025.xml` or ASCII `d2025.bin`) and supplementary concept records (`supp2025.xml` or `c2025.bin`), gzipped or not; absolute paths. The server builds a compact index from them once, in the extension\'s storage, for the hover\'s MeSH names and the `unknown-mesh-id` and `mesh-name-mismatch` checks. Run **PubTator: Build MeSH index** to pick the files or download them.',
  };
  properties[`${SECTION}.mesh.index`] = {
    type: 'string',
    default: '',
    scope: 'machine',
    markdownDescription: 'Path of a MeSH index already built (for example by `pubtator check --mesh` or on another machine). When set, it is used instead of `#pubtator.mesh.files#`. '
      + 'In VS Code for the Web (vscode.dev, github.dev), a path relative to the workspace folder, or a URI.',
  };
  properties[`${SECTION}.online.enabled`] = {
    type: 'boolean',
    default: false,
    scope: 'machine',
    markdownDescription: 'Look up names of NCBI Gene, NCBI Taxonomy and dbSNP ids (through NCBI E-utilities) and Cellosaurus cell lines for the hover, at most 3 requests a second, with answers cached on disk. Only in trusted workspaces; a hover never waits for an answer.',
  };
  properties[`${SECTION}.fetch.apiUrl`] = {
    type: 'string',
    default: '',
    scope: 'machine',
    markdownDescription: 'Base URL of the PubTator3 API used by **PubTator: Fetch Documents…** (empty: `https://www.ncbi.nlm.nih.gov/research/pubtator3-api`). Fetching needs `#pubtator.online.enabled#`.',
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
