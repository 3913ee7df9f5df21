// One number format for every command's text output: counts with thousands
// separators (1,342), whatever the locale, so output is the same everywhere.

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
