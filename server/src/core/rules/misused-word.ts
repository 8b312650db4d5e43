// Misused words (再接再励 → 再接再厉) from a built-in list, and the matcher the user dictionary shares.

import { charIndex, pairHash } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import type { ReportModel } from '../model';
import { isAsciiLetter, isAsciiDigit } from '../text';
import { MISUSED_WORDS } from './data/misused-words';
import { msg, type Rule } from './types';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The entry that ends here. */
  wrong?: string;
  right?: string;
  /** Offsets at which `wrong` occurs inside `right`: text already reading `right` there is not a match. */
  inRight?: number[];
}

export interface WordMatch {
  start: number;
  end: number;
  wrong: string;
  right: string;
}

function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c) || c === 0x5f;
}

/**
 * Finds wrong forms in text: a trie walked from each position, longest match first, matches not
 * overlapping. Each position costs at most the length of the longest entry, whatever the list's size.
 */
export class WordMatcher {
  private readonly root: TrieNode = { next: new Map() };
  /**
   * Per UTF-16 code unit: 1 when it starts an entry of two or more units, 2 when it is a whole entry.
   * With `pairs` (a hash of the first two units of the longer entries), most characters of the text
   * cost two typed-array reads and no trie lookup.
   */
  private readonly first = new Uint8Array(0x10000);
  private readonly pairs = new Uint8Array(0x10000);
  readonly size: number;

  constructor(entries: Iterable<readonly [string, string]>) {
    let n = 0;
    for (const [wrong, right] of entries) {
      if (!wrong || wrong === right) continue;
      let node = this.root;
      if (wrong.length === 1) this.first[wrong.charCodeAt(0)] |= 2;
      else {
        this.first[wrong.charCodeAt(0)] |= 1;
        this.pairs[pairHash(wrong.charCodeAt(0), wrong.charCodeAt(1))] = 1;
      }
      for (let i = 0; i < wrong.length; i++) {
        const c = wrong.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map() };
          node.next.set(c, child);
        }
        node = child;
      }
      node.wrong = wrong;
      node.right = right;
      const inRight: number[] = [];
      for (let k = right.indexOf(wrong); k !== -1; k = right.indexOf(wrong, k + 1)) inRight.push(k);
      node.inRight = inRight.length ? inRight : undefined;
      n++;
    }
    this.size = n;
  }

  /** Matches in text[start, end). */
  find(text: string, start: number, end: number, found: (m: WordMatch) => void): void {
    let i = start;
    while (i < end) i = this.findAt(text, i, start, end, found);
  }

  /**
   * The longest match that starts at text[i] (inside text[start, end)), if any. Returns where the search
   * goes on: past the match, or at i + 1.
   */
  findAt(text: string, i: number, start: number, end: number, found: (m: WordMatch) => void): number {
    const c = text.charCodeAt(i);
    const f = this.first[c];
    const candidate = f > 1 || (f === 1 && i + 1 < end && this.pairs[pairHash(c, text.charCodeAt(i + 1))] === 1);
    let node = candidate ? this.root.next.get(c) : undefined;
    if (!node) return i + 1;
    let best: TrieNode | undefined;
    let bestEnd = i;
    let j = i + 1;
    for (;;) {
      if (node.wrong !== undefined && this.accepts(text, i, j, start, end, node)) {
        best = node;
        bestEnd = j;
      }
      if (j >= end) break;
      const child: TrieNode | undefined = node.next.get(text.charCodeAt(j));
      if (!child) break;
      node = child;
      j++;
    }
    if (!best) return i + 1;
    found({ start: i, end: bestEnd, wrong: best.wrong!, right: best.right! });
    return bestEnd;
  }

  private accepts(text: string, s: number, e: number, start: number, end: number, node: TrieNode): boolean {
    const wrong = node.wrong!;
    // A Latin word must match whole (a dictionary entry `teh` does not fire inside `tehran`).
    if (isWordChar(wrong.charCodeAt(0)) && s > start && isWordChar(text.charCodeAt(s - 1))) return false;
    if (isWordChar(wrong.charCodeAt(wrong.length - 1)) && e < end && isWordChar(text.charCodeAt(e))) return false;
    // The text already reads the right form (an entry 帐 → 帐户 must not fire on 帐户).
    if (node.inRight) {
      for (const k of node.inRight) if (s - k >= start && text.startsWith(node.right!, s - k)) return false;
    }
    return true;
  }
}

let builtIn: WordMatcher | undefined;

export function builtInMatcher(): WordMatcher {
  return (builtIn ??= new WordMatcher(MISUSED_WORDS));
}

/** Runs a matcher over the prose of a report. */
export function findWords(model: ReportModel, matcher: WordMatcher, found: (m: WordMatch) => void): void {
  for (const span of proseSpans(model)) matcher.find(model.text, span.start, span.end, found);
}

/** Runs the built-in matcher over the prose of a report, from the places its words may start. */
function findBuiltIn(model: ReportModel, found: (m: WordMatch) => void): void {
  const matcher = builtInMatcher();
  const spans = proseSpans(model);
  // The index lists where the built-in words may start (their first characters); those inside a match are passed over.
  const starts = charIndex(model).wordStarts;
  let span = -1;
  let next = 0;
  forEachInProse(model, starts.at, starts.count, (i, k) => {
    if (k !== span) span = k;
    else if (i < next) return;
    next = matcher.findAt(model.text, i, spans[k].start, spans[k].end, found);
  });
}

export const misusedWord: Rule = {
  meta: {
    id: 'misused-word',
    category: 'words',
    title: msg('常见错别字', 'Misused word'),
    description: msg(
      `公文中常见的错别字和成语误写，如 \`再接再励\`（再接再厉）、\`迫不急待\`（迫不及待）、\`精兵减政\`（精兵简政）、\`因地治宜\`（因地制宜）、\`竞竞业业\`（兢兢业业）。内置 ${MISUSED_WORDS.length} 组，只收在任何语境下都错误的写法（“既使”“按装”不收：“既使……又使……”“按装机容量”是正确的）。用户词典中有同一写法时以用户词典为准。`,
      `Words and idioms commonly miswritten in official writing, such as \`再接再励\` (再接再厉), \`迫不急待\` (迫不及待), \`精兵减政\` (精兵简政), \`因地治宜\` (因地制宜), \`竞竞业业\` (兢兢业业). The ${MISUSED_WORDS.length} built-in pairs hold only forms that are wrong in every context (既使 and 按装 are not listed: 既使……又使…… and 按装机容量 are correct). Where the user dictionary lists the same form, the user dictionary wins.`,
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
    options: {
      exclude: {
        type: 'string[]',
        default: [],
        maxItems: 500,
        maxLength: 20,
        description: msg('不检查的内置错误写法（如某个专名恰好与之相同）。', 'Built-in wrong forms not to check (a proper name that happens to be spelled so).'),
      },
    },
  },
  check(ctx) {
    const dictionary = ctx.config.dictionary;
    const exclude = ctx.options.exclude as readonly string[];
    const skip = exclude.length ? new Set(exclude) : undefined;
    findBuiltIn(ctx.model, (m) => {
      if (dictionary.has(m.wrong) || skip?.has(m.wrong)) return;
      ctx.report({
        start: m.start,
        end: m.end,
        message: msg(`“${m.wrong}”应为“${m.right}”。`, `"${m.wrong}" should be "${m.right}".`),
        fixes: [{ title: msg(`改为“${m.right}”`, `Change to "${m.right}"`), edits: [{ start: m.start, end: m.end, text: m.right }] }],
      });
    });
  },
};
