// Report statistics: character counts of the whole report, of each section and of the paid part.
// The count is the usual Chinese 字数 of word processors' "characters (no spaces)": every character
// except white space, with the paid markers themselves not counted.

import type { ReportModel, Section } from './model';
import { charIndex, nonBlankCount } from './chars';
import { countNonSpace } from './text';
import { mojibakeOf } from './encoding';

export interface SectionStats {
  name: string;
  level: number;
  chars: number;
  paidChars: number;
  blanks: number;
  children: SectionStats[];
}

export interface ReportStats {
  chars: number;
  paidChars: number;
  /** Share of the report behind paid markers, 0 … 1. */
  paidShare: number;
  blanks: number;
  headings: number;
  paragraphs: number;
  sections: SectionStats[];
  /**
   * Set when the text is garbled (the file was opened with the wrong encoding; see core/encoding.ts):
   * the counts are then counts of garbage. Whole-document statistics only.
   */
  garbled?: { kind: 'replacement' | 'latin1'; encoding: string };
}

/** Non-blank characters of text[start, end), paid markers excluded. */
export function countRange(model: ReportModel, start: number, end: number): number {
  if (end <= start) return 0;
  const { text, paidMarkers } = model;
  let n = nonBlankCount(charIndex(model), start, end);
  // The markers that end after start, by binary search: a report may hold many of them.
  let lo = 0;
  let hi = paidMarkers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paidMarkers[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < paidMarkers.length; k++) {
    const m = paidMarkers[k];
    if (m.start >= end) break;
    if (m.end > start) n -= countNonSpace(text, Math.max(start, m.start), Math.min(end, m.end));
  }
  return n;
}

/** Paid characters within [start, end); `whole` is countRange(model, start, end) when the caller knows it. */
export function paidCharsIn(model: ReportModel, start: number, end: number, whole?: number): number {
  // Regions come in document order and do not overlap: binary search for the first one that ends after start.
  const regions = model.paidRegions;
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].content.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let k = lo; k < regions.length && regions[k].content.start < end; k++) {
    const r = regions[k];
    const s = Math.max(start, r.content.start);
    const e = Math.min(end, r.content.end);
    if (s >= e) continue;
    if (s === r.content.start && e === r.content.end) n += r.chars;
    else if (s === start && e === end && whole !== undefined) n += whole;
    else n += countRange(model, s, e);
  }
  return n;
}

/** The number of placeholders within [start, end). */
function blanksIn(model: ReportModel, start: number, end: number): number {
  // Placeholders come in document order and do not overlap, so their ends are in order too: those
  // within the range are the ones from the first that starts at or after `start` to the last that
  // ends at or before `end`.
  const list = model.placeholders;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}

export function statistics(model: ReportModel, range?: { start: number; end: number }): ReportStats {
  const start = range ? range.start : 0;
  const end = range ? range.end : model.text.length;
  const whole = !range;
  const chars = whole ? model.chars : countRange(model, start, end);
  const paidChars = paidCharsIn(model, start, end);
  const sec = (s: Section): SectionStats => ({
    name: s.heading.name,
    level: Math.floor(s.heading.rank),
    chars: s.chars,
    paidChars: paidCharsIn(model, s.start, s.end, s.chars),
    blanks: blanksIn(model, s.start, s.end),
    children: s.children.map(sec),
  });
  const garbled = whole ? mojibakeOf(model) : undefined;
  const stats: ReportStats = {
    chars,
    paidChars,
    paidShare: chars ? paidChars / chars : 0,
    blanks: blanksIn(model, start, end),
    headings: count(model.headings, (h) => h.start >= start && h.end <= end),
    paragraphs: count(model.blocks, (b) => (b.kind === 'paragraph' || b.kind === 'closing') && b.start >= start && b.end <= end),
    sections: whole ? model.sections.map(sec) : [],
  };
  if (garbled) stats.garbled = { kind: garbled.kind, encoding: garbled.encoding };
  return stats;
}

function count<T>(list: readonly T[], pred: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (pred(x)) n++;
  return n;
}
