// The printed form of a report (GB/T 9704-2012): which paragraphs it has, in which font and place, and how
// they fill 22 lines of 28 characters per A4 page. Shared by the Word export and the page preview, so both
// give the same page count. Pure: no host, no Node, no docx.

import type { Heading, ReportModel, Span } from '../core/model';
import { isHan } from '../core/text';

/** The page and its grid (GB/T 9704 5.2). Lengths in twips (1/20 pt). */
export const PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  top: 2098, // 37 mm
  left: 1587, // 28 mm
  bottom: 1984, // 35 mm
  right: 1474, // 26 mm
  /** 225 mm / 22 lines, rounded down so that 22 lines fit (580 gives 21). */
  linePitch: 579,
  linesPerPage: 22,
  charsPerLine: 28,
  /** From the page's bottom edge to the bottom of the page-number line: its top 7 mm below the text block. */
  footer: 1270,
} as const;

/** The paragraphs of a printed report. */
export type ParagraphKind =
  | 'title' // the title: 2号 小标宋, centred
  | 'titleLine' // subtitle, speaker, date under the title: centred, in the body size
  | 'salutation' // 尊敬的各位领导：flush left
  | 'heading'
  | 'body'
  | 'closing' // 以上报告，请予审议。
  | 'signature'
  | 'date'
  | 'empty'; // an empty line the layout adds (after the title block, before the signature)

/** A slice of the source text that reaches the page; paid markers and Markdown marks are cut out. */
export interface Piece {
  text: string;
  /** Source offset of text[0]. */
  start: number;
}

export interface PrintParagraph {
  kind: ParagraphKind;
  /** For headings: the GB/T level that picks the font (1 黑体, 2 楷体, 3 and 4 仿宋); part titles and Markdown headings count as 1. */
  level: 0 | 1 | 2 | 3 | 4;
  /** For headings: the depth in the outline, 1 for the outermost (Word's Heading 1, 2 …). */
  outline: number;
  /** Index of the source block, -1 for added empty lines. */
  block: number;
  /** Source line of the paragraph's start. */
  line: number;
  pieces: Piece[];
  /** The printed text: the pieces joined. */
  text: string;
  /** Length of the heading part of `text` (marker and heading sentence) that takes the heading font; 0 for none. */
  headingLength: number;
}

const BOLD_MARK = /\*\*/gu;

/** The pieces of source[start, end) without the given spans (sorted), and without `**`. */
function piecesOf(text: string, start: number, end: number, cut: readonly Span[]): Piece[] {
  const out: Piece[] = [];
  const push = (s: number, e: number) => {
    if (s >= e) return;
    const slice = text.slice(s, e);
    BOLD_MARK.lastIndex = 0;
    let last = 0;
    for (let m = BOLD_MARK.exec(slice); m; m = BOLD_MARK.exec(slice)) {
      if (m.index > last) out.push({ text: slice.slice(last, m.index), start: s + last });
      last = m.index + 2;
    }
    if (last < slice.length) out.push({ text: slice.slice(last), start: s + last });
  };
  let pos = start;
  for (const c of cut) {
    if (c.end <= pos || c.start >= end) continue;
    push(pos, Math.max(pos, c.start));
    pos = Math.max(pos, Math.min(end, c.end));
  }
  push(pos, end);
  // Blanks left at either end where a marker was cut out.
  while (out.length && !out[0].text.replace(/^[\s\u3000]+/u, '')) out.shift();
  if (out.length) {
    const t = out[0].text.replace(/^[ \t\u3000\u00a0]+/u, '');
    out[0] = { text: t, start: out[0].start + out[0].text.length - t.length };
  }
  while (out.length && !out[out.length - 1].text.replace(/[\s\u3000]+$/u, '')) out.pop();
  if (out.length) {
    const last = out[out.length - 1];
    out[out.length - 1] = { text: last.text.replace(/[ \t\u3000\u00a0]+$/u, ''), start: last.start };
  }
  return out;
}

/** Outline depth of each heading (1-based), from the section tree. */
function outlineDepths(model: ReportModel): Map<Heading, number> {
  const depth = new Map<Heading, number>();
  const walk = (list: ReportModel['sections'], d: number) => {
    for (const s of list) {
      depth.set(s.heading, d);
      walk(s.children, d + 1);
    }
  };
  walk(model.sections, 1);
  return depth;
}

/** The report as printed paragraphs, in order. Paid markers and marker-only lines never reach the page. */
export function printParagraphs(model: ReportModel): PrintParagraph[] {
  const { text, blocks } = model;
  const markers = model.paidMarkers;
  const depth = outlineDepths(model);
  const out: PrintParagraph[] = [];
  const empty = (line: number): PrintParagraph => ({ kind: 'empty', level: 0, outline: 0, block: -1, line, pieces: [], text: '', headingLength: 0 });
  let mi = 0;
  const lastTitle = model.title.length ? model.title[model.title.length - 1] : -1;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.kind === 'marker' || b.kind === 'rule') continue;
    while (mi < markers.length && markers[mi].end <= b.start) mi++;
    const cut: Span[] = [];
    for (let k = mi; k < markers.length && markers[k].start < b.end; k++) cut.push(markers[k]);
    const pieces = piecesOf(text, b.contentStart, b.contentEnd, cut);
    if (!pieces.length) continue;
    const joined = pieces.map((p) => p.text).join('');
    let kind: ParagraphKind;
    let level: PrintParagraph['level'] = 0;
    let outline = 0;
    let headingLength = 0;
    switch (b.kind) {
      case 'title':
        kind = bi === model.title[0] ? 'title' : 'titleLine';
        break;
      case 'salutation':
      case 'closing':
      case 'signature':
      case 'date':
        kind = b.kind;
        break;
      case 'heading': {
        const h = model.headings[b.heading];
        if (!h) {
          kind = 'body';
          break;
        }
        kind = 'heading';
        level = h.level || 1;
        outline = depth.get(h) ?? 1;
        // The heading part: the pieces before the end of the heading sentence.
        for (const p of pieces) {
          if (p.start >= h.end) break;
          headingLength += Math.min(p.text.length, h.end - p.start);
        }
        // `（1）**完善制度**。正文`: the mark after the bold heading sentence still ends it.
        if (headingLength < joined.length && '。：！？'.includes(joined[headingLength])) headingLength++;
        if (!h.runIn) headingLength = joined.length;
        break;
      }
      default:
        kind = 'body';
    }
    const prev = out[out.length - 1];
    if ((kind === 'signature' || (kind === 'date' && prev?.kind !== 'signature')) && prev && prev.kind !== 'empty') {
      out.push(empty(b.line)); // the signature (or a date without one) one line below the body
    }
    out.push({ kind, level, outline, block: bi, line: b.line, pieces, text: joined, headingLength });
    if (bi === lastTitle && bi + 1 < blocks.length) out.push(empty(b.line)); // an empty line under the title block
  }
  return out;
}

// ---- measuring and breaking lines ----------------------------------------------------------------------

/** Advance widths (em) of Times New Roman / Liberation Serif for printable ASCII, from the space (0x20) on. */
const LATIN_EM = [
  0.25, 0.333, 0.408, 0.5, 0.5, 0.833, 0.778, 0.18, 0.333, 0.333, 0.5, 0.564, 0.25, 0.333, 0.25, 0.278, // space … /
  0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.278, 0.278, 0.564, 0.564, 0.564, 0.444, // 0 … ?
  0.921, 0.722, 0.667, 0.667, 0.722, 0.611, 0.556, 0.722, 0.722, 0.333, 0.389, 0.722, 0.611, 0.889, 0.722, 0.722, // @ … O
  0.556, 0.722, 0.667, 0.556, 0.611, 0.722, 0.722, 0.944, 0.722, 0.722, 0.611, 0.333, 0.278, 0.333, 0.469, 0.5, // P … _
  0.333, 0.444, 0.5, 0.444, 0.5, 0.444, 0.333, 0.5, 0.5, 0.278, 0.278, 0.5, 0.278, 0.778, 0.5, 0.5, // ` … o
  0.5, 0.5, 0.333, 0.389, 0.278, 0.5, 0.5, 0.722, 0.5, 0.5, 0.444, 0.48, 0.2, 0.48, 0.541, // p … ~
];

/** One grid cell: a 3号 (16 pt) character condensed by 0.25 pt, in points. */
const CELL_PT = 15.75;

/**
 * Width of a character in grid cells: Chinese characters and full-width punctuation 1; Latin letters, digits
 * and ASCII punctuation by the metrics of the Latin font (condensed like the rest of the line).
 */
export function charWidth(c: number): number {
  if (c >= 0x20 && c < 0x7f) return (LATIN_EM[c - 0x20] * 16 - 0.25) / CELL_PT;
  if (c < 0x20) return 0;
  if (c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019) return 1; // East Asian font (hint)
  if (c >= 0x2000 && c <= 0x206f) return 0.5;
  if (c < 0x1100) return 0.5;
  if (c >= 0xff61 && c <= 0xffdc) return 0.5; // half-width forms
  return 1;
}

/**
 * GB/T 9704 7.3.5.2: the signature 2 characters from the right, the date on the next line starting 2
 * characters right of the signature's start; when the date is longer, the date keeps 2 characters from the
 * right and the signature moves so that it still starts 2 characters left of the date.
 */
export function placeSignature(signatureWidth: number, dateWidth: number): { signatureRight: number; dateRight: number } {
  const dateRight = signatureWidth - dateWidth; // with the signature 2 from the right
  if (dateRight >= 2) return { signatureRight: 2, dateRight };
  return { signatureRight: 4 + dateWidth - signatureWidth, dateRight: 2 };
}

/** Width of a line of text in grid cells, rounded up. */
export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i));
  return Math.ceil(w);
}

/** Characters that may not start a line (避头): they stay at the end of the line before (hanging punctuation). */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·％,.;:?!)]}%'].map((c) => c.charCodeAt(0)));
/** Characters that may not end a line (避尾): they go to the next line with what follows. */
const NO_END = new Set([...'（《「『【〔〈“‘([{'].map((c) => c.charCodeAt(0)));

/** The space word processors put between Chinese and Latin letters or digits, in grid cells (¼ em). */
const AUTOSPACE = 0.25;

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x25 || c === 0x2d;
}

/**
 * Breaks text into lines: the first `first` cells wide, the others `rest` cells wide. Returns the offsets
 * where lines start (the first is 0). Latin words and numbers are not split unless longer than a line;
 * closing punctuation hangs at the end of a line; opening punctuation moves to the next.
 */
export function breakLines(text: string, first: number, rest: number): number[] {
  const starts = [0];
  if (!text) return starts;
  let width = first;
  let used = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // The next unbreakable unit: a Latin word or number, or one character (a surrogate pair counts as one).
    let j = i + 1;
    let w: number;
    let trail = 0;
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      w = 0;
      j = i;
      while (j < n && isWordChar(text.charCodeAt(j))) w += charWidth(text.charCodeAt(j++));
      // Word processors space Latin letters and digits off from Chinese characters (autospace); the space
      // after a word that ends a line does not count.
      if (i > 0 && isAlnum(c) && isHan(text.charCodeAt(i - 1))) w += AUTOSPACE;
      if (j < n && isAlnum(text.charCodeAt(j - 1)) && isHan(text.charCodeAt(j))) trail = AUTOSPACE;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      j = i + 2;
      w = 1;
    } else {
      w = charWidth(c);
    }
    if (used + w > width + 1e-9 && (used > 0 || (isWordChar(c) && w > width))) {
      if (NO_START.has(c) && j === i + 1 && used > 0) {
        // Hangs at the end of this line.
        used += w;
        i = j;
        continue;
      }
      let at = i;
      // An opening mark at the end of the line goes down with what follows.
      if (at - 1 > starts[starts.length - 1] && NO_END.has(text.charCodeAt(at - 1))) at--;
      if (isWordChar(c) && w > rest) {
        // A word longer than a line: split it where the line is full (at least one character per line).
        let k = i;
        let fit = used;
        while (k < j && fit + charWidth(text.charCodeAt(k)) <= width + 1e-9) fit += charWidth(text.charCodeAt(k++));
        if (k === j) {
          // It fits but for the autospace: it stays on this line.
          used = fit + trail;
          i = j;
          continue;
        }
        at = k > i ? k : used > 0 ? i : i + 1;
      }
      if (at <= starts[starts.length - 1]) at = i > starts[starts.length - 1] ? i : i + 1;
      starts.push(at);
      width = rest;
      used = 0;
      i = at;
      continue;
    }
    used += w + trail;
    i = j;
  }
  return starts;
}

export interface LayoutOptions {
  /** Characters per line of a title line (2号 in a 156 mm line); 20 by default. */
  titleCharsPerLine?: number;
}

export interface LaidParagraph extends PrintParagraph {
  /** Offsets in `text` where its lines start. */
  lineStarts: number[];
  /** The page (0-based) and row on it (0 … 21) of the paragraph's first line. */
  page: number;
  row: number;
  /** For each line, its row counted from the top of the first page (page = ⌊row / 22⌋). */
  lineRows: number[];
}

export interface Layout {
  paragraphs: LaidParagraph[];
  pages: number;
  /** Lines used on each page. */
  linesPerPage: number[];
}

/** Widths (first line, further lines) in grid cells for a paragraph. */
export function lineWidths(p: PrintParagraph, options: LayoutOptions = {}): [number, number] {
  // The text block (156 mm = 8844 twips) holds a little more than 28 cells of 315 twips.
  const full = (PAGE.width - PAGE.left - PAGE.right) / 315;
  switch (p.kind) {
    case 'title': {
      const t = options.titleCharsPerLine ?? 20;
      return [t, t];
    }
    case 'heading':
    case 'body':
    case 'closing':
      return [full - 2, full];
    case 'signature':
    case 'date':
      return [full - 2, full - 2];
    default:
      return [full, full];
  }
}

/** Rows of the grid one line of a paragraph takes: a title line (2号) takes two, every other line one. */
export function rowsPerLine(p: PrintParagraph): number {
  return p.kind === 'title' ? 2 : 1;
}

/** Lays the paragraphs out on pages of 22 lines: no widow control, no keep-with-next (the pages fill the text block). */
export function layout(paragraphs: PrintParagraph[], options: LayoutOptions = {}): Layout {
  const laid: LaidParagraph[] = [];
  const per = PAGE.linesPerPage;
  let row = 0; // rows used so far, over all pages
  for (const p of paragraphs) {
    const [first, rest] = lineWidths(p, options);
    const lineStarts = breakLines(p.text, first, rest);
    const rows = rowsPerLine(p);
    // A line taller than the rows left on the page starts the next page.
    const lineRows: number[] = [];
    for (let k = 0; k < lineStarts.length; k++) {
      if (rows > 1 && (row % per) + rows > per) row += per - (row % per);
      lineRows.push(row);
      row += rows;
    }
    const r0 = lineRows[0];
    laid.push({ ...p, lineStarts, page: Math.floor(r0 / per), row: r0 % per, lineRows });
  }
  const pages = Math.max(1, Math.ceil(row / per));
  const linesPerPage: number[] = [];
  for (let k = 0; k < pages; k++) linesPerPage.push(Math.max(0, Math.min(per, row - k * per)));
  return { paragraphs: laid, pages, linesPerPage };
}

/** The page number as printed: `— 1 —`. */
export function pageNumberText(n: number): string {
  return `— ${n} —`;
}
