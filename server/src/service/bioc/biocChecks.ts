// BioC's own checks (checkBioc.ts runs them), listed apart from the PubTator
// checks so the settings, `pubtator checks` and `--severity` can name them
// without loading the BioC readers.

import type { CheckInfo } from '../checks/check';
import type { SeverityName } from '../types';

/** The BioC checks, their default level, and what each finds. */
export const BIOC_CHECKS: Record<string, { level: SeverityName; about: string }> = {
  'bioc-not-well-formed': { level: 'error', about: 'the XML or JSON cannot be read there (or is not a BioC collection)' },
  'bioc-location-outside-passage': { level: 'error', about: 'an annotation location lies outside its passage and every other' },
  'bioc-passage-local-offsets': { level: 'error', about: 'a document counts offsets from each passage, not from the document (one finding per file, pointing at each such document)' },
  'bioc-passage-offset': { level: 'error', about: 'a passage states an offset its annotations do not count from (one finding per file, pointing at each such passage)' },
  'bioc-document-without-text': { level: 'warning', about: 'a document has annotations but no passage text to check them against (one finding per file, pointing at each such document)' },
  'bioc-annotation-without-location': { level: 'error', about: 'an annotation without a usable location' },
  'bioc-duplicate-annotation-id': { level: 'warning', about: 'two annotations of a document share an id' },
  'bioc-dangling-node': { level: 'warning', about: 'a relation node refers to no annotation (only where the file\'s nodes do refer to annotation ids)' },
  'bioc-overlapping-passages': { level: 'warning', about: 'a passage starts before the previous one ends' },
};

/** The BioC checks as the PubTator checks describe themselves. */
export const BIOC_CHECK_LIST: readonly CheckInfo[] = Object.entries(BIOC_CHECKS).map(([code, c]) => ({ code, defaultSeverity: c.level, description: c.about }));
