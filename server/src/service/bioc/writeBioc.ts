// BioC documents as XML or JSON text, one piece at a time so a writer can
// stream them: head, each document, tail.

import type { OutDocument, OutHeader, OutInfons } from './fromPubtator';

export interface BiocWriter {
  head(h: OutHeader): string;
  document(d: OutDocument, first: boolean): string;
  tail(): string;
}

// Characters XML 1.0 cannot hold at all; they become spaces (offsets keep their meaning).
// eslint-disable-next-line no-control-regex -- matching them is the point
const XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

function esc(s: string): string {
  return s.replace(XML_INVALID, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return esc(s).replace(/"/g, '&quot;');
}

function xmlInfons(infons: OutInfons, indent: string): string {
  return Object.entries(infons).map(([k, v]) => `${indent}<infon key="${attr(k)}">${esc(v)}</infon>\n`).join('');
}

export const xmlWriter: BiocWriter = {
  head: (h) => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection>\n  <source>${esc(h.source)}</source>\n  <date>${esc(h.date)}</date>\n  <key>${esc(h.key)}</key>\n`,
  document: (d) => {
    let s = `  <document>\n    <id>${esc(d.id)}</id>\n`;
    for (const p of d.passages) {
      s += `    <passage>\n${xmlInfons(p.infons, '      ')}      <offset>${p.offset}</offset>\n      <text>${esc(p.text)}</text>\n`;
      for (const a of p.annotations) {
        s += `      <annotation id="${attr(a.id)}">\n${xmlInfons(a.infons, '        ')}`;
        for (const l of a.locations) s += `        <location offset="${l.offset}" length="${l.length}"/>\n`;
        s += `        <text>${esc(a.text)}</text>\n      </annotation>\n`;
      }
      s += '    </passage>\n';
    }
    for (const r of d.relations) s += `    <relation id="${attr(r.id)}">\n${xmlInfons(r.infons, '      ')}    </relation>\n`;
    return s + '  </document>\n';
  },
  tail: () => '</collection>\n',
};

export const jsonWriter: BiocWriter = {
  head: (h) => `{"source":${JSON.stringify(h.source)},"date":${JSON.stringify(h.date)},"key":${JSON.stringify(h.key)},"infons":{},"documents":[\n`,
  document: (d, first) => {
    const doc = {
      id: d.id, infons: {},
      passages: d.passages.map((p) => ({ ...p, sentences: [], relations: [] })),
      annotations: [], relations: d.relations.map((r) => ({ ...r, nodes: [] })),
    };
    return (first ? '' : ',\n') + JSON.stringify(doc);
  },
  tail: () => '\n]}\n',
};

export function defaultHeader(): OutHeader {
  return { source: 'PubTator', date: new Date().toISOString().slice(0, 10), key: 'BioC.key' };
}
