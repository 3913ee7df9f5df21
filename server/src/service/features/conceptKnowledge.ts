// What the hover adds from outside the file: the MeSH record of an id (from
// the caller's offline index) and the names NCBI and Cellosaurus give (from
// the caller's online look-up). Both are untrusted text like the file's own:
// every piece goes through markdown.ts.

import type { ConceptAtom } from '../parse/conceptIds';
import { meshHas, meshRecord, onlineKnown, type ConceptSources, type MeshLookup } from '../concepts/conceptSources';
import { meshCredit, meshUiOf } from '../concepts/meshIds';
import type { StoredRecord } from '../concepts/meshIndex';
import { onlineTarget } from '../concepts/online/targets';
import type { OnlineNamespace } from '../concepts/online/types';
import { authorityLink } from './links';
import { codeSpan, escapeMarkdown, link } from './markdown';

const MAX_ENTRY_TERMS = 5;
const MAX_TREE_NUMBERS = 6;
const MAX_SYNONYMS = 5;

const ONLINE_LABEL: Record<OnlineNamespace, string> = {
  gene: 'NCBI Gene', taxonomy: 'NCBI Taxonomy', cellosaurus: 'Cellosaurus', dbsnp: 'dbSNP',
};

export interface MeshKnowledge {
  /** Blocks about the record (or about its absence). */
  blocks: string[];
  /** The credit NLM asks for, to end the hover with; absent when nothing came from MeSH. */
  credit?: string;
}

/** The index's record of a MeSH atom; undefined when the atom is not MeSH or no index is loaded. */
export function meshKnowledge(atom: ConceptAtom, sources: ConceptSources | undefined): MeshKnowledge | undefined {
  const mesh = sources?.mesh;
  const ui = meshUiOf(atom);
  if (!mesh || ui === undefined) return undefined;
  const record = meshRecord(mesh, ui);
  if (!record) {
    // A closed or damaged index says nothing rather than "unknown".
    if (meshHas(mesh, ui) !== false) return undefined;
    return { blocks: [`${edition(mesh)} has no record ${codeSpan(ui)}: the id is obsolete (deleted, or merged into another) or mistyped.`] };
  }
  return { blocks: recordBlocks(record), credit: `*${escapeMarkdown(meshCredit(mesh.year))}*` };
}

function edition(mesh: MeshLookup): string {
  return mesh.year ? `MeSH ${mesh.year}` : 'The MeSH index';
}

function recordBlocks(r: StoredRecord): string[] {
  const what = r.kind === 'descriptor' ? 'MeSH heading' : 'MeSH supplementary concept';
  const blocks = [`${what} **${escapeMarkdown(r.name)}**`];
  const shown = r.entryTerms.slice(0, MAX_ENTRY_TERMS);
  if (shown.length) {
    const more = Math.max(r.entryTermCount, r.entryTerms.length) - shown.length;
    const label = r.kind === 'descriptor' ? 'Entry terms' : 'Synonyms';
    blocks.push(`${label}: ${shown.map((t) => escapeMarkdown(t)).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (r.treeNumbers.length) {
    const trees = r.treeNumbers.slice(0, MAX_TREE_NUMBERS).map((t) => codeSpan(t)).join(', ');
    const more = r.treeNumbers.length - MAX_TREE_NUMBERS;
    blocks.push(`Tree numbers: ${trees}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (r.mappedTo.length) {
    const headings = r.mappedTo.map((m) => {
      let out = `**${escapeMarkdown(m.name)}**`;
      if (m.qualifier) out += `/${escapeMarkdown(m.qualifier)}`;
      const url = m.ui ? authorityLink('mesh', m.ui) : undefined;
      if (m.ui) out += ` ${url ? link(m.ui, url.url) : codeSpan(m.ui)}`;
      return out;
    });
    blocks.push(`Maps to ${headings.join(', ')}`);
  }
  if (r.scopeNote) blocks.push(escapeMarkdown(r.scopeNote, 400));
  return blocks;
}

/** NCBI's or Cellosaurus' name for an id, when the online look-up knows it. */
export function onlineKnowledge(atom: ConceptAtom, species: boolean, sources: ConceptSources | undefined): string | undefined {
  if (!sources?.online) return undefined;
  const target = onlineTarget(atom, species);
  if (!target) return undefined;
  const answer = onlineKnown(sources.online, target.namespace, target.id);
  if (!answer) return undefined;
  const label = ONLINE_LABEL[target.namespace];
  if (!answer.found) return `${label} has no record ${codeSpan(target.id)}.`;
  const f = answer.facts;
  let line = `${label}: **${escapeMarkdown(f.name)}**`;
  if (f.description) line += ` · ${escapeMarkdown(f.description)}`;
  if (f.organism) line += ` · *${escapeMarkdown(f.organism)}*`;
  const blocks = [line];
  if (f.synonyms?.length) {
    const shown = f.synonyms.slice(0, MAX_SYNONYMS).map((s) => escapeMarkdown(s)).join(', ');
    const more = f.synonyms.length - MAX_SYNONYMS;
    blocks.push(`Also: ${shown}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (f.note) blocks.push(escapeMarkdown(f.note));
  return blocks.join('\n\n');
}

/** Just the online name of a field, for the one-line-per-field lists of variant ids. */
export function onlineName(atom: ConceptAtom, sources: ConceptSources | undefined): string | undefined {
  if (!sources?.online) return undefined;
  const target = onlineTarget(atom, atom.namespace === 'taxonomy');
  const answer = target ? onlineKnown(sources.online, target.namespace, target.id) : undefined;
  if (!target || !answer?.found) return undefined;
  // A dbSNP name is the rs id itself: its genes and position say more.
  if (target.namespace === 'dbsnp') return answer.facts.description ? escapeMarkdown(answer.facts.description) : undefined;
  return `**${escapeMarkdown(answer.facts.name)}**`;
}
