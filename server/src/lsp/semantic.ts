// Semantic tokens: the paid markers, blanks to fill and heading numbers, for any LSP client.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import type { ReportModel } from '../core/model';

export const TOKEN_TYPES = ['paidMarker', 'placeholder', 'headingNumber'] as const;
export const TOKEN_MODIFIERS = ['invalid', 'level1', 'level2', 'level3', 'level4'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function semanticTokens(model: ReportModel): SemanticTokens {
  // Three lists in document order, merged; on equal offsets paid markers come first, then blanks, then headings.
  const markers = model.paidMarkers;
  const blanks = model.placeholders;
  const headings = model.headings;
  const data: number[] = [];
  let n = 0;
  const lines = model.lines;
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  let line = 0;
  let mi = 0;
  let pi = 0;
  let hi = 0;
  for (;;) {
    // The next heading with a number (no list of them is made: a long report has tens of thousands).
    while (hi < headings.length && !(headings[hi].kind === 'numbered' && headings[hi].marker.end > headings[hi].marker.start)) hi++;
    if (mi >= markers.length && pi >= blanks.length && hi >= headings.length) break;
    const m = mi < markers.length ? markers[mi].start : Infinity;
    const p = pi < blanks.length ? blanks[pi].start : Infinity;
    const h = hi < headings.length ? headings[hi].marker.start : Infinity;
    let s: number;
    let e: number;
    let type: number;
    let mods: number;
    if (m <= p && m <= h) {
      const t = markers[mi++];
      s = t.start;
      e = t.end;
      type = 0;
      mods = t.misspelled ? 1 : 0;
    } else if (p <= h) {
      const t = blanks[pi++];
      s = t.start;
      e = t.end;
      type = 1;
      mods = 0;
    } else {
      const t = headings[hi++];
      s = t.marker.start;
      e = t.marker.end;
      type = 2;
      mods = 1 << t.level;
    }
    if (s < lastEnd) continue; // tokens must not overlap
    line = lines.lineNear(s, line);
    const endLine = lines.lineNear(Math.max(s, e - 1), line);
    if (endLine !== line) continue; // single-line tokens only
    const ch = s - lines.starts[line];
    // Five assignments rather than one push of five values: the latter is a slow call for long outlines.
    data[n++] = line - prevLine;
    data[n++] = line === prevLine ? ch - prevChar : ch;
    data[n++] = e - s;
    data[n++] = type;
    data[n++] = mods;
    prevLine = line;
    prevChar = ch;
    lastEnd = e;
  }
  return { data };
}
