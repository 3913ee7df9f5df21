// Hover on a concept id, in a mention row or a relation row: what the id is,
// what the file calls it, how often it occurs, and a link to its authority.

import { NAMESPACE_LABEL, type ConceptAtom, type ConceptRef } from '../parse/conceptIds';
import type { ParsedFile } from '../parse/model';
import { analyseDocument } from '../analysis/analyseDocument';
import type { OffsetUnit } from '../types';
import type { ConceptSources } from '../concepts/conceptSources';
import { meshKnowledge, onlineKnowledge, onlineName } from './conceptKnowledge';
import { conceptFacts, type ConceptFacts, type Counted } from './conceptFacts';
import { fileCounts, variantCountingAtom } from './fileIndex';
import { atomAuthority, atomLink, authorityLabel, authorityLink } from './links';
import { codeSpan, escapeMarkdown, link, plural } from './markdown';
import { fieldRangeOf } from './locate';
import { carriersOf, occurrencesOf, subjectOf, subjectRange, type IdTarget } from './subject';
import type { Hover } from './types';

/** Surface forms listed after the name; the rest are counted. */
const MAX_FORMS = 8;
/** Fields of a variant id listed. */
const MAX_FIELDS = 12;

export function conceptHover(file: ParsedFile, t: IdTarget, unit: OffsetUnit, concepts?: ConceptSources): Hover | undefined {
  const subject = subjectOf(t);
  const where = t.kind === 'mentionId' ? 'mention' : 'relation';
  if (!subject) {
    if (t.ref.atoms.length > 0) return undefined;
    const what = t.ref.raw.trim() === '' ? 'an empty id' : codeSpan(t.ref.raw.trim());
    return { contents: `No concept: this ${where} row has ${what}.`, range: fieldRangeOf(t.line, t.field) };
  }
  const analysis = analyseDocument(t.doc, unit);
  const carriers = carriersOf(analysis, subject);
  const facts = conceptFacts(carriers, subject.kind === 'atom' ? subject.key : undefined);
  const relationRows = new Set(occurrencesOf(analysis, subject, carriers).filter((o) => o.row.kind === 'relation').map((o) => o.row));
  const blocks: string[] = [];
  let credit: string | undefined;

  if (subject.kind === 'atom') {
    blocks.push(atomHeading(subject.atom, facts));
    if (t.ref.atoms.length > 1) {
      const i = t.ref.atoms.indexOf(subject.atom) + 1;
      blocks.push(`Part ${i} of ${t.ref.atoms.length} of the composite id ${codeSpan(t.ref.raw.trim())}.`);
    }
    if (subject.atom.species) {
      const tax = authorityLink('taxonomy', subject.atom.species);
      blocks.push(`Species: ${codeSpan(subject.atom.species)}${tax ? ' · ' + link(tax.label, tax.url) : ''}`);
    }
    // The authority's own name for the id, before the names the file gives it.
    const mesh = meshKnowledge(subject.atom, concepts);
    if (mesh) {
      blocks.push(...mesh.blocks);
      credit = mesh.credit;
    }
    const online = onlineKnowledge(subject.atom, facts.species, concepts);
    if (online) blocks.push(online);
  } else {
    blocks.push(`**Variant** ${codeSpan(t.ref.raw.trim())}`);
    blocks.push(variantFields(t.ref, concepts));
  }

  if (carriers.length === 0) {
    const what = subject.kind === 'atom' ? codeSpan(subject.atom.raw) : 'this variant';
    blocks.push(`No mention in document ${codeSpan(t.doc.id)} carries ${what}.`);
  } else {
    blocks.push(nameBlock(facts));
  }

  const countKey = subject.kind === 'atom' ? subject.key : variantCountingAtom(subject.ref)?.key;
  const counts = [`${plural(carriers.length, 'mention')} and ${plural(relationRows.size, 'relation')} in this document`];
  if (countKey !== undefined) {
    const inFile = fileCounts(file, countKey);
    const by = subject.kind === 'variant' ? ` carrying ${codeSpan(variantCountingAtom(subject.ref)!.raw)}` : '';
    counts.push(`${plural(inFile.mentions, 'mention')}${by} in ${plural(inFile.documents, 'document')} of the file`);
  }
  blocks.push(counts.join(' · '));
  if (credit) blocks.push(credit);
  return { contents: blocks.join('\n\n'), range: subjectRange(t, subject) };
}

/** Namespace, id and authority link of a plain id. */
function atomHeading(atom: ConceptAtom, facts: ConceptFacts): string {
  const resolved = atomAuthority(atom, facts.species);
  const label = atom.namespace === 'ncbi' && resolved ? authorityLabel(resolved.authority) : NAMESPACE_LABEL[atom.namespace];
  const url = atomLink(atom, facts.species);
  return `**${escapeMarkdown(label)}** ${codeSpan(atom.raw)}${url ? ' · ' + link(`Open in ${url.label}`, url.url) : ''}`;
}

/** A variant id's key:value fields, one per line, linked where an authority exists. */
function variantFields(ref: ConceptRef, concepts: ConceptSources | undefined): string {
  const lines = ref.atoms.slice(0, MAX_FIELDS).map((a) => {
    const key = a.prefix ? a.prefix.replace(/:$/, '') : NAMESPACE_LABEL[a.namespace];
    const url = atomLink(a, a.namespace === 'taxonomy');
    const name = onlineName(a, concepts);
    return `- ${escapeMarkdown(key)}: ${codeSpan(a.value)}${name ? ' · ' + name : ''}${url ? ' · ' + link(url.label, url.url) : ''}`;
  });
  if (ref.atoms.length > MAX_FIELDS) lines.push(`- … and ${ref.atoms.length - MAX_FIELDS} more`);
  return lines.join('\n');
}

function countedList(list: Counted[], max: number, show: (c: Counted) => string): string {
  const shown = list.slice(0, max).map((c) => show(c) + (c.count > 1 ? ` ×${c.count}` : ''));
  if (list.length > max) shown.push(`and ${list.length - max} more`);
  return shown.join(', ');
}

/** File text in bold, or a note when there is none to show. */
function bold(text: string): string {
  return text.trim() === '' ? '*(empty text)*' : `**${escapeMarkdown(text)}**`;
}

/** The name (most frequent surface form) and the entity types. */
export function nameAndTypes(facts: ConceptFacts): string {
  const name = facts.forms[0];
  let out = name ? bold(name.value) : '*(no mention)*';
  if (facts.types.length === 1) out += ' · ' + escapeMarkdown(facts.types[0].value);
  else if (facts.types.length > 1) out += ' · ' + countedList(facts.types, 4, (c) => escapeMarkdown(c.value));
  return out;
}

/** The name and types, then every surface form with its count when there are several. */
function nameBlock(facts: ConceptFacts): string {
  let out = nameAndTypes(facts);
  if (facts.forms.length > 1) out += `\n\nWritten as ${countedList(facts.forms, MAX_FORMS, (c) => codeSpan(c.value))}`;
  return out;
}
