// The report parser: one linear pass over the lines, then light passes over the blocks.

import { charIndexOf, nonBlankCount, setCharIndex, startsInsidePair } from './chars';
import type { Block, Heading, HeadingLevel, ReportModel, Section, Span } from './model';
import { formatChineseNumeral, isChineseNumeralCode, parseChineseNumeral, parseDigits } from './numerals';
import { DEFAULT_PAID_MARKERS, pairPaidMarkers, scanPaidMarkers, type PaidMarkerSpellings } from './paid';
import type { TextPattern } from './pattern';
import { scanPlaceholders, scanRedactions } from './placeholders';
import { countNonSpace, isDigit, isHan, isInlineSpace, LineIndex } from './text';

export interface ParseOptions {
  paidMarkers?: PaidMarkerSpellings;
  /** Extra patterns for blanks to fill, beside the built-in ones. */
  placeholderPatterns?: readonly (RegExp | TextPattern)[];
}

/** Lines longer than this are searched for paragraph and heading boundaries (whole documents on one line). */
export const LONG_LINE = 2000;
/** Longest heading name the outline shows before eliding the rest. */
const MAX_NAME = 80;

export interface MarkerMatch {
  level: HeadingLevel;
  value: number;
  /** Just past the marker (and a following 、 after parentheses, which is a style error). */
  end: number;
  canonical: string;
  /** A number followed by a date-like digit (3、4月份): a heading only where it continues a sequence. */
  weak?: boolean;
}

/** canonicalMarker's answers by level and value: a long report has thousands of headings and few numbers. */
const CANONICAL: string[][] = [[], [], [], [], []];

export function canonicalMarker(level: HeadingLevel, value: number): string {
  const known = CANONICAL[level][value];
  if (known !== undefined) return known;
  let marker: string;
  switch (level) {
    case 1: marker = `${formatChineseNumeral(value)}、`; break;
    case 2: marker = `（${formatChineseNumeral(value)}）`; break;
    case 3: marker = `${value}.`; break;
    case 4: marker = `（${value}）`; break;
  }
  if (Number.isInteger(value) && value >= 0 && value < 1000) CANONICAL[level][value] = marker;
  return marker;
}

/** Recognises a heading number at text[i] (every variant of GB/T 9704's four levels), or null. */
export function matchMarker(text: string, i: number, end: number): MarkerMatch | null {
  if (i >= end) return null;
  const c = text.charCodeAt(i);
  if (c === 0xff08 /*（*/ || c === 0x28 /*(*/) {
    let j = i + 1;
    if (j < end && isChineseNumeralCode(text.charCodeAt(j))) {
      while (j < end && j - i <= 5 && isChineseNumeralCode(text.charCodeAt(j))) j++;
      if (j >= end || !isCloseParen(text.charCodeAt(j))) return null;
      const value = parseChineseNumeral(text, i + 1, j);
      if (value < 1) return null;
      let e = j + 1;
      if (e < end && text.charCodeAt(e) === 0x3001 /*、*/) e++;
      return { level: 2, value, end: e, canonical: canonicalMarker(2, value) };
    }
    while (j < end && j - i <= 3 && isDigit(text.charCodeAt(j))) j++;
    if (j === i + 1 || j >= end || !isCloseParen(text.charCodeAt(j))) return null;
    const value = parseDigits(text, i + 1, j);
    if (value < 1) return null;
    let e = j + 1;
    if (e < end && text.charCodeAt(e) === 0x3001 /*、*/) e++;
    return { level: 4, value, end: e, canonical: canonicalMarker(4, value) };
  }
  if (isChineseNumeralCode(c)) {
    let j = i;
    while (j < end && j - i < 5 && isChineseNumeralCode(text.charCodeAt(j))) j++;
    if (j >= end) return null;
    const sep = text.charCodeAt(j);
    if (sep !== 0x3001 /*、*/ && sep !== 0x2e /*.*/ && sep !== 0xff0e /*．*/) return null;
    if (j + 1 < end && isDigit(text.charCodeAt(j + 1)) && sep !== 0x3001) return null;
    if (j + 1 >= end) return null;
    const value = parseChineseNumeral(text, i, j);
    if (value < 1) return null;
    // 三、四季度 / 一、二等奖: a heading only where it continues a sequence (二、三大攻坚战 after 一、).
    const weak = sep === 0x3001 && isChineseNumeralCode(text.charCodeAt(j + 1));
    return { level: 1, value, end: j + 1, canonical: canonicalMarker(1, value), weak };
  }
  if (isDigit(c)) {
    let j = i;
    while (j < end && j - i < 3 && isDigit(text.charCodeAt(j))) j++;
    if (j - i > 2 || j >= end) return null;
    const sep = text.charCodeAt(j);
    if (sep !== 0x2e /*.*/ && sep !== 0xff0e /*．*/ && sep !== 0x3001 /*、*/) return null;
    if (j + 1 >= end) return null;
    const next = text.charCodeAt(j + 1);
    if ((isDigit(next) && sep !== 0x3001) || next === 0x2e /* 1.. */ || next === 0x25 /* % */) return null;
    const value = parseDigits(text, i, j);
    if (value < 1) return null;
    return { level: 3, value, end: j + 1, canonical: canonicalMarker(3, value), weak: isDigit(next) };
  }
  return null;
}

function isCloseParen(c: number): boolean {
  return c === 0xff09 /*）*/ || c === 0x29 /*)*/;
}

/** One-character strings of the marks that end headings, made once: text[i] would make a new one each time. */
const MARK_STRINGS = new Map([...'。！？：；，、;,.:!?'].map((c) => [c.charCodeAt(0), c]));

/** text[i] as a string, shared for the marks that end headings. */
function charString(text: string, i: number): string {
  return MARK_STRINGS.get(text.charCodeAt(i)) ?? text[i];
}

/** Marks that may trail a standalone heading without ending a sentence. */
const SOFT_END = new Set(['；', '，', '、', ';', ',', '.', ':', '!', '?']);
/** What may precede a paragraph break inside a long line. */
const BREAK_AFTER = new Set([...'。！？：；…”’）】》!?'].map((c) => c.charCodeAt(0)));
/** What may precede a heading number that starts a paragraph inside a long line. */
const SENTENCE_BREAK = new Set([...'。！？；：'].map((c) => c.charCodeAt(0)));
const SENTENCE_PUNCT = /[，。；：！？,;:!?]/u;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})[ \u3000]?年[ \u3000]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?月(?:[ \u3000]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?日)?$|^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/u;
/** The characters a DATE_LINE starts with. */
const DATE_FIRST = new Set([...'0123456789〇零一二三四五六七八九'].map((c) => c.charCodeAt(0)));
const PAREN_DATE = /^[（(][^（）()]{0,20}年[^（）()]{0,20}[）)]$/u;
const CLOSING = /(?:以上(?:报告|述职|汇报|是我)|特此(?:报告|汇报)|请予审议|恳请|敬请|谢谢|一年来的工作成绩|总之|总而言之|综上所述)/uy;

/** The blocks of a report as the lines give them, before they are classified. */
interface RawBlocks {
  /** Blocks of kind 'paragraph', their content the whole block, their counts not made yet. */
  blocks: Block[];
  /** Per block: SYNTHETIC and FENCED (numbers rather than objects: a long report has tens of thousands of blocks). */
  flags: number[];
  oneLine: boolean;
}
/** A segment of a very long line. */
const SYNTHETIC = 1;
/** A line of a fenced code block, or its fence. */
const FENCED = 2;

function rawBlock(start: number, end: number, line: number): Block {
  return { kind: 'paragraph', start, end, contentStart: start, contentEnd: end, line, heading: -1, chars: 0, paid: false };
}

function isTrimmed(c: number): boolean {
  return isInlineSpace(c) || c === 0x200b;
}

/** The start of text[s, e) without its leading blanks (e when it is all blank). */
function trimStart(text: string, s: number, e: number): number {
  while (s < e && isTrimmed(text.charCodeAt(s))) s++;
  return s;
}

/** The end of text[s, e) without its trailing blanks (e when it is all blank). */
function trimEnd(text: string, s: number, e: number): number {
  s = trimStart(text, s, e);
  while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Splits a very long line into paragraphs: at blanks after a sentence end, and before heading numbers. */
function splitLongLine(text: string, s: number, e: number, line: number, out: RawBlocks): void {
  let segStart = s;
  const push = (a: number, b: number) => {
    const x = trimStart(text, a, b);
    const y = trimEnd(text, x, b);
    if (x < y) {
      out.blocks.push(rawBlock(x, y, line));
      out.flags.push(SYNTHETIC);
    }
  };
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (isInlineSpace(c)) {
      let j = i;
      while (j < e && isInlineSpace(text.charCodeAt(j))) j++;
      const prev = i > segStart ? text.charCodeAt(i - 1) : -1;
      const m = j < e ? matchMarker(text, j, Math.min(e, j + 12)) : null;
      if (BREAK_AFTER.has(prev) || (m && m.level <= 2)) {
        push(segStart, i);
        segStart = j;
      }
      i = j;
      continue;
    }
    if (i > segStart && (c === 0xff08 /*（*/ || isChineseNumeralCode(c)) && SENTENCE_BREAK.has(text.charCodeAt(i - 1))) {
      const m = matchMarker(text, i, Math.min(e, i + 12));
      if (m && m.level <= 2) {
        push(segStart, i);
        segStart = i;
      }
    }
    i++;
  }
  push(segStart, e);
}

function rawBlocks(text: string, lines: LineIndex): RawBlocks {
  const out: RawBlocks = { blocks: [], flags: [], oneLine: false };
  let fenced = false;
  for (let l = 0; l < lines.lineCount; l++) {
    const s = trimStart(text, lines.starts[l], lines.ends[l]);
    if (s === lines.ends[l]) continue;
    const e = trimEnd(text, s, lines.ends[l]);
    if (text.startsWith('```', s) || text.startsWith('~~~', s)) {
      out.blocks.push(rawBlock(s, e, l));
      out.flags.push(FENCED);
      fenced = !fenced;
      continue;
    }
    if (!fenced && e - s > LONG_LINE) {
      out.oneLine = true;
      splitLongLine(text, s, e, l, out);
    } else {
      out.blocks.push(rawBlock(s, e, l));
      out.flags.push(fenced ? FENCED : 0);
    }
  }
  return out;
}

/** First characters of Markdown rules, HTML, images, tables and TOC lines. */
const RULE_START = new Set('-*_=<!|+'.split('').map((c) => c.charCodeAt(0)));

function isRuleLine(t: string): boolean {
  return (
    /^(?:[-*_=]\s*){3,}$/u.test(t) ||
    t.startsWith('<') ||
    t.startsWith('![') ||
    (t.startsWith('|') && t.endsWith('|')) ||
    /^[-*+]\s+\[[^\]]*\]\(#[^)]*\)$/u.test(t)
  );
}

/** Parses a report. Never throws; whatever is not structure is body text. */
export function parse(text: string, options: ParseOptions = {}): ReportModel {
  const lines = new LineIndex(text);
  const index = charIndexOf(text);
  const markers = scanPaidMarkers(text, options.paidMarkers ?? DEFAULT_PAID_MARKERS);
  const { blocks, flags, oneLine } = rawBlocks(text, lines);

  // Non-blank characters without the paid markers' own characters.
  let mi = 0;
  const markerCharsIn = (start: number, end: number): number => {
    while (mi < markers.length && markers[mi].end <= start) mi++;
    let n = 0;
    for (let k = mi; k < markers.length && markers[k].start < end; k++) {
      n += countNonSpace(text, Math.max(start, markers[k].start), Math.min(end, markers[k].end));
    }
    return n;
  };
  // Prefix sums of the markers' own characters, to subtract them from any range in O(log n).
  // Int32Array, not Float64Array: counts read from it stay small integers in the objects that keep them.
  const markerPrefix = new Int32Array(markers.length + 1);
  for (let k = 0; k < markers.length; k++) markerPrefix[k + 1] = markerPrefix[k] + countNonSpace(text, markers[k].start, markers[k].end);
  const firstMarkerEndingAfter = (pos: number): number => {
    let lo = 0;
    let hi = markers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const countChars = (start: number, end: number): number => {
    let n = nonBlankCount(index, start, end);
    let lo = firstMarkerEndingAfter(start);
    if (lo < markers.length && markers[lo].start < start) {
      n -= countNonSpace(text, start, Math.min(end, markers[lo].end));
      lo++;
    }
    let hi = lo;
    while (hi < markers.length && markers[hi].end <= end) hi++;
    n -= markerPrefix[hi] - markerPrefix[lo];
    if (hi < markers.length && markers[hi].start < end) n -= countNonSpace(text, markers[hi].start, end);
    return n;
  };

  const headings: Heading[] = [];
  let markerPtr = 0;
  let lastTop: Heading | undefined; // the last 一、 heading
  // Blocks come in document order: the blanks before each block's start and end are counted with a cursor.
  const blanks = index.blanks;
  let blank = 0;
  const blanksBefore = (pos: number): number => {
    while (blank < blanks.count && blanks.at[blank] < pos) blank++;
    return blank;
  };
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    // countNonSpace(text, b.start, b.end), as nonBlankCount computes it.
    let n = b.end - b.start + blanksBefore(b.start) - blanksBefore(b.end);
    if (startsInsidePair(text, b.start)) n++;
    b.chars = n - markerCharsIn(b.start, b.end);
    if (flags[bi] & FENCED) {
      b.kind = 'rule';
      continue;
    }
    // Paid markers at either end of the block do not hide or end a heading.
    while (markerPtr < markers.length && markers[markerPtr].end <= b.start) markerPtr++;
    let hi = markerPtr;
    while (hi < markers.length && markers[hi].start < b.end) hi++;
    let cs = b.start;
    let ce = b.end;
    for (let k = markerPtr; k < hi && markers[k].start === cs; k++) cs = trimStart(text, markers[k].end, ce);
    if (cs >= ce) {
      b.kind = 'marker';
      continue;
    }
    let headingEnd = ce;
    for (let k = hi - 1; k >= markerPtr && markers[k].end === headingEnd && markers[k].start >= cs; k--) {
      headingEnd = trimEnd(text, cs, markers[k].start);
    }
    // Markdown prefixes.
    let mdDepth = 0;
    const first = text.charCodeAt(cs);
    const hashes = first === 0x23 /*#*/ ? /^#{1,6}(?=[ \t\u3000])/u.exec(text.slice(cs, Math.min(ce, cs + 8))) : null;
    if (hashes) {
      mdDepth = hashes[0].length;
      cs = trimStart(text, cs + mdDepth, ce);
    } else if (first === 0x3e /*>*/ || first === 0x2d /*-*/ || first === 0x2a /***/ || first === 0x2b /*+*/) {
      const lead = /^(?:>[ \t]*)*(?:[-*+][ \t]+)?/u.exec(text.slice(cs, Math.min(ce, cs + 12)));
      if (lead && lead[0].length) cs = trimStart(text, cs + lead[0].length, ce);
    }
    let bold = false;
    if (text.startsWith('**', cs)) {
      bold = true;
      cs += 2;
    }
    if (bold && ce - cs >= 2 && text.startsWith('**', ce - 2)) ce -= 2;
    if (cs >= ce) {
      b.kind = 'rule';
      continue;
    }
    b.contentStart = cs;
    b.contentEnd = ce;
    if (!mdDepth && ce - cs < 400 && RULE_START.has(text.charCodeAt(b.start)) && isRuleLine(text.slice(b.start, b.end))) {
      b.kind = 'rule';
      continue;
    }
    let m = matchMarker(text, cs, ce);
    if (m?.weak) {
      if (m.level === 1) {
        if (lastTop ? lastTop.value !== m.value - 1 : m.value !== 1) m = null;
      } else {
        const prev = headings[headings.length - 1];
        if (!prev || prev.level !== 3 || prev.value !== m.value - 1) m = null;
      }
    }
    if (m || mdDepth) {
      const h = makeHeading(text, bi, cs, Math.min(ce, headingEnd), m, mdDepth, (flags[bi] & SYNTHETIC) !== 0, bold, markers, markerPtr, hi);
      if (h) {
        b.kind = 'heading';
        b.heading = headings.length;
        headings.push(h);
        if (h.level === 1) lastTop = h;
      }
    }
  }

  const title = classifyLeadAndTail(text, blocks, oneLine, headings);

  const { regions, issues } = pairPaidMarkers(text, markers, countChars);
  if (regions.length) {
    let r = 0;
    for (const b of blocks) {
      while (r < regions.length && regions[r].content.end <= b.start) r++;
      if (r < regions.length && regions[r].content.start <= b.start) b.paid = true;
    }
  }

  let chars = 0;
  for (const b of blocks) chars += b.chars;

  const model: ReportModel = {
    text, lines, blocks, title, headings,
    sections: buildSections(blocks, headings),
    paidMarkers: markers, paidRegions: regions, paidIssues: issues,
    placeholders: scanPlaceholders(text, options.placeholderPatterns),
    redactions: scanRedactions(text),
    chars, oneLine,
  };
  setCharIndex(model, index);
  return model;
}

function makeHeading(
  text: string, block: number, cs: number, ce: number, m: MarkerMatch | null, mdDepth: number, synthetic: boolean, bold: boolean,
  markers: readonly Span[], from: number, to: number,
): Heading | null {
  const markerEnd = m ? m.end : cs;
  let ts = markerEnd;
  while (ts < ce && isInlineSpace(text.charCodeAt(ts))) ts++;
  // A paid marker between the number and the heading sentence (二、##paidbegin##标题) is not part of it.
  // markers[from, to) are the paid markers in the block.
  for (let k = from; k < to; k++) {
    const p = markers[k];
    if (p.start !== ts) continue;
    ts = p.end;
    while (ts < ce && isInlineSpace(text.charCodeAt(ts))) ts++;
  }
  let innerBold = false;
  if (text.startsWith('**', ts)) {
    ts += 2; // 1. **标题**
    innerBold = true;
  }
  let k = ts;
  let terminatorAt = -1;
  for (; k < ce; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x3002 /*。*/ || ch === 0xff01 /*！*/ || ch === 0xff1f /*？*/ || ch === 0xff1a /*：*/) {
      terminatorAt = k;
      break;
    }
    if (synthetic && k - ts >= 2 && isInlineSpace(ch)) break;
    if (ch === 0x2a && (innerBold || bold) && text.charCodeAt(k + 1) === 0x2a) break; // **1、标题**正文
  }
  let te = k;
  let terminator = terminatorAt >= 0 ? charString(text, terminatorAt) : '';
  if (terminatorAt < 0) {
    while (te > ts && isInlineSpace(text.charCodeAt(te - 1))) te--;
    if (te > ts && SOFT_END.has(text[te - 1]) && k === ce) {
      terminatorAt = te - 1;
      terminator = charString(text, te - 1);
      te--;
    }
  }
  while (te > ts && isInlineSpace(text.charCodeAt(te - 1))) te--;
  const hEnd = terminatorAt >= 0 ? terminatorAt + 1 : te;
  let rest = hEnd;
  while (rest < ce && (isInlineSpace(text.charCodeAt(rest)) || text[rest] === '*')) rest++;
  if (!m && te <= ts) return null;
  // Most markers are written the standard way: then the (shared) standard string stands for the slice.
  const markerText = !m ? '' : m.end - cs === m.canonical.length && text.startsWith(m.canonical, cs) ? m.canonical : text.slice(cs, m.end);
  let body = '';
  let pos = ts;
  for (let k = from; k < to; k++) {
    const p = markers[k];
    if (p.end <= pos || p.start >= te) continue;
    body += text.slice(pos, Math.max(pos, p.start));
    pos = Math.min(te, p.end);
  }
  let name: string;
  if (pos === ts && ts === markerEnd && te - ts <= MAX_NAME && !isTrimmedByJs(text.charCodeAt(cs)) && !isTrimmedByJs(text.charCodeAt(te - 1))) {
    // The usual heading: marker and sentence side by side, nothing to cut out or trim. One slice
    // instead of a concatenation that trim() would copy.
    name = text.slice(cs, te);
  } else {
    body += text.slice(pos, te);
    if (body.length > MAX_NAME) body = body.slice(0, MAX_NAME) + '…';
    name = (markerText + body).trim() || markerText;
  }
  const kind = m ? 'numbered' : 'markdown';
  return {
    kind,
    rank: m ? m.level : mdDepth - 7,
    level: m ? m.level : 0,
    block,
    value: m ? m.value : 0,
    marker: { start: cs, end: markerEnd },
    markerText,
    canonicalMarker: m ? m.canonical : '',
    text: { start: ts, end: te },
    terminator,
    terminatorAt,
    runIn: rest < ce,
    name,
    start: cs,
    end: Math.max(hEnd, markerEnd),
  };
}

/** The characters String.prototype.trim() removes: white space and line terminators. */
function isTrimmedByJs(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isTitleLike(t: string): boolean {
  return t.length <= 80 && !/[。！？；]/u.test(t) && !/[：:，,；;、]$/u.test(t) && !/^[^：:]{0,12}[：:]/u.test(t) && !t.includes('**');
}

/** Lines that start like list items (A. 其它, 3）代码, ① …) are not part titles. */
const LIST_LIKE = /^(?:[A-Za-z0-9０-９]{1,2}[.)）．、]|[①-⑳])/u;
/** Markdown list items and quotes: never part titles. */
const MD_ITEM = /^(?:[-*+][ \t\u3000]|>)/u;

function hasNoSentencePunct(t: string): boolean {
  return !SENTENCE_PUNCT.test(t);
}

/** Title block, salutation, part titles, dates, signatures and closing paragraphs. Returns the title's blocks. */
function classifyLeadAndTail(text: string, blocks: Block[], oneLine: boolean, headings: Heading[]): number[] {
  const title: number[] = [];
  const bt = (b: Block) => text.slice(b.contentStart, b.contentEnd);
  let first = 0;
  while (first < blocks.length && (blocks[first].kind === 'rule' || blocks[first].kind === 'marker')) first++;
  if (first < blocks.length && blocks[first].kind === 'paragraph' && isTitleLike(bt(blocks[first])) && !blocks[first].paid) {
    title.push(first);
    blocks[first].kind = 'title';
    let prevWasSub = false;
    for (let i = first + 1; i < blocks.length && blocks[i].kind === 'paragraph'; i++) {
      const t = bt(blocks[i]);
      const sub = (t.startsWith('——') || t.startsWith('—')) && t.length <= 80 && !/[。！？]/u.test(t);
      const date = PAREN_DATE.test(t);
      const speaker = prevWasSub && t.length <= 20 && hasNoSentencePunct(t);
      if (!sub && !date && !speaker) break;
      blocks[i].kind = 'title';
      title.push(i);
      prevWasSub = sub || date;
    }
  }
  const firstHeading = headings.length ? headings[0].block : blocks.length;
  for (let i = title.length ? title[title.length - 1] + 1 : first; i < firstHeading && i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph') continue;
    const t = bt(b);
    if (t.length <= 25 && (/[：:]$/u.test(t) || (t.length <= 12 && /！$/u.test(t)))) b.kind = 'salutation';
    break;
  }
  // Dates and the signature before them.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph' || b.end - b.start > 30 || !DATE_FIRST.has(text.charCodeAt(b.contentStart))) continue;
    if (DATE_LINE.test(bt(b))) {
      b.kind = 'date';
      const p = blocks[i - 1];
      if (p && p.kind === 'paragraph' && p.end - p.start <= 30 && hasNoSentencePunct(bt(p))) p.kind = 'signature';
    }
  }
  // Unnumbered part titles: short lines of Chinese with no sentence punctuation, followed by more text.
  if (!oneLine) {
    const found = headings.length; // the headings found so far: headings[0, found)
    let hp = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind !== 'paragraph' || b.contentEnd - b.contentStart > 30) continue;
      const t = bt(b);
      if (t.length < 2 || !hasNoSentencePunct(t) || LIST_LIKE.test(t)) continue;
      if (MD_ITEM.test(text.slice(b.start, b.start + 2))) continue; // a Markdown list item or quote
      // Not between two numbered headings that continue each other (3. … 此行 … 4.).
      while (hp < found && headings[hp].block < i) hp++;
      const before = hp > 0 ? headings[hp - 1] : undefined;
      const after = hp < found ? headings[hp] : undefined;
      if (before && after && before.kind === 'numbered' && after.kind === 'numbered' && before.level === after.level && after.value === before.value + 1) continue;
      if (!isHan(t.charCodeAt(t.length - 1))) continue;
      let han = 0;
      for (let k = 0; k < t.length && han < 2; k++) if (isHan(t.charCodeAt(k))) han++;
      if (han < 2) continue;
      const next = blocks[i + 1];
      if (!next) continue;
      const nextOk = next.kind === 'heading' || (next.kind === 'paragraph' && next.end - next.start > t.length + 10);
      if (!nextOk) continue;
      b.kind = 'heading';
      b.heading = -2; // numbered below
      const h: Heading = {
        kind: 'part', rank: 0, level: 0, block: i, value: 0,
        marker: { start: b.contentStart, end: b.contentStart }, markerText: '', canonicalMarker: '',
        text: { start: b.contentStart, end: b.contentEnd }, terminator: '', terminatorAt: -1, runIn: false,
        name: t, start: b.contentStart, end: b.contentEnd,
      };
      headings.push(h);
    }
    if (headings.length > found) {
      // Merge the part titles (appended in block order) into the other headings, in place from the end:
      // no two share a block.
      const parts = headings.slice(found);
      let a = found - 1;
      let p = parts.length - 1;
      for (let k = headings.length - 1; p >= 0; k--) {
        headings[k] = a >= 0 && headings[a].block > parts[p].block ? headings[a--] : parts[p--];
      }
      for (let k = 0; k < headings.length; k++) blocks[headings[k].block].heading = k;
    }
  }
  // Closing paragraphs after the last heading.
  const lastHeading = headings.length ? headings[headings.length - 1].block : -1;
  for (let i = lastHeading + 1; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph') continue;
    CLOSING.lastIndex = b.contentStart;
    if (CLOSING.test(text)) b.kind = 'closing';
  }
  return title;
}

function buildSections(blocks: Block[], headings: Heading[]): Section[] {
  // Int32Array, not Float64Array: counts read from it stay small integers in the sections that keep them.
  const prefix = new Int32Array(blocks.length + 1);
  for (let i = 0; i < blocks.length; i++) prefix[i + 1] = prefix[i] + blocks[i].chars;
  const roots: Section[] = [];
  const stack: Section[] = [];
  const close = (s: Section, lastBlock: number) => {
    s.lastBlock = Math.max(lastBlock, s.heading.block);
    s.end = blocks[s.lastBlock].end;
    s.chars = prefix[s.lastBlock + 1] - prefix[s.heading.block];
  };
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].heading.rank >= h.rank) close(stack.pop()!, h.block - 1);
    const s: Section = { heading: h, start: blocks[h.block].start, end: 0, lastBlock: h.block, chars: 0, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  while (stack.length) close(stack.pop()!, blocks.length - 1);
  return roots;
}

