// A paragraph that ends with 、 or ，: the sentence was cut off, or its end mark typed wrong.

import type { ReportModel } from '../model';
import { isHan, isInlineSpace } from '../text';
import { indentOf, isMarkdown } from './heading-groups';
import { proseIndex } from './punct-util';
import { msg, type Rule } from './types';

/** Closing marks that may follow the comma (`……，”`). */
const CLOSERS = new Set('”’）》】」』)"\''.split('').map((c) => c.charCodeAt(0)));

/** Whether the block is body text whose end this rule looks at: a paragraph, a closing one, a run-in heading's body. */
function isBody(model: ReportModel, bi: number): boolean {
  const b = model.blocks[bi];
  if (b.kind === 'paragraph' || b.kind === 'closing') return true;
  return b.kind === 'heading' && b.heading >= 0 && model.headings[b.heading].kind === 'numbered' && model.headings[b.heading].runIn;
}

/** Whether a blank line lies between two lines of the document. */
function blankBetween(model: ReportModel, line: number, nextLine: number): boolean {
  return nextLine > line + 1;
}

/**
 * Whether the document wraps its paragraphs over several lines: many lines that end in the middle of a
 * sentence run straight on into the next line. Then a comma at a line's end is a wrap, not an end.
 */
function isWrapped(model: ReportModel): boolean {
  const { blocks, text } = model;
  let wraps = 0;
  let lines = 0;
  for (let bi = 0; bi + 1 < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.kind !== 'paragraph') continue;
    lines++;
    const n = blocks[bi + 1];
    if (n.line !== b.line + 1 || n.kind !== 'paragraph') continue;
    const c = text.charCodeAt(b.contentEnd - 1);
    if (isHan(c) || c === 0xff0c /*，*/ || c === 0x3001 /*、*/ || c === 0x2c) wraps++;
  }
  return wraps >= 3 && wraps * 5 >= lines;
}

/** Whether a parenthesis opened in text[from, to) is still open at `to`. */
function openParen(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 /*（*/ || c === 0x28) depth++;
    else if ((c === 0xff09 /*）*/ || c === 0x29) && depth > 0) depth--;
  }
  return depth > 0;
}

export const paragraphEndComma: Rule = {
  meta: {
    id: 'paragraph-end-comma',
    category: 'punctuation',
    title: msg('段落以逗号或顿号结尾', 'Paragraph ending with a comma'),
    description: msg(
      '段落末尾是“，”或“、”，多是句子没写完，或把句号打成了逗号。快速修复改为“。”；其后紧接列表时改为“：”。按行折行的文本（句子跨行接续）中，只检查其后是空行、编号标题或全文结尾的段落（其后看似分部分标题的短行是句子的接续）；下一行缩进更深的续行、逗号处还有未闭合的括号、Markdown 中紧接的下一行（Markdown 把它们连成一段）不报。',
      'A paragraph that ends with "，" or "、": usually an unfinished sentence, or a full stop typed as a comma. The quick fix changes it to "。", or to "：" when a list follows. In text wrapped over lines (sentences running on into the next line), only paragraphs followed by a blank line, a numbered heading or the end of the document are checked (a short line after them that reads like a part title is the sentence going on); a continuation line indented deeper, a comma inside a parenthesis still open, and, in Markdown, a next line that follows directly (Markdown joins them into one paragraph) are left alone.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { model, text } = ctx;
    const p = proseIndex(model);
    const { blocks } = model;
    let wrapped: boolean | undefined;
    for (let bi = 0; bi < blocks.length; bi++) {
      if (!isBody(model, bi) || model.oneLine) continue;
      const first = p.firstSpan[bi];
      if (first < 0) continue;
      let k = first;
      while (k + 1 < p.spans.length && p.spans[k + 1].block === bi) k++;
      const s = p.spans[k].start;
      let e = p.spans[k].end;
      while (e > s && (isInlineSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 0x2a /***/)) e--;
      let j = e;
      while (j > s && CLOSERS.has(text.charCodeAt(j - 1))) j--;
      if (j <= s) continue;
      const c = text.charCodeAt(j - 1);
      if (c !== 0xff0c /*，*/ && c !== 0x3001 /*、*/) continue;
      // At least a few words of Chinese before it: not a fragment such as a lone label.
      let han = 0;
      for (let i = Math.max(s, j - 12); i < j; i++) if (isHan(text.charCodeAt(i))) han++;
      if (han < 2) continue;
      const next = blocks[bi + 1];
      // In wrapped text a short piece of the sentence alone on the next line (`建设，` / `炭元科技` / `获批…`,
      // text extracted from a PDF) reads like an unnumbered part title: it is the sentence going on.
      const partTitle = !!next && next.kind === 'heading' && next.heading >= 0 && model.headings[next.heading].kind === 'part';
      if (next && next.line === blocks[bi].line + 1 && (next.kind === 'paragraph' || next.kind === 'closing' || partTitle)) {
        if (indentOf(model, bi + 1) > indentOf(model, bi)) continue; // a continuation line
        if (next.contentStart > next.start && /^(?:>|[-*+][ \t])/u.test(text.slice(next.start, next.start + 2))) continue; // runs on into a quote or a list
        // A parenthesis still open at the comma (`（营收、销量、` / `库存）`): the sentence goes on below.
        if (next.kind === 'paragraph' && openParen(text, blocks[bi].contentStart, j)) continue;
        // Markdown joins the lines of a paragraph: without a blank line the next line goes on with it.
        if (next.kind === 'paragraph' && isMarkdown(model)) continue;
        if (wrapped === undefined) wrapped = isWrapped(model);
        if (wrapped) continue;
      }
      const listFollows = !!next && next.kind === 'heading' && next.heading >= 0 && model.headings[next.heading].level > 0 && !blankBetween(model, blocks[bi].line, next.line) && model.headings[next.heading].value === 1;
      const want = listFollows ? '：' : '。';
      const mark = text[j - 1];
      ctx.report({
        start: j - 1,
        end: j,
        message: msg(`段落以“${mark}”结尾，句子似乎没有写完；应为“${want}”。`, `The paragraph ends with "${mark}": the sentence looks unfinished; use "${want}".`),
        fixes: [{ title: msg(`改为“${want}”`, `Change to "${want}"`), edits: [{ start: j - 1, end: j, text: want }] }],
      });
    }
  },
};
