// Names for the concepts a document's mentions and relations carry, from the
// same knowledge the hover uses: the MeSH index and the online names the
// caller's ConceptSources hold, then the document itself (the surface form
// its mentions use most often for the id). Worked out once per concept key
// while one document's model is built.

import type { ConceptAtom, ConceptRef } from '../../parse/conceptIds';
import type { MentionRow } from '../../parse/model';
import { meshRecord, onlineKnown, type ConceptSources } from '../../concepts/conceptSources';
import { meshUiOf } from '../../concepts/meshIds';
import { onlineTarget } from '../../concepts/online/targets';
import type { OnlineNamespace } from '../../concepts/online/types';
import { conceptFacts, surfaceForm } from '../conceptFacts';
import { atomLink } from '../links';
import type { PreviewConceptRef } from './model';

const ONLINE_LABEL: Record<OnlineNamespace, string> = {
  gene: 'NCBI Gene', taxonomy: 'NCBI Taxonomy', cellosaurus: 'Cellosaurus', dbsnp: 'dbSNP',
};

/** Longest name kept (names come from files and remote services). */
const MAX_NAME = 200;

function short(text: string): string {
  return text.length > MAX_NAME ? text.slice(0, MAX_NAME - 1) + '…' : text;
}

export class ConceptNamer {
  private readonly byKey = new Map<string, PreviewConceptRef>();

  constructor(
    private readonly carriers: (key: string) => MentionRow[],
    private readonly sources: ConceptSources | undefined,
  ) {}

  /** One entry per concept a mention's id names: each part of a composite, a variant as a whole. */
  mentionConcepts(m: MentionRow): PreviewConceptRef[] {
    const ref = m.concept;
    if (ref.none || ref.atoms.length === 0) return [];
    if (ref.variant) return [this.variant(ref)];
    const parts = m.extra[0]?.text.split('|');
    const composite = ref.atoms.length > 1 && parts !== undefined && parts.length === ref.atoms.length;
    return ref.atoms.map((a, i) => {
      const known = this.atom(a);
      const partText = composite ? parts[i].trim() : '';
      return partText ? { ...known, partText: short(partText) } : known;
    });
  }

  /** What a plain id part is called. */
  atom(a: ConceptAtom): PreviewConceptRef {
    let found = this.byKey.get(a.key);
    if (found) return found;
    const carriers = this.carriers(a.key);
    const facts = conceptFacts(carriers, a.key);
    found = { id: a.raw };
    const link = atomLink(a, facts.species);
    if (link) {
      found.url = link.url;
      found.urlLabel = link.label;
    }
    const named = this.authorityName(a, facts.species);
    if (named) {
      found.name = short(named.name);
      found.nameSource = named.source;
    } else if (facts.forms.length > 0 && facts.forms[0].value.trim() !== '') {
      found.name = short(facts.forms[0].value);
      found.nameSource = 'this document';
    }
    this.byKey.set(a.key, found);
    return found;
  }

  /** A variant id is one concept: named by the dbSNP or tmVar part, linked to dbSNP when it has an rs number. */
  variant(ref: ConceptRef): PreviewConceptRef {
    const out: PreviewConceptRef = { id: ref.raw.trim() };
    const rs = ref.atoms.find((a) => a.namespace === 'dbsnp');
    const link = rs ? atomLink(rs, false) : undefined;
    if (link) {
      out.url = link.url;
      out.urlLabel = link.label;
    }
    const hgvs = ref.atoms.find((a) => a.namespace === 'hgvs') ?? ref.atoms.find((a) => a.namespace === 'tmvar') ?? rs;
    if (hgvs) {
      out.name = short(hgvs.value);
      out.nameSource = 'the id';
    }
    return out;
  }

  /** A relation end's concept: the atom's, a variant's, or a composite's parts joined. */
  relationEnd(ref: ConceptRef, carriers: MentionRow[]): PreviewConceptRef {
    if (ref.variant) {
      const v = this.variant(ref);
      const form = carriers.length ? conceptFacts(carriers).forms[0]?.value : undefined;
      return form && form.trim() ? { ...v, name: short(form), nameSource: 'this document' } : v;
    }
    if (ref.atoms.length === 1) return this.atom(ref.atoms[0]);
    const parts = ref.atoms.map((a) => this.atom(a));
    const names = parts.map((p) => p.name ?? p.id);
    const whole = carriers.length ? surfaceForm(carriers[0]) : names.join(' | ');
    return { id: ref.raw.trim(), name: short(whole), nameSource: carriers.length ? 'this document' : parts[0]?.nameSource };
  }

  private authorityName(a: ConceptAtom, species: boolean): { name: string; source: string } | undefined {
    const ui = meshUiOf(a);
    if (ui !== undefined && this.sources?.mesh) {
      const record = meshRecord(this.sources.mesh, ui);
      if (record) return { name: record.name, source: this.sources.mesh.year ? `MeSH ${this.sources.mesh.year}` : 'MeSH' };
    }
    const target = this.sources?.online ? onlineTarget(a, species) : undefined;
    const answer = target ? onlineKnown(this.sources!.online, target.namespace, target.id) : undefined;
    if (target && answer?.found && target.namespace !== 'dbsnp') return { name: answer.facts.name, source: ONLINE_LABEL[target.namespace] };
    return undefined;
  }
}
