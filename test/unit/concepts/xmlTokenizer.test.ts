import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XmlTokenizer, attributeValue, decodeEntities } from '../../../server/src/service/concepts/mesh/xmlTokenizer';

/** Records every event as a string; captures all text. */
function events(chunks: string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) out.push(`text:${text.trim()}`);
    text = '';
  };
  const t = new XmlTokenizer({
    capturing: true,
    open: (name, attributes) => {
      flush();
      out.push(`open:${name}${attributes.trim() ? ` [${attributes.trim()}]` : ''}`);
    },
    close: (name) => {
      flush();
      out.push(`close:${name}`);
    },
    text: (v) => {
      text += v;
    },
    doctype: (d) => out.push(`doctype:${d}`),
  });
  for (const c of chunks) t.write(c);
  t.end();
  flush();
  return out;
}

const SAMPLE = `<?xml version="1.0"?>
<!DOCTYPE DescriptorRecordSet SYSTEM "nlmdescriptorrecordset_20250101.dtd">
<!-- a comment with <tags> & stray ampersands -->
<Set LanguageCode = "eng">
 <Rec Class = "1" Note='a > b'>
  <String>isolation &amp; purification &lt;x&gt; &#233;&#x3B1; &unknown;</String>
  <Empty/>
  <Raw><![CDATA[<not a tag> &amp;]]></Raw>
 </Rec>
</Set>
`;

const EXPECTED = [
  'doctype:<!DOCTYPE DescriptorRecordSet SYSTEM "nlmdescriptorrecordset_20250101.dtd">',
  'open:Set [LanguageCode = "eng"]',
  `open:Rec [Class = "1" Note='a > b']`,
  'open:String',
  'text:isolation & purification <x> éα &unknown;',
  'close:String',
  'open:Empty',
  'close:Empty',
  'open:Raw',
  'text:<not a tag> &amp;',
  'close:Raw',
  'close:Rec',
  'close:Set',
];

test('elements, attributes, entities, comments, CDATA and the DOCTYPE are read', () => {
  assert.deepEqual(events([SAMPLE]), EXPECTED);
});

test('the same events whatever the chunk boundaries, down to one character', () => {
  assert.deepEqual(events([...SAMPLE]), EXPECTED);
  for (let cut = 1; cut < SAMPLE.length; cut += 7) {
    assert.deepEqual(events([SAMPLE.slice(0, cut), SAMPLE.slice(cut)]), EXPECTED, `cut at ${cut}`);
  }
});

test('text is not built while the handler does not capture', () => {
  const seen: string[] = [];
  const t = new XmlTokenizer({ capturing: false, open: () => undefined, close: () => undefined, text: (v) => seen.push(v) });
  t.write('<a>some text</a>');
  t.end();
  assert.deepEqual(seen, []);
});

test('input that stops inside a tag is an error at the end', () => {
  const t = new XmlTokenizer({ capturing: false, open: () => undefined, close: () => undefined, text: () => undefined });
  t.write('<a><b attr="1"');
  assert.throws(() => t.end(), /ends inside a tag/);
});

test('entities and attribute values decode', () => {
  assert.equal(decodeEntities('a &amp;&amp; b &#0; &#x110000;'), 'a && b &#0; &#x110000;');
  assert.equal(attributeValue(' PreferredConceptYN="Y" Other="N"', 'PreferredConceptYN'), 'Y');
  assert.equal(attributeValue(" X='a &amp; b'", 'X'), 'a & b');
  assert.equal(attributeValue(' NotX="1"', 'X'), undefined);
});
