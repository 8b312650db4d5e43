import { isDigit } from '../text';
import { NONE, isLatinOrDigit, isZh, nextCode, prevCode, forEachRun, proseIndex, scanProse } from './punct-util';
import { msg, type Rule } from './types';

/**
 * Candidate ellipses: runs of …, three or more dots of any kind; three or more 。; two or more „ (a
 * Chinese ellipsis “……” mangled on its way out of a word processor into low quotation marks „„).
 */
const isDot = (c: number) => c === 0x2026 || c === 0x2e || c === 0xb7 || c === 0x30fb || c === 0xff0e || c === 0x201e;
const STOPS = /。{3,}/g;

const isStar = (c: number) => c === 0x2a || c === 0x5f;
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

export const punctEllipsis: Rule = {
  meta: {
    id: 'punct-ellipsis',
    category: 'punctuation',
    title: msg('省略号写法不规范', 'Malformed ellipsis'),
    description: msg(
      '中文的省略号是两个“…”连写的“……”（GB/T 15834-2011），占两个字的位置。单个“…”、英文的“...”、“。。。”、“···”，以及从文字处理软件复制时变成的“„„”，都应改为“……”。英文句子、代码、网址中的“...”、数字范围（1...10）和目录引导点（第一章........3）不受影响。',
      'The Chinese ellipsis is two “…” written together, “……” (GB/T 15834-2011), two characters wide. A single “…”, English “...”, “。。。”, “···” and “„„” (an ellipsis mangled when copied out of a word processor) become “……”. Dots in English sentences, code, URLs, number ranges (1...10) and table-of-contents leaders are left alone.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const p = proseIndex(ctx.model);
    const { text } = p;
    const check = (start: number, end: number, k: number, c: number) => {
      const n = end - start;
      const left = prevCode(p, k, start, isStar);
      const right = nextCode(p, k, end - 1, isStar);
      let replacement = '……';
      if (c === 0x2026 /* … */) {
        if (n % 2 === 0) return; // …… and ………… (two ellipses) are right
        if (!isZh(left) && !isZh(right)) return; // English: wait…
        if (n > 3) replacement = '…'.repeat(n - 1);
      } else if (c === 0x201e /* „ */) {
        if (n < 2 || (!isZh(left) && !isZh(right))) return; // a single „ opens a German quotation
      } else if (c !== 0x3002 /* 。 */) {
        if (n < 3) return;
        if (c === 0x2e /* . */) {
          // Chinese text before, or a Chinese sentence starting right after; never 1...10, App..., leaders.
          if (n > 6 || isDigit(right) || isLatinOrDigit(left)) return;
          const blankBefore = left === NONE || isBlank(left);
          if (!isZh(left) && !(blankBefore && isZh(right))) return;
        } else if (isDigit(right) || (!isZh(left) && !isZh(right))) return;
      }
      const run = text.slice(start, end);
      ctx.report({
        start,
        end,
        message: msg(`省略号应写作“${replacement}”，不是“${run}”。`, `Write the ellipsis as "${replacement}", not "${run}".`),
        fixes: [{ title: msg(`改为“${replacement}”`, `Change to "${replacement}"`), edits: [{ start, end, text: replacement }] }],
      });
    };
    forEachRun(ctx.model, isDot, check);
    scanProse(p, STOPS, (start, end, k) => check(start, end, k, 0x3002));
  },
};
