// A schema's `ignore` globs: paths relative to the schema's folder, with `**`
// (any folders), `*` (any characters but `/`) and `?` (one of them). A glob
// with no `/` matches a file name at any depth, as .gitignore's do.

import type { CorpusSchema } from './schema';

const compiled = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  let re = compiled.get(glob);
  if (re) return re;
  const anywhere = !glob.includes('/');
  let body = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      body += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${body.replace(/^\//, '')}$`);
  compiled.set(glob, re);
  return re;
}

/** Whether the schema tells checkers to skip the file at `location` (a path or URI in the same form as the schema's). */
export function isIgnored(schema: CorpusSchema | undefined, location: string): boolean {
  if (!schema) return false;
  const path = location.replace(/\\/g, '/');
  for (const { base, glob } of schema.ignore) {
    const folder = base.replace(/\\/g, '/').replace(/\/$/, '');
    if (!path.startsWith(folder + '/')) continue;
    if (globToRegExp(glob).test(path.slice(folder.length + 1))) return true;
  }
  return false;
}
