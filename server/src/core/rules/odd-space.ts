// Unusual spaces inside a line (no-break space, en and em spaces, thin spaces …), pasted from Word or
// the web: they look like spaces but do not behave like them in search, wrapping and alignment.

import { charIndex } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import { isCjk, isDigit } from '../text';
import { msg, type Rule } from './types';

function isOddSpace(c: number): boolean {
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

function hex(c: number): string {
  return 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
}

export const oddSpace: Rule = {
  meta: {
    id: 'odd-space',
    category: 'words',
    title: msg('特殊空格', 'Unusual space'),
    description: msg(
      '行内的不换行空格（U+00A0）、半角/全角宽度空格（U+2002、U+2003）、细空格等特殊空格，多由 Word 或网页粘贴带入，看起来是空格，搜索、换行和对齐时却不是。汉字之间换成全角空格（U+3000），其他位置换成普通空格。数字之间的细空格是 GB/T 15835-2011 允许的“千分空”，不提示；不换行空格只在紧挨中文时提示。',
      'No-break spaces (U+00A0), en and em spaces (U+2002, U+2003), thin spaces and other unusual spaces inside a line usually come from Word or the web: they look like spaces but do not behave like them in search, wrapping and alignment. Between Chinese characters they become an ideographic space (U+3000), elsewhere an ordinary space. A thin space between digits is the digit-group separator GB/T 15835-2011 allows and is left alone; a no-break space is flagged only next to Chinese.',
    ),
    scope: 'block',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(ctx) {
    const { text, model } = ctx;
    const spans = proseSpans(model);
    // The odd spaces are among the blanks the index lists; runs of them are taken whole.
    const blanks = charIndex(model).blanks;
    let span = -1;
    let i = 0;
    forEachInProse(model, blanks.at, blanks.count, (at, si) => {
      if (si !== span) span = si;
      else if (at < i) return;
      if (!isOddSpace(text.charCodeAt(at))) return;
      const { start: spanStart, end: spanEnd } = spans[si];
      i = at;
      let j = i + 1;
      while (j < spanEnd && isOddSpace(text.charCodeAt(j))) j++;
      const p = i > spanStart ? text.charCodeAt(i - 1) : 0;
      const q = j < spanEnd ? text.charCodeAt(j) : 0;
      const start = i;
      i = j;
      // Digit groups (1 000 000) and no-break spaces in Latin text are deliberate.
      if (isDigit(p) && isDigit(q) && j - start === 1) return;
      let onlyNbsp = true;
      for (let k = start; k < j; k++) if (text.charCodeAt(k) !== 0xa0) onlyNbsp = false;
      if (onlyNbsp && !isCjk(p) && !isCjk(q)) return;
      const cjk = isCjk(p) && isCjk(q);
      const repl = (cjk ? '\u3000' : ' ').repeat(j - start);
      const codes = [...new Set(text.slice(start, j))].map((s) => hex(s.charCodeAt(0))).join(', ');
      ctx.report({
        start,
        end: j,
        message: cjk
          ? msg(`特殊空格（${codes}）：中文之间应使用全角空格。`, `Unusual space (${codes}): use an ideographic space between Chinese characters.`)
          : msg(`特殊空格（${codes}）：应使用普通空格。`, `Unusual space (${codes}): use an ordinary space.`),
        fixes: [
          {
            title: cjk ? msg('换成全角空格', 'Replace with an ideographic space') : msg('换成普通空格', 'Replace with an ordinary space'),
            edits: [{ start, end: j, text: repl }],
          },
        ],
      });
    });
  },
};
