// Every check, in the order docs/checks.md lists them. Codes are stable: they are
// what users configure and what CI scripts grep for.

import type { Check } from './check';
import { malformedLine } from './malformedLine';
import { mergeConflict } from './mergeConflict';
import { notUtf8 } from './notUtf8';
import { missingTitle } from './missingTitle';
import { missingAbstract } from './missingAbstract';
import { misplacedPassage } from './misplacedPassage';
import { pmidMismatch } from './pmidMismatch';
import { duplicateDocument } from './duplicateDocument';
import { badOffsets } from './badOffsets';
import { offsetOutOfRange } from './offsetOutOfRange';
import { spanCrossesPassages } from './spanCrossesPassages';
import { textMismatch } from './textMismatch';
import { textMismatchMinor } from './textMismatchMinor';
import { offsetDrift } from './offsetDrift';
import { danglingRelationId } from './danglingRelationId';
import { duplicateMention } from './duplicateMention';
import { duplicateRelation } from './duplicateRelation';
import { compositeCountMismatch } from './compositeCountMismatch';
import { selfRelation } from './selfRelation';
import { unknownEntityType } from './unknownEntityType';
import { relationTypeNotAllowed } from './relationTypeNotAllowed';
import { unknownMeshId } from './unknownMeshId';
import { meshNameMismatch } from './meshNameMismatch';
import { spanBoundary } from './spanBoundary';
import { truncatedText } from './truncatedText';
import { normalisedTextColumn } from './normalisedTextColumn';
import { oneWayRelation } from './oneWayRelation';
import { entityTypeTypo } from './entityTypeTypo';
import { undeclaredEntityType } from './undeclaredEntityType';
import { undeclaredRelationType } from './undeclaredRelationType';
import { relationArgumentTypes } from './relationArgumentTypes';
import { idPatternMismatch } from './idPatternMismatch';

export const CHECKS: readonly Check[] = [
  textMismatch,
  textMismatchMinor,
  spanBoundary,
  normalisedTextColumn,
  offsetDrift,
  truncatedText,
  offsetOutOfRange,
  badOffsets,
  spanCrossesPassages,
  danglingRelationId,
  notUtf8,
  malformedLine,
  mergeConflict,
  pmidMismatch,
  missingTitle,
  missingAbstract,
  misplacedPassage,
  duplicateDocument,
  duplicateMention,
  duplicateRelation,
  oneWayRelation,
  compositeCountMismatch,
  selfRelation,
  entityTypeTypo,
  unknownEntityType,
  relationTypeNotAllowed,
  undeclaredEntityType,
  undeclaredRelationType,
  relationArgumentTypes,
  idPatternMismatch,
  unknownMeshId,
  meshNameMismatch,
];

export const CHECK_CODES: readonly string[] = CHECKS.map((c) => c.code);
