// Conversions between the core's offsets and LSP positions, through the TextDocument.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import type { ReportModel } from '../core/model';
import type { Edit } from '../core/rules/types';

export function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toTextEdit(doc: TextDocument, e: Edit): TextEdit {
  return { range: toRange(doc, e.start, e.end), newText: e.text };
}

/**
 * doc.positionAt for the many offsets of an outline, through the model's line index when the model is
 * the document's (it breaks lines as TextDocument does: LF, CR, CRLF), starting each search at the line
 * found last: offsets met in document order then cost no binary search.
 */
export function positionsOf(doc: TextDocument, model: ReportModel): (offset: number) => Position {
  const { text, lines } = model;
  if (doc.getText() !== text) return (offset) => doc.positionAt(offset);
  let line = 0;
  return (offset) => {
    offset = Math.max(Math.min(offset, text.length), 0);
    line = lines.lineNear(offset, line);
    // An offset inside a CRLF belongs before it, as TextDocument.positionAt has it.
    return { line, character: Math.min(offset, lines.ends[line]) - lines.starts[line] };
  };
}

export function rangesIntersect(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
