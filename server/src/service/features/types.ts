// Result shapes of the editor features. Like ../types.ts they mirror LSP field
// for field, so the server passes them through, without importing LSP here.

import type { OffsetUnit, Range } from '../types';
import type { ConceptSources } from '../concepts/conceptSources';

export interface Hover {
  /** Markdown; every piece of file text in it is escaped (see markdown.ts). */
  contents: string;
  range?: Range;
}

/** LSP DocumentHighlightKind: 1 Text, 2 Read, 3 Write. */
export type HighlightKind = 1 | 2 | 3;

export interface DocumentHighlight {
  range: Range;
  kind: HighlightKind;
}

export interface FeatureOptions {
  /** How mention offsets count characters; `codepoint` unless told. */
  unit?: OffsetUnit;
  /** A MeSH index and online names for the hover (see concepts/conceptSources.ts). */
  concepts?: ConceptSources;
}

export interface ReferenceOptions extends FeatureOptions {
  /** Include the occurrence under the cursor itself (LSP's includeDeclaration); true unless told. */
  includeDeclaration?: boolean;
}
