// NLM's MeSH XML (descYYYY.xml, suppYYYY.xml) to records, one at a time, as the
// text streams in: only the fields a hover needs are captured; the rest of a
// record (qualifiers, history, pharmacological actions ...) is skipped unread.

import { attributeValue, XmlHandler, XmlTokenizer } from './xmlTokenizer';
import { MeshHeadingRef, MeshRecordKind, MeshSourceRecord } from './record';

const enum Field { None, Ui, Name, Year, Tree, Scope, Term, Note, MapUi, MapName, MapQualifier }

// Paths below the record element.
const FIELDS: Record<MeshRecordKind, Record<string, Field>> = {
  descriptor: {
    '/DescriptorUI': Field.Ui,
    '/DescriptorName/String': Field.Name,
    '/DateCreated/Year': Field.Year,
    '/TreeNumberList/TreeNumber': Field.Tree,
    '/ConceptList/Concept/ScopeNote': Field.Scope,
    '/ConceptList/Concept/TermList/Term/String': Field.Term,
  },
  supplementary: {
    '/SupplementalRecordUI': Field.Ui,
    '/SupplementalRecordName/String': Field.Name,
    '/DateCreated/Year': Field.Year,
    '/Note': Field.Note,
    '/ConceptList/Concept/ScopeNote': Field.Scope,
    '/ConceptList/Concept/TermList/Term/String': Field.Term,
    '/HeadingMappedToList/HeadingMappedTo/DescriptorReferredTo/DescriptorUI': Field.MapUi,
    '/HeadingMappedToList/HeadingMappedTo/DescriptorReferredTo/DescriptorName/String': Field.MapName,
    '/HeadingMappedToList/HeadingMappedTo/QualifierReferredTo/QualifierName/String': Field.MapQualifier,
  },
};

// The paths as a tree walked element by element: no path strings are built.
interface PathNode {
  field: Field;
  children: Map<string, PathNode>;
}

function pathTree(fields: Record<string, Field>): PathNode {
  const root: PathNode = { field: Field.None, children: new Map() };
  for (const [path, field] of Object.entries(fields)) {
    let node = root;
    for (const name of path.slice(1).split('/')) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { field: Field.None, children: new Map() }));
      node = child;
    }
    node.field = field;
  }
  return root;
}

const TREES: Record<MeshRecordKind, PathNode> = {
  descriptor: pathTree(FIELDS.descriptor),
  supplementary: pathTree(FIELDS.supplementary),
};

const RECORD_ELEMENT = new Map<string, MeshRecordKind>([
  ['DescriptorRecord', 'descriptor'],
  ['SupplementalRecord', 'supplementary'],
]);

export class MeshXmlReader implements XmlHandler {
  capturing = false;
  /** Year of the DTD the file declares (`nlmdescriptorrecordset_20250101.dtd`). */
  dtdYear?: number;
  /** The root element: DescriptorRecordSet, SupplementalRecordSet, or another MeSH set. */
  root?: string;
  skipped = 0;

  private readonly tokenizer = new XmlTokenizer(this);
  private depth = 0;
  private kind?: MeshRecordKind;
  /** The path tree node of each open element below the record; undefined off the tree. */
  private readonly nodes: (PathNode | undefined)[] = [];
  private field = Field.None;
  private buffer = '';
  private rec = emptyRecord('descriptor');
  private terms: string[] = [];
  private scope?: string;
  private note?: string;
  private preferredConcept = false;
  private permutedTerm = false;
  private mapping?: MeshHeadingRef;

  constructor(private readonly onRecord: (r: MeshSourceRecord) => void) {}

  write(chunk: string): void {
    this.tokenizer.write(chunk);
  }

  /** Throws when the file stopped in the middle (a truncated download). */
  end(): void {
    this.tokenizer.end();
    if (this.depth > 0) throw new Error(`the XML ends inside <${this.root ?? 'a record'}>: the file is truncated`);
  }

  doctype(declaration: string): void {
    const m = /_(\d{4})\d{4}\.dtd/i.exec(declaration);
    if (m) this.dtdYear = Number(m[1]);
  }

  open(name: string, attributes: string): void {
    this.depth++;
    if (this.depth === 1) {
      this.root = name;
      return;
    }
    if (this.depth === 2) {
      this.kind = RECORD_ELEMENT.get(name);
      if (this.kind) this.startRecord(this.kind);
      return;
    }
    if (!this.kind) return;
    const parent = this.nodes.length ? this.nodes[this.nodes.length - 1] : TREES[this.kind];
    const node = parent?.children.get(name);
    this.nodes.push(node);
    if (!node) return;
    if (name === 'Concept') this.preferredConcept = attributeValue(attributes, 'PreferredConceptYN') === 'Y';
    else if (name === 'Term') this.permutedTerm = attributeValue(attributes, 'IsPermutedTermYN') === 'Y';
    else if (name === 'HeadingMappedTo') this.mapping = { name: '' };
    if (node.field !== Field.None) {
      this.field = node.field;
      this.capturing = true;
      this.buffer = '';
    }
  }

  text(value: string): void {
    this.buffer += value;
  }

  close(name: string): void {
    if (this.depth === 0) return;
    this.depth--;
    if (this.depth === 0 || !this.kind) return;
    if (this.depth === 1) {
      this.finishRecord();
      this.kind = undefined;
      return;
    }
    if (this.field !== Field.None) {
      this.store(this.field, this.buffer.trim());
      this.field = Field.None;
      this.capturing = false;
    }
    const node = this.nodes.pop();
    if (node && name === 'HeadingMappedTo' && this.mapping) {
      if (this.mapping.name) this.rec.mappedTo.push(this.mapping);
      this.mapping = undefined;
    }
  }

  private store(field: Field, value: string): void {
    const r = this.rec;
    switch (field) {
      case Field.Ui: r.ui = value; break;
      case Field.Name: r.name = value; break;
      case Field.Year: r.createdYear = Number(value) || undefined; break;
      case Field.Tree: if (value) r.treeNumbers.push(value); break;
      case Field.Scope: if (this.preferredConcept && value && this.scope === undefined) this.scope = value; break;
      case Field.Term: if (value && !this.permutedTerm) this.terms.push(value); break;
      case Field.Note: if (value) this.note = value; break;
      case Field.MapUi: if (this.mapping) this.mapping.ui = value.replace(/^\*/, ''); break;
      case Field.MapName: if (this.mapping) this.mapping.name = value; break;
      case Field.MapQualifier: if (this.mapping && value) this.mapping.qualifier = value; break;
    }
  }

  private startRecord(kind: MeshRecordKind): void {
    this.rec = emptyRecord(kind);
    this.terms = [];
    this.scope = undefined;
    this.note = undefined;
    this.nodes.length = 0;
  }

  private finishRecord(): void {
    const r = this.rec;
    if (!r.ui || !r.name) {
      this.skipped++;
      return;
    }
    const seen = new Set([r.name]);
    for (const t of this.terms) {
      if (!seen.has(t)) {
        seen.add(t);
        r.entryTerms.push(t);
      }
    }
    r.scopeNote = r.kind === 'supplementary' ? this.note ?? this.scope : this.scope;
    this.onRecord(r);
  }
}

function emptyRecord(kind: MeshRecordKind): MeshSourceRecord {
  return { ui: '', kind, name: '', entryTerms: [], treeNumbers: [], mappedTo: [] };
}
