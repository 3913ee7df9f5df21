// Conversion between PubTator and BioC XML/JSON, whole texts: the source
// format is read from the content. Warnings say, once per kind per file,
// what the target could not hold as it was.

import { parsePubtator } from '../parse/parseFile';
import { detectFormat, type FileFormat } from './detect';
import { documentToBioc, type FromPubtatorOptions, type OutHeader } from './fromPubtator';
import { projectCollection } from './project';
import { readBioc } from './readBioc';
import { UNIT_NAME } from './units';
import { defaultHeader, jsonWriter, xmlWriter } from './writeBioc';

export interface ConvertOptions extends FromPubtatorOptions {
  to?: FileFormat;
  header?: Partial<OutHeader>;
}

export interface ConvertResult {
  from: FileFormat;
  to: FileFormat;
  output: string;
  /** Told once per kind, with how often. */
  warnings: string[];
  /** Well-formedness errors of the input (the output then holds what could be read). */
  errors: string[];
  /** What the input's offsets were found to count, when it says. */
  unitNote?: string;
}

export function convertText(text: string, options: ConvertOptions = {}): ConvertResult {
  const from = detectFormat(text);
  const to = options.to ?? (from === 'pubtator' ? 'bioc-xml' : 'pubtator');
  if (from === 'pubtator') {
    if (to === 'pubtator') return { from, to, output: text, warnings: [], errors: [] };
    const writer = to === 'bioc-json' ? jsonWriter : xmlWriter;
    const file = parsePubtator(text);
    const parts = [writer.head({ ...defaultHeader(), ...options.header })];
    file.documents.forEach((d, i) => {
      parts.push(writer.document(documentToBioc(d, options), i === 0));
      d.release();
    });
    parts.push(writer.tail());
    const warnings: string[] = [];
    const malformed = file.stray.length + file.documents.reduce((n, d) => n + d.malformed.length, 0);
    if (malformed > 0) warnings.push(`${malformed} line(s) that are neither passages nor rows were left out`);
    return { from, to, output: parts.join(''), warnings, errors: [] };
  }
  const c = readBioc(text);
  const p = projectCollection(c);
  const errors = c.problems.map((e) => e.message);
  const warnings = p.warnings.map((w) => (w.count > 1 ? `${w.message} (${w.count} times)` : w.message));
  const unitNote = p.unitTold ? `offsets count ${p.unitFits.map((u) => UNIT_NAME[u]).join(' or ')}${p.unitFits.length > 1 ? ' (they agree on this file)' : ''}` : 'offsets: the text is ASCII before every annotation, so bytes, UTF-16 units and code points agree';
  const pubtator = p.text.length > 0 ? p.text + '\n' : '';
  if (to === 'pubtator') return { from, to, output: pubtator, warnings, errors, unitNote };
  // BioC to BioC: through the PubTator model (normalises the layout and the offsets' unit).
  const again = convertText(pubtator, { ...options, to, header: { source: c.source, date: c.date, key: c.key, ...options.header } });
  return { from, to, output: again.output, warnings, errors, unitNote };
}
