import { SymbolKind, type DocumentSymbol, type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel, Section } from '../core/model';
import { t, type Lang } from '../core/i18n';
import { msg } from '../core/rules/types';
import { positionsOf } from './convert';

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

/** A symbol in offsets, before it becomes an LSP DocumentSymbol. */
interface Node {
  start: number;
  end: number;
  selStart: number;
  selEnd: number;
  name: string;
  detail: string;
  kind: SymbolKind;
  children: Node[];
}

/**
 * Puts a leaf into the tree where it nests: inside the deepest node whose range holds it, between the
 * siblings it does not overlap. Returns false (and leaves the tree alone) when it would overlap a node
 * without being inside it: the outline's nesting (children inside parents, siblings disjoint) comes first.
 */
function insertLeaf(list: Node[], leaf: Node): boolean {
  let at = list.length;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (n.start <= leaf.start && leaf.end <= n.end) return insertLeaf(n.children, leaf);
    if (leaf.start < n.end && n.start < leaf.end) return false;
    if (at === list.length && leaf.end <= n.start) at = i;
  }
  list.splice(at, 0, leaf);
  return true;
}

/**
 * The outline: the heading tree, and for each paid region a leaf at its begin marker (name, size and
 * share of the paid content), placed in the section it begins in. The region itself is not a symbol: it
 * overlaps sections without containing them, and breadcrumbs need symbols that nest. The editor shows the
 * region's extent through the folding region, the decorations and the status bar.
 */
export function documentSymbols(doc: TextDocument, model: ReportModel, lang: Lang): DocumentSymbol[] {
  const node = (s: Section): Node => ({
    start: s.start,
    end: s.end,
    selStart: s.heading.start,
    selEnd: s.heading.end,
    name: s.heading.name || '…',
    detail: charsDetail(s.chars, lang),
    kind: KIND_BY_RANK[s.heading.kind === 'numbered' ? s.heading.level : Math.floor(s.heading.rank)] ?? SymbolKind.Module,
    children: s.children.map(node),
  });
  const tree = model.sections.map(node);
  const total = model.chars;
  for (const r of model.paidRegions) {
    const share = total ? Math.round((r.chars / total) * 100) : 0;
    insertLeaf(tree, {
      start: r.begin.start,
      end: r.begin.end,
      selStart: r.begin.start,
      selEnd: r.begin.end,
      name: t(msg('付费内容', 'Paid content'), lang),
      detail: t(msg(`${r.chars} 字，占 ${share}%`, `${r.chars} chars, ${share}%`), lang),
      kind: SymbolKind.Key,
      children: [],
    });
  }
  // Two cursors: one for the starts, met in document order, one for the ends.
  const at = positionsOf(doc, model);
  const endAt = positionsOf(doc, model);
  const sym = (n: Node): DocumentSymbol => {
    const start = at(n.start);
    const selectionRange = { start: at(n.selStart), end: at(n.selEnd) };
    const children = n.children.map(sym);
    return {
      name: n.name,
      detail: n.detail,
      kind: n.kind,
      range: { start, end: endAt(n.end) },
      selectionRange,
      ...(children.length || n.kind !== SymbolKind.Key ? { children } : {}),
    };
  };
  return tree.map(sym);
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
