// Years written with two digits (23年3月, 23年度, 23年工作总结): GB/T 15835 writes years in full.

import { charIndex } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import { isAsciiLetter, isDigit, isHan } from '../text';
import { msg, type Rule } from './types';

/**
 * What follows 年 when the number before it is a year and not a number of years: a month, 年度, a half
 * or a quarter of the year. Bounded, anchored, applied to a few characters only.
 */
const DATE_AFTER = /^(?:[0-9０-９]{1,2}[-—~～至到]?[0-9０-９]{0,2}月|(?:十[一二]?|[一二三四五六七八九])月|度|[上下]半年|全年|(?:第?[一二三四1-4１-４]|[一二三四]、[一二三四])季度|[底初末](?:[，。、；：！？,;:）)]|以来|以前|之前|至|到|前后|的|起|开始|各|全))/u;
/** Titles of yearly documents: `23年工作总结`, `23年述职报告` (only after a non-Han character, as in a title). */
const TITLE_AFTER = /^(?:(?:个人|年终|全年|上半年|下半年)?(?:工作)?(?:总结|计划|要点|安排|述职|报告)|述[职责廉])/u;
/** Words before the number that make it a duration (连续23年, 近10年, 满30年, 第20年). */
const DURATION_BEFORE = new Set('近续满达逾超约每第共整历经用余多过这那几了前后'.split(''));

export const twoDigitYear: Rule = {
  meta: {
    id: 'two-digit-year',
    category: 'numbers',
    title: msg('年份简写', 'Abbreviated year'),
    description: msg(
      '年份应写全（GB/T 15835）：`23年3月`、`23年度`、`23年工作总结` 应写作 `2023年3月`、`2023年度`、`2023年工作总结`。只在日期语境中提示；`连续23年`、`近10年`、`30年来` 等表示年数的写法不提示。没有自动修复：世纪无法确定。',
      'Years are written in full (GB/T 15835): `23年3月`, `23年度`, `23年工作总结` become `2023年3月`, `2023年度`, `2023年工作总结`. Only date contexts are flagged; numbers of years (`连续23年`, `近10年`, `30年来`) are left alone. No automatic fix: the century cannot be known.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: false,
    options: {
      titles: {
        type: 'boolean',
        default: true,
        description: msg('也检查标题中的两位年份（`23年工作总结`）。', 'Also flag two-digit years in titles (`23年工作总结`).'),
      },
    },
  },
  check(ctx) {
    const titles = ctx.options.titles as boolean;
    const { text, model } = ctx;
    const spans = proseSpans(model);
    const years = charIndex(model).years;
    forEachInProse(model, years.at, years.count, (y, si) => {
      const span = spans[si];
      if (y < span.start + 2) return;
      const s = y - 2;
      if (!isDigit(text.charCodeAt(s)) || !isDigit(text.charCodeAt(s + 1))) return;
      const p = s > span.start ? text.charCodeAt(s - 1) : 0x0a;
      const apostrophe = p === 0x27 || p === 0x2019; // '23年, ’23年
      if (!apostrophe) {
        if (isDigit(p) || isAsciiLetter(p) || p === 0x2e || p === 0x2c || p === 0xff0e || p === 0x2d || p === 0x2f) return;
        if (DURATION_BEFORE.has(text[s - 1])) return;
        const after = text.slice(y + 1, Math.min(span.end, y + 12));
        // 年代 is a decade (80年代), 年来/年间 a duration.
        const date = DATE_AFTER.test(after) || (titles && !isHan(p) && TITLE_AFTER.test(after));
        if (!date) return;
      }
      const start = apostrophe ? s - 1 : s;
      const raw = text.slice(start, y + 1);
      const yy = text.slice(s, y);
      ctx.report({
        start,
        end: y + 1,
        message: msg(
          `年份“${raw}”是简写，应写全四位（如“20${toAscii(yy)}年”）。`,
          `The year "${raw}" is abbreviated: write all four digits (e.g. "20${toAscii(yy)}年").`,
        ),
      });
    });
  },
};

function toAscii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}
