// Where the XML reader puts elements: a tag's start is taken from where its
// name ended when nothing went wrong inside the tag, else the last `<` before
// the tag's end; a close tag's start from its name when it reads `</name>`,
// else the last `</` before its end. Hand-computed offsets for the usual
// layout and the awkward ones (a line break after the name, white space in a
// close tag, a `<` inside an attribute value), and the same model however
// the text is cut into pieces.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BiocXmlReader, readBiocXml } from '../../../server/src/service/bioc/readXml';
import type { BiocDocument } from '../../../server/src/service/bioc/model';

function doc(annotation: string, textClose = '</text>'): string {
  return '<collection><source>s</source><date>d</date><key>k</key>\n<document><id>1</id>\n'
    + '<passage><offset>0</offset><text>Aspirin works.' + textClose + '\n'
    + annotation + '\n</passage></document></collection>\n';
}

const PLAIN = '<annotation id="A1"><infon key="type">Chemical</infon><location offset="0" length="7"/><text>Aspirin</text></annotation>';

function annotationOf(xml: string) {
  const c = readBiocXml(xml);
  return { c, p: c.documents[0].passages[0], a: c.documents[0].passages[0].annotations[0] };
}

test('readXml: an annotation and its location at their tags, its id and offset values inside the quotes', () => {
  const xml = doc(PLAIN);
  const { c, a } = annotationOf(xml);
  assert.equal(c.problems.length, 0);
  const start = xml.indexOf('<annotation');
  assert.deepEqual(a.range, { start, end: xml.indexOf('</annotation>') + '</annotation>'.length });
  assert.deepEqual(a.idRange, { start: xml.indexOf('A1'), end: xml.indexOf('A1') + 2 });
  const loc = a.locations[0];
  assert.deepEqual(loc.range, { start: xml.indexOf('<location'), end: xml.indexOf('/>') + 2 });
  assert.deepEqual(loc.offsetRange, { start: xml.indexOf('offset="0"') + 8, end: xml.indexOf('offset="0"') + 9 });
  assert.deepEqual(a.textRange, { start: xml.indexOf('>Aspirin<') + 1, end: xml.indexOf('>Aspirin<') + 8 });
});

test('readXml: a line break (CR LF) after a tag name, white space in close tags', () => {
  const xml = doc(PLAIN.replace('<annotation id', '<annotation\r\n id').replace('</annotation>', '</annotation >'), '</text\n>');
  const { c, p, a } = annotationOf(xml);
  assert.equal(c.problems.length, 0);
  assert.equal(a.range.start, xml.indexOf('<annotation'));
  assert.equal(a.range.end, xml.indexOf('</annotation >') + '</annotation >'.length);
  assert.deepEqual(p.textRange, { start: xml.indexOf('Aspirin works.'), end: xml.indexOf('</text\n>') });
  assert.equal(p.textVerbatim, true);
});

test('readXml: a `<` inside an attribute value is an error, and the tag is taken from that `<` on, as before', () => {
  const xml = doc(PLAIN.replace('id="A1"', 'id="A<1"'));
  const { c, a } = annotationOf(xml);
  assert.ok(c.problems.some((x) => /not well-formed/.test(x.message)));
  // The last `<` before the tag's end (what the reader has always taken when the tag is broken).
  assert.equal(a.range.start, xml.indexOf('<1"'));
});

test('readXml: the streamed reader gives the whole read\'s documents, however the text is cut', () => {
  const texts = [
    doc(PLAIN),
    doc(PLAIN.replace('<annotation id', '<annotation\r\n id').replace('</annotation>', '</annotation >'), '</text\n>'),
    doc(PLAIN.replace('id="A1"', 'id="A<1"')),
    doc(PLAIN.replace('<location offset="0" length="7"/>', '<location length=\'7\' offset = \'0\'></location>')),
  ];
  fc.assert(fc.property(fc.constantFrom(...texts), fc.array(fc.nat(), { maxLength: 12 }), (xml, raw) => {
    const whole = readBiocXml(xml);
    const docs: BiocDocument[] = [];
    const reader = new BiocXmlReader((d) => docs.push(d));
    const cuts = [...new Set(raw.map((n) => n % (xml.length + 1)))].sort((x, y) => x - y);
    let at = 0;
    for (const cut of [...cuts, xml.length]) {
      reader.write(xml.slice(at, cut));
      at = cut;
    }
    const streamed = reader.close();
    assert.deepEqual(docs, whole.documents);
    assert.deepEqual(streamed.problems, whole.problems);
  }), { numRuns: 300 });
});
