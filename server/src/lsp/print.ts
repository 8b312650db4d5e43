// The `report/print` request: the report as printed (GB/T 9704 layout) — its paragraphs with paid markers
// cut out, laid out in lines and pages of 22 rows — and the blanks left to fill, for the editor's Word
// export and page preview.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analysis';
import { layout, placeSignature, printParagraphs, textWidth, PAGE } from '../export/layout';
import type { PrintedParagraph, PrintResult } from '../protocol';

export function print(doc: TextDocument, analysis: Analysis): PrintResult {
  const model = analysis.model;
  const laid = layout(printParagraphs(model));
  const paragraphs: PrintedParagraph[] = laid.paragraphs;
  // Signature and date (GB/T 9704 7.3.5.2): their places depend on each other.
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const s = paragraphs[i];
    const d = paragraphs[i + 1];
    if (s.kind === 'signature' && d.kind === 'date') {
      const { signatureRight, dateRight } = placeSignature(textWidth(s.text), textWidth(d.text));
      paragraphs[i] = { ...s, rightIndent: signatureRight };
      paragraphs[i + 1] = { ...d, rightIndent: dateRight };
    }
  }
  return {
    version: doc.version,
    paragraphs,
    pages: laid.pages,
    linesPerPage: PAGE.linesPerPage,
    blanks: model.placeholders.map((p) => ({ start: p.start, end: p.end })),
  };
}
