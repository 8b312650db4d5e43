// The report parser: one linear pass over the lines, then light passes over the blocks.

import type { Block, Heading, HeadingLevel, ReportModel, Section, Span } from './model';
import { formatChineseNumeral, isChineseNumeralCode, parseChineseNumeral, parseDigits } from './numerals';
import { DEFAULT_PAID_MARKERS, pairPaidMarkers, scanPaidMarkers, type PaidMarkerSpellings } from './paid';
import { scanPlaceholders, scanRedactions } from './placeholders';
import { countNonSpace, isDigit, isHan, isInlineSpace, LineIndex } from './text';

export interface ParseOptions {
  paidMarkers?: PaidMarkerSpellings;
  /** Extra patterns for blanks to fill, beside the built-in ones. */
  placeholderPatterns?: RegExp[];
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

export function canonicalMarker(level: HeadingLevel, value: number): string {
  switch (level) {
    case 1: return `${formatChineseNumeral(value)}、`;
    case 2: return `（${formatChineseNumeral(value)}）`;
    case 3: return `${value}.`;
    case 4: return `（${value}）`;
  }
}

/** Recognises a heading number at text[i] (every variant of GB/T 9704's four levels), or null. */
export function matchMarker(text: string, i: number, end: number): MarkerMatch | null {
  if (i >= end) return null;
  const c = text[i];
  if (c === '（' || c === '(') {
    let j = i + 1;
    if (j < end && isChineseNumeralCode(text.charCodeAt(j))) {
      while (j < end && j - i <= 5 && isChineseNumeralCode(text.charCodeAt(j))) j++;
      if (j >= end || (text[j] !== '）' && text[j] !== ')')) return null;
      const value = parseChineseNumeral(text.slice(i + 1, j));
      if (value < 1) return null;
      let e = j + 1;
      if (e < end && text[e] === '、') e++;
      return { level: 2, value, end: e, canonical: canonicalMarker(2, value) };
    }
    while (j < end && j - i <= 3 && isDigit(text.charCodeAt(j))) j++;
    if (j === i + 1 || j >= end || (text[j] !== '）' && text[j] !== ')')) return null;
    const value = parseDigits(text.slice(i + 1, j));
    if (value < 1) return null;
    let e = j + 1;
    if (e < end && text[e] === '、') e++;
    return { level: 4, value, end: e, canonical: canonicalMarker(4, value) };
  }
  if (isChineseNumeralCode(text.charCodeAt(i))) {
    let j = i;
    while (j < end && j - i < 5 && isChineseNumeralCode(text.charCodeAt(j))) j++;
    if (j >= end) return null;
    const sep = text[j];
    if (sep !== '、' && sep !== '.' && sep !== '．') return null;
    if (j + 1 < end && isDigit(text.charCodeAt(j + 1)) && sep !== '、') return null;
    if (j + 1 >= end) return null;
    const value = parseChineseNumeral(text.slice(i, j));
    if (value < 1) return null;
    // 三、四季度 / 一、二等奖: a heading only where it continues a sequence (二、三大攻坚战 after 一、).
    const weak = sep === '、' && isChineseNumeralCode(text.charCodeAt(j + 1));
    return { level: 1, value, end: j + 1, canonical: canonicalMarker(1, value), weak };
  }
  if (isDigit(text.charCodeAt(i))) {
    let j = i;
    while (j < end && j - i < 3 && isDigit(text.charCodeAt(j))) j++;
    if (j - i > 2 || j >= end) return null;
    const sep = text[j];
    if (sep !== '.' && sep !== '．' && sep !== '、') return null;
    if (j + 1 >= end) return null;
    const next = text.charCodeAt(j + 1);
    if ((isDigit(next) && sep !== '、') || next === 0x2e /* 1.. */ || next === 0x25 /* % */) return null;
    const value = parseDigits(text.slice(i, j));
    if (value < 1) return null;
    return { level: 3, value, end: j + 1, canonical: canonicalMarker(3, value), weak: isDigit(next) };
  }
  return null;
}

/** Marks that may trail a standalone heading without ending a sentence. */
const SOFT_END = new Set(['；', '，', '、', ';', ',', '.', ':', '!', '?']);
/** What may precede a paragraph break inside a long line. */
const BREAK_AFTER = new Set('。！？：；…”’）】》!?'.split(''));
const SENTENCE_PUNCT = /[，。；：！？,;:!?]/u;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})[ \u3000]?年[ \u3000]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?月(?:[ \u3000]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?日)?$|^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/u;
const PAREN_DATE = /^[（(][^（）()]{0,20}年[^（）()]{0,20}[）)]$/u;
const CLOSING = /(?:以上(?:报告|述职|汇报|是我)|特此(?:报告|汇报)|请予审议|恳请|敬请|谢谢|一年来的工作成绩|总之|总而言之|综上所述)/uy;

interface RawBlock {
  start: number;
  end: number;
  line: number;
  synthetic: boolean;
  fenced: boolean;
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && (isInlineSpace(text.charCodeAt(s)) || text.charCodeAt(s) === 0x200b)) s++;
  while (e > s && (isInlineSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 0x200b)) e--;
  return [s, e];
}

/** Splits a very long line into paragraphs: at blanks after a sentence end, and before heading numbers. */
function splitLongLine(text: string, s: number, e: number, line: number, out: RawBlock[]): void {
  let segStart = s;
  const push = (a: number, b: number) => {
    const [x, y] = trimRange(text, a, b);
    if (x < y) out.push({ start: x, end: y, line, synthetic: true, fenced: false });
  };
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (isInlineSpace(c)) {
      let j = i;
      while (j < e && isInlineSpace(text.charCodeAt(j))) j++;
      const prev = i > segStart ? text[i - 1] : '';
      const m = j < e ? matchMarker(text, j, Math.min(e, j + 12)) : null;
      if (BREAK_AFTER.has(prev) || (m && m.level <= 2)) {
        push(segStart, i);
        segStart = j;
      }
      i = j;
      continue;
    }
    if (i > segStart && (c === 0xff08 /*（*/ || isChineseNumeralCode(text.charCodeAt(i))) && '。！？；：'.includes(text[i - 1])) {
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

function rawBlocks(text: string, lines: LineIndex): { blocks: RawBlock[]; oneLine: boolean } {
  const blocks: RawBlock[] = [];
  let fenced = false;
  let oneLine = false;
  for (let l = 0; l < lines.lineCount; l++) {
    const [s, e] = trimRange(text, lines.starts[l], lines.ends[l]);
    if (s === e) continue;
    if (text.startsWith('```', s) || text.startsWith('~~~', s)) {
      blocks.push({ start: s, end: e, line: l, synthetic: false, fenced: true });
      fenced = !fenced;
      continue;
    }
    if (!fenced && e - s > LONG_LINE) {
      oneLine = true;
      splitLongLine(text, s, e, l, blocks);
    } else {
      blocks.push({ start: s, end: e, line: l, synthetic: false, fenced });
    }
  }
  return { blocks, oneLine };
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
  const markers = scanPaidMarkers(text, options.paidMarkers ?? DEFAULT_PAID_MARKERS);
  const { blocks: raw, oneLine } = rawBlocks(text, lines);

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
  const markerPrefix = new Float64Array(markers.length + 1);
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
    let n = countNonSpace(text, start, end);
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

  const blocks: Block[] = [];
  const headings: Heading[] = [];
  let markerPtr = 0;
  let lastTop: Heading | undefined; // the last 一、 heading
  for (const rb of raw) {
    const b: Block = {
      kind: 'paragraph', start: rb.start, end: rb.end, contentStart: rb.start, contentEnd: rb.end,
      line: rb.line, heading: -1, chars: 0, paid: false,
    };
    b.chars = countNonSpace(text, rb.start, rb.end) - markerCharsIn(rb.start, rb.end);
    blocks.push(b);
    if (rb.fenced) {
      b.kind = 'rule';
      continue;
    }
    // Paid markers at either end of the block do not hide or end a heading.
    while (markerPtr < markers.length && markers[markerPtr].end <= rb.start) markerPtr++;
    let hi = markerPtr;
    while (hi < markers.length && markers[hi].start < rb.end) hi++;
    let cs = rb.start;
    let ce = rb.end;
    for (let k = markerPtr; k < hi && markers[k].start === cs; k++) [cs] = trimRange(text, markers[k].end, ce);
    if (cs >= ce) {
      b.kind = 'marker';
      continue;
    }
    let headingEnd = ce;
    for (let k = hi - 1; k >= markerPtr && markers[k].end === headingEnd && markers[k].start >= cs; k--) {
      headingEnd = trimRange(text, cs, markers[k].start)[1];
    }
    // Markdown prefixes.
    let mdDepth = 0;
    const first = text.charCodeAt(cs);
    const hashes = first === 0x23 /*#*/ ? /^#{1,6}(?=[ \t\u3000])/u.exec(text.slice(cs, Math.min(ce, cs + 8))) : null;
    if (hashes) {
      mdDepth = hashes[0].length;
      [cs] = trimRange(text, cs + mdDepth, ce);
    } else if (first === 0x3e /*>*/ || first === 0x2d /*-*/ || first === 0x2a /***/ || first === 0x2b /*+*/) {
      const lead = /^(?:>[ \t]*)*(?:[-*+][ \t]+)?/u.exec(text.slice(cs, Math.min(ce, cs + 12)));
      if (lead && lead[0].length) [cs] = trimRange(text, cs + lead[0].length, ce);
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
    if (!mdDepth && ce - cs < 400 && RULE_START.has(text.charCodeAt(rb.start)) && isRuleLine(text.slice(rb.start, rb.end))) {
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
      const h = makeHeading(text, blocks.length - 1, cs, Math.min(ce, headingEnd), m, mdDepth, rb.synthetic, bold, markers.slice(markerPtr, hi));
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

  return {
    text, lines, blocks, title, headings,
    sections: buildSections(blocks, headings),
    paidMarkers: markers, paidRegions: regions, paidIssues: issues,
    placeholders: scanPlaceholders(text, options.placeholderPatterns),
    redactions: scanRedactions(text),
    chars, oneLine,
  };
}

function makeHeading(
  text: string, block: number, cs: number, ce: number, m: MarkerMatch | null, mdDepth: number, synthetic: boolean, bold: boolean,
  paid: readonly Span[],
): Heading | null {
  const markerEnd = m ? m.end : cs;
  let ts = markerEnd;
  while (ts < ce && isInlineSpace(text.charCodeAt(ts))) ts++;
  // A paid marker between the number and the heading sentence (二、##paidbegin##标题) is not part of it.
  for (const p of paid) {
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
  let terminator = terminatorAt >= 0 ? text[terminatorAt] : '';
  if (terminatorAt < 0) {
    while (te > ts && isInlineSpace(text.charCodeAt(te - 1))) te--;
    if (te > ts && SOFT_END.has(text[te - 1]) && k === ce) {
      terminatorAt = te - 1;
      terminator = text[te - 1];
      te--;
    }
  }
  while (te > ts && isInlineSpace(text.charCodeAt(te - 1))) te--;
  const hEnd = terminatorAt >= 0 ? terminatorAt + 1 : te;
  let rest = hEnd;
  while (rest < ce && (isInlineSpace(text.charCodeAt(rest)) || text[rest] === '*')) rest++;
  if (!m && te <= ts) return null;
  const markerText = m ? text.slice(cs, m.end) : '';
  let body = '';
  let from = ts;
  for (const p of paid) {
    if (p.end <= from || p.start >= te) continue;
    body += text.slice(from, Math.max(from, p.start));
    from = Math.min(te, p.end);
  }
  body += text.slice(from, te);
  if (body.length > MAX_NAME) body = body.slice(0, MAX_NAME) + '…';
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
    name: (markerText + body).trim() || markerText,
    start: cs,
    end: Math.max(hEnd, markerEnd),
  };
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
    if (b.kind !== 'paragraph' || b.end - b.start > 30) continue;
    if (DATE_LINE.test(bt(b))) {
      b.kind = 'date';
      const p = blocks[i - 1];
      if (p && p.kind === 'paragraph' && p.end - p.start <= 30 && hasNoSentencePunct(bt(p))) p.kind = 'signature';
    }
  }
  // Unnumbered part titles: short lines of Chinese with no sentence punctuation, followed by more text.
  if (!oneLine) {
    const found = headings.slice();
    let hp = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind !== 'paragraph' || b.contentEnd - b.contentStart > 30) continue;
      const t = bt(b);
      if (t.length < 2 || !hasNoSentencePunct(t) || LIST_LIKE.test(t)) continue;
      if (MD_ITEM.test(text.slice(b.start, b.start + 2))) continue; // a Markdown list item or quote
      // Not between two numbered headings that continue each other (3. … 此行 … 4.).
      while (hp < found.length && found[hp].block < i) hp++;
      const before = found[hp - 1];
      const after = found[hp];
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
    if (headings.some((h) => h.kind === 'part')) {
      headings.sort((a, b) => a.block - b.block);
      headings.forEach((h, k) => (blocks[h.block].heading = k));
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
  const prefix = new Float64Array(blocks.length + 1);
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

