// The reading view's model on every corpus flavour of ../shared/corpora:
// every document well formed (segments rebuild the text, each mention shows
// exactly what its offsets cover, graph inside its picture), and what each
// flavour is known for comes out: nested spans (BioRED, NCBI-disease),
// composite mentions (BC5CDR), full text (tmVar 3 output), non-numeric ids
// (BC8), drifting offsets (GNormPlus), and exports that stay safe.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, corporaSkip } from '../../../support/paths';
import type { PreviewDocument } from '../../../../server/src/service/languageService';
import { service } from '../support';
import { assertWellFormed, layered } from './support';
import { assertSafeMarkup } from './markupCheck';

/** Documents looked at per file (all of most files; the first ones of the largest). */
const MAX_DOCUMENTS = 200;

function previews(name: string): PreviewDocument[] {
  const file = service.parse(readFileSync(join(corporaDir, name), 'utf8'));
  const problems = service.validate(file);
  return file.documents.slice(0, MAX_DOCUMENTS).map((d, i) => {
    const w = service.preview(file, { line: d.startLine, around: 0 }, { problems });
    const doc = w.documents[w.current];
    assert.equal(doc.index, i);
    assertWellFormed(file, d, doc, `${name} document ${d.id}`);
    return doc;
  });
}

const FILES = [
  'biored/Dev.PubTator',
  'ncbi-disease/NCBIdevelopset_corpus.txt',
  'bc5cdr-sample/CDR_sample.txt',
  'tmvar3-fulltext-output/s41586-023-05755-9.xml.PubTator',
  'bc8-biored/bc8_biored_task1_train.pubtator',
  'pubtator3-export/pmids_output.pubtator',
  'gnormplus/GNormPlus_Train.PubTator',
  'tmvar3/tmVar3_Train.PubTator',
  'nlm-chem/NLMchem_Test.PubTator',
  'tmvar2-normalization/tmVar.Normalization.txt',
  'pubtator3-derived/variant_relation_extraction.pubtator',
  'llm-output-defective/Test-Edited-llama70B-results.pubtatur.txt',
];

describe('preview on real corpora', () => {
  for (const name of FILES) {
    it(`every document of ${name} is well formed`, { skip: corporaSkip }, () => {
      const docs = previews(name);
      assert.ok(docs.length > 0);
    });
  }

  // The BioRED and NCBI-disease files here have no two spans of one document
  // that overlap (a scan of every row pair says so); these files do.
  it('nested and crossing spans (BC5CDR, NLM-Gene, tmVar 3) are drawn in layers', { skip: corporaSkip }, () => {
    for (const name of ['bc5cdr-sample/CDR_sample.txt', 'nlm-gene/NLMgene_Test.PubTator', 'tmvar3/tmVar3_Test.PubTator']) {
      const nested = previews(name).flatMap(layered);
      assert.ok(nested.length > 0, `${name}: some text under two mentions`);
    }
    const cdr = previews('bc5cdr-sample/CDR_sample.txt').flatMap(layered);
    assert.ok(cdr.some((s) => s.startsWith('hepatitis[')), 'drug-induced hepatitis holds hepatitis');
  });

  it('BioRED and NCBI-disease: whole corpora, every document well formed', { skip: corporaSkip }, () => {
    for (const name of ['biored/Train.PubTator', 'ncbi-disease/NCBItrainset_corpus.txt']) assert.ok(previews(name).length > 0);
  });

  it('BC5CDR: composite mentions name each part with its own text', { skip: corporaSkip }, () => {
    const docs = previews('bc5cdr-sample/CDR_sample.txt');
    const composites = docs.flatMap((d) => d.mentions.filter((m) => m.concepts.length > 1));
    assert.ok(composites.length > 0);
    for (const m of composites) {
      if (m.concepts.every((c) => c.partText)) continue;
      // A part the 7th column does not name is only allowed when the column is missing or does not line up.
      assert.ok(m.concepts.every((c) => !c.partText), `line ${m.line + 1}: parts named all or none`);
    }
    assert.ok(composites.some((m) => m.concepts.every((c) => c.partText)));
    const cid = docs.flatMap((d) => d.relations);
    assert.ok(cid.length > 0 && cid.every((r) => r.type !== 'CID' || r.directed), 'CID relations read one way');
    const dangling = docs.flatMap((d) => d.graph.nodes.filter((v) => v.mentions.length === 0).map((v) => v.id));
    assert.deepEqual(dangling, ['D008278'], 'the one dangling id of the sample (see corpora-expected.json)');
  });

  it('tmVar 3 full-text output: title, abstract and body, and the one wrong span marked with what it covers', { skip: corporaSkip }, () => {
    const [doc] = previews('tmvar3-fulltext-output/s41586-023-05755-9.xml.PubTator');
    assert.deepEqual(doc.passages.map((p) => p.kind), ['title', 'abstract', 'passage']);
    const wrong = doc.mentions.filter((m) => m.status === 'mismatch');
    assert.equal(wrong.length, 1);
    assert.equal(wrong[0].text, 'NM_000244.3');
    assert.ok(wrong[0].covered && wrong[0].covered !== wrong[0].text, 'what the offsets really cover');
    assert.equal(doc.counts.wrongSpans, 1);
  });

  it('BC8 BioRED: ids that are not PMIDs are shown without a PubMed link, with their relation graphs', { skip: corporaSkip }, () => {
    const docs = previews('bc8-biored/bc8_biored_task1_train.pubtator');
    assert.ok(docs.every((d) => /^BC8_/.test(d.id) && d.pubmed === undefined));
    assert.ok(docs.some((d) => d.graph.edges.length > 5));
  });

  it('GNormPlus: the documents with drifting offsets list their wrong spans and problems', { skip: corporaSkip }, () => {
    const docs = previews('gnormplus/GNormPlus_Train.PubTator');
    const drifting = docs.filter((d) => d.problems.some((p) => p.code === 'offset-drift'));
    assert.ok(drifting.length > 0);
    for (const d of drifting) assert.ok(d.counts.wrongSpans > 0 && d.counts.errors > 0);
  });

  it('exports of real documents are safe and well-formed', { skip: corporaSkip }, () => {
    for (const name of ['biored/Dev.PubTator', 'bc5cdr-sample/CDR_sample.txt', 'tmvar3-fulltext-output/s41586-023-05755-9.xml.PubTator', 'gnormplus/GNormPlus_Train.PubTator']) {
      const file = service.parse(readFileSync(join(corporaDir, name), 'utf8'));
      for (const d of file.documents.slice(0, 20)) {
        for (const format of ['html', 'svg'] as const) assertSafeMarkup(service.previewExport(file, d.startLine, format)!.content, format);
      }
    }
  });
});
