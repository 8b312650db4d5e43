import type { Block, Heading } from '../model';
import { isDigit, isHan } from '../text';
import {
  isAsciiSpace, isEmphasisOrQuote, isLatinOrDigit, isZh, markIndex, nextCode, prevCode, proseIndex, type MarkIndex, type ProseIndex,
} from './punct-util';
import { msg, type Edit, type Rule } from './types';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const isBlankOrEmphasis = (c: number) => isAsciiSpace(c) || isEmphasisOrQuote(c);
const isBangOrEmphasis = (c: number) => c === 0x3f || c === 0x21 || isEmphasisOrQuote(c);

/** Longest content of a half-width pair searched for Han. */
const MAX_CONTENT = 300;

/**
 * Pairs the parentheses of each block (half-width and full-width alike) and returns the half-width ones
 * to convert: both of a half-width pair whose content holds Han, and the half-width one of a mixed pair.
 * Heading numbers `(一)` are left to the heading rules.
 */
function parensToConvert(p: ProseIndex, marks: MarkIndex, headings: readonly Heading[], blocks: readonly Block[]): Map<number, number> {
  const inLinkText = linkTextTest(p.text);
  const { text } = p;
  /** Position of each converted half-width paren → position of its partner (-1 for a mixed pair). */
  const out = new Map<number, number>();
  const stack: number[] = [];
  let block = -1;
  // Offsets inside heading numbers (their first 12 characters): (一) and （1) are the heading rules' business.
  // Headings are in document order, one per block: the one that may hold i is the last starting at or before it.
  const inMarker = (i: number): boolean => {
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid].marker.start <= i) lo = mid + 1;
      else hi = mid;
    }
    const h = headings[lo - 1];
    return h !== undefined && h.kind === 'numbered' && i < h.marker.end && i < h.marker.start + 12;
  };
  for (let j = 0; j < marks.count; j++) {
    const c = marks.code[j];
    if (c !== 0x28 && c !== 0x29 && c !== 0xff08 && c !== 0xff09) continue;
    const at = marks.at[j];
    const b = p.spans[marks.span[j]].block;
    if (b !== block) {
      block = b;
      if (stack.length) stack.length = 0; // setting the length of an array is a slow runtime call
    }
    if (c === 0x28 || c === 0xff08) {
      stack.push(at);
      continue;
    }
    const open = stack.pop();
    if (open === undefined) continue;
    const openFull = text.charCodeAt(open) === 0xff08;
    const full = c === 0xff09;
    if (openFull && full) continue;
    if (inMarker(open)) continue;
    if (inLinkText(open, blocks[b].end)) continue; // the title of a linked page
    if (!openFull && !full) {
      if (!hasHan(text, open + 1, Math.min(at, open + 1 + MAX_CONTENT))) continue; // (PDA), (type), (1)
      out.set(open, at);
      out.set(at, open);
      continue;
    }
    // A mixed pair: the author meant full-width.
    out.set(openFull ? at : open, -1);
  }
  return out;
}

function hasHan(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isHan(text.charCodeAt(i))) return true;
  return false;
}

export const punctHalfwidth: Rule = {
  meta: {
    id: 'punct-halfwidth',
    category: 'punctuation',
    title: msg('中文里的半角标点', 'Half-width punctuation in Chinese text'),
    description: msg(
      '中文行文应使用全角标点（GB/T 15834-2011）：汉字之间的半角 `,;:?!()` 应改为 `，；：？！（）`。数字中的逗号（1,000）、时间（8:00）、网址、电子邮件、快捷键（`Ctrl+,`）、英文句子、代码、文首的 YAML 元数据和 Markdown 链接的文字（所链接页面的标题，照原样引用）不受影响；半角括号只在括号内含汉字时成对改为全角。',
      'Chinese text takes full-width punctuation (GB/T 15834-2011): half-width `,;:?!()` between Chinese characters become `，；：？！（）`. Numbers (1,000), times (8:00), URLs, e-mail, key combinations (`Ctrl+,`), English sentences, code, YAML front matter and the text of Markdown links (the title of the linked page, quoted as it is) are left alone; half-width parentheses are converted as a pair, and only when they enclose Chinese text.',
    ),
    scope: 'block',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(ctx) {
    const p = proseIndex(ctx.model);
    const { text } = p;
    const marks = markIndex(ctx.model);
    const parens = parensToConvert(p, marks, ctx.model.headings, ctx.model.blocks);
    const zhAt = (c: number, at: number) => isZh(c) || (at >= 0 && parens.has(at));
    const inLinkText = linkTextTest(text);

    // Parentheses.
    for (const [at, partner] of parens) {
      if (partner >= 0 && partner < at) continue; // reported with its opening half
      const ch = text[at];
      if (partner < 0) {
        ctx.report({
          start: at,
          end: at + 1,
          message: msg(`半角括号“${ch}”与全角括号配对，应为“${FULL[ch]}”。`, `Half-width "${ch}" is paired with a full-width parenthesis; use "${FULL[ch]}".`),
          fixes: [{ title: msg(`改为“${FULL[ch]}”`, `Change to "${FULL[ch]}"`), edits: [{ start: at, end: at + 1, text: FULL[ch] }] }],
        });
        continue;
      }
      ctx.report({
        start: at,
        end: partner + 1,
        message: msg('中文内容用了半角括号“()”，应为全角“（）”。', 'Chinese text in half-width parentheses "()"; use full-width "（）".'),
        fixes: [{
          title: msg('改为全角括号“（）”', 'Change to full-width "（）"'),
          edits: [{ start: at, end: at + 1, text: '（' }, { start: partner, end: partner + 1, text: '）' }],
        }],
      });
    }

    // , ; : ? !
    for (let j = 0; j < marks.count; j++) {
      const c = marks.code[j];
      if (c !== 0x2c && c !== 0x3b && c !== 0x3a && c !== 0x3f && c !== 0x21) continue;
      const at = marks.at[j];
      const k = marks.span[j];
      const ch = text[at];
      let left: number;
      let right: number;
      let leftAt = -1;
      let rightAt = -1;
      if (c === 0x3f || c === 0x21) {
        // ? and !: after Chinese text (a run like ?! counts as one mark).
        left = prevCode(p, k, at, isBangOrEmphasis, 6);
        right = nextCode(p, k, at);
        if (right === 0x3d /* = */ || (c === 0x21 && right === 0x5b /* ![image] */)) continue;
        if (!isZh(left)) continue;
      } else {
        const s = p.spans[k];
        let q = at - 1;
        while (q >= s.start && at - q <= 4 && isEmphasisOrQuote(text.charCodeAt(q))) q--;
        if (q >= s.start) leftAt = q;
        q = at + 1;
        while (q < s.end && q - at <= 6 && isBlankOrEmphasis(text.charCodeAt(q))) q++;
        if (q < s.end) rightAt = q;
        left = prevCode(p, k, at, isEmphasisOrQuote);
        right = nextCode(p, k, at, isBlankOrEmphasis, 6);
        if (isDigit(left) && isDigit(right)) continue; // 1,000  8:00  1:2
        if (c === 0x3a /* : */ && (right === 0x2f || right === 0x5c)) continue; // C:\  x://
        if (c === 0x3b /* ; */ && isEntity(text, at, s.start)) continue; // &nbsp;
        if (isKeyCombination(text, at, s.start)) continue; // Ctrl+,  ⌘+;
        // Chinese text on either side (Web:280 and Java,Python have none).
        if (!zhAt(left, leftAt) && !zhAt(right, rightAt)) continue;
      }
      if (inLinkText(at, ctx.model.blocks[p.spans[k].block].end)) continue;
      // Take the blanks after the mark with it: a full-width mark carries its own space.
      let end = at + 1;
      const spanEnd = p.spans[k].end;
      while (end < spanEnd && end - at <= 3 && isAsciiSpace(text.charCodeAt(end))) end++;
      if (end === spanEnd) end = at + 1;
      // A comma, semicolon or colon next to the very full-width mark it stands for (`,，` `:：`) is a doubled
      // mark: the fix removes it rather than writing the mark twice. (`！！` and `？？` may be meant.)
      const doubled = (c === 0x2c || c === 0x3b || c === 0x3a) && (text[at - 1] === FULL[ch] || text[end] === FULL[ch]);
      const edit: Edit = { start: at, end, text: doubled ? '' : FULL[ch] };
      ctx.report({
        start: at,
        end: at + 1,
        message: msg(`中文里用了半角“${ch}”，应为全角“${FULL[ch]}”。`, `Half-width "${ch}" in Chinese text; use full-width "${FULL[ch]}".`),
        fixes: [{ title: doubled ? msg(`删除多余的“${ch}”（旁边已有“${FULL[ch]}”）`, `Remove the extra "${ch}" (a "${FULL[ch]}" is next to it)`) : msg(`改为“${FULL[ch]}”`, `Change to "${FULL[ch]}"`), edits: [edit] }],
      });
    }
  },
};

/** How far after a mark the end of a Markdown link's text is looked for. */
const MAX_LINK_TEXT = 300;

/**
 * Whether text[at] is in the text of a Markdown link (`[【每日一题】(41题)JS代码是如何压缩的?](https://…)`):
 * the title of the page it links to, copied as that page writes it. Brackets nest; the search stays in the
 * mark's block, on its line. Asked in document order: the next `](` found is kept, so that text without
 * links costs one search.
 */
function linkTextTest(text: string): (at: number, blockEnd: number) => boolean {
  let next = -1; // where the last search found `](` (or text.length), searched from `from`
  let from = Infinity;
  return (at, blockEnd) => {
    if (at < from || next < at) {
      const k = text.indexOf('](', at);
      next = k < 0 ? text.length : k;
      from = at;
    }
    if (next >= blockEnd || next - at > MAX_LINK_TEXT) return false;
    let depth = 0;
    for (let i = at + 1; i <= next; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) return false;
      if (c === 0x5b /* [ */) depth++;
      else if (c === 0x5d /* ] */) {
        if (depth === 0) return i === next;
        depth--;
      }
    }
    return false;
  };
}

/** A key combination ending at the mark: `Ctrl+,`, `Cmd + ;`, `⌘+:`, `Shift+Alt+?`. */
const KEY_COMBINATION = /(?:ctrl|cmd|command|alt|option|shift|meta|win|super|⌘|⌥|⇧|⌃)[ \t]*\+[ \t]*$/iu;

function isKeyCombination(text: string, at: number, min: number): boolean {
  return KEY_COMBINATION.test(text.slice(Math.max(min, at - 14), at));
}

/** Whether the `;` at `at` ends an HTML entity (`&nbsp;`, `&#12288;`). */
function isEntity(text: string, at: number, min: number): boolean {
  for (let j = at - 1; j >= min && j >= at - 10; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x26 /* & */) return j < at - 1;
    if (!isLatinOrDigit(c) && c !== 0x23 /* # */) return false;
  }
  return false;
}
