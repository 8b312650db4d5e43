// Small helpers shared by the rules: edits that remove or insert text cleanly.

import type { Span } from '../model';
import { eolOf, isInlineSpace } from '../text';
import type { Edit } from './types';

/**
 * An edit that removes text[span]. When the span is alone on its line, the whole line goes, line break
 * included, so no blank line is left behind.
 */
export function removeSpan(text: string, span: Span): Edit {
  let s = span.start;
  let e = span.end;
  while (s > 0 && isInlineSpace(text.charCodeAt(s - 1))) s--;
  while (e < text.length && isInlineSpace(text.charCodeAt(e))) e++;
  const atLineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  const atLineEnd = e === text.length || text[e] === '\n' || text[e] === '\r';
  if (atLineStart && atLineEnd) {
    if (text.startsWith('\r\n', e)) return { start: s, end: e + 2, text: '' };
    if (e < text.length) return { start: s, end: e + 1, text: '' };
    // Last line: take the line break before it instead.
    if (s >= 2 && text.startsWith('\r\n', s - 2)) return { start: s - 2, end: e, text: '' };
    if (s >= 1) return { start: s - 1, end: e, text: '' };
    return { start: s, end: e, text: '' };
  }
  return { start: span.start, end: span.end, text: '' };
}


/** An edit that appends a line at the end of the document. */
export function appendLine(text: string, line: string): Edit {
  const eol = eolOf(text);
  const endsWithBreak = text.endsWith('\n') || text.endsWith('\r');
  return { start: text.length, end: text.length, text: (endsWithBreak || text.length === 0 ? '' : eol) + line + (endsWithBreak ? eol : '') };
}
