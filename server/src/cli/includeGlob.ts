// `--include GLOB`: file names a folder walk checks whatever their name and
// content. A glob matches the file's name (not its folder): `*` any run of
// characters, `?` one character, everything else itself (`*.txt`, `CDR_*`).

export function globMatcher(globs: readonly string[]): (name: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.map((g) => new RegExp(`^${[...g].map(globChar).join('')}$`, 'i'));
  return (name) => patterns.some((p) => p.test(name));
}

function globChar(c: string): string {
  if (c === '*') return '.*';
  if (c === '?') return '.';
  return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
