// The prose of a report: the parts of its blocks that rules about wording and punctuation may look at.
// Paid markers, inline code, URLs, e-mail addresses and Markdown link targets are cut out; code blocks,
// Markdown rules, tables and marker-only lines are left out. Computed once per parsed document.

import { charIndex } from './chars';
import { derive, derivedKey } from './derived';
import type { ReportModel, Span } from './model';

export interface ProseSpan extends Span {
  /** Index of the block the span belongs to. */
  block: number;
}

// Bounded or simple character classes only: linear on any input.
const NON_PROSE = /`[^`\n]{0,500}`|(?:https?|ftp):\/\/[^\s，。；、“”（）《》]+|www\.[A-Za-z0-9-]+\.[^\s，。；、“”（）《》]+|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}|\]\([^)\s]{0,500}\)/g;

const PROSE_SPANS = derivedKey('proseSpans', computeProseSpans);

/** The prose spans of a report, in document order. Computed once per parsed document. */
export function proseSpans(model: ReportModel): ProseSpan[] {
  return derive(model, PROSE_SPANS);
}

function computeProseSpans(model: ReportModel): ProseSpan[] {
  const spans: ProseSpan[] = [];
  const { text, blocks, paidMarkers } = model;
  // Only blocks that hold one of the characters NON_PROSE needs (` @ : ] w) are searched with it.
  const hints = charIndex(model).hints;
  let hi = 0;
  let mi = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.kind === 'rule' || b.kind === 'marker') continue;
    const s = b.contentStart;
    const e = b.contentEnd;
    while (mi < paidMarkers.length && paidMarkers[mi].end <= b.start) mi++;
    while (hi < hints.count && hints.at[hi] < s) hi++;
    const hinted = hi < hints.count && hints.at[hi] < e;
    if (!hinted && (mi >= paidMarkers.length || paidMarkers[mi].start >= b.end)) {
      // The common case: nothing to cut out.
      if (s < e) spans.push({ start: s, end: e, block: bi });
      continue;
    }
    const cuts: Span[] = [];
    for (let k = mi; k < paidMarkers.length && paidMarkers[k].start < b.end; k++) cuts.push(paidMarkers[k]);
    if (hinted) {
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
  return spans;
}

/**
 * Calls `fn` for each of the positions at[0 … count) (in document order) that lies in a prose span, with
 * the index of that span.
 */
export function forEachInProse(model: ReportModel, at: Int32Array, count: number, fn: (i: number, k: number) => void): void {
  const { starts, ends } = proseBounds(model);
  const n = starts.length;
  let k = 0;
  for (let j = 0; j < count; j++) {
    const i = at[j];
    while (k < n && ends[k] <= i) k++;
    if (k >= n) return;
    if (starts[k] <= i) fn(i, k);
  }
}

/** The prose spans' starts and ends as typed arrays: walked many times, they are cheaper to read than the spans. */
const PROSE_BOUNDS = derivedKey('proseBounds', (model) => {
  const spans = proseSpans(model);
  const bounds = { starts: new Int32Array(spans.length), ends: new Int32Array(spans.length) };
  for (let k = 0; k < spans.length; k++) {
    bounds.starts[k] = spans[k].start;
    bounds.ends[k] = spans[k].end;
  }
  return bounds;
});

function proseBounds(model: ReportModel): { starts: Int32Array; ends: Int32Array } {
  return derive(model, PROSE_BOUNDS);
}
