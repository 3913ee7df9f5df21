// A file's habits, learned from its own counts (facts.ts). A habit the file
// follows is a convention, not a defect; the rows that break it are what the
// checks report. Every decision starts from what the format says (documents
// have abstract lines, the text column holds the covered text, relations are
// listed once) as a few pseudo-observations, so a handful of rows cannot
// overturn it, while a file that does otherwise throughout does. A habit's
// breaking rows are reported one by one only where it is near universal
// (nearUniversal.ts); a habit much of the file departs from is no convention.

import { isKnownEntityType } from '../knowledge/entityTypes';
import type { Facts } from './facts';
import { HeldGroups } from './held';
import { nearUniversal } from './nearUniversal';
import { closeSpelling } from './spelling';

export interface Learned {
  facts: Facts;
  /** Documents have an abstract line as a rule (else the file puts everything in the title). */
  abstracts: boolean;
  /** All but a handful of documents have an abstract line: one without is reported. */
  abstractsNearlyAlways: boolean;
  /**
   * What the text column holds: the covered text verbatim on all but a
   * handful of rows (`exact`: a case, dash or space difference is then an
   * error); the covered text, with more such differences than that but no
   * habit of them (`covered`); normalised names in many rows (`names`); or
   * the covered text, normalised in case, dashes, spaces or Greek spelling as
   * a habit (`normalised`).
   */
  textColumn: 'exact' | 'covered' | 'names' | 'normalised';
  /** Relation types the file lists in both directions (a reversed row is then no duplicate). */
  bothDirections: Set<string>;
  /** Of those, types whose rows all but a handful have their reverse: a row without is reported. */
  bothNearlyAlways: Set<string>;
  /** Types whose rows all but a handful are listed once: a reversed row is reported as a duplicate. */
  onceNearlyAlways: Set<string>;
  /** Entity types used rarely whose spelling is close to a type the file uses far more, and that type. */
  typos: Map<string, string>;
  /** Entity types no known corpus uses, used only once or twice in a file that otherwise does not. */
  rareUnknown: Map<string, { suggestion?: string }>;
}

/** Documents with an abstract line assumed before reading the file. */
const PRIOR_ABSTRACTS = 5;
/** Matching spans assumed before reading the file. */
const PRIOR_SPANS = 50;
/** Share of spans that differ unexplained from which the text column holds names, and the least number of them. */
const NAMES_SHARE = 0.2;
const NAMES_MIN = 10;
/** Share of spans that differ only in normalisation from which that is the file's habit. */
const NORMALISED_SHARE = 0.1;
/** Share of relation rows whose reverse is listed from which the file lists both directions, and pseudo-rows assumed. */
const BOTH_SHARE = 0.8;
const PRIOR_RELATIONS = 2;
/**
 * A type used this many times more than a close spelling makes that spelling
 * a typo; a spelling used once or twice needs only TYPO_LEAST uses of the other.
 * A typo is rare in itself too: at most TYPO_MOST_USES rows, or one row in a
 * thousand (DrugProt's GENE-Y and GENE-N are one letter apart, each on
 * hundreds of rows, and neither is a typo).
 */
const TYPO_RATIO = 10;
const TYPO_LEAST = 3;
const TYPO_MOST_USES = 5;
const TYPO_MOST_SHARE = 0.001;
/** A type used at most this often, and in under 1% of the mentions, is rare. */
const RARE_USES = 2;

export function learn(facts: Facts, held?: HeldGroups): Learned {
  const withoutAbstract = facts.titled - facts.withAbstract;
  const abstracts = facts.withAbstract + PRIOR_ABSTRACTS > withoutAbstract;
  const abstractsNearlyAlways = abstracts && nearUniversal(withoutAbstract, facts.titled + PRIOR_ABSTRACTS);

  const spans = facts.spansInRange + PRIOR_SPANS;
  let textColumn: Learned['textColumn'] = 'covered';
  if (facts.spansUnexplained >= NAMES_MIN && facts.spansUnexplained >= NAMES_SHARE * spans) textColumn = 'names';
  else if (facts.spansMinor >= NAMES_MIN && facts.spansMinor >= NORMALISED_SHARE * spans) textColumn = 'normalised';
  // Verbatim: the rows that differ (only in normalisation, or unexplained) are a handful.
  else if (nearUniversal(facts.spansMinor + facts.spansUnexplained, spans)) textColumn = 'exact';

  let eligible = 0;
  let paired = 0;
  for (const t of facts.relations.values()) {
    eligible += t.eligible;
    paired += t.paired;
  }
  const fileBoth = paired >= BOTH_SHARE * (eligible + PRIOR_RELATIONS);
  const bothDirections = new Set<string>();
  const bothNearlyAlways = new Set<string>();
  const onceNearlyAlways = new Set<string>();
  for (const [type, t] of facts.relations) {
    const both = fileBoth ? t.paired >= 0.5 * t.eligible : t.paired >= BOTH_SHARE * (t.eligible + PRIOR_RELATIONS);
    if (both) {
      bothDirections.add(type);
      if (nearUniversal(t.eligible - t.paired, t.eligible)) bothNearlyAlways.add(type);
    } else if (nearUniversal(t.paired / 2, t.eligible - t.paired / 2)) {
      // A pair listed both ways is one relation and one reversed row.
      onceNearlyAlways.add(type);
    }
  }

  const { typos, rareUnknown } = learnTypes(facts, held);
  return { facts, abstracts, abstractsNearlyAlways, textColumn, bothDirections, bothNearlyAlways, onceNearlyAlways, typos, rareUnknown };
}

/** Rare unknown types: misspellings of a type the file relies on, or merely rare. */
function learnTypes(facts: Facts, held?: HeldGroups): Pick<Learned, 'typos' | 'rareUnknown'> {
  const typos = new Map<string, string>();
  const rareUnknown = new Map<string, { suggestion?: string }>();
  const types = [...facts.types];
  // Only types held as unknown are candidates (known types are never typos).
  const unknown = held ? [...held.ofKind('entity-type')].map((g) => g.key) : types.map(([t]) => t).filter((t) => !isKnownEntityType(t));
  for (const type of unknown) {
    const uses = facts.types.get(type) ?? 0;
    if (uses === 0) continue;
    const rareEnough = uses <= TYPO_MOST_USES || uses <= TYPO_MOST_SHARE * facts.mentions;
    let best: [string, number] | undefined;
    for (const [other, n] of types) {
      // The spelling the typo departs from must be near universal between the two.
      const enough = (uses <= RARE_USES ? n >= TYPO_LEAST : n >= TYPO_RATIO * uses) && (uses <= RARE_USES || nearUniversal(uses, uses + n));
      if (other === type || !enough || !rareEnough || !closeSpelling(type, other)) continue;
      if (!best || n > best[1]) best = [other, n];
    }
    if (best) {
      typos.set(type, best[0]);
      continue;
    }
    // Rare: in a file that otherwise relies on other types, or spelled like a
    // known corpus's type (in a file too small to have habits of its own).
    const suggestion = knownSpellingOf(type);
    if (uses <= RARE_USES && (uses < 0.01 * facts.mentions || suggestion !== undefined)) rareUnknown.set(type, { suggestion });
  }
  return { typos, rareUnknown };
}

/** Type names of the known corpora, for a suggestion when a rare type is close to one. */
const KNOWN_NAMES = [
  'Chemical', 'Disease', 'Gene', 'Species', 'CellLine', 'ProteinMutation', 'DNAMutation', 'SNP', 'Mutation', 'Variant',
  'SpecificDisease', 'DiseaseClass', 'Modifier', 'CompositeMention', 'GeneOrGeneProduct', 'DiseaseOrPhenotypicFeature',
  'ChemicalEntity', 'OrganismTaxon', 'SequenceVariant', 'ProteinAllele', 'DNAAllele', 'AcidChange', 'OtherMutation',
  'FamilyName', 'DomainMotif', 'Organism', 'Protein', 'Drug', 'CellType', 'Cell',
];

function knownSpellingOf(type: string): string | undefined {
  return KNOWN_NAMES.find((k) => closeSpelling(type, k));
}
