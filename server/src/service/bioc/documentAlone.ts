// One <document> element's text, cut out of a collection (splitXml.ts), parsed
// on its own on a worker (batchMap.ts for check, convertBatch.ts for convert):
// used only when it reads without a single problem as exactly one document
// spanning the text, which is then what the serial reader would have read.

import type { BiocDocument } from './model';
import { BiocXmlReader } from './readXml';

/** The document the text at file offset `base` holds; a reason when that is not what the serial reader would read. */
export function parseAlone(text: string, base: number): BiocDocument | string {
  const found: BiocDocument[] = [];
  const reader = new BiocXmlReader((d) => found.push(d), text, { base });
  reader.write(text);
  const c = reader.close();
  if (c.problems.length) return 'a document that does not parse on its own';
  if (found.length !== 1 || found[0].range.start !== base || found[0].range.end !== base + text.length) return 'a piece that is not one document';
  return found[0];
}
