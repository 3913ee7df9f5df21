// Shared helpers for the feature tests: documents written in the test, and
// positions found by searching for a piece of a line.

import { createLanguageService } from '../../../server/src/service/languageService';
import type { Position } from '../../../server/src/service/types';

export const service = createLanguageService();

/** Lines joined by newlines; rows are written with `\t` between columns. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/**
 * Position of the `nth` occurrence (0-based) of `needle` on the line that
 * starts with `lineStart`, moved `delta` characters right.
 */
export function at(text: string, lineStart: string, needle: string, delta = 0, nth = 0): Position {
  const all = text.split('\n');
  const line = all.findIndex((l) => l.startsWith(lineStart));
  if (line < 0) throw new Error(`no line starts with ${JSON.stringify(lineStart)}`);
  let character = -1;
  for (let i = 0; i <= nth; i++) {
    character = all[line].indexOf(needle, character + 1);
    if (character < 0) throw new Error(`${JSON.stringify(needle)} not found on line ${line}`);
  }
  return { line, character: character + delta };
}

/** The text a range covers, for readable assertions. */
export function textOf(text: string, r: { start: Position; end: Position }): string {
  const all = text.split('\n');
  if (r.start.line !== r.end.line) throw new Error('multi-line range');
  return all[r.start.line].slice(r.start.character, r.end.character);
}

/** A PubTator3 export in the style of PMID 34205807, with a variant and relations. */
export const PUBTATOR3 = lines(
  '34205807|t|Paraoxonase-1 and CCL2 in COVID-19.',
  '34205807|a|PON1 L55M (rs854560) carriers with COVID-19 had high PON1 and CCL2 levels in patients.',
  '34205807\t0\t13\tParaoxonase-1\tGene\t5444',
  '34205807\t18\t22\tCCL2\tGene\t6347',
  '34205807\t26\t34\tCOVID-19\tDisease\tMESH:D000086382',
  '34205807\t36\t40\tPON1\tGene\t5444',
  '34205807\t41\t45\tL55M\tProteinMutation\ttmVar:p|SUB|L|55|M;HGVS:p.L55M;VariantGroup:1;CorrespondingGene:5444;RS#:854560;CorrespondingSpecies:9606',
  '34205807\t47\t55\trs854560\tSNP\ttmVar:rs854560;VariantGroup:1;CorrespondingGene:5444;RS#:854560;CorrespondingSpecies:9606',
  '34205807\t71\t79\tCOVID-19\tDisease\tMESH:D000086382',
  '34205807\t89\t93\tPON1\tGene\t5444',
  '34205807\t98\t102\tCCL2\tGene\t6347',
  '34205807\t113\t121\tpatients\tSpecies\t9606',
  '34205807\tAssociation\tMESH:D000086382\t6347',
  '34205807\tAssociation\tRS#:854560;HGVS:p.L55M;CorrespondingGene:5444\tMESH:D000086382',
  '34205807\tPositive_Correlation\t5444\tMESH:D000086382',
  '',
  '11111111|t|A second COVID-19 paper.',
  '11111111|a|',
  '11111111\t9\t17\tCOVID-19\tDisease\tMESH:D000086382',
);

/** BC5CDR style: bare MeSH ids, a composite mention with its parts' texts, CID relations (one dangling). */
export const BC5CDR = lines(
  '1000|t|Ulcerative colitis and Crohn disease after naproxen.',
  '1000|a|Naproxen use.',
  '1000\t0\t36\tUlcerative colitis and Crohn disease\tDisease\tD014786|D006311\tUlcerative colitis|Crohn disease',
  '1000\t23\t36\tCrohn disease\tDisease\tD006311',
  '1000\t43\t51\tnaproxen\tChemical\tD009288',
  '1000\t53\t61\tNaproxen\tChemical\tD009288',
  '1000\tCID\tD009288\tD014786',
  '1000\tCID\tD009288\tD006311',
  '1000\tCID\tD009288\tD003924',
);

/** BioRED style: tmVar keys with `|` as ids, rs ids, a novelty column. */
export const BIORED = lines(
  '2000|t|BRAF V600E in melanoma.',
  '2000|a|The V600E mutation (rs113488022) of BRAF.',
  '2000\t0\t4\tBRAF\tGeneOrGeneProduct\t673',
  '2000\t5\t10\tV600E\tSequenceVariant\tp|SUB|V|600|E',
  '2000\t14\t22\tmelanoma\tDiseaseOrPhenotypicFeature\tD008545',
  '2000\t28\t33\tV600E\tSequenceVariant\tp|SUB|V|600|E',
  '2000\t44\t55\trs113488022\tSequenceVariant\trs113488022',
  '2000\t60\t64\tBRAF\tGeneOrGeneProduct\t673',
  '2000\tAssociation\tp|SUB|V|600|E\tD008545\tNovel',
  '2000\tPositive_Correlation\t673\tD008545\tNo',
);

/** Characters outside the BMP: offsets counted in code points. */
export const ASTRAL = lines(
  '3000|t|X😀 Ketamine dose.',
  '3000|a|😀😀 ketamine.',
  '3000\t3\t11\tKetamine\tChemical\tMESH:D007649',
  '3000\t21\t29\tketamine\tChemical\tMESH:D007649',
  '3000\t1\t2\t😀\tOther\t-',
);

/** Hostile text in every column a hover shows. */
export const HOSTILE = lines(
  '<svg onload=alert(1)>|t|[x](command:evil) <img src=x onerror=alert(1)> `a` ``b``',
  '<svg onload=alert(1)>|a|',
  '<svg onload=alert(1)>\t0\t17\t[x](command:evil)\t<b>Chem</b>\tMESH:D000001',
  '<svg onload=alert(1)>\t18\t47\t<img src=x onerror=alert(1)>\tChemical\tMESH:D000001',
  '<svg onload=alert(1)>\t48\t53\t`a` `\t`x`\tMESH:D000001',
  '<svg onload=alert(1)>\t54\t59\t``b``\tChemical\tMESH:D1](command:evil)',
  '<svg onload=alert(1)>\t[r](command:x)\tMESH:D000001\tMESH:D1](command:evil)\t<script>x</script>',
);

/** Every position of a text, one past the end of each line and one line past the end included. */
export function* everyPosition(text: string): Generator<Position> {
  const all = text.split('\n');
  for (let line = 0; line <= all.length; line++) {
    const length = all[line]?.length ?? 0;
    for (let character = 0; character <= length + 1; character++) yield { line, character };
  }
}
