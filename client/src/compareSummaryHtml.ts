// The comparison view's page, from the summary models the server computed:
// one section per compared file, a table of TP, FP, FN, precision, recall and
// F1 per level and type, and the documents each side has. Everything shown is
// escaped (file names, types and ids come from files), the page has no script
// at all, and its Content Security Policy allows only its own style.
// No `vscode` import: unit tests render it directly.

/** The server's CompareSummaryModel, as far as the page reads it. */
export interface SummaryScore {
  level: string;
  type: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SummaryModel {
  current: string;
  reference: string;
  match: string;
  scope: string;
  documents: { gold: number; predicted: number; shared: number; onlyGold: number; onlyPredicted: number };
  onlyReference: string[];
  onlyCurrent: string[];
  scores: SummaryScore[];
  wrongIds: number;
  unusable: { reference: number; current: number };
}

export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function score(value: number | null): string {
  return value === null ? '–' : value.toFixed(4);
}

function typeLabel(type: string): string {
  return type === '*' ? 'all (micro)' : type === '*macro' ? 'all (macro)' : type;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

function section(m: SummaryModel): string {
  const d = m.documents;
  const facts = [
    `${m.match} mention match`,
    plural(d.shared, 'shared document'),
  ];
  const only = (n: number, ids: string[], where: string, counted: string) => (n
    ? `${plural(n, 'document')} only in ${where} (${ids.map(escapeHtml).join(', ')}${n > ids.length ? ', …' : ''}), ${m.scope === 'all' ? counted : 'not scored'}`
    : '');
  const notes = [
    only(d.onlyGold, m.onlyReference, 'the reference', 'scored as false negatives'),
    only(d.onlyPredicted, m.onlyCurrent, 'this file', 'scored as false positives'),
    m.wrongIds ? `${plural(m.wrongIds, 'matched mention')} with another id than the reference's` : '',
    m.unusable.current ? `${plural(m.unusable.current, 'mention row')} of this file with unusable offsets left out` : '',
    m.unusable.reference ? `${plural(m.unusable.reference, 'mention row')} of the reference with unusable offsets left out` : '',
  ].filter(Boolean);
  const rows = m.scores.map((s) => {
    const total = s.type === '*' || s.type === '*macro';
    const counts = s.type === '*macro' ? '<td></td><td></td><td></td>' : `<td>${s.tp}</td><td>${s.fp}</td><td>${s.fn}</td>`;
    return `<tr class="${total ? 'total' : ''}" data-level="${escapeHtml(s.level)}" data-type="${escapeHtml(s.type)}">`
      + `<th scope="row">${escapeHtml(s.level)}</th><td class="type">${escapeHtml(typeLabel(s.type))}</td>${counts}`
      + `<td>${score(s.precision)}</td><td>${score(s.recall)}</td><td>${score(s.f1)}</td></tr>`;
  });
  return `<section><h2>${escapeHtml(m.current)} <span class="against">compared with</span> ${escapeHtml(m.reference)}</h2>`
    + `<p>${escapeHtml(facts.join(' · '))}</p>`
    + (notes.length ? `<ul>${notes.map((n) => `<li>${n}</li>`).join('')}</ul>` : '')
    + '<table><thead><tr><th>level</th><th class="type">type</th><th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th><th>F1</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table></section>`;
}

const STYLE = `body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0 16px}
h2{font-size:1.15em;font-weight:600;margin:16px 0 4px}.against{font-weight:400;opacity:.75}
table{border-collapse:collapse;margin:8px 0 20px;font-variant-numeric:tabular-nums}
th,td{padding:3px 10px;text-align:right;border-bottom:1px solid var(--vscode-editorWidget-border,rgba(128,128,128,.35))}
th:first-child,td.type,th.type{text-align:left}thead th{font-weight:600}tr.total td,tr.total th{font-weight:600}
ul{margin:4px 0;padding-left:20px}p{margin:4px 0;opacity:.85}`;

/** The whole page: `cspSource` is the webview's, `nonce` fresh for each render. */
export function summaryHtml(models: SummaryModel[], cspSource: string, nonce: string): string {
  const body = models.length
    ? models.map(section).join('')
    : '<p>No comparison. Run <b>PubTator: Compare with…</b> in a PubTator file.</p>';
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${escapeHtml(cspSource)}; style-src 'nonce-${escapeHtml(nonce)}';">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
    + `<title>PubTator Comparison</title><style nonce="${escapeHtml(nonce)}">${STYLE}</style></head>`
    + `<body>${body}</body></html>`;
}
