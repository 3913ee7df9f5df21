// Colour for severities in text output, as other command-line tools do it: on
// when stdout is a terminal, off when NO_COLOR is set (no-color.org) or the
// terminal is dumb, forced by FORCE_COLOR; --color and --no-color decide over all.

export function wantsColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** SGR codes: bold red, yellow, cyan, dim. */
const STYLE: Record<'error' | 'warning' | 'information' | 'hint', string> = { error: '1;31', warning: '33', information: '36', hint: '2' };

/** `text` in the colour of `severity`, or as it is when colour is off. */
export function paint(severity: keyof typeof STYLE, text: string, on: boolean): string {
  return on ? `\x1b[${STYLE[severity]}m${text}\x1b[0m` : text;
}
