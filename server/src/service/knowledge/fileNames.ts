// Which files are PubTator files by their name alone, for tools that look
// through folders (the command line, the editor's workspace checks):
// *.pubtator, *PubTator*.txt (any case), and the .gz of those.

const GZ = /\.gz$/i;
const PUBTATOR_NAME = /\.pubtator$|pubtator.*\.txt$/i;

export function isPubtatorName(name: string): boolean {
  return PUBTATOR_NAME.test(name.replace(GZ, ''));
}

export function isGzipName(name: string): boolean {
  return GZ.test(name);
}
