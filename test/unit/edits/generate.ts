// Random PubTator files for property tests: documents whose mention rows are
// first correct, then damaged the ways real files are (shifted, reversed,
// empty or runaway spans, case-folded texts, repeated rows, mistyped relation
// ids), laid out untidily (rows out of order, extra blank lines, trailing
// spaces after ids, CRLF).

import fc from 'fast-check';

const WORDS = ['aspirin', 'pain', 'TNF-α', 'cells', 'BRCA1', 'p53', 'kinase', 'mice', 'β-catenin', 'the', 'of', 'and', 'IL-6'];
const TYPES = ['Chemical', 'Disease', 'Gene', 'Species'];
const RELATIONS = ['Association', 'Positive_Correlation', 'CID', 'Bind'];

type Defect = 'none' | 'shift' | 'swap' | 'empty' | 'runaway' | 'case' | 'duplicate';

interface MentionPlan {
  word: number;
  type: number;
  defect: Defect;
  shift: number;
}

interface DocumentPlan {
  title: number[];
  abstract: number[];
  mentions: MentionPlan[];
  relations: { a: number; b: number; type: number; typo: boolean; duplicate: boolean }[];
  shuffle: number[];
  trailing: boolean[];
  blank: number;
  /** Undamaged spans drift later by an amount growing with their offset (a producer miscounting). */
  drift: boolean;
}

const mentionPlan: fc.Arbitrary<MentionPlan> = fc.record({
  word: fc.nat(40),
  type: fc.nat(TYPES.length - 1),
  defect: fc.constantFrom<Defect>('none', 'none', 'none', 'shift', 'swap', 'empty', 'runaway', 'case', 'duplicate'),
  shift: fc.integer({ min: 1, max: 4 }),
});

const documentPlan: fc.Arbitrary<DocumentPlan> = fc.record({
  title: fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 8 }),
  abstract: fc.array(fc.nat(WORDS.length - 1), { maxLength: 16 }),
  mentions: fc.array(mentionPlan, { maxLength: 8 }),
  relations: fc.array(fc.record({ a: fc.nat(7), b: fc.nat(7), type: fc.nat(RELATIONS.length - 1), typo: fc.boolean(), duplicate: fc.boolean() }), { maxLength: 3 }),
  shuffle: fc.array(fc.nat(100), { maxLength: 12 }),
  trailing: fc.array(fc.boolean(), { maxLength: 12 }),
  blank: fc.nat(2),
  drift: fc.boolean(),
});

function idOf(word: string): string {
  return 'D' + String(WORDS.indexOf(word) + 100000).padStart(6, '0');
}

function buildDocument(pmid: string, plan: DocumentPlan): string[] {
  const title = plan.title.map((i) => WORDS[i]).join(' ');
  const abstract = plan.abstract.map((i) => WORDS[i]).join(' ');
  const text = `${title} ${abstract}`;
  // Word positions in the text (code points equal UTF-16 units here: no astral characters).
  const spans: { start: number; word: string }[] = [];
  let at = 0;
  for (const w of [...plan.title, ...plan.abstract].map((i) => WORDS[i])) {
    at = text.indexOf(w, at);
    spans.push({ start: at, word: w });
    at += w.length;
  }
  const rows: string[] = [];
  const ids: string[] = [];
  for (const m of plan.mentions) {
    const span = spans[m.word % spans.length];
    let start = span.start;
    let end = start + span.word.length;
    let words = span.word;
    const id = idOf(span.word);
    ids.push(id);
    switch (m.defect) {
      case 'shift': start += m.shift; end += m.shift; break;
      case 'swap': [start, end] = [end, start]; break;
      case 'empty': end = start; break;
      case 'runaway': start += text.length; end += text.length; break;
      case 'case': words = words.toUpperCase() === words ? words.toLowerCase() : words.toUpperCase(); break;
      case 'none':
        if (plan.drift) {
          const by = 1 + Math.floor(start / 12);
          start += by;
          end += by;
        }
        break;
    }
    const line = [pmid, start, end, words, TYPES[m.type], id].join('\t');
    rows.push(line);
    if (m.defect === 'duplicate') rows.push(line);
  }
  for (const r of plan.relations) {
    if (ids.length === 0) break;
    let a = ids[r.a % ids.length];
    const b = ids[r.b % ids.length];
    if (r.typo) a = a.slice(0, -1) + String((Number(a.slice(-1)) + 1) % 10);
    const line = [pmid, RELATIONS[r.type], a, b].join('\t');
    rows.push(line);
    if (r.duplicate) rows.push(line);
  }
  // Out of order: swap rows as the plan says, and add trailing spaces after some ids.
  plan.shuffle.forEach((k, i) => {
    if (rows.length < 2) return;
    const x = i % rows.length;
    const y = k % rows.length;
    [rows[x], rows[y]] = [rows[y], rows[x]];
  });
  const withSpaces = rows.map((r, i) => (plan.trailing[i] ? r + '  ' : r));
  return [`${pmid}|t|${title}`, `${pmid}|a|${abstract}`, ...withSpaces, ...Array(plan.blank).fill('')];
}

/** A whole file of 1-3 documents, LF or CRLF, with or without a final line break. */
export const pubtatorFile: fc.Arbitrary<string> = fc.record({
  docs: fc.array(documentPlan, { minLength: 1, maxLength: 3 }),
  crlf: fc.boolean(),
  final: fc.boolean(),
  leading: fc.nat(2),
}).map(({ docs, crlf, final, leading }) => {
  const lines: string[] = Array(leading).fill('');
  docs.forEach((d, i) => {
    lines.push(...buildDocument(String(1000 + i), d));
    if (lines[lines.length - 1] !== '' && i + 1 < docs.length && d.blank === 0 && i % 2 === 0) return; // documents back to back
    lines.push('');
  });
  const eol = crlf ? '\r\n' : '\n';
  const text = lines.join(eol);
  return final ? text : text.replace(/(\r?\n)+$/, '');
});
