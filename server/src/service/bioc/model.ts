// A BioC collection as read from XML or JSON. Every element keeps where it
// lies in the file (UTF-16 offsets into the file text), so diagnostics and
// editor features can point at the element itself.

/** Half-open UTF-16 range [start, end) in the file text. */
export interface SourceRange {
  start: number;
  end: number;
}

export interface BiocInfon {
  key: string;
  /** Non-string JSON values (PubTator3's booleans, numbers, objects) as their JSON text. */
  value: string;
  /** Parsed JSON value when it was not a string (role1/role2 objects). */
  raw?: unknown;
  range: SourceRange;
}

export interface BiocLocation {
  offset?: number;
  length?: number;
  range: SourceRange;
  offsetRange?: SourceRange;
}

export interface BiocAnnotation {
  id?: string;
  idRange?: SourceRange;
  infons: BiocInfon[];
  locations: BiocLocation[];
  text?: string;
  textRange?: SourceRange;
  range: SourceRange;
}

export interface BiocNode {
  refid: string;
  role: string;
  range: SourceRange;
}

export interface BiocRelation {
  id?: string;
  infons: BiocInfon[];
  nodes: BiocNode[];
  range: SourceRange;
}

export interface BiocPassage {
  offset?: number;
  offsetRange?: SourceRange;
  text?: string;
  /** The text's range in the file (its content, between the tags or the quotes). */
  textRange?: SourceRange;
  /** Whether each character of `text` is one character of the file at textRange (no entities or escapes). */
  textVerbatim: boolean;
  infons: BiocInfon[];
  annotations: BiocAnnotation[];
  relations: BiocRelation[];
  range: SourceRange;
}

export interface BiocDocument {
  id: string;
  idRange?: SourceRange;
  infons: BiocInfon[];
  passages: BiocPassage[];
  /** Annotations written at document level (outside any passage). */
  annotations: BiocAnnotation[];
  relations: BiocRelation[];
  range: SourceRange;
}

export interface BiocProblem {
  message: string;
  range: SourceRange;
}

export interface BiocCollection {
  format: 'bioc-xml' | 'bioc-json';
  source: string;
  date: string;
  key: string;
  infons: BiocInfon[];
  documents: BiocDocument[];
  /** Well-formedness and shape errors, with where they are. */
  problems: BiocProblem[];
}

export function infon(infons: BiocInfon[], key: string): BiocInfon | undefined {
  for (const i of infons) if (i.key === key) return i;
  return undefined;
}

/** The value of the first infon whose key matches case-insensitively. */
export function infonValue(infons: BiocInfon[], ...keys: string[]): string | undefined {
  for (const k of keys) {
    const lower = k.toLowerCase();
    for (const i of infons) if (i.key.toLowerCase() === lower) return i.value;
  }
  return undefined;
}
