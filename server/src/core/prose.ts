// The prose of a report: the parts of its blocks that rules about wording and punctuation may look at.
// Paid markers, inline code, URLs, e-mail addresses and Markdown link targets are cut out; code blocks,
// Markdown rules, tables and marker-only lines are left out. Computed once per parsed document.

import type { ReportModel, Span } from './model';

export interface ProseSpan extends Span {
  /** Index of the block the span belongs to. */
  block: number;
}

// Bounded or simple character classes only: linear on any input.
const NON_PROSE = /`[^`\n]{0,500}`|(?:https?|ftp):\/\/[^\s，。；、“”（）《》]+|www\.[A-Za-z0-9-]+\.[^\s，。；、“”（）《》]+|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}|\]\([^)\s]{0,500}\)/g;

const cache = new WeakMap<ReportModel, ProseSpan[]>();

export function proseSpans(model: ReportModel): ProseSpan[] {
  let spans = cache.get(model);
  if (spans) return spans;
  spans = [];
  const { text, blocks, paidMarkers } = model;
  let mi = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.kind === 'rule' || b.kind === 'marker') continue;
    const cuts: Span[] = [];
    while (mi < paidMarkers.length && paidMarkers[mi].end <= b.start) mi++;
    for (let k = mi; k < paidMarkers.length && paidMarkers[k].start < b.end; k++) cuts.push(paidMarkers[k]);
    const s = b.contentStart;
    const e = b.contentEnd;
    if (hasNonProseHint(text, s, e)) {
      NON_PROSE.lastIndex = 0;
      const slice = text.slice(s, e);
      for (let m = NON_PROSE.exec(slice); m; m = NON_PROSE.exec(slice)) {
        if (m[0].length === 0) {
          NON_PROSE.lastIndex++;
          continue;
        }
        cuts.push({ start: s + m.index, end: s + m.index + m[0].length });
      }
      cuts.sort((x, y) => x.start - y.start);
    }
    let pos = s;
    for (const c of cuts) {
      if (c.start > pos) spans.push({ start: pos, end: Math.min(c.start, e), block: bi });
      pos = Math.max(pos, c.end);
    }
    if (pos < e) spans.push({ start: pos, end: e, block: bi });
  }
  cache.set(model, spans);
  return spans;
}

function hasNonProseHint(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x60 /*`*/ || c === 0x40 /*@*/ || c === 0x3a /*:*/ || c === 0x5d /*]*/ || c === 0x77 /*w*/) return true;
  }
  return false;
}
