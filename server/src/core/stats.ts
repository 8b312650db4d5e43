// Report statistics: character counts of the whole report, of each section and of the paid part.
// The count is the usual Chinese 字数 of word processors' "characters (no spaces)": every character
// except white space, with the paid markers themselves not counted.

import type { ReportModel, Section } from './model';
import { countNonSpace } from './text';

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
}

/** Non-blank characters of text[start, end), paid markers excluded. */
export function countRange(model: ReportModel, start: number, end: number): number {
  let n = countNonSpace(model.text, start, end);
  for (const m of model.paidMarkers) {
    if (m.start >= end) break;
    if (m.end > start) n -= countNonSpace(model.text, Math.max(start, m.start), Math.min(end, m.end));
  }
  return n;
}

/** Paid characters within [start, end). */
export function paidCharsIn(model: ReportModel, start: number, end: number): number {
  let n = 0;
  for (const r of model.paidRegions) {
    const s = Math.max(start, r.content.start);
    const e = Math.min(end, r.content.end);
    if (s < e) n += s === r.content.start && e === r.content.end ? r.chars : countRange(model, s, e);
  }
  return n;
}

function blanksIn(model: ReportModel, start: number, end: number): number {
  let n = 0;
  for (const p of model.placeholders) if (p.start >= start && p.end <= end) n++;
  return n;
}

export function statistics(model: ReportModel, range?: { start: number; end: number }): ReportStats {
  const start = range ? range.start : 0;
  const end = range ? range.end : model.text.length;
  const whole = !range;
  const chars = whole ? model.chars : countRange(model, start, end);
  const paidChars = paidCharsIn(model, start, end);
  const sec = (s: Section): SectionStats => ({
    name: s.heading.name,
    level: s.heading.rank,
    chars: s.chars,
    paidChars: paidCharsIn(model, s.start, s.end),
    blanks: blanksIn(model, s.start, s.end),
    children: s.children.map(sec),
  });
  return {
    chars,
    paidChars,
    paidShare: chars ? paidChars / chars : 0,
    blanks: blanksIn(model, start, end),
    headings: model.headings.filter((h) => h.start >= start && h.end <= end).length,
    paragraphs: model.blocks.filter((b) => (b.kind === 'paragraph' || b.kind === 'closing') && b.start >= start && b.end <= end).length,
    sections: whole ? model.sections.map(sec) : [],
  };
}
