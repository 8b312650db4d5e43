import { proseIndex, scanProse } from './punct-util';
import { msg, type Rule } from './types';

/** The same mark twice or more. Three or more 。 are an ellipsis (punct-ellipsis); ！ and ？ may repeat. */
const DEFAULT_MARKS = '。，、；：';
const compiled = new Map<string, RegExp>();
/** A run of two or more of the given marks (each written as a code point escape: no syntax from settings). */
function repeatedOf(marks: string): RegExp {
  let re = compiled.get(marks);
  if (!re) {
    const cls = [...marks].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
    re = cls ? new RegExp(`[${cls}]{2,}`, 'gu') : /(?!)/gu;
    if (compiled.size > 32) compiled.clear();
    compiled.set(marks, re);
  }
  return re;
}
const REPEATED = /[。，、；：]{2,}/g;

export const punctRepeated: Rule = {
  meta: {
    id: 'punct-repeated',
    category: 'punctuation',
    title: msg('标点重复', 'Repeated punctuation'),
    description: msg(
      '同一个点号连写（`。。`、`，，`、`、、`、`；；`、`：：`）是打字错误，保留一个即可。省略号“……”和破折号“——”本来就是两个字符；`。。。` 是写错的省略号，由 punct-ellipsis 处理；GB/T 15834-2011 允许叹号、问号叠用以加强语气（“！！”“？！”），不算错误。',
      'The same stop mark written twice or more (`。。`, `，，`, `、、`, `；；`, `：：`) is a typo: keep one. The ellipsis “……” and the dash “——” are two characters by design; `。。。` is a miswritten ellipsis, left to punct-ellipsis; GB/T 15834-2011 allows repeated exclamation and question marks for emphasis (“！！”, “？！”).',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
    options: {
      marks: {
        type: 'string',
        default: '。，、；：',
        maxLength: 16,
        description: msg('连写即为重复的点号（默认 。，、；：；可加入 ！？ 以禁止叠用）。', 'The marks that are a typo when repeated (default 。，、；：; add ！？ to forbid repeated exclamation and question marks).'),
      },
    },
  },
  check(ctx) {
    const p = proseIndex(ctx.model);
    const { text } = ctx;
    const report = (start: number, end: number) => {
      const run = text.slice(start, end);
      ctx.report({
        start,
        end,
        message: msg(`标点“${run}”重复，应为“${run[0]}”。`, `Repeated punctuation "${run}"; write "${run[0]}".`),
        fixes: [{ title: msg(`改为“${run[0]}”`, `Change to "${run[0]}"`), edits: [{ start: start + 1, end, text: '' }] }],
      });
    };
    const marks = ctx.options.marks as string;
    const re = marks === DEFAULT_MARKS ? REPEATED : repeatedOf(marks);
    scanProse(p, re, (from, to) => {
      // Runs of one mark within the match (，。 and 、， are other mistakes).
      for (let start = from; start < to; ) {
        const c = text.charCodeAt(start);
        let end = start + 1;
        while (end < to && text.charCodeAt(end) === c) end++;
        if (end - start >= 2 && !(c === 0x3002 && end - start >= 3)) report(start, end);
        start = end;
      }
    });
  },
};
