// Open BioC documents (language id `bioc`, set by the client from the name or
// the content): each one's check and projection, kept per version, and the
// requests they answer (hover, definition, outline); every other PubTator
// request answers a BioC document with nothing rather than misread its XML.

import type { TextDocumentPositionParams } from 'vscode-languageserver';
import { biocDefinition, biocDocumentSymbols, biocHover } from '../service/bioc/biocFeatures';
import { checkBioc, type BiocCheck } from '../service/bioc/checkBioc';
import type { ValidationOptions } from '../service/validate';
import { toHover, toLocations } from './convert';
import { toDocumentSymbols } from './readingConvert';
import type { ServerSettings } from './settings';

export const BIOC_LANGUAGE = 'bioc';
/** Whether a language id is one of BioC's (XML or JSON). */
export function isBiocLanguage(id: string): boolean {
  return id === BIOC_LANGUAGE || id === 'bioc-json';
}

interface Doc {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

export class BiocViews {
  private readonly views = new Map<string, { version: number; key: string; view: BiocCheck }>();

  isBioc(doc: Doc): boolean {
    return isBiocLanguage(doc.languageId);
  }

  /** The document's check under `options` (the last one computed when none are given). */
  get(doc: Doc, options?: ValidationOptions): BiocCheck {
    const key = options ? JSON.stringify([options.unit, options.severities, options.schema?.key]) : undefined;
    const held = this.views.get(doc.uri);
    if (held && held.version === doc.version && (key === undefined || held.key === key)) return held.view;
    const view = checkBioc(doc.getText(), options ?? {});
    this.views.set(doc.uri, { version: doc.version, key: key ?? held?.key ?? '', view });
    return view;
  }

  delete(uri: string): void {
    this.views.delete(uri);
  }
}

type PositionAnswer = (view: BiocCheck, params: TextDocumentPositionParams, settings: ServerSettings) => unknown;
type DocumentAnswer = (view: BiocCheck, uri: string, settings: ServerSettings) => unknown;

/** Position requests a BioC document answers, by the name the request wrapper gives them. */
export const BIOC_POSITION: Record<string, PositionAnswer> = {
  Hover: (view, p) => toHover(biocHover(view, p.position)),
  Definition: (view, p) => toLocations(p.textDocument.uri, biocDefinition(view, p.position)),
};

export const BIOC_DOCUMENT: Record<string, DocumentAnswer> = {
  Outline: (view) => toDocumentSymbols(biocDocumentSymbols(view)),
};
