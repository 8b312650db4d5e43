import type { Heading } from '../model';
import { hasHanText, isMarkdown, siblingGroups, splitByIndent } from './heading-groups';
import { msg, type Edit, type Rule } from './types';

/** How a standalone heading ends: nothing, a full stop or a colon. Other endings are left out. */
type Ending = '' | '。' | '：';

function endingOf(h: Heading): Ending | null {
  switch (h.terminator) {
    case '': return '';
    case '。': return '。';
    case '：': case ':': return '：';
    default: return null;
  }
}

interface Tally {
  counts: Map<Ending, number>;
  total: number;
}

function tally(items: readonly Heading[], counted: (h: Heading) => boolean): Tally {
  const counts = new Map<Ending, number>();
  let total = 0;
  for (const h of items) {
    if (!counted(h)) continue;
    const e = endingOf(h)!;
    counts.set(e, (counts.get(e) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

/** The ending most headings share, when it is clear: at least `minShare` of them and at least two. */
function majority(t: Tally, minShare: number): { ending: Ending; count: number } | null {
  if (t.total < 3) return null;
  let best: Ending | null = null;
  let n = 0;
  for (const [e, c] of t.counts) {
    if (c > n) {
      best = e;
      n = c;
    }
  }
  if (best === null || n < 2 || n <= t.total * minShare) return null;
  return { ending: best, count: n };
}

const NAME: Record<Ending, { zh: string; en: string }> = {
  '': { zh: '不加标点', en: 'no punctuation' },
  '。': { zh: '以“。”结尾', en: 'a final "。"' },
  '：': { zh: '以“：”结尾', en: 'a final "："' },
};

export const headingPunctuation: Rule = {
  meta: {
    id: 'heading-punctuation',
    category: 'headings',
    title: msg('同级标题结尾标点不一致', 'Inconsistent heading ending'),
    description: msg(
      '单独成行的标题末尾可以用“。”、用“：”或不加标点，但同一组同级标题应当统一。“一组”指同一上级之下同一层级、连续编号的标题（编号从 1 重新开始即另起一组）。一组至少三个且多数明确时，与多数不同的标题被提示；只有两个且互不相同时，看全文同一层级的习惯（三分之二以上一致）。快速修复补上、改正或删去结尾标点。标题句后接正文的“标题句+正文”段落总以句末标点结尾，不参与比较；英文标题也不参与。',
      'A standalone heading may end with "。", with "：" or with nothing, but the headings of one list should agree. A list is the headings of one level under the same parent, numbered on (numbering that starts again at 1 begins a new list). When a list has at least three headings and a clear majority, a heading that differs from it is reported; when it has only two and they differ, the habit of that level across the document decides (two thirds or more agreeing). The quick fix adds, changes or removes the final mark. Run-in headings (the heading sentence followed by body text on the same line) always end with their sentence mark and are not compared; nor are English headings.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { model, text } = ctx;
    const groups = siblingGroups(model);
    if (!groups.length) return;
    const counted = (h: Heading) => !h.runIn && endingOf(h) !== null && hasHanText(text, h);
    const markdown = isMarkdown(model);
    // Lists: siblings of one level, split where a Markdown list nests deeper and where numbering starts again at 1.
    const lists: Heading[][] = [];
    for (const g of groups) {
      for (const run of splitByIndent(model, g.items, markdown)) {
        let cur: Heading[] = [];
        for (const h of run) {
          if (h.value === 1 && cur.length) {
            lists.push(cur);
            cur = [];
          }
          cur.push(h);
        }
        lists.push(cur);
      }
    }
    const byLevel: Heading[][] = [[], [], [], [], []];
    for (const list of lists) for (const h of list) if (counted(h)) byLevel[h.level].push(h);
    const levelMajority = byLevel.map((items) => majority(tally(items, () => true), 2 / 3));
    for (const list of lists) {
      const t = tally(list, counted);
      if (t.counts.size < 2) continue; // the list agrees with itself
      const local = majority(t, 1 / 2);
      // A list too small to decide on its own follows the level's habit across the document.
      const m = local ?? (t.total < 3 ? levelMajority[list[0].level] : null);
      if (!m) continue;
      for (const h of list) {
        if (!counted(h)) continue;
        const e = endingOf(h)!;
        if (e === m.ending) continue;
        let edit: Edit;
        let title;
        if (m.ending === '') {
          edit = { start: h.terminatorAt, end: h.terminatorAt + 1, text: '' };
          title = msg(`删去结尾的“${h.terminator}”`, `Remove the final "${h.terminator}"`);
        } else if (e === '') {
          edit = { start: h.text.end, end: h.text.end, text: m.ending };
          title = msg(`在结尾加“${m.ending}”`, `Add "${m.ending}" at the end`);
        } else {
          edit = { start: h.terminatorAt, end: h.terminatorAt + 1, text: m.ending };
          title = msg(`把结尾的“${h.terminator}”改为“${m.ending}”`, `Change the final "${h.terminator}" to "${m.ending}"`);
        }
        const scope = local ? msg('同一组同级标题', 'the headings of this list') : msg('全文同级标题', 'the headings of this level');
        const heading = h.name;
        ctx.report({
          start: h.start,
          end: h.end,
          message: msg(
            `${scope.zh}多${NAME[m.ending].zh}（${m.count} 处），“${heading}”${e === '' ? '没有结尾标点' : `以“${h.terminator}”结尾`}。`,
            `Most of ${scope.en} have ${NAME[m.ending].en} (${m.count}); "${heading}" ${e === '' ? 'has none' : `ends with "${h.terminator}"`}.`,
          ),
          fixes: [{ title, edits: [edit] }],
        });
      }
    }
  },
};
