// Blanks left to fill (x%, xxxx亿斤, 第xx名, ××县, XXX同志, 【 】, （ ）, ____) and 某 redactions.

import { linesAround, type TextChange } from './incremental';
import type { Placeholder, PlaceholderKind, Span } from './model';
import { nativePattern, type TextPattern } from './pattern';
import { isAsciiLetter, isCjk, isDigit, isHan } from './text';

const CANDIDATE = /[xX×ｘＸ]+|【[ \t\u3000]*】|（[ \t\u3000]*）|\([ \t\u3000]*\)|_{2,}|＿{2,}|\*{2,}|＊{2,}|\[[\u3400-\u9fff][^[\]\n]{0,15}\]/g;

const QUANTITY_UNITS = new Set('亿万千百元个件项家人次斤吨批轮户辆台套座条篇场期届所亩倍部块种起例只张份度点分秒'.split(''));
const DATE_UNITS = new Set('月日号'.split(''));
/** Nouns that start with a unit's character: after a blank they take a name (××项目), not a number. */
const UNIT_WORDS = new Set(['项目', '部门', '单位', '人员', '人民', '家庭', '场所', '条例', '批复', '期间', '件事', '台账', '户籍', '座谈', '点位', '种类', '部署']);
const PLACE_UNITS = new Set('省市县区镇乡村街局委厅处科室部院校司厂站所队团'.split(''));
const URLISH = new Set('/\\.:@#=&?_-~'.split('').map((c) => c.charCodeAt(0)));

function kindOf(text: string, start: number, end: number): PlaceholderKind {
  const p = start > 0 ? text[start - 1] : '';
  const q = end < text.length ? text[end] : '';
  const q2 = end + 1 < text.length ? text[end + 1] : '';
  if (q === '%' || q === '％') return 'percent';
  if ((p === '第' || p === '前') && (q === '名' || q === '位')) return 'rank';
  if (q === '年') {
    const before = text.slice(Math.max(0, start - 2), start);
    if (/连续|[续近满达逾超]$/u.test(before)) return 'years';
    // xx年来, xx年间, xx年以来: a number of years.
    if (q2 === '来' || q2 === '间' || text.startsWith('以来', end + 1)) return 'years';
    return 'year';
  }
  if (DATE_UNITS.has(q)) return 'date';
  if ((q === '同' && q2 === '志') || (q === '先' && q2 === '生') || (q === '女' && q2 === '士')) return 'person';
  if (p === '第') return 'quantity';
  // ××项目, XX部门, xx单位: a name before a noun that merely starts with a unit's character.
  if (QUANTITY_UNITS.has(q)) return UNIT_WORDS.has(q + q2) ? 'text' : 'quantity';
  if (PLACE_UNITS.has(q)) return 'place';
  return 'text';
}

/** Whether an x/X/× run at [start, end) is a blank rather than part of a word, a number or an address. */
function isBlankRun(text: string, start: number, end: number): boolean {
  const p = start > 0 ? text.charCodeAt(start - 1) : 0x0a;
  const q = end < text.length ? text.charCodeAt(end) : 0x0a;
  const times = text.charCodeAt(start) === 0xd7; // ×
  const len = end - start;
  if (isAsciiLetter(p) || isAsciiLetter(q)) return false;
  // X光, X射线, x轴: words, not blanks.
  if (len === 1 && (q === 0x5149 /*光*/ || q === 0x5c04 /*射*/ || q === 0x8f74 /*轴*/)) return false;
  if (times) {
    // 3×4 is a multiplication.
    if (isDigit(p) || isDigit(q)) return false;
    return len >= 2 || isHan(q);
  }
  if (URLISH.has(p) || (q !== 0x2e && URLISH.has(q))) return false;
  // 1+N+X, 3+X, X+1: a term of a formula, not a blank.
  if (p === 0x2b || q === 0x2b || p === 0xff0b || q === 0xff0b) return false;
  if (isDigit(q)) return false; // x64, x1
  if (isDigit(p)) {
    // 20xx年 is a year left blank; 0x1F is not a blank.
    return len >= 2 && q === 0x5e74 /*年*/;
  }
  if (q === 0x25 || q === 0xff05) return true; // x%
  return isCjk(p) || isCjk(q);
}

/** Characters a number left blank is followed by: units, %, and the parts of a date. */
const AFTER_NUMBER = new Set([...QUANTITY_UNITS, '%', '％', '年', '月', '日', '号', '名', '位']);

/**
 * Whether a run of asterisks at [start, end) is a blank (负责**个系统, 增长＊＊%) rather than Markdown
 * emphasis (完成**个人**目标). Full-width ＊＊ next to Chinese is always a blank; `**` is one after a
 * Chinese character and before a unit, when it does not pair with a later `**` on its line around a
 * phrase (emphasis holds no sentence punctuation).
 */
function isStarBlank(text: string, start: number, end: number): boolean {
  const p = start > 0 ? text.charCodeAt(start - 1) : 0x0a;
  const q = end < text.length ? text[end] : '';
  if (text.charCodeAt(start) === 0xff0a) return isHan(p) || isCjk(q.charCodeAt(0) || 0) || AFTER_NUMBER.has(q);
  if (!(isHan(p) || p === 0x7b2c /*第*/) || !AFTER_NUMBER.has(q)) return false;
  if (end - start > 3) return true;
  return !closesEmphasis(text, end, '**');
}

/**
 * Whether a `**` or `__` ending at `end` is the opening of Markdown emphasis: the same mark comes again later
 * on its line around a phrase without sentence punctuation (`**个人**`, `__重点__`).
 */
function closesEmphasis(text: string, end: number, mark: string): boolean {
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const close = text.indexOf(mark, end);
  if (close < 0 || close >= lineEnd) return false;
  return !/[，。；！？,;]/u.test(text.slice(end, close));
}

/**
 * Whether two underscores at [start, end) are a blank: a year left open (`20__年`), or a number between a
 * Chinese character and its unit (`共__人`, `第__名`) that does not pair with a later `__` on its line
 * around a phrase (Markdown emphasis, `__重点__`). Longer runs (`___`) are always blanks.
 */
function isShortUnderscoreBlank(text: string, start: number, end: number): boolean {
  const p = start > 0 ? text.charCodeAt(start - 1) : 0x0a;
  const q = end < text.length ? text[end] : '';
  if (isDigit(p)) return q === '年';
  if (!(isHan(p) || p === 0x7b2c /*第*/) || !AFTER_NUMBER.has(q)) return false;
  return !closesEmphasis(text, end, '__');
}

/**
 * Whether `[姓名]`, `[时间范围]`, `[重点工作1]` at [start, end) is a template's blank: a short label of
 * Chinese in square brackets, not a Markdown link (`[文字](…)`, `[文字][1]`, `[文字]: …`), an image, a
 * wiki link (`[[页面]]`) or a phrase with sentence punctuation.
 */
function isLabelBlank(text: string, start: number, end: number): boolean {
  const p = start > 0 ? text[start - 1] : '';
  const q = end < text.length ? text[end] : '';
  if (p === '!' || p === '[' || p === ']' || p === '\\' || q === '(' || q === '[' || q === ']' || q === ':') return false;
  if (isAsciiLetter(q.charCodeAt(0) || 0) || isDigit(q.charCodeAt(0) || 0)) return false;
  // Inside the text of a link (`[「[每日一题]ES6 中……」](…)`): part of another page's title.
  let depth = 0;
  for (let i = start - 1; i >= 0 && text[i] !== '\n' && start - i < 400; i--) {
    if (text[i] === ']') depth--;
    else if (text[i] === '[' && ++depth > 0) return false;
  }
  const inner = text.slice(start + 1, end - 1);
  if (/[，。；！？,;!?“”"()（）]/u.test(inner)) return false;
  let han = 0;
  for (let i = 0; i < inner.length; i++) if (isHan(inner.charCodeAt(i))) han++;
  return han >= 2;
}

export function scanPlaceholders(text: string, extra: readonly (RegExp | TextPattern)[] = []): Placeholder[] {
  return withExtra(text, builtIn(text, 0, text.length, []), extra);
}

/**
 * The blanks of a text after an edit, from those of the text before it: the built-in blanks and their
 * context lie within a line (none holds a line feed, none looks past one), so only the lines around the
 * edit are searched again; the blanks before them are kept, those after moved. Undefined when patterns of
 * the configuration (which may span lines) are in use.
 */
export function rescanPlaceholders(
  text: string, before: readonly Placeholder[], change: TextChange, extra: readonly (RegExp | TextPattern)[] = [],
): Placeholder[] | undefined {
  if (extra.length) return undefined;
  const { lo, hi } = linesAround(text, change);
  const delta = change.newEnd - change.oldEnd;
  const out: Placeholder[] = [];
  let k = 0;
  while (k < before.length && before[k].end <= lo) out.push(before[k++]);
  builtIn(text, lo, hi, out);
  while (k < before.length && before[k].start < hi - delta) k++;
  for (; k < before.length; k++) {
    const p = before[k];
    out.push({ start: p.start + delta, end: p.end + delta, raw: p.raw, kind: p.kind });
  }
  return out;
}

/** The built-in blanks that start in text[from, to), added to `out`. */
function builtIn(text: string, from: number, to: number, out: Placeholder[]): Placeholder[] {
  CANDIDATE.lastIndex = from;
  for (let m = CANDIDATE.exec(text); m && m.index < to; m = CANDIDATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = m[0];
    const c = raw.charCodeAt(0);
    if (c === 0x78 || c === 0x58 || c === 0xd7 || c === 0xff58 || c === 0xff38) {
      if (!isBlankRun(text, start, end)) continue;
      out.push({ start, end, raw, kind: kindOf(text, start, end) });
    } else if (c === 0x5b /*[*/) {
      if (!isLabelBlank(text, start, end)) continue;
      out.push({ start, end, raw, kind: 'text' });
    } else if (c === 0x2a || c === 0xff0a) {
      if (!isStarBlank(text, start, end)) continue;
      out.push({ start, end, raw, kind: kindOf(text, start, end) });
    } else if (c === 0x5f && end - start === 2) {
      if (!isShortUnderscoreBlank(text, start, end)) continue;
      out.push({ start, end, raw, kind: kindOf(text, start, end) });
    } else {
      // f() and `x()` are code, not an empty bracket left to fill.
      const p = start > 0 ? text.charCodeAt(start - 1) : 0x0a;
      if (c === 0x28 && (isAsciiLetter(p) || isDigit(p) || p === 0x5f || p === 0x29 || p === 0x60)) continue;
      out.push({ start, end, raw, kind: 'text' });
    }
  }
  return out;
}

/** The blanks found by the configuration's patterns merged in where they meet no built-in one. */
function withExtra(text: string, out: Placeholder[], extra: readonly (RegExp | TextPattern)[]): Placeholder[] {
  let all = out;
  for (const re of extra) {
    // Matches of one pattern come in order without overlaps, as the list so far: merge the two in one
    // pass, keeping a match only where it meets nothing found before (linear, however many matches).
    const pattern = re instanceof RegExp ? nativePattern(re) : re;
    const merged: Placeholder[] = [];
    let k = 0;
    let lastEnd = 0;
    pattern.scan(text, (start, end) => {
      while (k < all.length && all[k].end <= start) {
        merged.push(all[k]);
        lastEnd = Math.max(lastEnd, all[k].end);
        k++;
      }
      if (start < lastEnd) return; // meets the previous one kept
      if (k < all.length && all[k].start < end) return; // meets the next one
      merged.push({ start, end, raw: text.slice(start, end), kind: 'text' });
      lastEnd = end;
    });
    while (k < all.length) merged.push(all[k++]);
    all = merged;
  }
  return all;
}

/** Characters after a single 某 that make an ordinary word (某些, 某种, 某个, 某一 …), not a redaction. */
const ORDINARY_AFTER = new Set('些种个一位次项天处时段类样方'.split(''));

export function scanRedactions(text: string): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf('某'); i !== -1; i = text.indexOf('某', i)) {
    let j = i;
    while (j < text.length && text[j] === '某') j++;
    const next = j < text.length ? text[j] : '';
    if (j - i > 1 || !ORDINARY_AFTER.has(next)) out.push({ start: i, end: j });
    i = j;
  }
  return out;
}

