import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SelectionRange } from '../../../server/src/service/features/selectionRanges';
import type { Position, Range } from '../../../server/src/service/types';
import { at, BC5CDR, everyPosition, HOSTILE, PUBTATOR3, service } from './support';

function texts(text: string, r: SelectionRange): string[] {
  const all = text.split('\n');
  const out: string[] = [];
  for (let s: SelectionRange | undefined = r; s; s = s.parent) {
    const { start, end } = s.range;
    out.push(start.line === end.line ? all[start.line].slice(start.character, end.character) : `lines ${start.line}-${end.line}`);
  }
  return out;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function strictlyInside(inner: Range, outer: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end)
    && !(before(inner.start, outer.start) && before(outer.end, inner.end));
}

describe('selection ranges', () => {
  it('grows from a field to its row, its block and its document', () => {
    const [r] = service.selectionRanges(service.parse(BC5CDR), [at(BC5CDR, '1000\t43', 'naproxen', 2)]);
    assert.deepEqual(texts(BC5CDR, r), ['naproxen', '1000\t43\t51\tnaproxen\tChemical\tD009288', 'lines 2-5', 'lines 0-8']);
  });

  it('starts from the part of a composite id', () => {
    const [r] = service.selectionRanges(service.parse(BC5CDR), [at(BC5CDR, '1000\t0\t36', 'D006311', 1)]);
    assert.deepEqual(texts(BC5CDR, r).slice(0, 2), ['D006311', 'D014786|D006311']);
  });

  it('in the text, starts from the mention spans covering the cursor, innermost first', () => {
    const [r] = service.selectionRanges(service.parse(BC5CDR), [at(BC5CDR, '1000|t|', 'Crohn', 1)]);
    assert.deepEqual(texts(BC5CDR, r), [
      'Crohn disease', 'Ulcerative colitis and Crohn disease', 'Ulcerative colitis and Crohn disease after naproxen.',
      BC5CDR.split('\n')[0], 'lines 0-8',
    ]);
  });

  it('answers every position with a chain of strictly growing ranges', () => {
    for (const text of [PUBTATOR3, BC5CDR, HOSTILE, '', '1|t|x\r\n1\t0\t1\tx\tGene\t1\r\n', '\ufeff1|t|ab\n1\t0\t2\tab\tGene\t1\n']) {
      const parsed = service.parse(text);
      const positions = [...everyPosition(text)];
      const result = service.selectionRanges(parsed, positions);
      assert.equal(result.length, positions.length);
      result.forEach((r, i) => {
        const p = positions[i];
        assert.ok(before(r.range.start, p) && before(p, r.range.end), `holds ${JSON.stringify(p)}`);
        for (let s = r; s.parent; s = s.parent) assert.ok(strictlyInside(s.range, s.parent.range), JSON.stringify(s));
      });
    }
  });

  it('gives an empty range for positions it cannot place, and one answer per position', () => {
    const odd = [{ line: -1, character: 0 }, { line: 0.5, character: 1 }, null, { line: 999, character: 0 }] as never[];
    const result = service.selectionRanges(service.parse(PUBTATOR3), odd);
    assert.equal(result.length, 4);
    assert.ok(result.every((r) => r.parent === undefined && r.range.start.line === r.range.end.line));
    assert.deepEqual(service.selectionRanges(service.parse(PUBTATOR3), null as never), []);
  });
});
