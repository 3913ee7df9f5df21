// Every check a level can be set for: the PubTator checks, then BioC's own.
// The settings, the corpus schema's JSON schema and `pubtator checks` list these.

import type { CheckInfo } from '../checks/check';
import { CHECKS } from '../checks/index';
import { BIOC_CHECK_LIST } from './biocChecks';

export const EVERY_CHECK: readonly CheckInfo[] = [...CHECKS, ...BIOC_CHECK_LIST];
