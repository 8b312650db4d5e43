// The `report/print` request: the report as printed paragraphs (GB/T 9704 layout, paid markers cut out)
// and the blanks left to fill, for the editor's Word export and page preview.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analysis';
import type { Span } from '../core/model';
import { printParagraphs, type PrintParagraph } from '../export/layout';

export interface PrintResult {
  /** The document version the answer is for. */
  version: number;
  paragraphs: PrintParagraph[];
  /** Blanks left to fill (UTF-16 offsets), in document order. */
  blanks: Span[];
}

export function print(doc: TextDocument, analysis: Analysis): PrintResult {
  const model = analysis.model;
  return {
    version: doc.version,
    paragraphs: printParagraphs(model),
    blanks: model.placeholders.map((p) => ({ start: p.start, end: p.end })),
  };
}
