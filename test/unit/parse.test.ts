import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { doc, file, row } from '../support/build';

const KETAMINE = doc('37622028', 'Application of Ketamine in Pain Management', 'Since ketamine was approved, pain relief improved.',
  row(37622028, 15, 23, 'Ketamine', 'Chemical', 'MESH:D007649'),
  row(37622028, 27, 31, 'Pain', 'Disease', 'MESH:D010146'),
  row(37622028, 'Negative_Correlation', 'MESH:D007649', 'MESH:D010146'));

test('a PubTator3 document parses into title, abstract, mentions and relations', () => {
  const parsed = parsePubtator(file(KETAMINE));
  assert.equal(parsed.documents.length, 1);
  const d = parsed.documents[0];
  assert.equal(d.id, '37622028');
  assert.equal(d.text, 'Application of Ketamine in Pain Management Since ketamine was approved, pain relief improved.');
  assert.equal(d.mentions.length, 2);
  assert.equal(d.relations.length, 1);
  const m = d.mentions[0];
  assert.deepEqual([m.start, m.end, m.textField.text, m.typeField?.text], [15, 23, 'Ketamine', 'Chemical']);
  assert.deepEqual([m.line, m.startField.start, m.startField.end, m.idField?.start], [2, 9, 11, 33]);
  assert.equal(d.title?.text.start, 11);
  assert.equal(d.relations[0].concepts[1].atoms[0].key, 'MESH:D010146');
});

test('documents split at blank lines, several blank lines or none at the end', () => {
  const two = file(KETAMINE, doc('2', 'T2', 'A2'));
  assert.equal(parsePubtator(two).documents.length, 2);
  assert.equal(parsePubtator(two.replace('\n\n', '\n\n\n\n')).documents.length, 2);
  assert.equal(parsePubtator(two.trimEnd()).documents.length, 2);
  // A title line right after rows starts a new document even without a blank line.
  assert.equal(parsePubtator(KETAMINE + '\n' + doc('2', 'T2', 'A2')).documents.length, 2);
});

test('CRLF line ends and a byte-order mark are tolerated and ranges stay exact', () => {
  const text = '\ufeff' + file(KETAMINE).replace(/\n/g, '\r\n');
  const parsed = parsePubtator(text);
  assert.equal(parsed.bom, true);
  assert.equal(parsed.crlf, true);
  const d = parsed.documents[0];
  assert.equal(d.id, '37622028');
  assert.equal(d.title?.docId.start, 1, 'the BOM shifts line 0 by one UTF-16 unit');
  assert.equal(d.abstract?.text.text.endsWith('improved.'), true, 'no \\r kept');
  assert.equal(d.mentions[1].idField?.text, 'MESH:D010146');
});

test('trailing tabs, empty ids, 5- and 7-column mentions, 5-column relations', () => {
  const text = file(doc('1', 'Aspirin and pain', '',
    row(1, 0, 7, 'Aspirin', 'Chemical', ''),
    row(1, 12, 16, 'pain', 'Disease'),
    row(1, 0, 7, 'Aspirin', 'Chemical', 'D001241', ''),
    row(1, 'Association', 'D001241', 'D010146', 'Novel')));
  const d = parsePubtator(text).documents[0];
  assert.equal(d.mentions.length, 3);
  assert.equal(d.mentions[0].concept.none, true);
  assert.equal(d.mentions[1].idField, undefined);
  assert.equal(d.mentions[2].extra.length, 1);
  assert.equal(d.relations[0].extra[0].text, 'Novel');
  assert.equal(d.text, 'Aspirin and pain ');
});

test('non-numeric document ids and title/abstract/body markers', () => {
  const text = 'BC8_BioRED_Task1_Doc500|t|A title\nBC8_BioRED_Task1_Doc500|a|An abstract\n\n7|title|T\n7|abstract|A\n7|body|B|with|bars\n7\t4\t5\tB\tOther\t-\n';
  const parsed = parsePubtator(text);
  assert.deepEqual(parsed.documents.map((d) => d.id), ['BC8_BioRED_Task1_Doc500', '7']);
  const full = parsed.documents[1];
  assert.equal(full.text, 'T A B|with|bars');
  assert.equal(full.passages.length, 3);
});

test('missing abstract, rows between title and abstract, rows with no title', () => {
  const noAbstract = parsePubtator(row('5|t|Only a title') + '\n' + row(5, 0, 4, 'Only', 'Other', '-')).documents[0];
  assert.equal(noAbstract.abstract, undefined);
  assert.equal(noAbstract.mentions.length, 1);
  const late = parsePubtator(['6|t|Title', row(6, 0, 5, 'Title', 'Other', '-'), '6|a|Abstract'].join('\n'));
  assert.equal(late.documents.length, 1);
  assert.equal(late.documents[0].latePassages.length, 1);
  assert.equal(late.documents[0].text, 'Title Abstract');
  const headless = parsePubtator(row(8, 'CID', 'D1', 'D2')).documents[0];
  assert.equal(headless.id, '8');
  assert.equal(headless.title, undefined);
});

test('malformed lines are kept, not dropped', () => {
  const text = ['##USE-MESH-VOCABULARY', '9|t|T', '9|a|A', 'just words', row(9, 'x'), row(9, 0, 1), row(9, 'Note', 'only three')].join('\n');
  const parsed = parsePubtator(text);
  assert.equal(parsed.stray.length, 1);
  assert.equal(parsed.documents[0].malformed.length, 4);
});

test('any input parses without throwing, and every line is accounted for', () => {
  const inputs = ['', '\n', '\n\n\n', '\u0000\u0001\u0002', '\ufffd\ufffd', '|t|', '||||', '\t\t\t', 'x|t|', '1|t|\ud800', '\r\r\n\r', '1\t2\t3\t4\t5\t6\t7\t8\t9'];
  let seed = 7;
  for (let i = 0; i < 200; i++) {
    let s = '';
    for (let j = 0; j < 200; j++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += String.fromCharCode(seed % 5 === 0 ? [9, 10, 124, 13][seed % 4] : seed % 0xffff);
    }
    inputs.push(s);
  }
  for (const input of inputs) {
    const parsed = parsePubtator(input);
    assert.equal(parsed.lineCount, input.split('\n').length);
  }
});

test('parsing a block at a line offset numbers lines from there', () => {
  const parsed = parsePubtator(KETAMINE, { firstLine: 100, previousId: '37622028' });
  assert.equal(parsed.documents[0].startLine, 100);
  assert.equal(parsed.documents[0].mentions[0].line, 102);
  assert.equal(parsed.documents[0].continuesPrevious, true);
});
