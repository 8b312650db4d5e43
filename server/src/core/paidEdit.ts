// Editing paid-content markers: wrapping a range in a begin/end pair, removing the pair around a place,
// and the text with every marker taken out (what readers of the free version see, plus the paid part).

import { applyEdits } from './fix';
import type { PaidMarker, PaidRegion, ReportModel, Span } from './model';
import { DEFAULT_PAID_MARKERS, type PaidMarkerSpellings } from './paid';
import type { Edit } from './rules/types';
import { eolOf, isInlineSpace } from './text';

export { eolOf } from './text';

function blankBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isInlineSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The end of a paid region: past its end marker, or the end of the document when it has none. */
function regionEnd(model: ReportModel, r: PaidRegion): number {
  return r.end ? r.end.end : model.text.length;
}

/** The begin and end spellings to write: the family the document already uses, else the first configured. */
function spellingsFor(model: ReportModel, spellings: PaidMarkerSpellings): { begin: string; end: string } {
  const family = model.paidMarkers.find((m) => !m.misspelled && m.type !== 'pagebreak')?.family;
  const fam = (s: string) => (s.includes('$') ? '$$' : '##');
  const begin = spellings.begin.find((s) => !family || fam(s) === family) ?? spellings.begin[0] ?? DEFAULT_PAID_MARKERS.begin[0];
  const end = spellings.end.find((s) => fam(s) === fam(begin)) ?? spellings.end[0] ?? DEFAULT_PAID_MARKERS.end[0];
  return { begin, end };
}

/**
 * Spans that remove `markers` from the text. A line left blank by the removal goes with its line break
 * (the break before it when it is the last line); other markers are cut out of their line.
 */
function removalSpans(model: ReportModel, markers: readonly PaidMarker[]): Span[] {
  const { text, lines } = model;
  const byLine = new Map<number, PaidMarker[]>();
  for (const m of markers) {
    const l = lines.lineAt(m.start);
    const list = byLine.get(l);
    if (list) list.push(m);
    else byLine.set(l, [m]);
  }
  const spans: Span[] = [];
  const wholeLines: number[] = [];
  for (const [l, ms] of byLine) {
    ms.sort((a, b) => a.start - b.start);
    let pos = lines.starts[l];
    let blank = true;
    for (const m of ms) {
      if (!blankBetween(text, pos, m.start)) blank = false;
      pos = m.end;
    }
    if (blank && blankBetween(text, pos, lines.ends[l])) wholeLines.push(l);
    else for (const m of ms) spans.push({ start: m.start, end: m.end });
  }
  wholeLines.sort((a, b) => a - b);
  const removed = new Set(wholeLines);
  const last = lines.lineCount - 1;
  for (const l of wholeLines) {
    if (l < last) spans.push({ start: lines.starts[l], end: lines.starts[l + 1] });
    else if (l > 0 && !removed.has(l - 1)) spans.push({ start: lines.ends[l - 1], end: lines.ends[l] });
    else spans.push({ start: lines.starts[l], end: lines.ends[l] });
  }
  // Merge touching spans into non-overlapping edits.
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const top = merged[merged.length - 1];
    if (top && s.start <= top.end) top.end = Math.max(top.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

export type WrapResult =
  | { ok: true; edits: Edit[]; ownLines: boolean }
  | { ok: false; reason: 'empty' | 'inside' };

/**
 * Edits that make text[start, end) paid content. When the range covers whole lines (from the start of its
 * first line to the end of its last, blanks aside) the markers go on lines of their own; otherwise they go
 * into the text. An empty range stands for its whole line. Paid regions the range overlaps are merged into
 * one, so markers never nest; a range already inside a paid region is refused.
 */
export function wrapPaid(
  model: ReportModel,
  start: number,
  end: number,
  spellings: PaidMarkerSpellings = DEFAULT_PAID_MARKERS,
): WrapResult {
  const { text, lines } = model;
  if (start > end) [start, end] = [end, start];
  if (start === end) {
    const l = lines.lineAt(start);
    start = lines.starts[l];
    end = lines.ends[l];
  }
  if (!/\S/u.test(text.slice(start, end))) return { ok: false, reason: 'empty' };
  for (const r of model.paidRegions) {
    if (start >= r.begin.end && end <= (r.end ? r.end.start : text.length)) return { ok: false, reason: 'inside' };
  }
  // Regions the range overlaps (or touches with its markers) are merged into the new one.
  const overlapped = model.paidRegions.filter((r) => r.begin.start < end && regionEnd(model, r) > start);
  let keepBegin: PaidMarker | undefined;
  let keepEnd: PaidMarker | undefined;
  let unclosed = false;
  for (const r of overlapped) {
    if (r.begin.start <= start && (!keepBegin || r.begin.start < keepBegin.start)) keepBegin = r.begin;
    if (!r.end) unclosed = true;
    else if (r.end.end >= end && (!keepEnd || r.end.end > keepEnd.end)) keepEnd = r.end;
  }
  const toRemove = overlapped.flatMap((r) => (r.end ? [r.begin, r.end] : [r.begin])).filter((m) => m !== keepBegin && m !== keepEnd);

  const sLine = lines.lineAt(start);
  let eLine = lines.lineAt(end);
  if (end > start && end === lines.starts[eLine] && eLine > sLine) eLine--;
  const ownLines = blankBetween(text, lines.starts[sLine], start) && (end >= lines.ends[eLine] || blankBetween(text, end, lines.ends[eLine]));
  const { begin, end: endMarker } = spellingsFor(model, spellings);
  const eol = eolOf(text);
  const edits: Edit[] = removalSpans(model, toRemove).map((s) => ({ ...s, text: '' }));
  const insert = (at: number, s: string) => {
    // An insertion inside a removed span goes to its start.
    const hit = edits.find((e) => e.text === '' && e.start < at && at < e.end);
    const pos = hit ? hit.start : at;
    const same = edits.find((e) => e.start === pos && e.end === pos);
    if (same) same.text += s;
    else edits.push({ start: pos, end: pos, text: s });
  };
  if (!keepBegin) insert(ownLines ? lines.starts[sLine] : start, ownLines ? begin + eol : begin);
  if (!keepEnd && !unclosed) insert(ownLines ? lines.ends[eLine] : end, ownLines ? eol + endMarker : endMarker);
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ok: true, edits, ownLines };
}

/** The paid region around `offset` (its markers included), if any. */
export function regionAt(model: ReportModel, offset: number): PaidRegion | undefined {
  return model.paidRegions.find((r) => r.begin.start <= offset && offset <= regionEnd(model, r));
}

/**
 * Edits that remove the paid markers around `offset`: the begin and end marker of the region that contains
 * it. When `offset` is on a marker that pairs with nothing (a stray end, a repeated begin), that marker
 * goes. Markers alone on their line go with their line. Null when there is nothing to remove.
 */
export function unwrapPaid(model: ReportModel, offset: number): Edit[] | null {
  const on = model.paidMarkers.find((m) => m.start <= offset && offset <= m.end && m.type !== 'pagebreak');
  const region = regionAt(model, offset);
  let markers: PaidMarker[];
  if (on && (!region || (on !== region.begin && on !== region.end))) markers = [on];
  else if (region) markers = region.end ? [region.begin, region.end] : [region.begin];
  else return null;
  return removalSpans(model, markers).map((s) => ({ ...s, text: '' }));
}

/** Edits that remove every paid marker (begin, end and page break, misspelled ones too). */
export function stripPaidMarkerEdits(model: ReportModel): Edit[] {
  return removalSpans(model, model.paidMarkers).map((s) => ({ ...s, text: '' }));
}

/** The report without any paid marker; markers alone on their line go with the line. */
export function textWithoutPaidMarkers(model: ReportModel): string {
  return model.paidMarkers.length ? applyEdits(model.text, stripPaidMarkerEdits(model)) : model.text;
}
