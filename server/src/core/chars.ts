// Where the characters the analysis looks for are, found in one pass over the text when it is parsed:
// blanks (for character counts), punctuation marks, hints of non-prose, full-width digits, 年, doubled
// function characters, invisible characters and the places where a built-in misused word may start.
// Character counts then take two binary searches, and each rule visits the few thousand positions it
// cares about instead of every character of a long report.

import { derive, derivedKey } from './derived';
import type { ReportModel } from './model';
import { DOUBLED_CHARS } from './rules/data/doubled-chars';
import { MISUSED_WORDS } from './rules/data/misused-words';

/** Positions of one class of characters, in document order: at[0 … count). */
export class Positions {
  at = new Int32Array(256);
  count = 0;

  push(i: number): void {
    if (this.count === this.at.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.at);
      this.at = grown;
    }
    this.at[this.count++] = i;
  }

  /** Index of the first position >= offset (count when there is none). */
  lowerBound(offset: number): number {
    const at = this.at;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface CharIndex {
  text: string;
  /**
   * Every code unit that countNonSpace leaves out: white space, line breaks, zero-width spaces and
   * joiners, and the second half of a surrogate pair.
   */
  blanks: Positions;
  /** The punctuation the punctuation rules look at (MARK_CHARS). */
  marks: Positions;
  /** Characters that show a block may hold non-prose (inline code, URLs, e-mail, link targets): ` @ : ] w. */
  hints: Positions;
  /** Full-width digits ０-９. */
  fullWidthDigits: Positions;
  /** 年. */
  years: Positions;
  /** The first of two equal characters among DOUBLED_CHARS (的的, 了了). */
  doubles: Positions;
  /** Invisible characters (INVISIBLE_CHARS). */
  invisibles: Positions;
  /** Where a built-in misused word may start: its first character, followed by its second one. */
  wordStarts: Positions;
}

/** The punctuation the punctuation rules look at. */
export const MARK_CHARS = ',;:?!()"\'-.“”‘’（）《》【】…·・．—－―─–„';

const BLANK = 1;
const MARK = 2;
const HINT = 4;
const FULL_WIDTH_DIGIT = 8;
const YEAR = 16;
const DOUBLE = 32;
const INVISIBLE = 64;
const WORD_START = 128;

/** The classes of each UTF-16 code unit: one typed-array read per character of text. */
const CLASS = new Uint8Array(0x10000);
// White space and line breaks as isInlineSpace and isLineBreak see them, zero-width spaces and joiners,
// and low surrogates (counted only after a high surrogate, see charIndexOf).
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x202f, 0x205f, 0x3000, 0xfeff, 0x2028, 0x2029]) CLASS[c] |= BLANK;
for (let c = 0x2000; c <= 0x200d; c++) CLASS[c] |= BLANK;
for (let c = 0xdc00; c <= 0xdfff; c++) CLASS[c] |= BLANK;
for (const ch of MARK_CHARS) CLASS[ch.charCodeAt(0)] |= MARK;
for (const ch of '`@:]w') CLASS[ch.charCodeAt(0)] |= HINT;
for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] |= FULL_WIDTH_DIGIT;
CLASS[0x5e74 /*年*/] |= YEAR;
for (const [ch] of DOUBLED_CHARS) CLASS[ch.charCodeAt(0)] |= DOUBLE;

/** Invisible characters: soft hyphen, zero-width characters, direction controls, word joiner, BOM, U+2028/9. */
export function isInvisible(c: number): boolean {
  return (
    c === 0x00ad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x2028 || c === 0x2029
  );
}
// By ranges (the ones isInvisible tests): a loop over every code unit would cost start-up a few ms.
for (const [from, to] of [[0x00ad, 0x00ad], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff], [0x2028, 0x2029]]) {
  for (let c = from; c <= to; c++) CLASS[c] |= INVISIBLE;
}

/** A hash of two UTF-16 code units, into 0 … 0xffff. */
export function pairHash(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;
}

/** Per code unit: 1 when it starts a built-in misused word of two or more units, 2 when it is one. */
const WORD_FIRST = new Uint8Array(0x10000);
/** 1 at pairHash of the first two units of each longer built-in misused word. */
const WORD_PAIRS = new Uint8Array(0x10000);
for (const [wrong, right] of MISUSED_WORDS) {
  if (!wrong || wrong === right) continue;
  const c = wrong.charCodeAt(0);
  CLASS[c] |= WORD_START;
  if (wrong.length === 1) WORD_FIRST[c] |= 2;
  else {
    WORD_FIRST[c] |= 1;
    WORD_PAIRS[pairHash(c, wrong.charCodeAt(1))] = 1;
  }
}

/** Finds the characters of every class in one pass over text. */
export function charIndexOf(text: string): CharIndex {
  const idx: CharIndex = {
    text,
    blanks: new Positions(),
    marks: new Positions(),
    hints: new Positions(),
    fullWidthDigits: new Positions(),
    years: new Positions(),
    doubles: new Positions(),
    invisibles: new Positions(),
    wordStarts: new Positions(),
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    if (k === 0) continue; // most characters of a report: Han characters and ，。
    if (k & BLANK) {
      // A low surrogate is left out of counts only as the second half of a pair.
      if (c < 0xdc00 || c > 0xdfff) idx.blanks.push(i);
      else if (i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) idx.blanks.push(i);
    }
    if (k & MARK) idx.marks.push(i);
    if (k & HINT) idx.hints.push(i);
    if (k & FULL_WIDTH_DIGIT) idx.fullWidthDigits.push(i);
    if (k & YEAR) idx.years.push(i);
    if (k & DOUBLE && i + 1 < n && text.charCodeAt(i + 1) === c) idx.doubles.push(i);
    if (k & INVISIBLE) idx.invisibles.push(i);
    if (k & WORD_START && (WORD_FIRST[c] > 1 || (i + 1 < n && WORD_PAIRS[pairHash(c, text.charCodeAt(i + 1))] === 1))) {
      idx.wordStarts.push(i);
    }
  }
  return idx;
}

const CHAR_INDEX = derivedKey('charIndex', (model) => charIndexOf(model.text));

/** The character index of a parsed report (made by the parser; computed here for models made otherwise). */
export function charIndex(model: ReportModel): CharIndex {
  return derive(model, CHAR_INDEX);
}

/** Records the index the parser made for a model. */
export function setCharIndex(model: ReportModel, idx: CharIndex): void {
  model.derived.set(CHAR_INDEX, idx);
}

/**
 * countNonSpace(text, start, end) from the index: the length of the range less the blanks in it. A
 * range that starts on the second half of a surrogate pair counts it, as countNonSpace does.
 */
export function nonBlankCount(idx: CharIndex, start: number, end: number): number {
  if (end <= start) return 0;
  const { blanks, text } = idx;
  const n = end - start - (blanks.lowerBound(end) - blanks.lowerBound(start));
  return startsInsidePair(text, start) ? n + 1 : n;
}

/** Whether text[i] is the second half of a surrogate pair. */
export function startsInsidePair(text: string, i: number): boolean {
  return i > 0 && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}
