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
function secondReadingAgrees(ctx: RuleContext, edits: readonly Edit[]): boolean {
  const { model, text } = ctx;
  if (reading) return false; // inside a second reading: no third
  const spent = derive(model, SECOND_READINGS);
  if (spent.count >= MAX_SECOND_READINGS) return false;
  spent.count++;
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let fixed = text;
  for (const e of sorted) fixed = fixed.slice(0, e.start) + e.text + fixed.slice(e.end);
  // Positions of the renumbered markers in the fixed text.
  const moved: number[] = [];
  for (const e of edits) {
    let shift = 0;
    for (const o of edits) if (o.start < e.start) shift += o.text.length - (o.end - o.start);
    moved.push(e.start + shift);
  }
  const again = parse(fixed, ctx.config.parse);
  let agrees = true;
  reading = true;
  try {
    headingSequence.check({
      model: again,
      text: fixed,
      config: ctx.config,
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

    const report = (run: Run, i: number, expected: number, typo: boolean, kind: 'skip' | 'repeat' | 'back' | 'restart' | 'start') => {
      const h = run[i];
      const ns = numeralSpan(text, h);
      if (!ns) return;
      const found = h.markerText;
      const exp = markerWithValue(text, h, expected);
      const prev = i > 0 ? run[i - 1] : undefined;
      let message;
      switch (kind) {
        case 'skip':
          message = msg(`编号跳号：此处应为“${exp}”，实为“${found}”。`, `Numbering skips: expected "${exp}", found "${found}".`);
          break;
        case 'repeat':
          message = msg(`编号重复：上一个同级标题已是“${prev!.markerText}”，此处应为“${exp}”。`, `Repeated number: the previous heading of this level is already "${prev!.markerText}"; expected "${exp}".`);
          break;
        case 'back':
          message = msg(`编号倒退：上一个同级标题是“${prev!.markerText}”，此处应为“${exp}”，实为“${found}”。`, `Numbering goes back: the previous heading of this level is "${prev!.markerText}"; expected "${exp}", found "${found}".`);
          break;
        case 'restart':
          message = msg(`编号在此重新开始：上一个同级标题是“${prev!.markerText}”，此处应为“${exp}”，实为“${found}”。`, `Numbering starts again here: the previous heading of this level is "${prev!.markerText}"; expected "${exp}", found "${found}".`);
          break;
        case 'start':
          message = msg(`本级编号应从“${exp}”开始，实为“${found}”。`, `This level's numbering should start at "${exp}", found "${found}".`);
          break;
      }
      const own: Edit = { start: ns.start, end: ns.end, text: writeNumber(run[i].level as HeadingLevel, expected, text.slice(ns.start, ns.end)) };
      const only: Fix = { title: msg(`改为“${exp}”`, `Change to "${exp}"`), edits: [own] };
      const fixes: Fix[] = [];
      if (!typo) {
        // The headings after it that follow from the wrong number move with it.
        const edits: Edit[] = [own];
        const delta = expected - h.value;
        for (let k = i + 1; k < run.length && run[k].value === run[k - 1].value + 1; k++) {
          const nk = numeralSpan(text, run[k]);
          if (!nk) break;
          edits.push({ start: nk.start, end: nk.end, text: writeNumber(run[k].level as HeadingLevel, run[k].value + delta, text.slice(nk.start, nk.end)) });
        }
        if (edits.length > 1 && secondReadingAgrees(ctx, edits)) {
          const n = edits.length - 1;
          fixes.push({ title: msg(`改为“${exp}”，其后 ${n} 个编号依次顺延`, `Change to "${exp}" and renumber the ${n} after it`), edits });
          fixes.push({ title: msg(`只改这一处：改为“${exp}”`, `Change only this one to "${exp}"`), edits: [own] });
        }
      }
      if (!fixes.length) fixes.push(only);
      const r: Report = { start: h.marker.start, end: h.marker.end, message, fixes };
      if (prev && kind !== 'start') r.related = [{ start: prev.marker.start, end: prev.marker.end, message: msg('上一个同级标题', 'The previous heading of this level') }];
      ctx.report(r);
    };

    for (const run of runs) {
      // Markdown renders a list numbered 1. 1. 1. as 1. 2. 3.: that is a way to write it, not a mistake.
      if (markdown && run.length >= 2 && run.every((h) => h.value === 1)) continue;
      const f = run[0];
      let state: number;
      const p = prevSame(f);
      if (f.value === 1 || (p && f.value === p.value + 1)) {
        state = f.value;
      } else {
        const expected = p && continued[f.level] > restarted[f.level] ? p.value + 1 : 1;
        const typo = run.length > 1 && run[1].value === expected + 1;
        report(run, 0, expected, typo, 'start');
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
        if (next === expected + 1) {
          // One wrong number in a sequence that goes on as expected: a typo.
          report(run, i, expected, true, h.value === 1 ? 'restart' : h.value > expected ? 'skip' : h.value === state ? 'repeat' : 'back');
          state = expected;
          continue;
        }
        if (h.value === 1 && (next === 2 || announcesList(model, h))) {
          // A new list: 一、二、三、 … 计划如下： 一、二、
          state = 1;
          continue;
        }
        report(run, i, expected, false, h.value === 1 ? 'restart' : h.value > expected ? 'skip' : h.value === state ? 'repeat' : 'back');
        state = h.value;
      }
    }
  },
};
