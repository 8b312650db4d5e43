import { isDigit, isHan } from '../text';
import { NONE, isZh, nextCode, prevCode, forEachRun, proseIndex } from './punct-util';
import { msg, type Rule } from './types';

/** Dash-like characters: ASCII hyphen, full-width hyphen, horizontal bar, box line, en dash, em dash. */
const isDashLike = (c: number) => c === 0x2d || c === 0xff0d || c === 0x2015 || c === 0x2500 || c === 0x2013 || c === 0x2014;

/** Pauses and stops: a dash next to one of them is a dash, not a connector (乌—昌). */
const PAUSES = new Set('，。、；：！？'.split('').map((c) => c.charCodeAt(0)));
const isBlank = (c: number) => c === 0x20 || c === 0xa0;

export const punctDash: Rule = {
  meta: {
    id: 'punct-dash',
    category: 'punctuation',
    title: msg('破折号写法不规范', 'Malformed dash'),
    description: msg(
      '中文的破折号是两个“—”连写的“——”（GB/T 15834-2011），占两个字的位置。中文里的“--”、“－－”、“――”，与逗号、句号等相邻的单个“—”，以及段首的单个“—”，都应改为“——”。汉字或数字之间的单个“—”是连接号（“北京—上海”“2021—2035年”），不受影响；页脚“— 1 —”、Markdown 分隔线“---”、日期和范围里的“-”也不受影响。',
      'The Chinese dash is two “—” written together, “——” (GB/T 15834-2011), two characters wide. In Chinese text “--”, “－－”, “――”, a single “—” next to a comma or full stop, and a single “—” opening a paragraph become “——”. A single “—” between Chinese characters or digits is the connecting mark (“北京—上海”, “2021—2035年”) and is left alone, as are page footers “— 1 —”, Markdown rules “---” and the “-” of dates and ranges.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const p = proseIndex(ctx.model);
    const { text } = p;
    forEachRun(ctx.model, isDashLike, (start, end, k, c) => {
      const n = end - start;
      let s = start;
      let e = end;
      if (c === 0x2d /* - */) {
        if (n !== 2) return;
        // Blanks around an ASCII dash go with it.
        const l0 = prevCode(p, k, start);
        const r0 = nextCode(p, k, end - 1);
        if (l0 === 0x3c /* < */ || l0 === 0x21 /* ! */ || r0 === 0x3e /* > */) return; // <!-- -->
        const span = p.spans[k];
        while (s > span.start && s > start - 2 && isBlank(text.charCodeAt(s - 1))) s--;
        while (e < span.end && e < end + 2 && isBlank(text.charCodeAt(e))) e++;
        const l = s > span.start ? text.charCodeAt(s - 1) : s === start ? p.before[k] : NONE;
        const r = e < span.end ? text.charCodeAt(e) : e === end ? p.after[k] : NONE;
        if (!isZh(r) || !(isZh(l) || l === NONE)) return;
      } else if (c === 0x2014 /* — */) {
        if (n === 2 || n > 3) return;
        const l = prevCode(p, k, start);
        const r = nextCode(p, k, end - 1);
        if (n === 3) {
          if (!isZh(l) || !isZh(r)) return;
        } else {
          const opening = l === NONE && (isHan(r) || r === 0x201c /* “ */ || (isDigit(r) && !isFooter(text, end, p.spans[k].end)));
          if (!opening && !PAUSES.has(l) && !PAUSES.has(r)) return; // 乌—昌, 2021—2035, — 1 —
          if (PAUSES.has(l) && isDigit(r)) return; // 。— 12 — in a one-line page footer
          if (!opening && !isZh(l) && !isZh(r)) return;
        }
      } else {
        // －－, ――, ──, –– between Chinese text.
        if (n !== 2) return;
        if (!isZh(prevCode(p, k, start)) || !isZh(nextCode(p, k, end - 1))) return;
      }
      const run = text.slice(s, e);
      ctx.report({
        start: s,
        end: e,
        message: msg(`破折号应写作“——”，不是“${run.trim()}”。`, `Write the dash as "——", not "${run.trim()}".`),
        fixes: [{ title: msg('改为“——”', 'Change to "——"'), edits: [{ start: s, end: e, text: '——' }] }],
      });
    });
  },
};

/** A page number between dashes, `—1—` or `— 12 —`, starting at `i`. */
function isFooter(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && j - i < 3 && isBlank(text.charCodeAt(j))) j++;
  const d = j;
  while (j < end && j - d < 4 && isDigit(text.charCodeAt(j))) j++;
  if (j === d) return false;
  while (j < end && j - d < 8 && isBlank(text.charCodeAt(j))) j++;
  return j < end && text.charCodeAt(j) === 0x2014;
}
