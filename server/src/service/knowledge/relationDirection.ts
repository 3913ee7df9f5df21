// Which relation types read one way. BC5CDR's CID says the first concept (a
// chemical) induces the second (a disease); PubTator3's API types such as
// `treat` or `cause` also have a subject and an object. BioRED's types
// (Association, Positive_Correlation, Bind ...) are defined on the pair,
// whichever order the row writes it in, and so are unknown types: a graph
// must not draw a direction the format does not claim.

const DIRECTED = new Set(['cid', 'treat', 'cause', 'inhibit', 'stimulate', 'prevent', 'convert']);

export function isDirectedRelation(type: string): boolean {
  return DIRECTED.has(type.trim().toLowerCase());
}
