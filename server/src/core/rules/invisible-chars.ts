// Invisible characters that come with text pasted from the web or from Word: zero-width spaces and
// joiners, word joiners, byte order marks inside the text, soft hyphens, direction marks, and the
// Unicode line and paragraph separators that editors do not show as line breaks.

import { charIndex, isInvisible } from '../chars';
import { eolOf, isAsciiLetter, isAsciiDigit, isCjk } from '../text';
import { msg, type Msg, type Rule } from './types';

/** U+2028 and U+2029: reported one by one, apart from the other invisible characters. */
function isSeparator(c: number): boolean {
  return c === 0x2028 || c === 0x2029;
}

function nameOf(c: number): Msg {
  switch (c) {
    case 0x00ad: return msg('软连字符', 'soft hyphen');
    case 0x200b: return msg('零宽空格', 'zero-width space');
    case 0x200c: return msg('零宽非连接符', 'zero-width non-joiner');
    case 0x200d: return msg('零宽连接符', 'zero-width joiner');
    case 0x200e:
    case 0x200f: return msg('文字方向标记', 'direction mark');
    case 0x2060: return msg('词连接符', 'word joiner');
    case 0xfeff: return msg('字节顺序标记（零宽不换行空格）', 'byte order mark (zero-width no-break space)');
    case 0x2028: return msg('Unicode 行分隔符', 'Unicode line separator');
    case 0x2029: return msg('Unicode 段分隔符', 'Unicode paragraph separator');
    default:
      return c >= 0x2061 && c <= 0x2064 ? msg('不可见数学运算符', 'invisible math operator') : msg('文字方向控制符', 'direction control');
  }
}

function hex(c: number): string {
  return 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
}

/** Latin letters, digits and Chinese: the scripts where a joiner has no business. */
function isPlainNeighbour(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c) || isCjk(c) || c === 0x20;
}

export const invisibleChars: Rule = {
  meta: {
    id: 'invisible-chars',
    category: 'words',
    title: msg('不可见字符', 'Invisible characters'),
    description: msg(
      '从网页或 Word 粘贴来的零宽空格（U+200B）、零宽连接符、词连接符（U+2060）、文中的 BOM（U+FEFF）、软连字符（U+00AD）、文字方向控制符，以及编辑器不显示为换行的 Unicode 行/段分隔符（U+2028/U+2029）。它们看不见，却会让搜索、字数统计、复制数字和付费标记的识别出错。文首的 BOM、emoji 中的连接符和独占一行的不可见字符（导出 Markdown 时空段落写成的零宽空格）不提示。',
      'Zero-width spaces (U+200B), zero-width joiners, word joiners (U+2060), byte order marks inside the text (U+FEFF), soft hyphens (U+00AD) and direction controls that come with text pasted from the web or Word, and the Unicode line and paragraph separators (U+2028/U+2029) that editors do not show as line breaks. They cannot be seen but break search, character counts, copied numbers and the recognition of paid markers. A BOM at the very start, joiners inside emoji and a line of nothing but invisible characters (how some editors export an empty paragraph) are left alone.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { text } = ctx;
    // Runs of invisible characters (U+2028 and U+2029 one by one), from the ones the index lists.
    const invisibles = charIndex(ctx.model).invisibles;
    let next = 0;
    for (let q = 0; q < invisibles.count; q++) {
      let start = invisibles.at[q];
      if (start < next) continue;
      let end = start + 1;
      if (!isSeparator(text.charCodeAt(start))) {
        while (end < text.length && isInvisible(text.charCodeAt(end)) && !isSeparator(text.charCodeAt(end))) end++;
      }
      next = end;
      if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1; // the byte order mark of the file
      if (start >= end) continue;
      const first = text.charCodeAt(start);
      if (first === 0x2028 || first === 0x2029) {
        const eol = eolOf(text);
        ctx.report({
          start,
          end,
          message: msg(
            `${nameOf(first).zh}（${hex(first)}）在编辑器中不显示为换行，应换成普通换行。`,
            `${cap(nameOf(first).en)} (${hex(first)}) does not show as a line break in editors; use an ordinary line break.`,
          ),
          fixes: [{ title: msg('换成普通换行', 'Replace with a line break'), edits: [{ start, end, text: eol }] }],
        });
        continue;
      }
      // A line that holds nothing but invisible characters is a blank line to the reader and to Word (editors
      // that export Markdown write one for each empty paragraph): nothing to search, count or copy there.
      if (aloneOnLine(text, start, end)) continue;
      // Joiners between letters of other scripts or inside emoji sequences do their job.
      if (end - start === 1 && (first === 0x200c || first === 0x200d)) {
        const p = start > 0 ? text.charCodeAt(start - 1) : 0x20;
        const q = end < text.length ? text.charCodeAt(end) : 0x20;
        if (!isPlainNeighbour(p) && !isPlainNeighbour(q)) continue;
      }
      const codes: number[] = [];
      for (let k = start; k < end; k++) if (!codes.includes(text.charCodeAt(k))) codes.push(text.charCodeAt(k));
      const zh = codes.map((c) => `${nameOf(c).zh}（${hex(c)}）`).join('、');
      const en = codes.map((c) => `${nameOf(c).en} (${hex(c)})`).join(', ');
      ctx.report({
        start,
        end,
        message: msg(`不可见字符：${zh}，应删除。`, `Invisible character${end - start > 1 ? 's' : ''}: ${en}; remove.`),
        fixes: [{ title: msg('删除不可见字符', 'Remove the invisible characters'), edits: [{ start, end, text: '' }] }],
      });
    }
  },
};

/** Whether only spaces and tabs stand between the span and the line's ends. */
function aloneOnLine(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  if (i >= 0 && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) return false;
  let j = end;
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
  return j >= text.length || text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
