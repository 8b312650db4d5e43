// Renumbering headings. Each level is counted within its parent: numbering restarts under every new
// parent and after an unnumbered part title. A level that the document numbers continuously across
// parents (一、 1. 2. 3. 二、 4. 5.), which is a deliberate style, stays continuous. Markers are written
// in the standard form of their level (一、 （一） 1. （1）); nothing but the markers is touched.

import { derive, derivedKey } from './derived';
import type { Heading, HeadingLevel, ReportModel, Section, Span } from './model';
import { canonicalMarker } from './parser';
import { indentOf, isMarkdown } from './rules/heading-groups';
import type { Edit } from './rules/types';
import { isDigit } from './text';

/** One list of numbered siblings: one level under one parent (split by indentation in Markdown). */
interface Run {
  level: HeadingLevel;
  items: Heading[];
  /** Index of the part (the text after an unnumbered or Markdown title) the list belongs to. */
  part: number;
}

export interface Numbering {
  /** The value each numbered heading should carry. */
  values: Map<Heading, number>;
  /** Per level (index 1 … 4): whether the document numbers that level continuously across parents. */
  continuous: boolean[];
  /** Per heading: the part it belongs to (a new part starts at every unnumbered or Markdown title). */
  partOf: Map<Heading, number>;
}

function runsOf(model: ReportModel, partOf: Map<Heading, number>): Run[] {
  const markdown = isMarkdown(model);
  const runs: Run[] = [];
  // Explicit stack: no recursion on the heading tree.
  const todo: Section[][] = [model.sections];
  while (todo.length) {
    const list = todo.pop()!;
    const byLevel: Heading[][] = [];
    for (const s of list) {
      const h = s.heading;
      if (h.kind === 'numbered' && h.level > 0) (byLevel[h.level] ??= []).push(h);
      if (s.children.length) todo.push(s.children);
    }
    for (let level = 1; level <= 4; level++) {
      const items = byLevel[level];
      if (!items) continue;
      for (const run of splitByIndent(model, items, markdown)) {
        runs.push({ level: level as HeadingLevel, items: run, part: partOf.get(run[0]) ?? 0 });
      }
    }
  }
  return runs.sort((a, b) => a.items[0].start - b.items[0].start);
}

/** In Markdown, a more deeply indented `1.` starts a nested list of its own. */
function splitByIndent(model: ReportModel, items: Heading[], markdown: boolean): Heading[][] {
  if (!markdown) return [items];
  const out: Heading[][] = [];
  const stack: { indent: number; run: Heading[] }[] = [];
  for (const h of items) {
    const d = indentOf(model, h.block);
    while (stack.length && stack[stack.length - 1].indent > d) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.indent === d) top.run.push(h);
    else {
      const run = [h];
      out.push(run);
      stack.push({ indent: d, run });
    }
  }
  return out;
}

const NUMBERING = derivedKey('numbering', computeNumbering);

/** The numbering the headings of a report should have. Computed once per parsed document. */
export function numbering(model: ReportModel): Numbering {
  return derive(model, NUMBERING);
}

function computeNumbering(model: ReportModel): Numbering {
  const partOf = new Map<Heading, number>();
  let part = 0;
  for (const h of model.headings) {
    if (h.level === 0 && h.rank <= 0) part++;
    partOf.set(h, part);
  }
  const runs = runsOf(model, partOf);
  const markdown = isMarkdown(model);

  // A level is continuous when more of its lists go on from the previous list of the part than restart at 1.
  const continued = [0, 0, 0, 0, 0];
  const restarted = [0, 0, 0, 0, 0];
  const prev: (Run | undefined)[] = [];
  for (const run of runs) {
    const p = prev[run.level];
    if (p && p.part === run.part && !markdown) {
      const first = run.items[0].value;
      if (first === 1) restarted[run.level]++;
      else if (first === p.items[p.items.length - 1].value + 1) continued[run.level]++;
    }
    prev[run.level] = run;
  }
  const continuous = continued.map((c, level) => c > restarted[level]);

  const values = new Map<Heading, number>();
  const last: ({ part: number; value: number } | undefined)[] = [];
  for (const run of runs) {
    const l = last[run.level];
    let v = continuous[run.level] && l && l.part === run.part ? l.value + 1 : 1;
    for (const h of run.items) values.set(h, v++);
    last[run.level] = { part: run.part, value: v - 1 };
  }
  return { values, continuous, partOf };
}

/**
 * The marker a heading gets with the number `value`: the standard form of its level. A `1、` followed by a
 * digit (`1、2023年…`) keeps its 顿号, as `1.2023` would read as a decimal number.
 */
export function markerFor(model: ReportModel, h: Heading, value: number): string {
  const level = h.level as HeadingLevel;
  if (level === 3) {
    const next = model.text.charCodeAt(h.marker.end);
    if (isDigit(next) || next === 0x2e || next === 0x25 || next === 0xff0e) {
      return `${value}${h.markerText[h.markerText.length - 1]}`;
    }
  }
  return canonicalMarker(level, value);
}

/** Whether a heading's block meets the range (an empty range meets the block it is in). */
function inRange(model: ReportModel, h: Heading, range: Span): boolean {
  const b = model.blocks[h.block];
  if (range.start === range.end) return b.start <= range.start && range.start <= b.end;
  return b.start < range.end && b.end > range.start;
}

/**
 * Edits that renumber the headings of the whole report, or only those whose line meets `range` (their
 * numbers still follow from the whole document). Applying them again changes nothing.
 */
export function renumberEdits(model: ReportModel, range?: Span): Edit[] {
  const { values } = numbering(model);
  const edits: Edit[] = [];
  for (const h of model.headings) {
    const v = values.get(h);
    if (v === undefined) continue;
    if (range && !inRange(model, h, range)) continue;
    const marker = markerFor(model, h, v);
    if (marker !== h.markerText) edits.push({ start: h.marker.start, end: h.marker.end, text: marker });
  }
  return edits;
}
