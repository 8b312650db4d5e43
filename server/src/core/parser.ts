// The report parser: one linear pass over the lines, then light passes over the blocks.

import { DerivedIndex } from './derived';
import { charIndex, charIndexOf, nonBlankCount, setCharIndex, startsInsidePair } from './chars';
import type { Block, Heading, HeadingLevel, ReportModel, Section, Span } from './model';
import { formatChineseNumeral, isChineseNumeralCode, parseChineseNumeral, parseDigits } from './numerals';
import { DEFAULT_PAID_MARKERS, pairPaidMarkers, scanPaidMarkers, type PaidMarkerSpellings } from './paid';
import type { TextPattern } from './pattern';
import { spliceCharIndex, type TextChange } from './incremental';
import { rescanPlaceholders, scanPlaceholders, scanRedactions } from './placeholders';
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
    // 3、4月份 may be two months; 1、2023年… cannot be two numbers: a year after the number is the heading's text.
    return { level: 3, value, end: j + 1, canonical: canonicalMarker(3, value), weak: isDigit(next) && !startsWithYear(text, j + 1, end) };
  }
  return null;
}

/** Whether text[i] starts a year of four digits and 年 (`2023年`, `2023年度`), 1900 to 2099. */
function startsWithYear(text: string, i: number, end: number): boolean {
  if (i + 4 >= end || text.charCodeAt(i + 4) !== 0x5e74 /*年*/) return false;
  for (let k = i; k < i + 4; k++) if (!isDigit(text.charCodeAt(k))) return false;
  const century = text.slice(i, i + 2);
  return century === '19' || century === '20';
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
/** A part title cut out of a very long line. */
const PART = 4;

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

/** The names that end a report's part titles (2023年工作回顾, 2024年工作安排, 自身建设). */
const PART_NAMES = '工作回顾|工作安排|安排建议|工作建议|总体要求|主要任务|重点工作|工作任务|目标任务|自身建设|工作打算|工作计划|工作总结|存在问题|主要成绩|下一步打算|下步打算';
/** A part title glued between a sentence end and the next sentence in text extracted onto one line: `2024年工作回顾`. */
const GLUED_PART = new RegExp(`\\d{4}年[\\u3400-\\u9fff]{0,8}?(?:${PART_NAMES})`, 'uy');
/** The end of a part name inside a heading run into its body (`一、2023年工作回顾过去的一年`). */
const PART_NAME_END = new RegExp(`(?:${PART_NAMES})(?=[\\u3400-\\u9fff\\d])`, 'u');

/** Splits a very long line into paragraphs: at blanks after a sentence end, before heading numbers and around glued part titles. */
function splitLongLine(text: string, s: number, e: number, line: number, out: RawBlocks): void {
  let segStart = s;
  const push = (a: number, b: number, flag = SYNTHETIC) => {
    const x = trimStart(text, a, b);
    const y = trimEnd(text, x, b);
    if (x < y) {
      out.blocks.push(rawBlock(x, y, line));
      out.flags.push(flag);
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
    if (isDigit(c) && i > s && SENTENCE_BREAK.has(text.charCodeAt(i - 1))) {
      // …提出意见。2024年工作回顾2024年是…: the title between two sentences is a part of its own.
      GLUED_PART.lastIndex = i;
      const g = GLUED_PART.exec(text);
      if (g && i + g[0].length < e) {
        const after = text.charCodeAt(i + g[0].length);
        if (isHan(after) || isDigit(after) || isInlineSpace(after)) {
          push(segStart, i);
          push(i, i + g[0].length, SYNTHETIC | PART);
          segStart = i + g[0].length;
          i = segStart;
          continue;
        }
      }
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

/** YAML front matter: `---` on the first non-blank line, `key: value` lines, `---` or `...`. Returns the closing line, or -1. */
function frontMatterEnd(text: string, lines: LineIndex): number {
  let l = 0;
  while (l < lines.lineCount && trimStart(text, lines.starts[l], lines.ends[l]) === lines.ends[l]) l++;
  if (l >= lines.lineCount || text.slice(lines.starts[l], trimEnd(text, lines.starts[l], lines.ends[l])) !== '---') return -1;
  let keys = 0;
  for (let k = l + 1; k < lines.lineCount && k < l + 60; k++) {
    const t = text.slice(lines.starts[k], trimEnd(text, lines.starts[k], lines.ends[k]));
    if (t === '---' || t === '...') return keys ? k : -1;
    if (/^[A-Za-z_][\w-]*:(?:\s|$)/u.test(t)) keys++;
  }
  return -1;
}

/** An HTML block that spans lines: an opening tag or comment with no close on its line. Returns the closing text. */
function htmlBlockClose(t: string): string | null {
  if (t.startsWith('<!--')) return t.includes('-->') ? null : '-->';
  const m = /^<(div|table|details|pre|center|p|ul|ol|section|blockquote|figure|script|style)\b[^>]*>/iu.exec(t);
  if (!m) return null;
  const close = `</${m[1].toLowerCase()}>`;
  return t.toLowerCase().includes(close) ? null : close;
}

/** Whether a table row left open on an earlier line closes (a line ending with |) within the next lines. */
function rowCloses(text: string, from: number, lines: LineIndex, open: number): boolean {
  for (let k = from; k < lines.lineCount && k < from + 50 - open; k++) {
    const s = trimStart(text, lines.starts[k], lines.ends[k]);
    const e = trimEnd(text, s, lines.ends[k]);
    if (s === e) return false;
    if (text.charCodeAt(e - 1) === 0x7c /*|*/) return true;
  }
  return false;
}

/** A Markdown table's delimiter row: `|---|:--:|`, `--- | ---`. */
const TABLE_DELIMITER = /^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?$/u;
/** The characters a TABLE_DELIMITER starts with. */
const TABLE_FIRST = new Set([0x7c /*|*/, 0x3a /*:*/, 0x2d /*-*/]);

function rawBlocks(text: string, lines: LineIndex): RawBlocks {
  const out: RawBlocks = { blocks: [], flags: [], oneLine: false };
  let fenced = false;
  const yamlEnd = frontMatterEnd(text, lines);
  /** The text that closes the open HTML block, or null. */
  let html: string | null = null;
  for (let l = 0; l < lines.lineCount; l++) {
    const s = trimStart(text, lines.starts[l], lines.ends[l]);
    if (s === lines.ends[l]) continue;
    const e = trimEnd(text, s, lines.ends[l]);
    if (l <= yamlEnd || html !== null) {
      out.blocks.push(rawBlock(s, e, l));
      out.flags.push(FENCED);
      if (html !== null && text.slice(s, e).toLowerCase().includes(html)) html = null;
      continue;
    }
    if (text.startsWith('```', s) || text.startsWith('~~~', s)) {
      out.blocks.push(rawBlock(s, e, l));
      out.flags.push(FENCED);
      fenced = !fenced;
      continue;
    }
    if (!fenced && text.charCodeAt(s) === 0x3c /*<*/ && e - s < 400) {
      html = htmlBlockClose(text.slice(s, e));
      if (html !== null) {
        out.blocks.push(rawBlock(s, e, l));
        out.flags.push(FENCED);
        continue;
      }
    }
    if (!fenced && e - s < 400 && TABLE_FIRST.has(text.charCodeAt(s)) && TABLE_DELIMITER.test(text.slice(s, e))) {
      // The header row above and the rows below (lines holding a |) are the table, not prose.
      const n = out.blocks.length;
      if (n && out.blocks[n - 1].line === l - 1 && text.slice(out.blocks[n - 1].start, out.blocks[n - 1].end).includes('|')) out.flags[n - 1] |= FENCED;
      out.blocks.push(rawBlock(s, e, l));
      out.flags.push(FENCED);
      // A row that opens with | and does not close on its line goes on to the line that does: cells with
      // line breaks in them, as tables pasted from online editors have (`| 1、甲` / `2、乙 | 1、丙` / `2、丁 |`).
      let openRow = 0;
      while (l + 1 < lines.lineCount) {
        const s2 = trimStart(text, lines.starts[l + 1], lines.ends[l + 1]);
        const e2 = trimEnd(text, s2, lines.ends[l + 1]);
        if (s2 === e2 || e2 - s2 > 2000) break;
        const row = text.slice(s2, e2);
        if (openRow === 0 && !row.includes('|')) break;
        if (openRow > 0 && !row.includes('|') && (openRow >= 50 || !rowCloses(text, l + 1, lines, openRow))) break;
        if (openRow > 0) openRow = row.endsWith('|') ? 0 : openRow + 1;
        else if (row.startsWith('|') && !row.endsWith('|')) openRow = 1;
        l++;
        out.blocks.push(rawBlock(s2, e2, l));
        out.flags.push(FENCED);
      }
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
const RULE_START = new Set('-*_=<!|+0123456789'.split('').map((c) => c.charCodeAt(0)));
/** A Markdown ATX heading's hashes: followed by a blank ([2] is then non-empty), or directly by Chinese. */
const ATX = /^(#{1,6})(?:([ \t\u3000])|(?=[\u3400-\u9fff（(一二三四五六七八九十0-9]))/u;
/**
 * A table of contents or a reference list line: a list item that is only a link, to an anchor (`- [概述](#概述)`,
 * `1. [概述](#一概述)`) or to another page (`23、[某篇文章的题目](https://…)`, a list of articles numbered
 * newest first). Its text is the other page's title, not a heading or a sentence of this report.
 */
const TOC_LINE = /^(?:[-*+]|\d{1,3}[.)、．])[ \t]*\[[^\]\n]*\]\((?:#|[A-Za-z][A-Za-z0-9+.-]*:|\.{0,2}\/)[^)\s]*\)$/u;

function isRuleLine(t: string): boolean {
  return (
    /^(?:[-*_=]\s*){3,}$/u.test(t) ||
    t.startsWith('<') ||
    t.startsWith('![') ||
    (t.startsWith('|') && t.endsWith('|')) ||
    TOC_LINE.test(t)
  );
}

/** A model of an earlier version of the text and the edit since: parts of it that the edit left alone are used again. */
export interface EarlierParse {
  model: ReportModel;
  change: TextChange;
}

/**
 * Parses a report. Never throws; whatever is not structure is body text. With `earlier` (parsed with the
 * same options), what lies within lines is found again only around the edit.
 */
export function parse(text: string, options: ParseOptions = {}, earlier?: EarlierParse): ReportModel {
  const lines = new LineIndex(text);
  const index = earlier ? spliceCharIndex(charIndex(earlier.model), text, earlier.change) : charIndexOf(text);
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
    let first = text.charCodeAt(cs);
    if (first === 0x3e /*>*/) {
      const quote = /^(?:>[ \t]*)+/u.exec(text.slice(cs, Math.min(ce, cs + 12)));
      if (quote) cs = trimStart(text, cs + quote[0].length, ce);
      first = text.charCodeAt(cs);
    }
    // `## 标题`, and `##标题` without the space when a Chinese heading follows (`###一、关于今年`, `#年终总结`).
    const hashes = first === 0x23 /*#*/ ? ATX.exec(text.slice(cs, Math.min(ce, cs + 8))) : null;
    if (hashes && (hashes[2] !== undefined || text.charCodeAt(ce - 1) !== 0x23)) {
      mdDepth = hashes[1].length;
      cs = trimStart(text, cs + mdDepth, ce);
    } else if (first === 0x2d /*-*/ || first === 0x2a /***/ || first === 0x2b /*+*/) {
      const lead = /^[-*+][ \t]+/u.exec(text.slice(cs, Math.min(ce, cs + 12)));
      if (lead) cs = trimStart(text, cs + lead[0].length, ce);
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
    if (flags[bi] & PART) {
      b.kind = 'heading';
      b.heading = headings.length;
      headings.push({
        kind: 'part', rank: 0, level: 0, block: bi, value: 0,
        marker: { start: cs, end: cs }, markerText: '', canonicalMarker: '',
        text: { start: cs, end: ce }, terminator: '', terminatorAt: -1, runIn: false,
        name: text.slice(cs, ce), start: cs, end: ce,
      });
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

  const title = classifyLeadAndTail(text, lines, blocks, oneLine, headings);
  nestLists(text, lines, blocks, headings);

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
    sections: buildSections(text, blocks, headings),
    paidMarkers: markers, paidRegions: regions, paidIssues: issues,
    placeholders:
      (earlier && rescanPlaceholders(text, earlier.model.placeholders, earlier.change, options.placeholderPatterns)) ||
      scanPlaceholders(text, options.placeholderPatterns),
    redactions: scanRedactions(text),
    chars, oneLine,
    derived: new DerivedIndex(),
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
  if (synthetic && m && (terminatorAt < 0 || terminatorAt - ts > 20)) {
    // 一、2023年工作回顾过去的一年…: in text extracted onto one line a part name ends the heading.
    const pn = PART_NAME_END.exec(text.slice(ts, Math.min(k, ts + 30)));
    if (pn) {
      k = ts + pn.index + pn[0].length;
      terminatorAt = -1;
    }
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
    // In Markdown the number of # is the level; a number in the heading text is only its label.
    rank: mdDepth ? mdDepth - 7 : m!.level,
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

/**
 * A title of two parallel phrases with a comma, maybe after a short label: `守正创新，行稳致远`,
 * `总结：凝心聚力，砥砺前行`, `3月：春耕备耕，稳字当头`. Sentences with a comma are rarely so even.
 */
const PARALLEL_TITLE = /^(?:[^，。；！？：:、]{1,8}[：:])?([\u3400-\u9fff]{2,10})[，,]([\u3400-\u9fff]{2,10})$/u;

export function isParallelTitle(t: string): boolean {
  const m = PARALLEL_TITLE.exec(t);
  return !!m && Math.abs(m[1].length - m[2].length) <= 1 && !/[我你您他她们的了吗呢吧啊]/u.test(m[1] + m[2]);
}

/** Whether the long paragraphs of a document often end without their mark (3 or more, a third or more of them). */
function endsBareHabitually(text: string, blocks: Block[]): boolean {
  let long = 0;
  let bare = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' || b.contentEnd - b.contentStart <= 40) continue;
    long++;
    let e = b.contentEnd;
    while (e > b.contentStart && /[”’）)*\]]/u.test(text[e - 1])) e--;
    if (!/[。！？!?…；;：:.]/u.test(text[e - 1] ?? '')) bare++;
  }
  return bare >= 3 && bare * 3 >= long;
}

/** Title block, salutation, part titles, dates, signatures and closing paragraphs. Returns the title's blocks. */
function classifyLeadAndTail(text: string, lines: LineIndex, blocks: Block[], oneLine: boolean, headings: Heading[]): number[] {
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
      const sub = ((t.startsWith('——') || t.startsWith('—')) && t.length <= 80 && !/[。！？]/u.test(t)) || (i === first + 1 && isParallelTitle(t));
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
  // In Markdown the author marks headings with #: a short unnumbered line there is a note, not a part title.
  const markdownHeadings = headings.some((h) => h.rank < 0);
  if (!oneLine && !markdownHeadings) {
    const found = headings.length; // the headings found so far: headings[0, found)
    const bare = endsBareHabitually(text, blocks);
    let hp = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind !== 'paragraph' || b.contentEnd - b.contentStart > 30) continue;
      let t = bt(b);
      // The text under the line is indented deeper than the line: the layout shows it is a heading.
      const next0 = blocks[i + 1];
      const indentedUnder = !!next0 && next0.line > b.line && next0.kind === 'paragraph' && indentAt(text, lines, next0) > indentAt(text, lines, b) + 1;
      let colon = -1;
      if (indentedUnder && t.length <= 17 && /[：:]$/u.test(t) && hasNoSentencePunct(t.slice(0, -1))) {
        colon = b.contentEnd - 1; // 总体方面： over an indented block
        t = t.slice(0, -1);
      } else if (t.length < 2 || (!hasNoSentencePunct(t) && !isParallelTitle(t)) || LIST_LIKE.test(t)) continue;
      // Where paragraphs often end without their mark, a short bare line is as likely a sentence: only
      // the layout (an indented block under it) makes it a heading.
      if (bare && !indentedUnder) continue;
      if (MD_ITEM.test(text.slice(b.start, b.start + 2))) continue; // a Markdown list item or quote
      // Not between two numbered headings that continue each other (3. … 此行 … 4.).
      while (hp < found && headings[hp].block < i) hp++;
      const before = hp > 0 ? headings[hp - 1] : undefined;
      const after = hp < found ? headings[hp] : undefined;
      if (before && after && before.kind === 'numbered' && after.kind === 'numbered' && before.level === after.level && after.value === before.value + 1) continue;
      if (!isHan(t.charCodeAt(t.length - 1))) continue;
      let han = 0;
      for (let k = 0; k < t.length && han < 2; k++) if (isHan(t.charCodeAt(k))) han++;
      if (han < (indentedUnder ? 1 : 2)) continue;
      const next = blocks[i + 1];
      if (!next) continue;
      const nextOk = next.kind === 'heading' || indentedUnder || (next.kind === 'paragraph' && next.end - next.start > t.length + 10);
      if (!nextOk) continue;
      b.kind = 'heading';
      b.heading = -2; // numbered below
      const h: Heading = {
        kind: 'part', rank: 0, level: 0, block: i, value: 0,
        marker: { start: b.contentStart, end: b.contentStart }, markerText: '', canonicalMarker: '',
        text: { start: b.contentStart, end: colon >= 0 ? colon : b.contentEnd },
        terminator: colon >= 0 ? charString(text, colon) : '', terminatorAt: colon, runIn: false,
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

/** A separator line (`-----`, `=====`, `***`): what follows starts a new part (an appendix, a translation). */
const SEPARATOR = /^[-=*_＝—](?:[ \t]*[-=*_＝—]){2,}$/u;

function isSeparator(text: string, b: Block): boolean {
  return b.kind === 'rule' && b.end - b.start < 200 && SEPARATOR.test(text.slice(b.start, b.end));
}

/** Columns of indentation before a block's first character (a tab counts 4); 0 for segments of long lines. */
function indentAt(text: string, lines: LineIndex, b: Block): number {
  const lineStart = lines.starts[b.line];
  if (lineStart === undefined || lineStart > b.start || b.start - lineStart > 200) return 0;
  let n = 0;
  for (let i = lineStart; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (!isInlineSpace(c)) return 0; // a segment of a long line: no indentation of its own
    n += c === 0x09 ? 4 : c === 0x3000 ? 2 : 1;
  }
  return n;
}

/** The marker's punctuation without its number (`.`, `、`, `（）`, `()`): the style of a list. */
function markerStyle(h: Heading): string {
  return h.markerText.replace(/[0-9０-９〇零一二三四五六七八九十百两]/gu, '');
}

/** Whether the block before a heading introduces a list: it ends with a colon (`主要措施：`). */
function introducedByColon(text: string, blocks: Block[], h: Heading): boolean {
  let i = h.block - 1;
  while (i >= 0 && blocks[i].kind === 'marker') i--;
  if (i < 0 || blocks[i].kind === 'rule') return false;
  const c = text.charCodeAt(blocks[i].contentEnd - 1);
  return c === 0xff1a /*：*/ || c === 0x3a /*:*/;
}

interface ListFrame {
  h: Heading;
  indent: number;
  /** The last value of this list so far. */
  value: number;
  /** The list nests in the item before it (by indentation, an introducing colon or another marker style). */
  nested: boolean;
}

/**
 * Nested lists: a numbered list that starts again at 1 inside an item of the same level nests in it when
 * it is indented deeper, or when it is introduced by a colon or written in another style and the outer
 * list resumes after it (2、… 主要措施：1、2、3、4、 … 3、). Nested items get a rank between their parent's
 * and the next level's, so that the section tree holds them under their item.
 */
function nestLists(text: string, lines: LineIndex, blocks: Block[], headings: Heading[]): void {
  const stack: ListFrame[] = [];
  let sepBlock = 0;
  const seps: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (isSeparator(text, blocks[i])) seps.push(i);
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    // A separator line closes the numbered lists and part titles before it.
    let crossed = false;
    while (sepBlock < seps.length && seps[sepBlock] < h.block) {
      sepBlock++;
      crossed = true;
    }
    if (crossed) while (stack.length && stack[stack.length - 1].h.rank >= 0) stack.pop();
    if (h.kind === 'numbered') {
      // A numbered Markdown heading that goes on from a shallower one of the same numbering (`## 一.` …
      // `###### 二.`) is its sibling: the author's # count slipped, the numbers say where it belongs.
      for (let j = stack.length - 1; j >= 0; j--) {
        const f = stack[j].h;
        if (f.kind !== 'numbered' || f.level !== h.level) continue;
        // The nearest open heading of the same numbering level decides.
        if (f.rank < 0 && f.rank < h.rank && f.value === h.value - 1 && markerStyle(f) === markerStyle(h)) h.rank = f.rank; // also **二、** after ## 一、
        break;
      }
    }
    const numbered = h.kind === 'numbered' && h.rank > 0;
    if (!numbered) {
      while (stack.length && stack[stack.length - 1].h.rank >= h.rank) stack.pop();
      stack.push({ h, indent: 0, value: h.value, nested: false });
      continue;
    }
    const indent = indentAt(text, lines, blocks[h.block]);
    // The open lists of the same level, innermost first.
    let same = -1;
    for (let j = stack.length - 1; j >= 0; j--) {
      const f = stack[j].h;
      if (f.rank < 0 || (f.kind === 'numbered' && f.level < h.level) || f.kind === 'part') break;
      if (f.kind === 'numbered' && f.level === h.level) {
        same = j;
        break;
      }
    }
    let rank: number = h.level;
    if (same >= 0) {
      const inner = stack[same];
      if (h.value === 1 && h.value !== inner.value + 1 && (indent > inner.indent || ((introducedByColon(text, blocks, h) || markerStyle(h) !== markerStyle(inner.h)) && resumes(headings, k, inner)))) {
        const top = stack[stack.length - 1].h.rank;
        rank = (top + Math.floor(top) + 1) / 2;
        h.rank = rank;
        stack.push({ h, indent, value: h.value, nested: true });
        continue;
      }
      // Which open list the item belongs to: a shallower indentation or a resumed outer number leaves the inner list.
      let target = same;
      for (let j = same; j >= 0; ) {
        const f = stack[j];
        if (!f.nested) break;
        // The next open list of the same level outside f.
        let o = j - 1;
        while (o >= 0 && !(stack[o].h.kind === 'numbered' && stack[o].h.level === h.level && stack[o].h.rank > 0)) o--;
        if (o < 0) break;
        const outer = stack[o];
        const leaves = indent < f.indent ? indent <= outer.indent : h.value !== f.value + 1 && h.value === outer.value + 1 && indent <= f.indent;
        if (!leaves) break;
        target = o;
        j = o;
      }
      rank = stack[target].h.rank;
    }
    h.rank = rank;
    while (stack.length && stack[stack.length - 1].h.rank >= rank) stack.pop();
    stack.push({ h, indent, value: h.value, nested: Math.floor(rank) !== rank });
  }
}

/** Whether the list of `inner` goes on after headings[k] (an item numbered inner.value + 1 that does not continue a list started at k). */
function resumes(headings: Heading[], k: number, inner: ListFrame): boolean {
  const h = headings[k];
  let innerValue = h.value;
  for (let j = k + 1; j < headings.length && j < k + 300; j++) {
    const g = headings[j];
    if (g.kind !== 'numbered' || g.rank < 0) return false;
    if (g.level < h.level) return false;
    if (g.level > h.level) continue;
    if (g.value === innerValue + 1) {
      // Goes on from the new list (maybe from the outer one too: then a later number decides).
      innerValue = g.value;
      continue;
    }
    return g.value === inner.value + 1;
  }
  return false;
}

function buildSections(text: string, blocks: Block[], headings: Heading[]): Section[] {
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
  let sep = 0;
  for (const h of headings) {
    // A separator line closes the numbered sections and part titles before it.
    while (sep < blocks.length && sep < h.block) {
      if (isSeparator(text, blocks[sep])) {
        while (stack.length && stack[stack.length - 1].heading.rank >= 0) close(stack.pop()!, sep - 1);
      }
      sep++;
    }
    while (stack.length && stack[stack.length - 1].heading.rank >= h.rank) close(stack.pop()!, h.block - 1);
    const s: Section = { heading: h, start: blocks[h.block].start, end: 0, lastBlock: h.block, chars: 0, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  while (stack.length) close(stack.pop()!, blocks.length - 1);
  return roots;
}

