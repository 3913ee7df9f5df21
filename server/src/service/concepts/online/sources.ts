// The remote services, as pure functions: which URL asks for some ids, and
// what the answer says about each. NCBI Gene, Taxonomy and dbSNP through
// E-utilities esummary (JSON, several ids a request); Cellosaurus through its
// API, one cell line a request.

import type { OnlineAnswer, OnlineFacts, OnlineNamespace } from './types';

export const EUTILS_BASE = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/';
export const CELLOSAURUS_BASE = 'https://api.cellosaurus.org/';

export interface SourceSettings {
  eutilsBase: string;
  cellosaurusBase: string;
  /** NCBI asks callers to name their tool and give a contact e-mail. */
  tool?: string;
  email?: string;
  apiKey?: string;
}

const EUTILS_DB: Partial<Record<OnlineNamespace, string>> = { gene: 'gene', taxonomy: 'taxonomy', dbsnp: 'snp' };

/** How many ids one request may carry. */
export function batchSize(ns: OnlineNamespace): number {
  return EUTILS_DB[ns] ? 100 : 1;
}

/** The id as the service spells it, or undefined when it cannot be one. */
export function normaliseOnlineId(ns: OnlineNamespace, id: string): string | undefined {
  const v = id.trim();
  switch (ns) {
    case 'gene':
    case 'taxonomy':
      return /^\d{1,12}$/.test(v) ? String(Number(v)) : undefined;
    case 'dbsnp': {
      const m = /^(?:rs)?(\d{1,12})$/i.exec(v);
      return m ? String(Number(m[1])) : undefined;
    }
    case 'cellosaurus': {
      const m = /^CVCL_([A-Z0-9]{4})$/i.exec(v);
      return m ? 'CVCL_' + m[1].toUpperCase() : undefined;
    }
  }
}

export function requestUrl(ns: OnlineNamespace, ids: string[], s: SourceSettings): string {
  const db = EUTILS_DB[ns];
  if (db) {
    const url = new URL('esummary.fcgi', s.eutilsBase);
    url.searchParams.set('db', db);
    url.searchParams.set('id', ids.join(','));
    url.searchParams.set('retmode', 'json');
    if (s.tool) url.searchParams.set('tool', s.tool);
    if (s.email) url.searchParams.set('email', s.email);
    if (s.apiKey) url.searchParams.set('api_key', s.apiKey);
    return url.toString();
  }
  const url = new URL(`cell-line/${encodeURIComponent(ids[0])}`, s.cellosaurusBase);
  url.searchParams.set('format', 'json');
  url.searchParams.set('fields', 'id,sy,ox,di');
  return url.toString();
}

/**
 * Answers per id, or undefined when the response says nothing reliable (an
 * error page, a rate-limit message, bad JSON): the caller retries later.
 */
export function parseResponse(ns: OnlineNamespace, ids: string[], status: number, body: string): Map<string, OnlineAnswer> | undefined {
  if (ns === 'cellosaurus' && status === 404) return new Map([[ids[0], { found: false }]]);
  if (status !== 200) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  return ns === 'cellosaurus' ? parseCellosaurus(ids[0], json) : parseEsummary(ns, ids, json);
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Remote text, trimmed and bounded. */
function text(v: unknown, max = 300): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function list(values: unknown[], max = 10): string[] | undefined {
  const out = [...new Set(values.map((v) => text(v)).filter((v): v is string => v !== undefined))].slice(0, max);
  return out.length ? out : undefined;
}

function parseEsummary(ns: OnlineNamespace, ids: string[], json: unknown): Map<string, OnlineAnswer> | undefined {
  if (!isObject(json) || !isObject(json.result)) return undefined;
  const result = json.result;
  const answers = new Map<string, OnlineAnswer>();
  for (const id of ids) {
    const entry = result[id];
    const facts = isObject(entry) && entry.error === undefined ? esummaryFacts(ns, id, entry) : undefined;
    answers.set(id, facts ? { found: true, facts: withoutUndefined(facts) } : { found: false });
  }
  return answers;
}

function esummaryFacts(ns: OnlineNamespace, id: string, e: Json): OnlineFacts | undefined {
  if (ns === 'gene') {
    const name = text(e.name);
    if (!name) return undefined;
    const current = text(e.currentid);
    return {
      name,
      description: text(e.description),
      organism: isObject(e.organism) ? text(e.organism.scientificname) : undefined,
      synonyms: typeof e.otheraliases === 'string' ? list(e.otheraliases.split(',')) : undefined,
      note: current && current !== '0' && current !== id ? `replaced by Gene ${current}` : undefined,
    };
  }
  if (ns === 'taxonomy') {
    const name = text(e.scientificname);
    if (!name) return undefined;
    return { name, description: text(e.rank), synonyms: list([e.commonname]) };
  }
  // dbSNP
  const genes = Array.isArray(e.genes) ? list(e.genes.map((g) => (isObject(g) ? g.name : undefined))) : undefined;
  const chr = text(e.chr);
  const pos = text(e.chrpos);
  const where = chr ? `chromosome ${chr}${pos ? `:${pos.replace(/^.*:/, '')}` : ''}` : undefined;
  const description = [genes?.join(', '), where].filter(Boolean).join('; ') || undefined;
  const significance = text(e.clinical_significance);
  return { name: `rs${text(e.snp_id) ?? id}`, description, note: significance ? `clinical significance: ${significance.replace(/,/g, ', ')}` : undefined };
}

function parseCellosaurus(id: string, json: unknown): Map<string, OnlineAnswer> | undefined {
  const root = isObject(json) && isObject(json.Cellosaurus) ? json.Cellosaurus : undefined;
  const lines = root && Array.isArray(root['cell-line-list']) ? root['cell-line-list'] : undefined;
  if (!lines) return undefined;
  const line = lines.find(isObject);
  if (!line) return new Map([[id, { found: false }]]);
  const names = Array.isArray(line['name-list']) ? line['name-list'].filter(isObject) : [];
  const name = text(names.find((n) => n.type === 'identifier')?.value ?? names[0]?.value);
  if (!name) return new Map([[id, { found: false }]]);
  const field = (key: string) => (Array.isArray(line[key]) ? (line[key] as unknown[]).filter(isObject) : []);
  const facts: OnlineFacts = {
    name,
    synonyms: list(names.filter((n) => n.type === 'synonym').map((n) => n.value)),
    organism: list(field('species-list').map((s) => s.value), 3)?.join(', '),
    description: list(field('disease-list').map((d) => d.value), 3)?.join(', '),
  };
  return new Map([[id, { found: true, facts: withoutUndefined(facts) }]]);
}

/** Facts as they will read back from the JSON cache. */
function withoutUndefined(f: OnlineFacts): OnlineFacts {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as OnlineFacts;
}
