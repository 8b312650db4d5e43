import { isAsciiLetter, isDigit, isHan, isInlineSpace } from '../text';
import { NONE, isZh, markIndex, mixedQuotes, nextCode, prevCode, proseIndex, type ProseIndex } from './punct-util';
import { msg, type Fix, type Rule } from './types';

/** The paired marks: opening, closing. Half-width parentheses pair with full-width ones but are never reported. */
const PAIRS = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['《', '》'],
  ['【', '】'],
] as const;
/** The marks' names: 前引号 / opening quotation mark. */
const NAMES = [
  ['引号', 'quotation mark'],
  ['单引号', 'single quotation mark'],
  ['括号', 'parenthesis'],
  ['书名号', 'title mark'],
  ['方头括号', 'square bracket'],
] as const;
const QUOTES = 2; // the first two pairs are quotation marks

/** Per character: 0 when not a paired mark, else 1 + type * 4 + (opening ? 2 : 0) + (full-width ? 1 : 0). */
const KIND = new Uint8Array(0x10000);
PAIRS.forEach(([o, c], t) => {
  KIND[o.charCodeAt(0)] = 1 + t * 4 + 3;
  KIND[c.charCodeAt(0)] = 1 + t * 4 + 1;
});
KIND[0x28] = 1 + 2 * 4 + 2; // (
KIND[0x29] = 1 + 2 * 4; // )

/** Punctuation after which a quotation mark cannot open, or before which it cannot close. */
const AFTER_CLOSE = new Set('，。、；：！？）》】…'.split('').map((c) => c.charCodeAt(0)));
const BEFORE_OPEN = new Set('，。、；：（《【'.split('').map((c) => c.charCodeAt(0)));
/** Marks that end a paragraph: a block ending with one is not a line broken mid-sentence. */
const PARAGRAPH_END = new Set('。！？；：…!?;'.split('').map((c) => c.charCodeAt(0)));
const TRAILING_CLOSERS = new Set('”’）》】'.split('').map((c) => c.charCodeAt(0)));

interface Mark {
  at: number;
  k: number;
  t: number;
  full: boolean;
  matched: boolean;
}

interface BlockMarks {
  block: number;
  /** Unmatched opening marks, in order. */
  opens: Mark[];
  /** Unmatched closing marks, in order. */
  closes: Mark[];
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
      const [zh, en] = NAMES[t];
      ctx.report({
        start: m.at,
        end: m.at + 1,
        message: open
          ? msg(`前${zh} ${o} 没有配对的后${zh} ${c}。`, `Opening ${en} ${o} has no matching closing ${en} ${c}.`)
          : msg(`后${zh} ${c} 前面没有配对的前${zh} ${o}。`, `Closing ${en} ${c} has no matching opening ${en} ${o} before it.`),
        fixes: fix ? [fix] : undefined,
      });
    };

    // A reversed quotation mark is reported alone, with its fix; otherwise every unmatched mark is.
    const reportAll = (t: number, marks: Mark[], open: boolean, others: Mark[]) => {
      const other = others.filter((m) => m.t === t && !m.matched);
      for (const m of marks) {
        const fix = m.full ? flipFix(p, t, m, open, marks, other) : undefined;
        if (fix) return report(t, m, open, fix);
      }
      // “甲“乙 or 甲”乙”: one quotation typed with the same mark twice is one mistake, reported once, at the
      // mark that is most likely the wrong way round (the second opening mark, the first closing mark).
      if (t < QUOTES && marks.length === 2 && other.length === 0 && marks[0].full && marks[1].full) {
        const m = open ? marks[1] : marks[0];
        const [o, c] = PAIRS[t];
        const [zh, en] = NAMES[t];
        ctx.report({
          start: m.at,
          end: m.at + 1,
          message: open
            ? msg(`两个前${zh} ${o} 之间没有后${zh}：这个 ${o} 多半应为 ${c}。`, `Two opening ${en}s ${o} and no closing one: this ${o} is probably meant to be ${c}.`)
            : msg(`两个后${zh} ${c} 之前没有前${zh}：这个 ${c} 多半应为 ${o}。`, `Two closing ${en}s ${c} and no opening one: this ${c} is probably meant to be ${o}.`),
        });
        return;
      }
      for (const m of marks) if (m.full) report(t, m, open);
    };

    /** Whether a block's prose ends like a paragraph, not like a line broken mid-sentence. */
    const endsParagraph = (block: number): boolean => {
      let k = p.firstSpan[block];
      if (k < 0) return true;
      while (k + 1 < p.spans.length && p.spans[k + 1].block === block) k++;
      let i = p.spans[k].end - 1;
      const s = p.spans[k].start;
      while (i > s && (isInlineSpace(text.charCodeAt(i)) || TRAILING_CLOSERS.has(text.charCodeAt(i)))) i--;
      return PARAGRAPH_END.has(text.charCodeAt(i));
    };

    let carry: BlockMarks | null = null;
    // A block whose marks all pair up leaves nothing to carry: its record is used again for the next block.
    const nothing: BlockMarks = { block: -1, opens: [], closes: [] };
    let spare: BlockMarks | null = null;
    const finish = (bm: BlockMarks) => {
      if (carry && carry.opens.length) {
        let adjacent = true;
        for (let b = carry.block + 1; b < bm.block; b++) {
          if (p.firstSpan[b] >= 0) {
            adjacent = false;
            break;
          }
        }
        // Marks still open at a line broken mid-sentence may close on the next line.
        const wrapped = adjacent && !endsParagraph(carry.block);
        const first = p.firstSpan[bm.block];
        const firstChar = first >= 0 ? text.charCodeAt(p.spans[first].start) : NONE;
        for (let t = 0; t < PAIRS.length; t++) {
          const opens = carry.opens.filter((m) => m.t === t);
          if (!opens.length) continue;
          if (wrapped) {
            let oi = opens.length - 1;
            for (const m of bm.closes) {
              if (oi < 0) break;
              if (m.t !== t || m.matched) continue;
              m.matched = true;
              opens[oi--].matched = true;
            }
          }
          // Chinese typography: a quotation over several paragraphs opens each of them and closes only the last.
          const excused = adjacent && t < QUOTES && firstChar === PAIRS[t][0].charCodeAt(0);
          if (!excused) reportAll(t, opens.filter((m) => !m.matched && !isSmiley(p, m)), true, carry.closes);
        }
      }
      if (bm.closes.length) {
        for (let t = 0; t < PAIRS.length; t++) {
          const closes = bm.closes.filter((m) => m.t === t && !m.matched && !isListNumber(p, m) && !isSmiley(p, m));
          if (closes.length) reportAll(t, closes, false, bm.opens);
        }
      }
      if (bm.opens.length === 0 && bm.closes.length === 0) {
        carry = nothing;
        spare = bm;
      } else {
        carry = bm;
      }
    };

    const marks = markIndex(ctx.model);
    // The curly ends of quotations opened or closed with a straight quote: punct-straight-quotes reports those.
    const mixed = mixedQuotes(ctx.model);
    const mixedEnds = mixed.size ? new Set(mixed.values()) : null;
    // Per type, the open marks of the current block as indexes into `marks`: most marks pair up at once,
    // so Mark objects are made only for the ones left over.
    const stacks: number[][] = PAIRS.map(() => []);
    const mark = (j: number, t: number): Mark => {
      const c = marks.code[j];
      return { at: marks.at[j], k: marks.span[j], t, full: (KIND[c] - 1) % 2 === 1, matched: false };
    };
    let cur: BlockMarks | null = null;
    const close = (bm: BlockMarks) => {
      for (let t = 0; t < stacks.length; t++) {
        if (stacks[t].length === 0) continue; // setting the length of an array is a slow runtime call
        for (const j of stacks[t]) bm.opens.push(mark(j, t));
        stacks[t].length = 0;
      }
      if (bm.opens.length > 1) bm.opens.sort((a, b) => a.at - b.at);
      finish(bm);
    };
    for (let j = 0; j < marks.count; j++) {
      const c = marks.code[j];
      const kind = KIND[c];
      if (kind === 0) continue;
      const at = marks.at[j];
      if (mixedEnds?.has(at)) continue;
      const k = marks.span[j];
      const block = p.spans[k].block;
      if (!cur || cur.block !== block) {
        if (cur) close(cur);
        cur = spare ?? { block, opens: [], closes: [] };
        cur.block = block;
        spare = null;
      }
      const t = (kind - 1) >> 2;
      if (t === 1 && isApostrophe(p, k, at, c)) continue;
      if ((kind - 1) & 2) stacks[t].push(j);
      else if (stacks[t].length) stacks[t].pop();
      else cur.closes.push(mark(j, t));
    }
    if (cur) close(cur);
    if (carry) {
      const last: BlockMarks = carry;
      for (let t = 0; t < PAIRS.length; t++) {
        const opens = last.opens.filter((m) => m.t === t && !isSmiley(p, m));
        if (opens.length) reportAll(t, opens, true, last.closes);
      }
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
  return { title: msg(`把 ${ch} 改为 ${to}`, `Change ${ch} to ${to}`), edits: [{ start: m.at, end: m.at + 1, text: to }] };
}
