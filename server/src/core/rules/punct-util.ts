// Helpers shared by the punctuation rules: walking the prose of a report with a regular expression, the
// characters on either side of a position (paid markers are transparent, URLs and inline code count as
// Latin text), and what counts as the Chinese side of a boundary.

import type { ReportModel } from '../model';
import { charIndex } from '../chars';
import { derive, derivedKey } from '../derived';
import { forEachInProse, proseSpans, type ProseSpan } from '../prose';
import { isAsciiLetter, isCjkPunct, isDigit, isHan, isInlineSpace } from '../text';

/** Stand-in for the start or the end of a block: nothing there. */
export const NONE = -1;
/** Stand-in for a cut-out stretch of non-prose (a URL, an e-mail address, inline code): Latin text. */
export const CUT = 0x61; // 'a'

export interface ProseIndex {
  text: string;
  spans: ProseSpan[];
  /** The character before each span's first character, as the prose sees it. */
  before: Int32Array;
  /** The character after each span's last character, as the prose sees it. */
  after: Int32Array;
  /** Index of the first span of each block, -1 for blocks without prose. */
  firstSpan: Int32Array;
}

const PROSE_INDEX = derivedKey('proseIndex', computeProseIndex);

/** The prose spans of a report with their surroundings. Computed once per parsed document. */
export function proseIndex(model: ReportModel): ProseIndex {
  return derive(model, PROSE_INDEX);
}

function computeProseIndex(model: ReportModel): ProseIndex {
  const { text, blocks, paidMarkers } = model;
  const spans = proseSpans(model);
  const before = new Int32Array(spans.length);
  const after = new Int32Array(spans.length);
  const firstSpan = new Int32Array(blocks.length).fill(-1);
  let mi = 0;
  // Whether text[a, b) holds only blanks and paid markers. Gaps come in document order.
  const markerGap = (a: number, b: number): boolean => {
    for (let i = a; i < b; i++) {
      if (isInlineSpace(text.charCodeAt(i))) continue;
      while (mi < paidMarkers.length && paidMarkers[mi].end <= i) mi++;
      if (mi < paidMarkers.length && paidMarkers[mi].start <= i) {
        i = paidMarkers[mi].end - 1;
        continue;
      }
      return false;
    }
    return true;
  };
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const b = blocks[s.block];
    const prev = k > 0 && spans[k - 1].block === s.block ? spans[k - 1] : null;
    if (!prev) firstSpan[s.block] = k;
    const gapStart = prev ? prev.end : b.contentStart;
    if (s.start === gapStart) before[k] = prev ? text.charCodeAt(prev.end - 1) : NONE;
    else if (markerGap(gapStart, s.start)) before[k] = prev ? text.charCodeAt(prev.end - 1) : NONE;
    else before[k] = CUT;
  }
  mi = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const next = k + 1 < spans.length && spans[k + 1].block === s.block ? spans[k + 1] : null;
    const gapEnd = next ? next.start : blocks[s.block].contentEnd;
    if (s.end >= gapEnd) after[k] = next ? text.charCodeAt(next.start) : NONE;
    else if (markerGap(s.end, gapEnd)) after[k] = next ? text.charCodeAt(next.start) : NONE;
    else after[k] = CUT;
  }
  return { text, spans, before, after, firstSpan };
}

/** The character before text[i] (i inside span k), skipping up to `max` characters that `skip` accepts. */
export function prevCode(p: ProseIndex, k: number, i: number, skip?: (c: number) => boolean, max = 4): number {
  const s = p.spans[k];
  let j = i - 1;
  const stop = Math.max(s.start, i - 1 - max);
  while (skip && j >= stop && j >= s.start && skip(p.text.charCodeAt(j))) j--;
  if (j >= s.start) {
    const c = p.text.charCodeAt(j);
    return skip && skip(c) ? NONE : c;
  }
  return p.before[k];
}

/** The character after text[i] (i inside span k), skipping up to `max` characters that `skip` accepts. */
export function nextCode(p: ProseIndex, k: number, i: number, skip?: (c: number) => boolean, max = 4): number {
  const s = p.spans[k];
  let j = i + 1;
  const stop = Math.min(s.end, i + 1 + max);
  while (skip && j < stop && skip(p.text.charCodeAt(j))) j++;
  if (j < s.end) {
    const c = p.text.charCodeAt(j);
    return skip && skip(c) ? NONE : c;
  }
  return p.after[k];
}

/**
 * Runs a global regular expression over the prose: calls `fn` for each match that starts inside a prose
 * span, with the match clipped to that span. Matches in cut-out text are skipped.
 */
export function scanProse(p: ProseIndex, re: RegExp, fn: (start: number, end: number, k: number, m: RegExpExecArray) => void): void {
  const { text, spans } = p;
  if (spans.length === 0) return;
  let k = 0;
  re.lastIndex = spans[0].start;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (m[0].length === 0) {
      re.lastIndex = at + 1;
      continue;
    }
    while (k < spans.length && spans[k].end <= at) k++;
    if (k >= spans.length) break;
    if (at < spans[k].start) {
      re.lastIndex = spans[k].start;
      continue;
    }
    fn(at, Math.min(at + m[0].length, spans[k].end), k, m);
  }
}

export interface MarkIndex {
  /** Offsets of the marks in the prose, in document order. */
  at: Int32Array;
  /** The marks themselves (UTF-16 code units): rules pick theirs without reading the text. */
  code: Uint16Array;
  /** The prose span each mark is in. */
  span: Int32Array;
  count: number;
}

const MARK_INDEX = derivedKey('markIndex', computeMarkIndex);

/**
 * Where the prose holds punctuation the rules care about (MARK_CHARS: `,;:?!()"'-.` and the CJK quotation
 * marks, brackets, title marks, ellipsis and dash characters). Computed once per parsed document, so each
 * rule looks at a few thousand marks instead of the whole text.
 */
export function markIndex(model: ReportModel): MarkIndex {
  return derive(model, MARK_INDEX);
}

function computeMarkIndex(model: ReportModel): MarkIndex {
  const marks = charIndex(model).marks;
  const text = model.text;
  const at = new Int32Array(marks.count);
  const code = new Uint16Array(marks.count);
  const span = new Int32Array(marks.count);
  let n = 0;
  forEachInProse(model, marks.at, marks.count, (i, k) => {
    at[n] = i;
    code[n] = text.charCodeAt(i);
    span[n++] = k;
  });
  return { at, code, span, count: n };
}

/**
 * Calls `fn` for each run of one repeated character among the marks `accept` takes (`...`, `——`), with
 * the run's extent and its span.
 */
export function forEachRun(
  model: ReportModel, accept: (c: number) => boolean, fn: (start: number, end: number, k: number, c: number) => void,
): void {
  const { at, code, span, count } = markIndex(model);
  for (let j = 0; j < count; j++) {
    const c = code[j];
    if (!accept(c)) continue;
    let e = j + 1;
    while (e < count && at[e] === at[e - 1] + 1 && span[e] === span[j] && code[e] === c) e++;
    fn(at[j], at[e - 1] + 1, span[j], c);
    j = e - 1;
  }
}

/** Han ideograph or full-width CJK punctuation: the Chinese side of a boundary. */
export function isZh(c: number): boolean {
  return c >= 0 && (isHan(c) || isCjkPunct(c));
}

export function isLatinOrDigit(c: number): boolean {
  return c >= 0 && (isAsciiLetter(c) || isDigit(c));
}

/** Markdown emphasis and straight quotes: transparent when looking for the text beside a mark. */
export function isEmphasisOrQuote(c: number): boolean {
  return c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x22 /* " */ || c === 0x27 /* ' */;
}

export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

/** A short quotation of text[start, end) for messages: at most `max` characters, elided at the front. */
export function tail(text: string, start: number, end: number, max = 8): string {
  let s = Math.max(start, end - max);
  // Do not cut a surrogate pair in half.
  if (s > start && s < end) {
    const c = text.charCodeAt(s);
    if (c >= 0xdc00 && c <= 0xdfff) s++;
  }
  return (s > start ? '…' : '') + text.slice(s, end);
}

/**
 * Quotations opened with a straight quote and closed with a curly double one, or the other way round:
 * `'两个确保“`, `"两个确保”`. Map from the straight quote's offset to the curly mark's offset. Such a pair
 * is one quotation with mismatched marks (punct-straight-quotes reports it; punct-unbalanced leaves its
 * curly mark alone). The curly mark must be the next quotation mark after the straight one in the
 * paragraph, and must not pair on its own: a “ not followed by a ”, a ” with no “ open before it.
 */
export function mixedQuotes(model: ReportModel): ReadonlyMap<number, number> {
  return derive(model, MIXED_QUOTES);
}

const MIXED_QUOTES = derivedKey('mixedQuotes', computeMixedQuotes);

function computeMixedQuotes(model: ReportModel): Map<number, number> {
  const out = new Map<number, number>();
  const p = proseIndex(model);
  const { at, code, span, count } = markIndex(model);
  const isQuote = (c: number) => c === 0x22 || c === 0x27 || (c >= 0x2018 && c <= 0x201d);
  let block = -1;
  let curlyOpen = 0; // “ not yet closed in the paragraph
  let straight = [0, 0]; // straight " and ' seen so far in the paragraph, outside mixed pairs
  for (let j = 0; j < count; j++) {
    const c = code[j];
    if (!isQuote(c)) continue;
    const b = p.spans[span[j]].block;
    if (b !== block) {
      block = b;
      curlyOpen = 0;
      straight = [0, 0];
    }
    if (c === 0x201c) {
      curlyOpen++;
      continue;
    }
    if (c === 0x201d) {
      if (curlyOpen) curlyOpen--;
      continue;
    }
    if (c !== 0x22 && c !== 0x27) continue;
    const s = c === 0x22 ? 0 : 1;
    const l = prevCode(p, span[j], at[j]);
    const r = nextCode(p, span[j], at[j]);
    // An opening quote before Chinese text, not an apostrophe, inch or foot mark.
    if (straight[s] % 2 === 0 && (isHan(r) || isDigit(r)) && !isAsciiLetter(l) && !isDigit(l)) {
      let n = j + 1;
      while (n < count && !isQuote(code[n])) n++;
      if (n < count && p.spans[span[n]].block === b && (code[n] === 0x201c || code[n] === 0x201d)) {
        let after = n + 1;
        while (after < count && !isQuote(code[after])) after++;
        const nextInBlock = after < count && p.spans[span[after]].block === b ? code[after] : NONE;
        const mixed = code[n] === 0x201c ? nextInBlock !== 0x201d : curlyOpen === 0;
        if (mixed) {
          out.set(at[j], at[n]);
          j = n;
          continue;
        }
      }
    }
    straight[s]++;
  }
  return out;
}
