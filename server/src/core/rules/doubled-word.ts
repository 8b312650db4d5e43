// A word typed twice (进行进行, 完成完成了, 我所所做): found by word segmentation, which tells a slip from a
// reduplicated word (看看, 谢谢, 常常, 认认真真, 不了了之 are one word, or overlap a word, to the segmenter).

import { proseSpans } from '../prose';
import { isHan } from '../text';
import { DOUBLED_CHARS } from './data/doubled-chars';
import { msg, type Rule } from './types';

/** The nine function characters doubled-char checks with its own exceptions. */
const CHECKED_BY_DOUBLED_CHAR = new Set(DOUBLED_CHARS.map(([ch]) => ch));
/**
 * The single characters checked: function words (pronouns, prepositions, conjunctions, adverbs), a closed
 * class that Chinese does not reduplicate. Content characters double legitimately far too often (红红火火,
 * 节节攀升, 周周有活动, 浓浓的, 理理思路) for a segmenter to tell, so a lone doubled character is checked only here.
 */
const FUNCTION_CHARS = new Set('我你他她它这那所被把对从向就都还又很给以而或但并及其之为因则即仍乃于与跟比使'.split(''));
/** Before a verb said twice to soften it (要研究研究, 一起讨论讨论): the tentative form, not a slip. */
const TENTATIVE_BEFORE = new Set(['要', '得', '来', '去', '先', '再', '好好', '想', '可以', '应该', '需要', '一起', '让', '请', '帮', '给', '该', '能', '会', '多', '都']);
/** After it (讨论讨论吧, 研究研究再说, 活动活动一下). */
const TENTATIVE_AFTER = new Set(['吧', '再', '一下', '看', '看看', '呗']);
/** How far around a candidate the segmenter reads. */
const WINDOW = 8;

let segmenter: Intl.Segmenter | null | undefined;

/** The Chinese word segmenter, made once; null where the runtime has no Chinese segmentation. */
function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

interface Seg {
  start: number;
  end: number;
  text: string;
}

export const doubledWord: Rule = {
  meta: {
    id: 'doubled-word',
    category: 'words',
    title: msg('重复录入的词', 'Word typed twice'),
    description: msg(
      '同一个词紧挨着写了两遍（`进行进行`、`完成完成了`、`我所所做的`），多是录入或改稿时留下的。用中文分词区分正常的叠用：分词后是一个词或与前后构成词的（`看看`、`谢谢`、`常常`、`认认真真`、`的的确确`、`不了了之`、`研究所所长`）不报；单字只查代词、介词、连词、副词等虚词（`所所`、`这这`、`被被`），实词单字叠用（`红红火火`、`节节攀升`、`周周有活动`）不报；数量短语（`一步一步`）和动词的尝试态（`要研究研究`、`讨论讨论吧`）不报。`的的`、`了了`等九个虚词由 doubled-char 检查。',
      'The same word written twice in a row (进行进行, 完成完成了, 我所所做的), usually left over from typing or editing. Word segmentation tells it from legitimate doubling: what the segmenter reads as one word or as part of a neighbouring word (看看, 谢谢, 常常, 认认真真, 的的确确, 不了了之, 研究所所长) is left alone, a single character is checked only when it is a function word (所所, 这这, 被被), never a content character (红红火火, 节节攀升, 周周有活动); numeral phrases (一步一步) and the tentative form of verbs (要研究研究, 讨论讨论吧). The nine function characters of doubled-char (的的, 了了, …) are left to that rule.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const seg = zhSegmenter();
    if (!seg) return;
    const { text, model } = ctx;
    for (const span of proseSpans(model)) {
      const { start, end } = span;
      let i = start;
      while (i < end - 1) {
        // A repeat starts with a Han character that comes again within the next four.
        i = nextRecurring(text, i, end - 1);
        if (i >= end - 1) break;
        // The shortest repeat starting here: text[i, i+k) === text[i+k, i+2k), k = 1 … 4, all Han.
        let k = 0;
        for (let n = 1; n <= 4 && i + 2 * n <= end; n++) {
          if (!isHan(text.charCodeAt(i + n - 1))) break;
          let same = true;
          for (let m = 0; m < n && same; m++) same = text.charCodeAt(i + m) === text.charCodeAt(i + n + m);
          if (same) {
            k = n;
            break;
          }
        }
        if (!k) {
          i++;
          continue;
        }
        const found = slipAt(seg, text, start, end, i, k);
        if (found) {
          const word = text.slice(i, i + k);
          ctx.report({
            start: i,
            end: i + 2 * k,
            message: msg(`“${word}${word}”疑为重复录入，应为“${word}”。`, `"${word}${word}" looks like a word typed twice; write "${word}".`),
            fixes: [{ title: msg(`删去重复的“${word}”`, `Remove the repeated "${word}"`), edits: [{ start: i + k, end: i + 2 * k, text: '' }] }],
          });
          i += 2 * k;
        } else i++;
      }
    }
  },
};

/**
 * The first position in [i, last) of a Han character that recurs among the four characters after it
 * (read past `last` as far as the text goes), or `last` when there is none. Most characters of a report
 * recur nowhere in the next four: a window of four kept in registers rules each out with one read.
 */
function nextRecurring(text: string, i: number, last: number): number {
  const n = text.length;
  let b = i + 1 < n ? text.charCodeAt(i + 1) : -1;
  let c = i + 2 < n ? text.charCodeAt(i + 2) : -1;
  let d = i + 3 < n ? text.charCodeAt(i + 3) : -1;
  let a = text.charCodeAt(i);
  // Up to four characters before the end of the text without a bounds check, then the rest with one.
  const safe = Math.min(last, n - 4);
  for (; i < safe; i++) {
    const e = text.charCodeAt(i + 4);
    if ((a === b || a === c || a === d || a === e) && isHan(a)) return i;
    a = b;
    b = c;
    c = d;
    d = e;
  }
  for (; i < last; i++) {
    const e = i + 4 < n ? text.charCodeAt(i + 4) : -1;
    if ((a === b || a === c || a === d || a === e) && isHan(a)) return i;
    a = b;
    b = c;
    c = d;
    d = e;
  }
  return last;
}

/** Whether the repeat text[i, i+k) text[i+k, i+2k) is a slip rather than a reduplicated word. */
function slipAt(seg: Intl.Segmenter, text: string, spanStart: number, spanEnd: number, i: number, k: number): boolean {
  const word = text.slice(i, i + k);
  if (k === 1 && (CHECKED_BY_DOUBLED_CHAR.has(word) || !FUNCTION_CHARS.has(word))) return false;
  if (word.startsWith('一')) return false; // 一步一步, 一点一点, 一天一天
  // AABB (家家户户, 干干净净, 时时刻刻) and ABAB runs of more than two (哈哈哈): patterns, not slips.
  if (k === 1 && ((i - 2 >= spanStart && text[i - 2] === text[i - 1]) || (i + 3 < spanEnd && text[i + 2] === text[i + 3]))) return false;
  if (i + 2 * k < spanEnd && text.startsWith(word, i + 2 * k)) return false;
  const from = Math.max(spanStart, i - WINDOW);
  const to = Math.min(spanEnd, i + 2 * k + WINDOW);
  const segs: Seg[] = [];
  for (const s of seg.segment(text.slice(from, to))) segs.push({ start: from + s.index, end: from + s.index + s.segment.length, text: s.segment });
  // The two copies must each be a word of their own, one right after the other.
  const a = segs.findIndex((s) => s.start === i && s.end === i + k);
  if (a < 0 || a + 1 >= segs.length) return false;
  const b = segs[a + 1];
  if (b.start !== i + k || b.end !== i + 2 * k) return false;
  if (k >= 2) {
    const before = a > 0 ? segs[a - 1].text : '';
    const after = a + 2 < segs.length ? segs[a + 2].text : '';
    if (TENTATIVE_BEFORE.has(before) || TENTATIVE_AFTER.has(after)) return false;
  }
  return true;
}
