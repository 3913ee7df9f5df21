// Builds PubTator text in tests without literal TABs, which editors and
// reviewers cannot see.

export function row(...fields: (string | number)[]): string {
  return fields.join('\t');
}

export function doc(pmid: string, title: string, abstract: string | undefined, ...rows: string[]): string {
  const lines = [`${pmid}|t|${title}`];
  if (abstract !== undefined) lines.push(`${pmid}|a|${abstract}`);
  return [...lines, ...rows].join('\n');
}

export function file(...docs: string[]): string {
  return docs.join('\n\n') + '\n';
}
