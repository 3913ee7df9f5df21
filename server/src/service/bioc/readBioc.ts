// A BioC file (XML or JSON, told by its content) to the collection model.

import { detectFormat } from './detect';
import type { BiocCollection } from './model';
import { readBiocJson } from './readJson';
import { readBiocXml } from './readXml';

export function readBioc(text: string): BiocCollection {
  return detectFormat(text) === 'bioc-json' ? readBiocJson(text) : readBiocXml(text);
}
