import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { row } from '../../support/build';
import { applyEdits, service } from './support';
import type { Range } from '../../../server/src/service/types';

function format(text: string, options: { sortMentions?: boolean; range?: Range } = {}): string {
  return applyEdits(text, service.format(text, service.parse(text), options));
}

const T = '1|t|Aspirin and pain ';
const A = '1|a|Aspirin eased pain. ';
const ASPIRIN = row('1', 0, 7, 'Aspirin', 'Chemical', 'D001241');
const PAIN = row('1', 12, 16, 'pain', 'Disease', 'D010146');
const EASED = row('1', 26, 31, 'eased', 'Other', '');
const REL = row('1', 'CID', 'D001241', 'D010146');

describe('formatting', () => {
  it('puts exactly one blank line between documents and one line break at the end', () => {
    const text = '\n\n' + [T, A, ASPIRIN, '2|t|Two', '2|a|', '', '  \t', '', '3|t|Three', '3|a|'].join('\n') + '\n\n\n';
    assert.equal(format(text), [T, A, ASPIRIN, '', '2|t|Two', '2|a|', '', '3|t|Three', '3|a|'].join('\n') + '\n');
    assert.equal(format('1|t|x\n1|a|y'), '1|t|x\n1|a|y\n');
    assert.equal(format('\n \n\t\n'), '');
  });

  it('orders mentions by start offset, equal starts keeping their order, and puts relations after them', () => {
    const other = row('1', 0, 7, 'Aspirin', 'Drug', 'D001241');
    const text = [T, A, PAIN, REL, ASPIRIN, EASED, other].join('\n') + '\n';
    assert.equal(format(text), [T, A, ASPIRIN, other, PAIN, EASED, REL].join('\n') + '\n');
    assert.equal(format(text, { sortMentions: false }), [T, A, PAIN, ASPIRIN, EASED, other, REL].join('\n') + '\n');
  });

  it('leaves the row order of a document with a malformed line or a misplaced abstract', () => {
    const malformed = [T, A, PAIN, 'junk line', ASPIRIN].join('\n') + '\n';
    assert.equal(format(malformed), malformed);
    const late = [T, PAIN, A, ASPIRIN].join('\n') + '\n';
    assert.equal(format(late), late);
  });

  it('removes spaces only where they mean nothing', () => {
    const text = [
      T,
      A,
      ASPIRIN + '  ',
      row('1', 12, 16, 'pain ', 'Disease') + ' ',
      EASED + ' ',
      row('1', 0, 7, 'Aspirin', 'Chemical', 'D001241', 'Aspirin '),
      row('1', 0, 7, 'Aspirin', 'Chemical', 'D001241', 'Aspirin '),
      REL + ' ',
      'not a row  ',
    ].join('\n') + '\n';
    const expected = [
      T,
      A,
      ASPIRIN,
      row('1', 12, 16, 'pain ', 'Disease'),
      EASED,
      row('1', 0, 7, 'Aspirin', 'Chemical', 'D001241', 'Aspirin '),
      row('1', 0, 7, 'Aspirin', 'Chemical', 'D001241', 'Aspirin '),
      REL,
      'not a row  ',
    ];
    assert.equal(format(text), expected.join('\n') + '\n');
  });

  it('keeps the trailing spaces of titles and abstracts, TABs, and a byte-order mark', () => {
    const text = '\ufeff' + [T, A, row('1', 0, 7, 'Aspirin', 'Chemical', '')].join('\n') + '\n';
    assert.equal(format(text), text);
  });

  it('makes line breaks the file\'s most common one', () => {
    assert.equal(format([T, A, ASPIRIN].join('\r\n') + '\n'), [T, A, ASPIRIN].join('\r\n') + '\r\n');
    assert.equal(format([T, A].join('\r\n') + '\n' + ASPIRIN + '\n\n'), [T, A, ASPIRIN].join('\n') + '\n');
  });

  it('formats only the documents a range touches, with the blank lines after them', () => {
    const text = [T, A, PAIN, ASPIRIN, '', '', '2|t|Two', '2|a|', row('2', 2, 3, 'o', 'X', ''), row('2', 0, 1, 'T', 'X', ''), '', '', '3|t|Three'].join('\n');
    const second = { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } };
    const expected = [T, A, PAIN, ASPIRIN, '', '', '2|t|Two', '2|a|', row('2', 0, 1, 'T', 'X', ''), row('2', 2, 3, 'o', 'X', ''), '', '3|t|Three'].join('\n');
    assert.equal(format(text, { range: second }), expected);
    const lineAfter = { start: { line: 7, character: 0 }, end: { line: 12, character: 0 } };
    assert.equal(format(text, { range: lineAfter }), expected);
  });

  it('returns small edits: one row changed gives one edit on that row', () => {
    const text = [T, A, ASPIRIN + ' ', PAIN].join('\n') + '\n';
    const edits = service.format(text, service.parse(text));
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: ASPIRIN.length }, end: { line: 2, character: ASPIRIN.length + 1 } }, newText: '' }]);
    assert.deepEqual(service.format(format(text), undefined), []);
  });

  it('never cuts a CRLF in two', () => {
    const text = [T, A, ASPIRIN].join('\r\n') + '\r\n\r\n\r\n';
    const edits = service.format(text, service.parse(text));
    // applyEdits reads positions as LSP does (past a line's end means its end): a cut would leave a stray CR.
    assert.equal(applyEdits(text, edits), [T, A, ASPIRIN].join('\r\n') + '\r\n');
  });
});
