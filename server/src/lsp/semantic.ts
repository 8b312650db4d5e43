// Semantic tokens: the paid markers, blanks to fill and heading numbers, for any LSP client.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { ReportModel } from '../core/model';

export const TOKEN_TYPES = ['paidMarker', 'placeholder', 'headingNumber'] as const;
export const TOKEN_MODIFIERS = ['invalid', 'level1', 'level2', 'level3', 'level4'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function semanticTokens(model: ReportModel): SemanticTokens {
  const items: [number, number, number, number][] = []; // start, end, type, modifiers
  for (const m of model.paidMarkers) items.push([m.start, m.end, 0, m.misspelled ? 1 : 0]);
  for (const p of model.placeholders) items.push([p.start, p.end, 1, 0]);
  for (const h of model.headings) if (h.kind === 'numbered' && h.marker.end > h.marker.start) items.push([h.marker.start, h.marker.end, 2, 1 << h.level]);
  items.sort((a, b) => a[0] - b[0]);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const [s, e, type, mods] of items) {
    if (s < lastEnd) continue; // tokens must not overlap
    const line = model.lines.lineAt(s);
    const endLine = model.lines.lineAt(Math.max(s, e - 1));
    if (endLine !== line) continue; // single-line tokens only
    const ch = s - model.lines.starts[line];
    data.push(line - prevLine, line === prevLine ? ch - prevChar : ch, e - s, type, mods);
    prevLine = line;
    prevChar = ch;
    lastEnd = e;
  }
  return { data };
}
