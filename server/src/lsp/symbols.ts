import { SymbolKind, type DocumentSymbol, type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel, Section } from '../core/model';
import { t, type Lang } from '../core/i18n';
import { msg } from '../core/rules/types';
import { positionsOf, toRange } from './convert';

const KIND_BY_RANK: Record<number, SymbolKind> = {
  0: SymbolKind.Module,
  1: SymbolKind.Namespace,
  2: SymbolKind.Package,
  3: SymbolKind.Class,
  4: SymbolKind.Field,
};

function charsDetail(n: number, lang: Lang): string {
  return lang === 'zh' ? `${n} 字` : `${n} chars`;
}

export function documentSymbols(doc: TextDocument, model: ReportModel, lang: Lang): DocumentSymbol[] {
  // Two cursors: one for the headings, met in document order, one for the ends of their sections.
  const at = positionsOf(doc, model);
  const endAt = positionsOf(doc, model);
  const sym = (s: Section): DocumentSymbol => {
    const start = at(s.start);
    const selection = { start: at(s.heading.start), end: at(s.heading.end) };
    return {
      name: s.heading.name || '…',
      detail: charsDetail(s.chars, lang),
      kind: KIND_BY_RANK[s.heading.rank] ?? SymbolKind.Module,
      range: { start, end: endAt(s.end) },
      selectionRange: selection,
      children: s.children.map(sym),
    };
  };
  const out = model.sections.map(sym);
  const total = model.chars;
  for (const r of model.paidRegions) {
    const end = r.end ? r.end.end : model.text.length;
    const share = total ? Math.round((r.chars / total) * 100) : 0;
    out.push({
      name: t(msg('付费内容', 'Paid content'), lang),
      detail: t(msg(`${r.chars} 字，占 ${share}%`, `${r.chars} chars, ${share}%`), lang),
      kind: SymbolKind.Key,
      range: toRange(doc, r.begin.start, end),
      selectionRange: toRange(doc, r.begin.start, r.begin.end),
    });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

export function foldingRanges(model: ReportModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const { lines, blocks } = model;
  const lineAt = (o: number) => lines.lineAt(o);
  const visit = (s: Section) => {
    // A section starts at its heading's block and ends with its last block: their lines are the hints.
    const a = lines.lineNear(s.start, blocks[s.heading.block].line);
    const b = lines.lineNear(s.end, blocks[s.lastBlock].line);
    if (b > a) out.push({ startLine: a, endLine: b });
    s.children.forEach(visit);
  };
  model.sections.forEach(visit);
  for (const r of model.paidRegions) {
    const a = lineAt(r.begin.start);
    const b = r.end ? lineAt(r.end.start) : model.lines.lineCount - 1;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  }
  if (model.title.length > 1) {
    const a = model.blocks[model.title[0]].line;
    const b = model.blocks[model.title[model.title.length - 1]].line;
    if (b > a) out.push({ startLine: a, endLine: b });
  }
  return out;
}
