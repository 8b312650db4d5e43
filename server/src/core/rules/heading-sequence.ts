import { derivedKey, derive } from '../derived';
import type { Heading, HeadingLevel, ReportModel } from '../model';
import { indexOf, isMarkdown, markerWithValue, numeralSpan, siblingGroups, splitByIndent, writeNumber, type Run } from './heading-groups';
import { parse } from '../parser';
import { msg, type Edit, type Fix, type Report, type Rule, type RuleContext } from './types';

/** Whether the text just before a heading announces a new list (`如下：`, a rule line `=====`). */
function announcesList(model: ReportModel, h: Heading): boolean {
  const { blocks, text } = model;
  let i = h.block - 1;
  while (i >= 0 && blocks[i].kind === 'marker') i--;
  if (i < 0) return false;
  const b = blocks[i];
  if (b.kind === 'rule') return true;
  const last = text[b.contentEnd - 1];
  return last === '：' || last === ':';
}

/** A Markdown ordered list (`1. `, `1) `) in which a later item is written `1.` again: lazy numbering. */
function lazyMarkdownList(run: readonly Heading[]): boolean {
  if (!run.every((h) => /^[0-9]{1,9}[.)]$/u.test(h.markerText))) return false;
  for (let i = 1; i < run.length; i++) if (run[i].value === 1 && run[i - 1].value === 1) return true;
  return false;
}

/** How many renumbering fixes of one document are read again (each costs a parse of the fixed text). */
const MAX_SECOND_READINGS = 20;
/** How many second readings this model's lint has spent so far. */
const SECOND_READINGS = derivedKey('headingSequenceSecondReadings', () => ({ count: 0 }));
let reading = false;

/**
 * Whether the text after a renumbering fix reads as numbered in sequence where the fix changed it: parsed
 * and checked again, none of the renumbered headings is reported. A fix that a second reading would call
 * wrong (it renumbers a list that only looked like the continuation) is not offered.
 */
function secondReadingAgrees(ctx: RuleContext, edits: readonly Edit[], before: readonly Edit[] = []): boolean {
  const { model, text } = ctx;
  if (reading) return false; // inside a second reading: no third
  const spent = derive(model, SECOND_READINGS);
  if (spent.count >= MAX_SECOND_READINGS) return false;
  spent.count++;
  // The fixes of the run before this one are applied too: this fix continues from them. Linear in the
  // number of edits (a run may hold tens of thousands of headings).
  const all = [...before, ...edits].sort((a, b) => a.start - b.start);
  const mine = new Set(edits);
  const moved: number[] = [];
  const parts: string[] = [];
  let pos = 0;
  let shift = 0;
  for (const e of all) {
    if (e.start < pos) return false; // overlapping edits: no reading to compare with
    if (mine.has(e)) moved.push(e.start + shift);
    parts.push(text.slice(pos, e.start), e.text);
    shift += e.text.length - (e.end - e.start);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  const fixed = parts.join('');
  const again = parse(fixed, ctx.config.parse);
  let agrees = true;
  reading = true;
  try {
    headingSequence.check({
      model: again,
      text: fixed,
      config: ctx.config,
      options: ctx.options,
      report(r) {
        if (moved.some((m) => r.start <= m && m < Math.max(r.end, r.start + 1))) agrees = false;
      },
    });
  } finally {
    reading = false;
  }
  return agrees;
}

export const headingSequence: Rule = {
  meta: {
    id: 'heading-sequence',
    category: 'headings',
    title: msg('标题编号不连续', 'Heading numbers out of sequence'),
    description: msg(
      '同一上级之下、同一层级的标题应按顺序编号（一、二、三、……；（一）（二）……；1. 2. ……）。跳号（一、二、四、）、重号（两个“三、”）、倒退或无故从头开始，多是增删段落后忘了改号。每个上级之下重新编号、分部分标题之后重新编号、全文连续编号（1.—9. 跨上级连续）都是正常写法，不报。',
      'Headings of one level under the same parent are numbered in order (一、二、三、…; （一）（二）…; 1. 2. …). A skipped number (一、二、四、), a repeated one (two 三、), a step back or a restart for no reason usually comes from adding or removing a section without renumbering. Restarting under each new parent or after an unnumbered part title, and numbering continuously across parents (1.–9.), are normal and not reported.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
    linkedFixes: 'heading-numbers',
  },
  check(ctx) {
    const { model, text } = ctx;
    const groups = siblingGroups(model);
    if (!groups.length) return;
    const markdown = isMarkdown(model);

    // The previous numbered heading of the same level, anywhere before (for numbering continued across parents).
    const prevIndex = new Int32Array(model.headings.length).fill(-1);
    const last = [-1, -1, -1, -1, -1];
    model.headings.forEach((h, k) => {
      if (h.kind !== 'numbered') return;
      prevIndex[k] = last[h.level];
      last[h.level] = k;
    });
    const prevSame = (h: Heading): Heading | undefined => {
      const k = prevIndex[indexOf(model, h)];
      return k >= 0 ? model.headings[k] : undefined;
    };

    const runs: Run[] = [];
    for (const g of groups) runs.push(...splitByIndent(model, g.items, markdown));
    // Whether a level is numbered continuously across parents: more lists continue the previous one than restart.
    const continued = [0, 0, 0, 0, 0];
    const restarted = [0, 0, 0, 0, 0];
    for (const run of runs) {
      const f = run[0];
      const p = prevSame(f);
      if (!p) continue;
      if (f.value === 1) restarted[f.level]++;
      else if (f.value === p.value + 1) continued[f.level]++;
    }

    type Kind = 'skip' | 'repeat' | 'back' | 'restart' | 'start';
    /** A heading whose number does not follow, with the number the text before it calls for. */
    type Break = { i: number; expected: number; kind: Kind };
    const message = (run: Run, i: number, exp: string, kind: Kind) => {
      const found = run[i].markerText;
      const prev = i > 0 ? run[i - 1] : undefined;
      switch (kind) {
        case 'skip':
          return msg(`编号跳号：此处应为“${exp}”，实为“${found}”。`, `Numbering skips: expected "${exp}", found "${found}".`);
        case 'repeat':
          return msg(`编号重复：上一个同级标题已是“${prev!.markerText}”，此处应为“${exp}”。`, `Repeated number: the previous heading of this level is already "${prev!.markerText}"; expected "${exp}".`);
        case 'back':
          return msg(`编号倒退：上一个同级标题是“${prev!.markerText}”，此处应为“${exp}”，实为“${found}”。`, `Numbering goes back: the previous heading of this level is "${prev!.markerText}"; expected "${exp}", found "${found}".`);
        case 'restart':
          return msg(`编号在此重新开始：上一个同级标题是“${prev!.markerText}”，此处应为“${exp}”，实为“${found}”。`, `Numbering starts again here: the previous heading of this level is "${prev!.markerText}"; expected "${exp}", found "${found}".`);
        case 'start':
          return msg(`本级编号应从“${exp}”开始，实为“${found}”。`, `This level's numbering should start at "${exp}", found "${found}".`);
      }
    };

    /**
     * Reports the breaks of a run. The fix of a break renumbers its segment — the break and the headings
     * after it up to the next break or new list — to consecutive values that go on from what the fixes
     * before it leave: applying every fix of the run at once gives a consistent numbering (twelve 一、 become
     * 一、 … 十二、 in one round), and the edits stay linear in the number of headings.
     */
    const reportRun = (run: Run, breaks: Break[], restarts: Set<number>) => {
      const boundary = new Set<number>(restarts);
      for (const b of breaks) boundary.add(b.i);
      let fixedPrev = 0; // the value the previous heading has once the fixes before it are applied
      let nextBreak = 0;
      let inSegment = false;
      /** The edits of the segments before: a later segment's fix continues from them. */
      const runEdits: Edit[] = [];
      for (let k = 0; k < run.length; k++) {
        const h = run[k];
        const b = nextBreak < breaks.length && breaks[nextBreak].i === k ? breaks[nextBreak++] : undefined;
        if (!b) {
          if (restarts.has(k)) inSegment = false;
          fixedPrev = inSegment ? fixedPrev + 1 : h.value;
          fixedValue[indexOf(model, h)] = fixedPrev;
          continue;
        }
        const target = k === 0 ? b.expected : fixedPrev + 1;
        fixedValue[indexOf(model, h)] = target;
        inSegment = true;
        // The segment: from the break to the next boundary.
        let end = k + 1;
        while (end < run.length && !boundary.has(end)) end++;
        const edits: Edit[] = [];
        let own: Edit | undefined;
        for (let j = k; j < end; j++) {
          const hj = run[j];
          const value = target + (j - k);
          if (value === hj.value) continue;
          const ns = numeralSpan(text, hj);
          if (!ns) continue;
          const e = { start: ns.start, end: ns.end, text: writeNumber(hj.level as HeadingLevel, value, text.slice(ns.start, ns.end)) };
          if (j === k) own = e;
          edits.push(e);
        }
        fixedPrev = target;
        const ns = numeralSpan(text, h);
        if (!ns) continue;
        // A break that the fixes before it already resolve (its number follows once they are applied) still
        // reads wrong in the text as it is: reported with the number the text calls for, and no fix of its own.
        const shown = own ? target : b.expected;
        const exp = markerWithValue(text, h, shown);
        const fixes: Fix[] = [];
        // The renumbering of the following ones is offered only when a second reading of the fixed text
        // agrees that they form one list (nested or introduced lists must not be renumbered as one).
        const whole = own !== undefined && edits.length > 1 && secondReadingAgrees(ctx, edits, runEdits);
        for (const e of edits) runEdits.push(e);
        if (own && whole) {
          const n = edits.length - 1;
          fixes.push({ title: msg(`改为“${exp}”，其后 ${n} 个编号依次顺延`, `Change to "${exp}" and renumber the ${n} after it`), edits });
          fixes.push({ title: msg(`只改这一处：改为“${exp}”`, `Change only this one to "${exp}"`), edits: [own] });
        } else if (own) {
          fixes.push({ title: msg(`改为“${exp}”`, `Change to "${exp}"`), edits: [own] });
        }
        const prev = k > 0 ? run[k - 1] : undefined;
        const base = message(run, k, exp, b.kind);
        const text2 = own ? base : msg(`${base.zh}前面的编号改正后，这里即无须再改。`, `${base.en} Once the numbers before it are fixed, this one needs no change.`);
        const r: Report = { start: h.marker.start, end: h.marker.end, message: text2, fixes };
        if (prev && b.kind !== 'start') r.related = [{ start: prev.marker.start, end: prev.marker.end, message: msg('上一个同级标题', 'The previous heading of this level') }];
        ctx.report(r);
      }
    };

    // The value each heading has once every fix is applied: a list that continues the numbering of the one
    // before it (1. 2. | 3. 4.) continues from that list's fixed numbering, so all fixes agree in one round.
    const fixedValue = new Int32Array(model.headings.length);
    const fixedOf = (h: Heading) => fixedValue[indexOf(model, h)] || h.value;
    runs.sort((a, b) => a[0].start - b[0].start);
    for (const run of runs) {
      // Markdown renders a list numbered 1. 1. 1. as 1. 2. 3.: that is a way to write it, not a mistake.
      if (markdown && run.length >= 2 && run.every((h) => h.value === 1)) continue;
      // A Markdown list that repeats 1. (1. 1. 1. 4. 5. 5.) leaves its numbers to the renderer, which shows
      // 1.–n. whatever the digits: the digits after its first item are never read.
      if (markdown && lazyMarkdownList(run)) continue;
      const breaks: Break[] = [];
      const restarts = new Set<number>();
      const f = run[0];
      let state: number;
      const p = prevSame(f);
      if (f.value === 1 || (p && f.value === p.value + 1)) {
        state = f.value;
        // Continues a list whose fixes renumber it: continue from its fixed end.
        if (f.value !== 1 && p && fixedOf(p) !== p.value) breaks.push({ i: 0, expected: fixedOf(p) + 1, kind: 'start' });
      } else {
        const expected = p && continued[f.level] > restarted[f.level] ? fixedOf(p) + 1 : 1;
        const typo = run.length > 1 && run[1].value === expected + 1;
        breaks.push({ i: 0, expected, kind: 'start' });
        state = typo ? expected : f.value;
      }
      for (let i = 1; i < run.length; i++) {
        const h = run[i];
        const expected = state + 1;
        if (h.value === expected) {
          state = h.value;
          continue;
        }
        const next = i + 1 < run.length ? run[i + 1].value : -1;
        const kind: Kind = h.value === 1 ? 'restart' : h.value > expected ? 'skip' : h.value === state ? 'repeat' : 'back';
        if (next === expected + 1) {
          // One wrong number in a sequence that goes on as expected: a typo.
          breaks.push({ i, expected, kind });
          state = expected;
          continue;
        }
        if (h.value === 1 && (next === 2 || announcesList(model, h))) {
          // A new list: 一、二、三、 … 计划如下： 一、二、
          restarts.add(i);
          state = 1;
          continue;
        }
        breaks.push({ i, expected, kind });
        state = h.value;
      }
      if (breaks.length) reportRun(run, breaks, restarts);
      else for (const h of run) fixedValue[indexOf(model, h)] = h.value;
    }
  },
};
