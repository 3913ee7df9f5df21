// The colour family of each entity type, as a schema declares it (falling back
// to the known corpora's), for colouring spans and type columns, with a key
// that says when cached colours must be worked out again.

import { entityFamily, type EntityFamily } from '../knowledge/entityTypes';
import { declaredFamily, type CorpusSchema } from './schema';

export interface Families {
  /** Changes whenever the answers may change. */
  key: string;
  of(type: string): EntityFamily;
  /** Whether the schema gives the type a family of its own (other than the known corpora's). */
  declaredOwn(type: string): boolean;
}

export const KNOWN_FAMILIES: Families = { key: '', of: entityFamily, declaredOwn: () => false };

export function schemaFamilies(schema: CorpusSchema | undefined): Families {
  if (!schema?.entityTypes) return KNOWN_FAMILIES;
  return {
    key: schema.key,
    of: (type) => declaredFamily(schema, type) ?? entityFamily(type),
    declaredOwn: (type) => {
      const declared = declaredFamily(schema, type);
      return declared !== undefined && declared !== entityFamily(type);
    },
  };
}
