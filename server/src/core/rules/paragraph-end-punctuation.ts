import type { Block, ReportModel } from '../model';
import { LONG_LINE } from '../parser';
import { isAsciiLetter, isDigit, isHan, isInlineSpace } from '../text';
import { CUT, proseIndex, tail, type ProseIndex } from './punct-util';
import { msg, type Rule } from './types';

/** Marks a paragraph may end with (half-width ones are punct-halfwidth's business; `.` ends English). */
const ENDS = new Set('。！？：；…!?;:.'.split('').map((c) => c.charCodeAt(0)));
/** Closing marks that may follow the final punctuation: `。”`, `！）`. */
const CLOSERS = new Set('”’）》】」』)"\''.split('').map((c) => c.charCodeAt(0)));
/** Punctuation inside a paragraph that shows it is made of sentences, not a label: ，。；！？、,; */
function isSentencePunct(c: number): boolean {
  return c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x3001 || c === 0x2c || c === 0x3b;
}
const CIRCLED_FIRST = 0x2460; // ①
const CIRCLED_LAST = 0x2473; // ⑳
/** A key-value line: a short label, a colon, a value with no sentence punctuation (地址：北京市……). */
const LABEL = /^[^，。；！？：:\n]{1,16}[：:]/u;

/** The blocks whose end this rule checks: body paragraphs, closing paragraphs, run-in headings' bodies. */
function isBody(model: ReportModel, bi: number): boolean {
  const b = model.blocks[bi];
  if (b.kind === 'paragraph' || b.kind === 'closing') return true;
  if (b.kind !== 'heading' || b.heading < 0) return false;
  const h = model.headings[b.heading];
  return h.kind === 'numbered' && h.runIn;
}

/** A block on a very long line (a whole document on one line): its end is a guess, not a paragraph end. */
function isSegment(model: ReportModel, bi: number): boolean {
  const { blocks, lines } = model;
  const line = blocks[bi].line;
  return (
    (bi > 0 && blocks[bi - 1].line === line) ||
    (bi + 1 < blocks.length && blocks[bi + 1].line === line) ||
    lines.ends[line] - lines.starts[line] > LONG_LINE
  );
}

/** A Markdown bullet item (`- `, `* `, `+ `): list items are not paragraphs. */
function isBullet(text: string, b: Block): boolean {
  const c = text.charCodeAt(b.start);
  return (c === 0x2d || c === 0x2a || c === 0x2b) && isInlineSpace(text.charCodeAt(b.start + 1));
}

/** List item markers at the start of a line: ①, 1）, a), A. — and numbered headings. */
const LIST_MARK = /^(?:[①-⑳]|[A-Za-z0-9０-９]{1,2}[)）]|[A-Za-z][.．、])/u;

function isListItem(model: ReportModel, p: ProseIndex, bi: number): boolean {
  const b = model.blocks[bi];
  if (!b) return false;
  if (b.kind === 'heading') return b.heading >= 0 && model.headings[b.heading].kind === 'numbered';
  const k = p.firstSpan[bi];
  return k >= 0 && LIST_MARK.test(p.text.slice(p.spans[k].start, Math.min(p.spans[k].end, p.spans[k].start + 4)));
}

/** Whether the block after a paragraph is the first item of a list: a Markdown bullet or an item numbered 1. */
function introducesList(model: ReportModel, p: ProseIndex, bi: number): boolean {
  const nb = model.blocks[bi + 1];
  if (!nb) return false;
  if (isBullet(model.text, nb)) return true;
  if (nb.kind !== 'heading' || nb.heading < 0) return false;
  // An item 1. or 1、 of body text, not a section heading (一、 or a Markdown # heading) after an opening paragraph.
  const h = model.headings[nb.heading];
  return h.kind === 'numbered' && h.rank > 0 && h.level >= 3 && h.value === 1 && isListItem(model, p, bi + 1);
}

/**
 * Whether a list item stands in a list whose items end without punctuation (a Markdown or plain to-do
 * list): then the missing mark is the list's style, not a slip.
 */
function inBareList(model: ReportModel, p: ProseIndex, bi: number): boolean {
  const b = model.blocks[bi];
  const level = b.kind === 'heading' ? model.headings[b.heading].level : -1;
  for (const d of [-1, 1]) {
    const n = bi + d;
    if (!isListItem(model, p, n)) continue;
    const nb = model.blocks[n];
    // A sibling: a numbered item of the same level, or another unnumbered list line.
    if ((nb.kind === 'heading' ? model.headings[nb.heading].level : -1) !== level) continue;
    const standalone = nb.kind === 'heading' && !model.headings[nb.heading].runIn;
    if (standalone || endOf(p, n) !== null) return true;
  }
  return false;
}

/** Lines up to this long, one after another and all without final punctuation, are a list. */
const SHORT = 50;

function isShort(model: ReportModel, bi: number): boolean {
  const b = model.blocks[bi];
  return b.contentEnd - b.contentStart <= SHORT;
}

/**
 * Whether a short paragraph stands next to another short one that also ends bare: an unnumbered list
 * of items (本周工作如下： / 完成登录页面开发，修复两个问题 / 完成接口联调，准备上线).
 */
function inShortBareRun(model: ReportModel, p: ProseIndex, bi: number): boolean {
  if (!isShort(model, bi)) return false;
  for (const n of [bi - 1, bi + 1]) {
    if (n < 0 || n >= model.blocks.length || !isShort(model, n)) continue;
    const e = bareParagraph(model, p, n);
    if (e && !e.dot) return true;
  }
  return false;
}

interface End {
  /** Where `。` goes. */
  at: number;
  /** True when the paragraph ends with a half-width `.` after Han (at `last`), to become `。`. */
  dot: boolean;
  /** The last character of the paragraph's prose. */
  last: number;
}

/** The end of a block's prose when it lacks final punctuation, or null. */
function endOf(p: ProseIndex, bi: number): End | null {
  const { text, spans } = p;
  const first = p.firstSpan[bi];
  if (first < 0) return null;
  let k = first;
  while (k + 1 < spans.length && spans[k + 1].block === bi) k++;
  if (p.after[k] === CUT) return null; // ends with a URL, an e-mail address or code
  const s = spans[k].start;
  let e = spans[k].end;
  while (e > s && isInlineSpace(text.charCodeAt(e - 1))) e--;
  const at = e;
  // Markdown emphasis and footnote marks ([1], ①) at the very end.
  while (e > s && (text.charCodeAt(e - 1) === 0x2a || text.charCodeAt(e - 1) === 0x5f)) e--;
  if (e > s && text.charCodeAt(e - 1) === 0x5d /* ] */) {
    let j = e - 2;
    while (j > s && j > e - 5 && isDigit(text.charCodeAt(j))) j--;
    if (j < e - 2 && text.charCodeAt(j) === 0x5b /* [ */) e = j;
  }
  if (e > s && text.charCodeAt(e - 1) >= CIRCLED_FIRST && text.charCodeAt(e - 1) <= CIRCLED_LAST) e--;
  if (e <= s) return null;
  let c = text.charCodeAt(e - 1);
  if (c === 0x2e /* . */ && e - 2 >= s && isHan(text.charCodeAt(e - 2))) return { at, dot: true, last: e - 1 };
  if (ENDS.has(c)) return null;
  if (CLOSERS.has(c)) {
    let j = e - 1;
    while (j > s && CLOSERS.has(text.charCodeAt(j - 1))) j--;
    if (j === s) return null;
    c = text.charCodeAt(j - 1);
    if (ENDS.has(c)) return null;
  }
  // Only words end a paragraph that lacks its mark; other punctuation (，、——) is something else.
  const low = c >= 0xdc00 && c <= 0xdfff;
  if (!(isHan(c) || isAsciiLetter(c) || isDigit(c) || c === 0x25 || c === 0xff05 || CLOSERS.has(c)) || low) return null;
  return { at, dot: false, last: e - 1 };
}

export const paragraphEndPunctuation: Rule = {
  meta: {
    id: 'paragraph-end-punctuation',
    category: 'punctuation',
    title: msg('段末缺少标点', 'Paragraph without final punctuation'),
    description: msg(
      '正文段落应以句末点号结束：`。`、`！`、`？`，或 `：`、`；`、省略号，后面可以跟后引号、后括号（`。”`、`！）`）。标题、称谓、署名、日期、列表项、表格、只有网址的行、“地址：……”这样的标签行和英文段落不检查；整段没有一个逗号、句号的短行多半是标签或小标题，也不检查。修复在段末（行尾付费标记之前）补上“。”；引出其下列表的段落（……就是 / 1. ……）补上“：”。',
      'A body paragraph ends with a sentence mark: `。`, `！`, `？`, or `：`, `；`, an ellipsis, possibly followed by a closing quote or bracket (`。”`, `！）`). Titles, salutations, signatures, dates, list items, tables, URL-only lines, label lines such as `地址：…` and English paragraphs are not checked, nor are short lines without a single comma or full stop, which are labels or small headings. The fix adds `。` at the end of the paragraph (before a paid marker at the end of the line); a paragraph that leads into the list under it (… 就是 / 1. …) gets `：`.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { model, text } = ctx;
    const p = proseIndex(model);
    const ends: (End | null)[] = [];
    // Regions: the text under each unnumbered (Markdown or part) heading, where one way of writing holds.
    const region = new Int32Array(model.blocks.length);
    const regionEligible: number[] = [0];
    const regionBare: number[] = [0];
    let eligible = 0;
    let bare = 0;
    let r = 0;
    for (let bi = 0; bi < model.blocks.length; bi++) {
      const b = model.blocks[bi];
      if (b.kind === 'heading' && b.heading >= 0 && model.headings[b.heading].rank <= 0) {
        r++;
        regionEligible.push(0);
        regionBare.push(0);
      }
      region[bi] = r;
      const end = bareParagraph(model, p, bi);
      ends.push(end);
      if (end && !end.dot) {
        bare++;
        regionBare[r]++;
      }
      if (end || isSentenceParagraph(model, p, bi)) {
        eligible++;
        regionEligible[r]++;
      }
    }
    // A document, or a part of it, that leaves many of its paragraphs without the final mark writes that
    // way on purpose (notes, a blog, a weekly log, descriptions under list items): the missing mark is its
    // style, not a slip. Only a slip among paragraphs that do end with their mark is reported.
    const habit = bare >= 4 && bare * 3 > eligible;
    for (let bi = 0; bi < model.blocks.length; bi++) {
      const end = ends[bi];
      if (!end) continue;
      if (!end.dot && (habit || (region[bi] > 0 && regionBare[region[bi]] >= 2 && regionBare[region[bi]] * 3 > regionEligible[region[bi]]))) continue;
      const proseStart = p.spans[p.firstSpan[bi]].start;
      const quoted = tail(text, proseStart, end.at, 8);
      if (end.dot) {
        ctx.report({
          start: end.last,
          end: end.last + 1,
          message: msg(`段末用了半角“.”，应为“。”：${quoted}`, `The paragraph ends with a half-width "."; use "。": ${quoted}`),
          fixes: [{ title: msg('改为“。”', 'Change to "。"'), edits: [{ start: end.last, end: end.last + 1, text: '。' }] }],
        });
        continue;
      }
      if (isListItem(model, p, bi) && inBareList(model, p, bi)) continue;
      if (inShortBareRun(model, p, bi)) continue;
      if (standsForMissingFirstHeading(model, bi)) continue;
      let lastStart = end.last;
      const lc = text.charCodeAt(lastStart);
      if (lc >= 0xdc00 && lc <= 0xdfff && lastStart > 0) lastStart--;
      // A paragraph that leads into the list under it (…的几个话题，就是 / 1. 编译原理) calls for a colon.
      const mark = introducesList(model, p, bi) ? '：' : '。';
      ctx.report({
        start: lastStart,
        end: end.last + 1,
        message: msg(`段落没有结束标点，应在段末加“${mark}”：${quoted}`, `The paragraph has no final punctuation; add "${mark}" at its end: ${quoted}`),
        fixes: [{ title: msg(`在段末加“${mark}”`, `Add "${mark}" at the end of the paragraph`), edits: [{ start: end.at, end: end.at, text: mark }] }],
      });
    }
  },
};

/** Whether a block is a body paragraph of Chinese sentences that ends with its mark (the documents' habit is counted over these). */
function isSentenceParagraph(model: ReportModel, p: ProseIndex, bi: number): boolean {
  const { text, blocks } = model;
  if (!isBody(model, bi) || isSegment(model, bi) || isBullet(text, blocks[bi]) || isEmphasised(text, blocks[bi])) return false;
  const first = p.firstSpan[bi];
  if (first < 0) return false;
  // Counted only as far as it takes: most paragraphs show both within their first sentence.
  let han = 0;
  let punct = 0;
  for (let k = first; k < p.spans.length && p.spans[k].block === bi; k++) {
    for (let i = p.spans[k].start; i < p.spans[k].end; i++) {
      const c = text.charCodeAt(i);
      if (isHan(c)) {
        if (++han >= 4 && punct >= 2) return true;
      } else if (isSentencePunct(c) && ++punct >= 2 && han >= 4) return true;
    }
  }
  return false;
}

/** A paragraph written wholly in bold (`**越过山丘，继续前行**`): a slogan set apart, not a sentence of the text. */
function isEmphasised(text: string, b: Block): boolean {
  return b.contentStart >= b.start + 2 && text.startsWith('**', b.contentStart - 2) && text.startsWith('**', b.contentEnd) && !text.slice(b.contentStart, b.contentEnd).includes('**');
}

/**
 * The end of a body paragraph of Chinese sentences that lacks its final mark, or null: for anything
 * that is not such a paragraph (a heading, a list bullet, a label, English, a note in brackets …).
 */
function bareParagraph(model: ReportModel, p: ProseIndex, bi: number): End | null {
  const { text, blocks } = model;
  if (bi < 0 || bi >= blocks.length || !isBody(model, bi)) return null;
  if (isSegment(model, bi) || isBullet(text, blocks[bi]) || isEmphasised(text, blocks[bi])) return null;
  const end = endOf(p, bi);
  if (!end) return null;
  // From here on, only blocks that lack their mark: look at the whole paragraph.
  const first = p.firstSpan[bi];
  let han = 0;
  let latin = 0;
  let punct = false;
  for (let k = first; k < p.spans.length && p.spans[k].block === bi; k++) {
    for (let i = p.spans[k].start; i < p.spans[k].end; i++) {
      const c = text.charCodeAt(i);
      if (isHan(c)) han++;
      else if (isAsciiLetter(c)) latin++;
      else if (isSentencePunct(c) && i < end.last) punct = true;
    }
  }
  if (han < 4 || latin > han) return null; // English, or hardly any Chinese
  if (end.dot) return end;
  if (!punct) return null; // a label, a caption, a small heading
  const proseStart = p.spans[first].start;
  // A paragraph that is one note in brackets, （注：……）, needs no full stop after it.
  const open = text.charCodeAt(proseStart);
  const close = text.charCodeAt(end.last);
  if ((open === 0xff08 && close === 0xff09) || (open === 0x28 && close === 0x29) || (open === 0x3010 && close === 0x3011)) return null;
  const head = text.slice(proseStart, Math.min(end.at, proseStart + 40));
  const label = LABEL.exec(head);
  if (label && !hasSentenceAfterLabel(text, proseStart + label[0].length, end.at)) return null;
  return end;
}

/** Whether the value after a label holds sentence punctuation (then the line is a sentence, not a label). */
function hasSentenceAfterLabel(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f) return true;
  }
  return false;
}

/**
 * Whether a short line stands where the first numbered heading of a list is missing: right under its
 * parent heading (一、), with the list going on at 2 ((二)) after the text under the line, and no 1 in
 * between. It is that heading with its number lost (抗疫情，奋力保障群众安全 for （一）抗疫情……), as
 * happens to Word's automatic numbering in a copy; heading-sequence reports the gap, and no full stop
 * belongs at its end.
 */
function standsForMissingFirstHeading(model: ReportModel, bi: number): boolean {
  const { blocks, headings } = model;
  const b = blocks[bi];
  if (b.contentEnd - b.contentStart > 30 || bi === 0) return false;
  const above = blocks[bi - 1];
  if (above.kind !== 'heading' || above.heading < 0) return false;
  const parent = headings[above.heading];
  if (parent.kind !== 'numbered') return false;
  for (let k = bi + 1; k < blocks.length; k++) {
    const nb = blocks[k];
    if (nb.kind !== 'heading' || nb.heading < 0) continue;
    const h = headings[nb.heading];
    return h.kind === 'numbered' && h.level > parent.level && h.value === 2 && k > bi + 1;
  }
  return false;
}
