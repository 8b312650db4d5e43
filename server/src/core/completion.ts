// What an author types next: the heading number that follows in context, and the standard phrases of a
// 述职报告 found by their Chinese start or their pinyin initials.

import type { Heading, HeadingLevel, ReportModel, Section } from './model';
import { canonicalMarker } from './parser';
import { numbering } from './renumber';
import { msg, type Msg } from './rules/types';
import { isAsciiDigit, isAsciiLetter, isHan, isInlineSpace } from './text';

export interface HeadingSuggestion {
  level: HeadingLevel;
  value: number;
  /** The marker in its standard form (`三、`, `（四）`, `1.`, `（1）`). */
  marker: string;
  /** `next`: the sibling after `ref`; `child`: the first heading under `ref`; `first`: the first heading of the report or part. */
  relation: 'next' | 'child' | 'first';
  ref?: Heading;
}

/** The chain of headings that encloses `offset`: the document's headings before it, nested by rank. */
export function headingContext(model: ReportModel, offset: number): Heading[] {
  const stack: Heading[] = [];
  for (const h of model.headings) {
    if (h.start >= offset) break;
    while (stack.length && stack[stack.length - 1].rank >= h.rank) stack.pop();
    stack.push(h);
  }
  return stack;
}

/** The level the report's outline starts at (the shallowest numbered level it uses), 1 when it has none. */
function topLevel(model: ReportModel): HeadingLevel {
  let top = 4;
  for (const h of model.headings) if (h.kind === 'numbered' && h.level > 0 && h.level < top) top = h.level;
  return (model.headings.some((h) => h.kind === 'numbered') ? top : 1) as HeadingLevel;
}

/**
 * The level a first subheading under a heading of `level` takes: the level the report already uses under
 * headings of that level (some go from 一、 straight to 1.), else the next one down.
 */
function childLevel(model: ReportModel, level: HeadingLevel): HeadingLevel {
  const count = [0, 0, 0, 0, 0];
  const todo: Section[] = [...model.sections];
  while (todo.length) {
    const s = todo.pop()!;
    if (s.heading.kind === 'numbered' && s.heading.level === level) {
      const first = s.children.find((c) => c.heading.kind === 'numbered');
      if (first) count[first.heading.level]++;
    }
    todo.push(...s.children);
  }
  let best = 0;
  for (let l = level + 1; l <= 4; l++) if (count[l] > (best ? count[best] : 0)) best = l;
  return (best || level + 1) as HeadingLevel;
}

/**
 * The heading numbers that may come next at `offset`, most likely first: the sibling after the innermost
 * heading (after `二、` → `三、`), its first child (inside `（三）` → `1.`), then the siblings after the
 * enclosing headings (`（四）`, `三、`). Only headings that start before `offset` count.
 */
export function nextHeadings(model: ReportModel, offset: number): HeadingSuggestion[] {
  const stack = headingContext(model, offset);
  const out: HeadingSuggestion[] = [];
  const add = (s: Omit<HeadingSuggestion, 'marker'>) => {
    const marker = canonicalMarker(s.level, s.value);
    if (!out.some((o) => o.marker === marker)) out.push({ ...s, marker });
  };
  const { continuous, partOf } = numbering(model);
  /** The first number of a new list of `level` before `offset`: 1, or the next one when the level runs on. */
  const firstValue = (level: HeadingLevel, part: number): number => {
    if (!continuous[level]) return 1;
    let v = 0;
    for (const h of model.headings) {
      if (h.start >= offset) break;
      if (h.kind === 'numbered' && h.level === level && partOf.get(h) === part) v = h.value;
    }
    return v + 1;
  };
  const deepest = stack[stack.length - 1];
  if (!deepest || deepest.kind !== 'numbered') {
    add({ level: topLevel(model), value: 1, relation: 'first', ref: deepest });
  } else {
    add({ level: deepest.level as HeadingLevel, value: deepest.value + 1, relation: 'next', ref: deepest });
    if (deepest.level < 4) {
      const level = childLevel(model, deepest.level as HeadingLevel);
      add({ level, value: firstValue(level, partOf.get(deepest) ?? 0), relation: 'child', ref: deepest });
    }
  }
  for (let i = stack.length - 2; i >= 0; i--) {
    const h = stack[i];
    if (h.kind === 'numbered') add({ level: h.level as HeadingLevel, value: h.value + 1, relation: 'next', ref: h });
  }
  return out;
}

export const LEVEL_NAMES: Record<HeadingLevel, Msg> = {
  1: msg('一级标题', 'Level 1 heading'),
  2: msg('二级标题', 'Level 2 heading'),
  3: msg('三级标题', 'Level 3 heading'),
  4: msg('四级标题', 'Level 4 heading'),
};

// ---- phrases -----------------------------------------------------------------------------------------

export interface Phrase {
  /** The phrase as listed (… stands for what the author fills in). */
  label: string;
  /** The text inserted, in snippet syntax (`%Y`, `%M`, `%D`: today's date, see phraseSnippet). */
  snippet: string;
  /** Pinyin initials of the phrase's fixed text, and other abbreviations it is found by. */
  keys: string[];
  /** Where the phrase belongs. */
  use: Msg;
}

const OPENING = msg('开头', 'Opening');
const BODY = msg('正文', 'Body');
const HEADING = msg('标题', 'Heading');
const CLOSING = msg('结尾', 'Closing');

/**
 * Standard phrases of work reports: the one place they are offered (the snippets hold skeletons, headings
 * and markers). Keys are written by hand: the first is the initials of the pinyin of every Han character
 * of the label; others may be the full pinyin of the label's first words. A test checks them against a
 * pinyin dictionary.
 */
export const PHRASES: readonly Phrase[] = [
  { label: '尊敬的各位领导、同事们：', snippet: '尊敬的各位领导、同事们：', keys: ['zjdgwldtsm'], use: OPENING },
  { label: '各位代表：', snippet: '各位代表：', keys: ['gwdb'], use: OPENING },
  { label: '现将一年来的工作情况报告如下：', snippet: '现将一年来的工作情况报告如下：', keys: ['xjynldgzqkbgrx'], use: OPENING },
  { label: '现将本人履职情况报告如下，请予评议。', snippet: '现将本人履职情况报告如下，请予评议。', keys: ['xjbrlzqkbgrxqypy'], use: OPENING },
  { label: '一年来，在……的坚强领导下，', snippet: '一年来，在${1:上级党委}的坚强领导下，', keys: ['ynlzdjqldx'], use: OPENING },
  { label: '坚持以习近平新时代中国特色社会主义思想为指导', snippet: '坚持以习近平新时代中国特色社会主义思想为指导', keys: ['jcyxjpxsdzgtsshzysxwzd'], use: BODY },
  { label: '深入学习贯彻党的二十大精神', snippet: '深入学习贯彻党的二十大精神', keys: ['srxxgcddesdjs'], use: BODY },
  { label: '认真履行岗位职责', snippet: '认真履行岗位职责', keys: ['rzlxgwzz'], use: BODY },
  { label: '严格落实全面从严治党主体责任', snippet: '严格落实全面从严治党主体责任', keys: ['yglsqmcyzdztzr'], use: BODY },
  { label: '落实“一岗双责”', snippet: '落实“一岗双责”', keys: ['lsygsz'], use: BODY },
  { label: '一是……；二是……；三是……。', snippet: '一是${1}；二是${2}；三是${3}。', keys: ['ysesss'], use: BODY },
  { label: '全年完成……项，同比增长……%', snippet: '全年完成${1:各项任务}${2:xx}项，同比增长${3:x}%', keys: ['qnwcxtbzz'], use: BODY },
  { label: '工作取得了一定成效', snippet: '工作取得了一定成效', keys: ['gzqdlydcx'], use: BODY },
  { label: '主要工作及成效', snippet: '主要工作及成效', keys: ['zygzjcx'], use: HEADING },
  { label: '履职尽责情况', snippet: '履职尽责情况', keys: ['lzjzqk'], use: HEADING },
  { label: '存在的问题和不足', snippet: '存在的问题和不足', keys: ['czdwthbz'], use: HEADING },
  { label: '下一步工作打算', snippet: '下一步工作打算', keys: ['xybgzds'], use: HEADING },
  { label: '理论学习的系统性还不够强', snippet: '理论学习的系统性还不够强', keys: ['llxxdxtxhbgq'], use: BODY },
  { label: '创新意识还有待提高', snippet: '创新意识还有待提高', keys: ['cxyshydtg'], use: BODY },
  { label: '在今后的工作中，我将', snippet: '在今后的工作中，我将${1}', keys: ['zjhdgzzwj'], use: BODY },
  { label: '针对存在的问题，下一步我将从以下几个方面加以改进：', snippet: '针对存在的问题，下一步我将从以下几个方面加以改进：', keys: ['zdczdwtxybwjcyxjgfmjygj'], use: BODY },
  { label: '进一步加强理论学习，提高政治站位', snippet: '进一步加强理论学习，提高政治站位', keys: ['jybjqllxxtgzzzw'], use: BODY },
  { label: '一年来的工作成绩，是……的结果。', snippet: '一年来的工作成绩，是${1:上级党组织正确领导和同志们共同努力}的结果。', keys: ['ynldgzcjsdjg'], use: CLOSING },
  { label: '以上报告，请予审议。', snippet: '以上报告，请予审议。', keys: ['ysbgqysy'], use: CLOSING },
  { label: '以上述职，请予评议。', snippet: '以上述职，请予评议。', keys: ['ysszqypy'], use: CLOSING },
  { label: '不妥之处，敬请批评指正。', snippet: '不妥之处，敬请批评指正。', keys: ['btzcjqppzz'], use: CLOSING },
  { label: '特此报告。', snippet: '特此报告。', keys: ['tcbg'], use: CLOSING },
  { label: '谢谢大家！', snippet: '谢谢大家！', keys: ['xxdj'], use: CLOSING },
  { label: '述职人：……', snippet: '述职人：${1:姓名}', keys: ['szr'], use: CLOSING },
  { label: '……年……月……日', snippet: '${1:%Y}年${2:%M}月${3:%D}日', keys: ['nyr'], use: CLOSING },
  { label: '尊敬的各位领导、同志们：', snippet: '${1|尊敬的各位领导、同志们：,各位领导、同志们：|}', keys: ['zjdgwldtzm', 'zunjing'], use: OPENING },
  { label: '各位评委：', snippet: '各位评委：', keys: ['gwpw'], use: OPENING },
  { label: '现将……情况汇报如下：', snippet: '现将${1|一年来,任职以来,本年度,近三年来|}${2|履职尽责,思想和工作,学习和工作|}情况汇报如下：', keys: ['xjqkhbrx', 'huibao'], use: OPENING },
  { label: '在……的关心支持和……的帮助下，', snippet: '在${1:各位领导}的关心支持和${2:同志们}的帮助下，', keys: ['zdgxzchdbzx', 'guanxin'], use: OPENING },
  { label: '根据……安排，', snippet: '根据${1:组织}安排，', keys: ['gjap', 'genju'], use: OPENING },
  { label: '切实抓好……工作，', snippet: '切实抓好${1:重点}工作，', keys: ['qszhgz', 'qieshi'], use: BODY },
  { label: '取得了……成效。', snippet: '取得了${1|明显,显著,积极,阶段性|}成效。', keys: ['qdlcx', 'qude'], use: BODY },
  { label: '……完成……目标任务。', snippet: '${1|圆满,全面,超额|}完成${2:年度}目标任务。', keys: ['wcmbrw', 'wancheng'], use: BODY },
  { label: '……同比增长……%', snippet: '${1:指标}${2|同比增长,比上年增长,同比下降|}${3:x}%', keys: ['tbzz', 'tongbi'], use: BODY },
  { label: '位列全……第……名', snippet: '位列全${1|省,市,县|}第${2:x}名', keys: ['wlqdm', 'weilie'], use: BODY },
  { label: '在肯定成绩的同时，我也清醒地认识到，', snippet: '在肯定成绩的同时，我也清醒地认识到，${1:自身还存在一些问题和不足}：', keys: ['zkdcjdtswyqxdrsd', 'kending'], use: BODY },
  { label: '存在的问题和不足主要有：一是……；二是……；三是……。', snippet: '存在的问题和不足主要有：一是${1:……}；二是${2:……}；三是${3:……}。', keys: ['czdwthbzzyyysesss'], use: BODY },
  { label: '产生这些问题的原因，主要是……。', snippet: '产生这些问题的原因，主要是${1:……}。', keys: ['cszxwtdyyzys', 'yuanyin'], use: BODY },
  { label: '认真履行全面从严治党主体责任和“一岗双责”，', snippet: '认真履行全面从严治党${1|主体责任和“一岗双责”,主体责任,第一责任人职责|}，', keys: ['rzlxqmcyzdztzrhygsz'], use: BODY },
  { label: '严格遵守中央八项规定及其实施细则精神', snippet: '严格遵守中央八项规定及其实施细则精神，自觉做到${1:廉洁自律、秉公用权}。', keys: ['ygzszybxgdjqssxzjs', 'zunshou'], use: BODY },
  { label: '下一步，我将……', snippet: '下一步，我将${1|继续,进一步|}${2:加强学习}，${3:狠抓落实}，为${4:全面完成各项目标任务}作出新的更大贡献。', keys: ['xybwj', 'xiayibu'], use: CLOSING },
  { label: '在新的一年里，我将……', snippet: '在新的一年里，我将以${1:更加饱满的热情、更加务实的作风}，${2:扎实做好各项工作}，努力${3:开创工作新局面}。', keys: ['zxdynlwj', 'xindeyinian'], use: CLOSING },
  { label: '恳请各位领导和同志们批评指正。', snippet: '恳请各位领导和同志们批评指正。', keys: ['kqgwldhtzmppzz'], use: CLOSING },
];

/** A phrase's snippet for insertion: `%Y`, `%M`, `%D` become today's year, month and day (`2024`, `3`, `5`). */
export function phraseSnippet(p: Phrase, today = new Date()): string {
  return p.snippet
    .replace(/%Y/gu, String(today.getFullYear()))
    .replace(/%M/gu, String(today.getMonth() + 1))
    .replace(/%D/gu, String(today.getDate()));
}

/** The Han characters of a phrase's label, what Chinese input is matched against. */
function hanOf(s: string): string {
  let out = '';
  for (const ch of s) if (isHan(ch.charCodeAt(0))) out += ch;
  return out;
}
const PHRASE_HAN = PHRASES.map((p) => hanOf(p.label));

export interface PhraseQuery {
  kind: 'pinyin' | 'han';
  /** What was typed (lower-cased for pinyin). */
  text: string;
  /** Offset in the line prefix where the typed text starts: the completion replaces from here. */
  start: number;
}

export interface PhraseMatch {
  phrase: Phrase;
  query: PhraseQuery;
}

const MAX_QUERY = 24;

/**
 * The phrases that the text just before the cursor starts (`ynl` → 一年来…, `一年` → 一年来…). `prefix` is
 * the line up to the cursor. With `invoked` (asked for explicitly), one letter or character is enough and
 * nothing typed lists every phrase.
 */
export function matchPhrases(prefix: string, invoked = false): PhraseMatch[] {
  const end = prefix.length;
  // Pinyin initials: a run of Latin letters that is not part of a word, number or address.
  let i = end;
  while (i > 0 && end - i < MAX_QUERY && isAsciiLetter(prefix.charCodeAt(i - 1))) i--;
  if (i < end) {
    const before = i > 0 ? prefix.charCodeAt(i - 1) : 0x20;
    if (isAsciiLetter(before) || isAsciiDigit(before) || '_./:@#-\\'.includes(String.fromCharCode(before))) return [];
    if (end - i < (invoked ? 1 : 2)) return [];
    const q: PhraseQuery = { kind: 'pinyin', text: prefix.slice(i).toLowerCase(), start: i };
    return PHRASES.filter((p) => p.keys.some((k) => k.startsWith(q.text))).map((phrase) => ({ phrase, query: q }));
  }
  // Chinese: the longest end of the run of Han characters before the cursor that starts a phrase.
  let h = end;
  while (h > 0 && end - h < MAX_QUERY && isHan(prefix.charCodeAt(h - 1))) h--;
  const min = invoked ? 1 : 2;
  for (let s = h; end - s >= min; s++) {
    const text = prefix.slice(s);
    const found = PHRASES.filter((_, k) => PHRASE_HAN[k].startsWith(text) && PHRASE_HAN[k] !== text);
    if (found.length) {
      const q: PhraseQuery = { kind: 'han', text, start: s };
      return found.map((phrase) => ({ phrase, query: q }));
    }
  }
  if (invoked && h === end) {
    const q: PhraseQuery = { kind: 'han', text: '', start: end };
    return PHRASES.map((phrase) => ({ phrase, query: q }));
  }
  return [];
}

/** Length of the indentation (spaces, tabs, U+3000 …) at the start of a line. */
export function indentLength(line: string): number {
  let i = 0;
  while (i < line.length && isInlineSpace(line.charCodeAt(i))) i++;
  return i;
}
