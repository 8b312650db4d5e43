import { isAsciiLetter, isDigit, isHan } from '../text';
import { NONE, isZh, nextCode, prevCode, markIndex, mixedQuotes, proseIndex } from './punct-util';
import { msg, type Rule } from './types';

interface Q {
  at: number;
  k: number;
}

/** Printable ASCII other than the blank: English text or code beside a quotation. */
function isAsciiText(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0;

export const punctStraightQuotes: Rule = {
  meta: {
    id: 'punct-straight-quotes',
    category: 'punctuation',
    title: msg('中文里的直引号', 'Straight quotes in Chinese text'),
    description: msg(
      '中文行文用弯引号“”‘’（GB/T 15834-2011），直引号 `"` `\'` 应按出现顺序成对改为“”和‘’。英文句子、代码、英文缩写中的撇号（Let\'s）和数字后的英寸、英尺记号（6"、5\'）不受影响；一段里直引号个数为奇数、无法配对时只提示，不自动修改。直引号与弯引号混成一对（\'两个确保“、"两个确保”）时作为一处报告，改为“…”。',
      'Chinese text takes curly quotes “” ‘’ (GB/T 15834-2011): straight `"` and `\'` become “” and ‘’, paired in order. English sentences, code, apostrophes (Let\'s) and inch or foot marks after digits (6", 5\') are left alone; when a paragraph holds an odd number of straight quotes they cannot be paired, and the rule only warns. A straight quote paired with a curly one (\'两个确保“, "两个确保”) is reported once and made “…”.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const p = proseIndex(ctx.model);
    const { text } = p;
    let block = -1;
    let dq: Q[] = [];
    let sq: Q[] = [];

    const flush = () => {
      if (dq.length) pairUp(dq, '“', '”', true);
      if (sq.length) pairUp(sq, '‘', '’', false);
      dq = [];
      sq = [];
    };

    const hanBetween = (a: number, b: number) => {
      for (let i = a + 1; i < b; i++) if (isHan(text.charCodeAt(i))) return true;
      return false;
    };

    const pairUp = (qs: Q[], open: string, close: string, double: boolean) => {
      const ch = double ? '"' : "'";
      if (qs.length % 2 === 1) {
        // Cannot be paired: warn about the ones in Chinese text, fix nothing.
        for (const q of qs) {
          if (!isZh(prevCode(p, q.k, q.at)) && !isZh(nextCode(p, q.k, q.at))) continue;
          ctx.report({
            start: q.at,
            end: q.at + 1,
            message: msg(
              `中文里用了直引号${ch}，本段直引号个数为奇数，无法自动配对：请改为${open}或${close}。`,
              `Straight quote ${ch} in Chinese text; the paragraph has an odd number of them, so they cannot be paired automatically: use ${open} or ${close}.`,
            ),
          });
        }
        return;
      }
      for (let i = 0; i < qs.length; i += 2) {
        const a = qs[i];
        const b = qs[i + 1];
        const left = prevCode(p, a.k, a.at, isBlank);
        const right = nextCode(p, b.k, b.at, isBlank);
        const chinese = hanBetween(a.at, b.at)
          ? !(isAsciiText(left) && isAsciiText(right)) // {"name":"张三"} and He said "你好" stay
          : isZh(left) || isZh(right); // 点击"Save"按钮
        if (!chinese) continue;
        ctx.report({
          start: a.at,
          end: b.at + 1,
          message: msg(
            `中文里用了直引号${ch}…${ch}，应改为${open}…${close}。`,
            `Straight quotes ${ch}…${ch} in Chinese text; use ${open}…${close}.`,
          ),
          fixes: [{
            title: msg(`改为${open}${close}`, `Change to ${open}${close}`),
            edits: [{ start: a.at, end: a.at + 1, text: open }, { start: b.at, end: b.at + 1, text: close }],
          }],
        });
      }
    };

    // A quotation opened with a straight quote and closed with a curly one ('两个确保“, "两个确保”): one
    // quotation with mismatched marks, made “…” (the curly mark shows double quotes were meant).
    const mixed = mixedQuotes(ctx.model);
    for (const [a, b] of mixed) {
      const ch = text[a];
      ctx.report({
        start: a,
        end: b + 1,
        message: msg(
          `引号前后不一致：${ch}…${text[b]}，应改为“…”。`,
          `Mismatched quotation marks ${ch}…${text[b]}; use “…”.`,
        ),
        fixes: [{
          title: msg('改为“”', 'Change to “”'),
          edits: [{ start: a, end: a + 1, text: '“' }, { start: b, end: b + 1, text: '”' }],
        }],
      });
    }

    const marks = markIndex(ctx.model);
    for (let j = 0; j < marks.count; j++) {
      const c = marks.code[j];
      if (c !== 0x22 && c !== 0x27) continue;
      const at = marks.at[j];
      if (mixed.has(at)) continue;
      const k = marks.span[j];
      const b = p.spans[k].block;
      if (b !== block) {
        flush();
        block = b;
      }
      const l = prevCode(p, k, at);
      const r = nextCode(p, k, at);
      if (c === 0x22) {
        // 6" after a digit, where an opening quote would stand, is an inch mark.
        if (isDigit(l) && dq.length % 2 === 0) continue;
        dq.push({ at, k });
        continue;
      }
      // ' : only beside Chinese text; apostrophes (Let's) and feet (5') are not quotes.
      if (isDigit(l) && sq.length % 2 === 0) continue;
      if (!isZh(l) && !isZh(r)) continue;
      if (isAsciiLetter(l) && isAsciiLetter(r)) continue;
      if (l === NONE && r === NONE) continue;
      sq.push({ at, k });
    }
    flush();
  },
};
