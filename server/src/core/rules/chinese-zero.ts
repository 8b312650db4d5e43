// Years written digit by digit in Chinese numerals take 〇 for zero (二〇二三年), not 零 or look-alikes.

import { charIndex } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import { msg, type Rule } from './types';

/** 一 … 九. */
function isNonZeroDigit(ch: string): boolean {
  return '一二三四五六七八九'.includes(ch);
}

/** Characters written for zero in a year: the right one (〇) and the wrong ones (零, ○, ◯, O, Ｏ, 0, ０). */
function zeroKind(ch: string): 'right' | 'wrong' | '' {
  if (ch === '〇') return 'right';
  return '零○◯OＯ0０'.includes(ch) ? 'wrong' : '';
}

/** Characters that make a run a counted number (两千零二十三年) or part of a longer numeral. */
const NUMBER_CONTEXT = '十百千万亿两第';

export const chineseZero: Rule = {
  meta: {
    id: 'chinese-zero',
    category: 'numbers',
    title: msg('年份中的“〇”', 'Zero in Chinese-numeral years'),
    description: msg(
      '用汉字逐位书写的年份，零应写作“〇”（GB/T 15835-2011）：`二零二三年`、`二○二三年`（圆圈符号）、`二O二三年`（字母 O）都应写作 `二〇二三年`。“两千零二十三”一类按数值读写的数字中“零”是正确的，不提示。',
      'A year written digit by digit in Chinese numerals takes 〇 for zero (GB/T 15835-2011): `二零二三年`, `二○二三年` (a circle symbol) and `二O二三年` (a letter O) all become `二〇二三年`. In counted numbers such as 两千零二十三, 零 is right and is left alone.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { text, model } = ctx;
    const spans = proseSpans(model);
    const years = charIndex(model).years;
    // Every 年 in the prose; the year numeral is the run of digit characters just before it.
    forEachInProse(model, years.at, years.count, (y, si) => {
      const span = spans[si];
      let s = y;
      let wrong = 0;
      let han = 0;
      while (s > span.start && y - s < 5) {
        const ch = text[s - 1];
        const z = zeroKind(ch);
        if (z === 'wrong') wrong++;
        else if (isNonZeroDigit(ch)) han++;
        else if (z !== 'right') break;
        s--;
      }
      const len = y - s;
      if (wrong === 0 || len < 3 || len > 4 || han < 2 || !isNonZeroDigit(text[s])) return;
      // The run must stand alone: not inside a longer numeral, a counted number or a Latin word.
      const before = s > span.start ? text[s - 1] : '';
      if (before && (NUMBER_CONTEXT.includes(before) || zeroKind(before) || isNonZeroDigit(before) || /[A-Za-z0-9]/.test(before))) return;
      const raw = text.slice(s, y + 1);
      let fixed = '';
      const edits: { start: number; end: number; text: string }[] = [];
      for (let k = s; k < y; k++) {
        if (zeroKind(text[k]) !== 'wrong') {
          fixed += text[k];
          continue;
        }
        fixed += '〇';
        const last = edits[edits.length - 1];
        if (last && last.end === k) {
          last.end = k + 1;
          last.text += '〇';
        } else {
          edits.push({ start: k, end: k + 1, text: '〇' });
        }
      }
      fixed += '年';
      ctx.report({
        start: s,
        end: y + 1,
        message: msg(`年份“${raw}”中的零应写作“〇”：${fixed}。`, `Write zero as 〇 in the year "${raw}": ${fixed}.`),
        fixes: [{ title: msg(`改为“${fixed}”`, `Change to "${fixed}"`), edits }],
      });
    });
  },
};
