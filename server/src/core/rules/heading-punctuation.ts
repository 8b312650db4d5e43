import type { Heading, ReportModel, Section } from '../model';
import { hasHanText, indexOf, isMarkdown, siblingGroups, splitByIndent } from './heading-groups';
import { msg, type Edit, type Rule } from './types';

/** How a standalone heading ends: nothing, a full stop or a colon. Other endings are left out. */
type Ending = '' | '。' | '：';
const ENDINGS: readonly Ending[] = ['', '。', '：'];

/** The ending's index in ENDINGS, or -1 when the heading is not compared (run-in, English, other marks). */
function endingOf(model: ReportModel, h: Heading): number {
  if (h.runIn || !hasHanText(model, h)) return -1;
  switch (h.terminator) {
    case '': return 0;
    case '。': return 1;
    case '：': case ':': return 2;
    default: return -1;
  }
}

/** The ending most of `counts` share, when it is clear: more than `minShare` of them and at least two. */
function majority(counts: readonly number[], minShare: number): { ending: number; count: number } | null {
  const total = counts[0] + counts[1] + counts[2];
  if (total < 3) return null;
  let best = 0;
  for (let e = 1; e < 3; e++) if (counts[e] > counts[best]) best = e;
  const n = counts[best];
  if (n < 2 || n <= total * minShare) return null;
  for (let e = 0; e < 3; e++) if (e !== best && counts[e] === n) return null;
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
    const { model } = ctx;
    const groups = siblingGroups(model);
    if (!groups.length) return;
    const ending = new Int8Array(model.headings.length);
    model.headings.forEach((h, k) => (ending[k] = h.kind === 'numbered' ? endingOf(model, h) : -1));
    // What a heading is: a heading line over body text, a one-sentence item with nothing under it, or a
    // line that introduces a list of sub-items (ending with its colon). Only alike headings are compared.
    const shape = new Int8Array(model.headings.length);
    const walk = (sections: readonly Section[]) => {
      for (const sec of sections) {
        const k = indexOf(model, sec.heading);
        shape[k] = sec.children.length ? 2 : sec.lastBlock > sec.heading.block ? 1 : 0;
        if (shape[k] === 2 && sec.heading.terminator !== '' && sec.heading.terminator !== '。') ending[k] = -1; // 进展包括： over its items
        walk(sec.children);
      }
    };
    walk(model.sections);
    const markdown = isMarkdown(model);
    // Lists: siblings of one level, split where a Markdown list nests deeper and where numbering starts again at 1.
    const lists: Heading[][] = [];
    const byLevel = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (const g of groups) {
      for (const run of splitByIndent(model, g.items, markdown)) {
        let from = 0;
        for (let i = 0; i <= run.length; i++) {
          if (i === run.length || (run[i].value === 1 && i > from)) {
            lists.push(from === 0 && i === run.length ? run : run.slice(from, i));
            from = i;
          }
          if (i < run.length) {
            const e = ending[indexOf(model, run[i])];
            if (e >= 0) byLevel[g.level][e]++;
          }
        }
      }
    }
    const levelMajority = byLevel.map((counts) => majority(counts, 2 / 3));
    const counts = [0, 0, 0];
    for (const list of lists) {
      counts[0] = counts[1] = counts[2] = 0;
      for (const h of list) {
        const e = ending[indexOf(model, h)];
        if (e >= 0) counts[e]++;
      }
      const kinds = (counts[0] ? 1 : 0) + (counts[1] ? 1 : 0) + (counts[2] ? 1 : 0);
      if (kinds < 2) continue; // the list agrees with itself
      // Heading lines over body text and one-sentence items do not follow one another's endings.
      let withBody = 0;
      let items = 0;
      for (const h of list) {
        const k = indexOf(model, h);
        if (ending[k] < 0) continue;
        if (shape[k] === 0) items++;
        else withBody++;
      }
      if (withBody && items) continue;
      const local = majority(counts, 1 / 2);
      // A list too small to decide on its own follows the level's habit across the document.
      const m = local ?? (counts[0] + counts[1] + counts[2] < 3 ? levelMajority[list[0].level] : null);
      if (!m) continue;
      const want = ENDINGS[m.ending];
      for (const h of list) {
        const e = ending[indexOf(model, h)];
        if (e < 0 || e === m.ending) continue;
        let edit: Edit;
        let title;
        if (want === '') {
          edit = { start: h.terminatorAt, end: h.terminatorAt + 1, text: '' };
          title = msg(`删去结尾的“${h.terminator}”`, `Remove the final "${h.terminator}"`);
        } else if (e === 0) {
          edit = { start: h.text.end, end: h.text.end, text: want };
          title = msg(`在结尾加“${want}”`, `Add "${want}" at the end`);
        } else {
          edit = { start: h.terminatorAt, end: h.terminatorAt + 1, text: want };
          title = msg(`把结尾的“${h.terminator}”改为“${want}”`, `Change the final "${h.terminator}" to "${want}"`);
        }
        const scope = local ? msg('同一组同级标题', 'the headings of this list') : msg('全文同级标题', 'the headings of this level');
        ctx.report({
          start: h.start,
          end: h.end,
          message: msg(
            `${scope.zh}多${NAME[want].zh}（${m.count} 处），“${h.name}”${e === 0 ? '没有结尾标点' : `以“${h.terminator}”结尾`}。`,
            `Most of ${scope.en} have ${NAME[want].en} (${m.count}); "${h.name}" ${e === 0 ? 'has none' : `ends with "${h.terminator}"`}.`,
          ),
          fixes: [{ title, edits: [edit] }],
        });
      }
    }
  },
};
