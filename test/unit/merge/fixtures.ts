// The small two-document file the merge and adjudication tests start from:
// a chemical, a disease and their CID relation in one document, a disease in
// the other.
export const TWO_DOCUMENTS = [
  '1|t|Aspirin and pain.', '1|a|Aspirin relieves headache.',
  '1\t0\t7\tAspirin\tChemical\tD001241', '1\t12\t16\tpain\tDisease\tD010146', '1\tCID\tD001241\tD010146',
  '',
  '2|t|Fever.', '2|a|Fever in children.',
  '2\t0\t5\tFever\tDisease\tD005334',
  '',
].join('\n');
