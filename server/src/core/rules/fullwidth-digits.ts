// Full-width digits (０-９) in running text: GB/T 15835-2011 writes Arabic numerals half-width.

import { charIndex } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import { isFullWidthDigit } from '../text';
import { msg, type Rule } from './types';

/** Full-width marks that belong to a number when they stand between full-width digits: ．(decimal) and ：(time). */
function isInnerMark(c: number): boolean {
  return c === 0xff0e || c === 0xff1a;
}

/** The half-width form of a run of full-width digits and marks. */
function halfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(s.charCodeAt(i) - 0xfee0);
  return out;
}

export const fullwidthDigits: Rule = {
  meta: {
    id: 'fullwidth-digits',
    category: 'numbers',
    title: msg('全角数字', 'Full-width digits'),
    description: msg(
      '正文中的阿拉伯数字应使用半角形式（GB/T 15835-2011）：`２０２３年` 应写作 `2023年`，`１５．６％` 应写作 `15.6%`。标题编号中的全角数字由标题编号规则处理。',
      'Arabic numerals in running text are written half-width (GB/T 15835-2011): `２０２３年` becomes `2023年`, `１５．６％` becomes `15.6%`. Full-width digits in heading numbers are left to the heading-number rule.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { text, model } = ctx;
    // Heading numbers are the heading rules' business: skipped through a cursor over the headings.
    const headings = model.headings;
    const spans = proseSpans(model);
    const digits = charIndex(model).fullWidthDigits;
    let mk = 0;
    // Where the scan of the current span has got to: digits before it belong to a run already seen.
    let span = -1;
    let i = 0;
    forEachInProse(model, digits.at, digits.count, (at, k) => {
      if (k !== span) span = k;
      else if (at < i) return;
      i = at;
      const end = spans[k].end;
      while (mk < headings.length && (headings[mk].marker.end <= i || headings[mk].marker.end === headings[mk].marker.start)) mk++;
      if (mk < headings.length && headings[mk].marker.start <= i) {
        i = headings[mk].marker.end;
        return;
      }
      let j = i + 1;
      for (;;) {
        if (j < end && isFullWidthDigit(text.charCodeAt(j))) j++;
        else if (j + 1 < end && isInnerMark(text.charCodeAt(j)) && isFullWidthDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      if (j < end && text.charCodeAt(j) === 0xff05 /*％*/) j++;
      const raw = text.slice(i, j);
      const fixed = halfWidth(raw);
      ctx.report({
        start: i,
        end: j,
        message: msg(`全角数字“${raw}”应写作半角“${fixed}”。`, `Full-width digits "${raw}": write "${fixed}".`),
        fixes: [{ title: msg(`改为“${fixed}”`, `Change to "${fixed}"`), edits: [{ start: i, end: j, text: fixed }] }],
      });
      i = j;
    });
  },
};
