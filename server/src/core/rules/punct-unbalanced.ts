import { isAsciiLetter, isDigit, isHan, isInlineSpace } from '../text';
import { NONE, isZh, nextCode, prevCode, proseIndex, scanProse, type ProseIndex } from './punct-util';
import { msg, type Fix, type Rule } from './types';

/** The paired marks: opening, closing. Half-width parentheses pair with full-width ones but are never reported. */
const PAIRS = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['《', '》'],
  ['【', '】'],
] as const;
const QUOTES = 2; // the first two pairs are quotation marks
const TYPE = new Map<number, [type: number, open: boolean, full: boolean]>();
PAIRS.forEach(([o, c], t) => {
  TYPE.set(o.charCodeAt(0), [t, true, true]);
  TYPE.set(c.charCodeAt(0), [t, false, true]);
});
TYPE.set(0x28, [2, true, false]);
TYPE.set(0x29, [2, false, false]);

const MARKS = /[“”‘’（）()《》【】]/g;

/** Punctuation after which a quotation mark cannot open, or before which it cannot close. */
const AFTER_CLOSE = new Set('，。、；：！？）》】…'.split('').map((c) => c.charCodeAt(0)));
const BEFORE_OPEN = new Set('，。、；：（《【'.split('').map((c) => c.charCodeAt(0)));

interface Mark {
  at: number;
  k: number;
  full: boolean;
}

interface BlockMarks {
  block: number;
  /** Unmatched opening marks per type, in order. */
  opens: Mark[][];
  /** Unmatched closing marks per type, in order. */
  closes: Mark[][];
}

export const punctUnbalanced: Rule = {
  meta: {
    id: 'punct-unbalanced',
    category: 'punctuation',
    title: msg('成对标点不配对', 'Unbalanced paired punctuation'),
    description: msg(
      '引号“”‘’、括号（）、书名号《》、方头括号【】必须成对出现（GB/T 15834-2011）。每个段落内检查；引文跨段时每段开头用前引号、只在最后一段末尾用后引号，这种写法不算错。只有能确定时才提供修复（如把方向写反的引号改过来）。',
      'Quotation marks “” ‘’, parentheses （）, title marks 《》 and square brackets 【】 come in pairs (GB/T 15834-2011). Checked within each paragraph; a quotation running over several paragraphs, with an opening mark at the start of each and a closing mark only at the end of the last, is accepted. A fix is offered only when it is certain (a quotation mark written the wrong way round).',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const p = proseIndex(ctx.model);
    const { text } = p;
    const report = (t: number, m: Mark, open: boolean, fix?: Fix) => {
      const [o, c] = PAIRS[t];
      const ch = text[m.at];
      ctx.report({
        start: m.at,
        end: m.at + 1,
        message: open
          ? msg(`“${ch}”没有对应的“${c}”。`, `"${ch}" has no matching "${c}".`)
          : msg(`“${ch}”前面没有对应的“${o}”。`, `"${ch}" has no matching "${o}" before it.`),
        fixes: fix ? [fix] : undefined,
      });
    };

    // A reversed quotation mark is reported alone, with its fix; otherwise every unmatched mark is.
    const reportAll = (t: number, marks: Mark[], open: boolean, bm: BlockMarks) => {
      for (const m of marks) {
        const fix = m.full ? flipFix(p, t, m, open, marks, open ? bm.closes[t] : bm.opens[t]) : undefined;
        if (fix) return report(t, m, open, fix);
      }
      for (const m of marks) if (m.full) report(t, m, open);
    };

    let cur: BlockMarks | null = null;
    let stacks: Mark[][] = PAIRS.map(() => []);
    let carry: BlockMarks | null = null;

    const finish = (bm: BlockMarks) => {
      // Marks still open in the previous block may close here (a quotation or a note over a line break).
      let adjacent = false;
      if (carry) {
        adjacent = true;
        for (let b = carry.block + 1; b < bm.block; b++) {
          if (p.firstSpan[b] >= 0) {
            adjacent = false;
            break;
          }
        }
      }
      const first = p.firstSpan[bm.block];
      const firstChar = first >= 0 ? text.charCodeAt(p.spans[first].start) : NONE;
      for (let t = 0; t < PAIRS.length; t++) {
        const closes = bm.closes[t];
        let ci = 0;
        if (carry) {
          const opens = carry.opens[t];
          if (adjacent) while (opens.length && ci < closes.length) {
            opens.pop();
            ci++;
          }
          // Chinese typography: a quotation over several paragraphs opens each of them and closes only the last.
          const excused = adjacent && t < QUOTES && firstChar === PAIRS[t][0].charCodeAt(0);
          if (!excused) reportAll(t, opens.filter((m) => !isSmiley(p, m)), true, carry);
        }
        reportAll(t, closes.slice(ci).filter((m) => !isListNumber(p, m) && !isSmiley(p, m)), false, bm);
      }
      carry = bm;
    };

    scanProse(p, MARKS, (at, _end, k) => {
      const block = p.spans[k].block;
      if (!cur || cur.block !== block) {
        if (cur) {
          cur.opens = stacks;
          finish(cur);
        }
        cur = { block, opens: [], closes: PAIRS.map(() => []) };
        stacks = PAIRS.map(() => []);
      }
      const c = text.charCodeAt(at);
      const [t, open, full] = TYPE.get(c)!;
      if (t === 1 && isApostrophe(p, k, at, c)) return;
      const m: Mark = { at, k, full };
      if (open) stacks[t].push(m);
      else if (stacks[t].length) stacks[t].pop();
      else cur.closes[t].push(m);
    });
    if (cur) {
      (cur as BlockMarks).opens = stacks;
      finish(cur);
    }
    if (carry) {
      const last: BlockMarks = carry;
      for (let t = 0; t < PAIRS.length; t++) reportAll(t, last.opens[t].filter((m) => !isSmiley(p, m)), true, last);
    }
  },
};

/** ’ as an apostrophe (don’t, users’). */
function isApostrophe(p: ProseIndex, k: number, at: number, c: number): boolean {
  if (c !== 0x2019 && c !== 0x2018) return false;
  const l = prevCode(p, k, at);
  const r = nextCode(p, k, at);
  if (c === 0x2018) return isAsciiLetter(r) && (isAsciiLetter(l) || isDigit(l)); // rock ‘n’ roll is rare; keep ‘ otherwise
  return isAsciiLetter(l) && !isZh(r);
}

/** An emoticon: ：） ：（ ;） written with a full-width parenthesis. */
function isSmiley(p: ProseIndex, m: Mark): boolean {
  const c = p.text.charCodeAt(m.at);
  if (c !== 0xff08 && c !== 0xff09) return false;
  const l = prevCode(p, m.k, m.at);
  return l === 0xff1a || l === 0x3a || l === 0xff1b || l === 0x3b;
}

/** A closing parenthesis or bracket after a list number: `1）`, `a）`, `二）` at the start or after a pause. */
function isListNumber(p: ProseIndex, m: Mark): boolean {
  const { text } = p;
  const c = text.charCodeAt(m.at);
  if (c !== 0xff09 && c !== 0x3011) return false;
  const s = p.spans[m.k].start;
  let j = m.at - 1;
  while (j >= s && m.at - j <= 3) {
    const x = text.charCodeAt(j);
    if (isDigit(x) || isAsciiLetter(x) || '一二三四五六七八九十'.includes(text[j])) j--;
    else break;
  }
  if (j === m.at - 1 || m.at - j > 3) return false;
  if (j < s) return p.before[m.k] === NONE || p.before[m.k] === 0x20;
  const x = text.charCodeAt(j);
  return isInlineSpace(x) || '，；：。、'.includes(text[j]);
}

/**
 * The fix for a quotation mark written the wrong way round, when certain: the block holds exactly two
 * unmatched marks of the type, both written the same way, and the context shows which one is reversed
 * (an opening mark before a pause or at the end, a closing mark after a pause and before Han).
 */
function flipFix(p: ProseIndex, t: number, m: Mark, open: boolean, same: Mark[], other: Mark[]): Fix | undefined {
  if (t >= QUOTES) return undefined;
  if (same.length !== 2 || other.length !== 0) return undefined;
  const { text } = p;
  if (open) {
    if (m !== same[1]) return undefined;
    const r = nextCode(p, m.k, m.at);
    if (!(r === NONE || AFTER_CLOSE.has(r))) return undefined;
  } else {
    if (m !== same[0]) return undefined;
    const l = prevCode(p, m.k, m.at);
    const r = nextCode(p, m.k, m.at);
    if (!(l === NONE || BEFORE_OPEN.has(l)) || !isHan(r)) return undefined;
  }
  const to = PAIRS[t][open ? 1 : 0];
  const ch = text[m.at];
  return { title: msg(`把“${ch}”改为“${to}”`, `Change "${ch}" to "${to}"`), edits: [{ start: m.at, end: m.at + 1, text: to }] };
}
