// Stray spaces inside Chinese text: between two Han characters (PDF extraction and retyping damage,
// `深 入`) and between Chinese and digits (`增长 15%`, `2023 年`), which reports do not space.

import { charIndex } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import { isAsciiLetter, isCjkPunct, isDigit, isHan, isInlineSpace, isSentenceEnd } from '../text';
import { msg, type Rule } from './types';

/** Characters of a number: digits, decimal points, separators and a final %. */
function isNumberChar(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x2c || c === 0x3a || c === 0x25 || c === 0xff05;
}

function isPunct(c: number): boolean {
  return isCjkPunct(c) || (c < 0x80 && !isAsciiLetter(c) && !isDigit(c) && c > 0x20);
}

/** Full-width marks that end a clause: a label set off by a space has none of them. */
function isClausePunct(c: number): boolean {
  return isSentenceEnd(c) || c === 0xff0c /*，*/ || c === 0xff1b /*；*/ || c === 0xff1a /*：*/;
}

/** How far around a space between two Han characters another space makes the spacing deliberate. */
const WINDOW = 12;
/**
 * Longest phrase at the start of a block that a space may set off as a label (`熟悉接口 学习了…`):
 * without punctuation in documents extracted onto one line, without a full-width clause mark in the
 * others (informal notes punctuate labels with ASCII commas).
 */
const LABEL_ONE_LINE = 20;
const LABEL = 40;

export const cjkSpace: Rule = {
  meta: {
    id: 'cjk-space',
    category: 'words',
    title: msg('中文中的多余空格', 'Stray space in Chinese text'),
    description: msg(
      '汉字之间的空格（`深 入`，多见于从 PDF 复制或转换的文本）和汉字与数字之间的空格（`增长 15%`、`2023 年`）不符合公文和报告的排版习惯，应删除。有意的间隔不提示：标题和落款、Markdown 标题里的节号（`### 3.1 软件`）、经常在数字与汉字之间加空格的文档（`2008 年`，至少三分之一的地方这样写，依文档自己的习惯）、字距拉开的标题（`名 词 解 释`）、用空格隔开的一串名字、段首标签与正文之间的空格、连续多个空格、写在一行里的列表各项之间的空格（`甲报告 2.乙报告 3.丙报告`）、英文和代码。',
      'Spaces between Han characters (`深 入`, typical of text copied or converted from PDF) and between Chinese and digits (`增长 15%`, `2023 年`) are not used in reports and should be removed. Deliberate spacing is left alone: titles and signatures, section numbers in headings (`### 3.1 软件`), documents that often space digits and Chinese (`2008 年`, in at least a third of the places: as the document does), letter-spaced titles (`名 词 解 释`), names set off by spaces, a label set off from the text at the start of a paragraph, runs of several spaces, the spaces between the items of a list written on one line (`甲报告 2.乙报告 3.丙报告`), English and code.',
    ),
    defaultSeverity: 'info',
    fixable: true,
  },
  check(ctx) {
    const { text, model } = ctx;
    const spans = proseSpans(model);
    // Every space in the prose (the index lists the blanks).
    const blanks = charIndex(model).blanks;
    let spacesNumbers: boolean | undefined;
    forEachInProse(model, blanks.at, blanks.count, (i, si) => {
      if (text.charCodeAt(i) !== 0x20) return;
      const span = spans[si];
      if (i < span.start + 1 || i + 1 >= span.end) return;
      const b = model.blocks[span.block];
      if (b.kind === 'title' || b.kind === 'signature') return;
      const h = b.heading >= 0 ? model.headings[b.heading] : undefined;
      const l = text.charCodeAt(i - 1);
      const r = text.charCodeAt(i + 1);
      let kind: 'han' | 'number' | '' = '';
      if (isHan(l) && isHan(r)) kind = 'han';
      else if (isHan(l) && isDigit(r)) kind = 'number';
      else if ((isDigit(l) || l === 0x25 || l === 0xff05) && isHan(r)) kind = 'number';
      if (!kind) return;
      // The space that separates a heading from its body on one line.
      if (h && i === h.end) return;
      if (kind === 'number') {
        // A section number set off from its heading (`### 3.1 软件`, `2. 总结`): a label, not a spacing slip.
        if (h && isNumberChar(l) && isLeadingNumber(text, b.contentStart, i)) return;
        // A document that spaces digits and Chinese throughout (`2008 年`) follows its own habit.
        // Not in text extracted onto one line, where the spaces are the extraction's, not the author's.
        if (spacesNumbers === undefined) spacesNumbers = !model.oneLine && spacesDigitsHabitually(model);
        if (spacesNumbers) return;
        // Items of a list run together on one line (`甲报告 2.乙报告 3.丙报告`): the space separates them.
        if (isHan(l) && isInlineItem(text, i + 1, b.contentStart, b.contentEnd)) return;
      }
      let left = i;
      let right = i + 1;
      if (kind === 'han') {
        if (deliberateHanSpace(text, i, b.contentStart, b.contentEnd, model.oneLine)) return;
        left = i - 1;
        if (left > span.start && isHan(text.charCodeAt(left - 1))) left--;
        right = i + 2;
        if (right < span.end && isHan(text.charCodeAt(right))) right++;
      } else if (isHan(l)) {
        left = i - 1;
        if (left > span.start && isHan(text.charCodeAt(left - 1))) left--;
        while (right < span.end && isNumberChar(text.charCodeAt(right))) right++;
      } else {
        let t = i;
        while (t > span.start && isNumberChar(text.charCodeAt(t - 1))) t--;
        let digits = false;
        for (let k = t; k < i && !digits; k++) digits = isDigit(text.charCodeAt(k));
        if (!digits) return;
        // A number that belongs to a Latin name (Windows 10 系统, RAD Studio 13 中) or a fraction (13/14 的).
        const p = t > 0 ? text.charCodeAt(t - 1) : 0x0a;
        if (isAsciiLetter(p) || p === 0x2f || p === 0x2d || p === 0x5f) return;
        if (p === 0x20 && t >= 2 && (isAsciiLetter(text.charCodeAt(t - 2)) || isDigit(text.charCodeAt(t - 2)))) return;
        left = t;
        right = i + 2;
        if (right < span.end && isHan(text.charCodeAt(right))) right++;
      }
      const before = text.slice(left, i);
      const after = text.slice(i + 1, right);
      const message =
        kind === 'han'
          ? msg(`汉字之间多了空格：“${before} ${after}”应为“${before}${after}”。`, `Stray space between Chinese characters: "${before} ${after}" should be "${before}${after}".`)
          : msg(`汉字与数字之间不加空格：“${before} ${after}”应为“${before}${after}”。`, `No space between Chinese and digits: "${before} ${after}" should be "${before}${after}".`);
      ctx.report({
        start: i,
        end: i + 1,
        unnecessary: true,
        message,
        fixes: [{ title: msg('删除空格', 'Remove the space'), edits: [{ start: i, end: i + 1, text: '' }] }],
      });
    });
  },
};

/** How far from an item number its neighbour in the list is looked for. */
const ITEM_WINDOW = 300;

/**
 * Whether the number at `at` is an item number of a list written on one line: `N.` or `N、` whose neighbour
 * in the sequence is close by in the same block, `N+1` after a space or `N-1` after a space, a Han character
 * or the block's start (`目录1.甲 2.乙 3.丙`).
 */
function isInlineItem(text: string, at: number, blockStart: number, blockEnd: number): boolean {
  let j = at;
  while (j < blockEnd && j - at < 3 && isDigit(text.charCodeAt(j))) j++;
  if (j === at || j >= blockEnd) return false;
  const sep = text[j];
  if (sep !== '.' && sep !== '、' && sep !== '．') return false;
  const n = Number(text.slice(at, j));
  const from = Math.max(blockStart, at - ITEM_WINDOW);
  const to = Math.min(blockEnd, j + 1 + ITEM_WINDOW);
  const near = text.slice(from, to); // searched within the window only: a long one-line block costs no more
  const find = (k: number, after: (c: number) => boolean): boolean => {
    if (k < 1) return false;
    const item = `${k}${sep}`;
    for (let w = near.indexOf(item); w >= 0; w = near.indexOf(item, w + 1)) {
      const q = from + w;
      if (q === at) continue;
      if (q === blockStart) return true;
      const c = text.charCodeAt(q - 1);
      if (!isDigit(c) && after(c)) return true;
    }
    return false;
  };
  return find(n + 1, (c) => c === 0x20) || find(n - 1, (c) => c === 0x20 || isHan(c));
}

/** Whether text[from, i) is a section number: digits and dots only, from the start of the heading. */
function isLeadingNumber(text: string, from: number, i: number): boolean {
  if (i <= from || i - from > 12) return false;
  for (let k = from; k < i; k++) {
    const c = text.charCodeAt(k);
    if (!isDigit(c) && c !== 0x2e && c !== 0xff0e && c !== 0x3001) return false;
  }
  return true;
}

/**
 * Whether the document spaces digits and Chinese as a habit: at least five spaced boundaries
 * (`2008 年`, `增长 15%`), and at least half as many as boundaries without a space. A third of them spaced
 * is a way of writing (a list written `第 41 题` throughout, the rest tight), not a scatter of slips.
 */
function spacesDigitsHabitually(model: Parameters<typeof proseSpans>[0]): boolean {
  const { text } = model;
  let spaced = 0;
  let tight = 0;
  for (const sp of proseSpans(model)) {
    for (let k = sp.start + 1; k < sp.end; k++) {
      const c = text.charCodeAt(k);
      const p = text.charCodeAt(k - 1);
      if ((isDigit(p) && isHan(c)) || (isHan(p) && isDigit(c))) tight++;
      else if (c === 0x20 && k + 1 < sp.end) {
        const n = text.charCodeAt(k + 1);
        if ((isDigit(p) && isHan(n)) || (isHan(p) && isDigit(n))) spaced++;
      }
    }
  }
  return spaced >= 5 && spaced * 2 >= tight;
}

/**
 * Whether a single space between two Han characters at `i` looks deliberate: other spaces close by
 * (letter-spaced titles, names set off by spaces), a label at the start of the block (`熟悉接口 学习了…`),
 * or the middle of a quoted pair of phrases (`“益行益善 益老益小”`).
 */
function deliberateHanSpace(text: string, i: number, blockStart: number, blockEnd: number, oneLine: boolean): boolean {
  for (let k = Math.max(blockStart, i - WINDOW); k < Math.min(blockEnd, i + WINDOW + 1); k++) {
    if (k !== i && isInlineSpace(text.charCodeAt(k))) return true;
  }
  if (i - blockStart <= (oneLine ? LABEL_ONE_LINE : LABEL)) {
    let k = blockStart;
    for (; k < i; k++) {
      const c = text.charCodeAt(k);
      if (isInlineSpace(c) || (oneLine ? isPunct(c) : isClausePunct(c))) break;
    }
    if (k === i) return true;
  }
  let open = -1;
  for (let k = i - 1; k >= Math.max(blockStart, i - 12); k--) {
    const c = text.charCodeAt(k);
    if (c === 0x201c /*“*/) {
      open = k;
      break;
    }
    if (isPunct(c)) break;
  }
  if (open >= 0) {
    const n = i - open - 1;
    if (n >= 2 && i + n + 1 < blockEnd && text.charCodeAt(i + n + 1) === 0x201d /*”*/) {
      let plain = true;
      for (let k = i + 1; k <= i + n; k++) if (isPunct(text.charCodeAt(k))) plain = false;
      if (plain) return true;
    }
  }
  return false;
}
