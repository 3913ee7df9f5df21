// Which online authority an id part belongs to. A bare number (`5444`) is an
// NCBI Gene id unless the mentions carrying it are species (conceptFacts
// tells), when it is a Taxonomy id.

import type { ConceptAtom } from '../../parse/conceptIds';
import { normaliseOnlineId } from './sources';
import type { OnlineNamespace } from './types';

export interface OnlineTarget {
  namespace: OnlineNamespace;
  id: string;
}

export function onlineTarget(atom: ConceptAtom, carriedBySpecies = false): OnlineTarget | undefined {
  let namespace: OnlineNamespace;
  let value = atom.value;
  switch (atom.namespace) {
    case 'gene': namespace = 'gene'; break;
    case 'taxonomy': namespace = 'taxonomy'; break;
    case 'ncbi': namespace = carriedBySpecies ? 'taxonomy' : 'gene'; break;
    case 'dbsnp': namespace = 'dbsnp'; break;
    case 'cellosaurus': namespace = 'cellosaurus'; value = atom.key; break;
    default: return undefined;
  }
  const id = normaliseOnlineId(namespace, value);
  return id === undefined ? undefined : { namespace, id };
}
