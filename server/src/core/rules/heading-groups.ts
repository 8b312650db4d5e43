// Shared by the heading rules (not a rule itself): sibling groups of numbered headings, the numeral inside
// a marker, and small tests on heading text.

import { derive, derivedKey } from '../derived';
import type { Heading, HeadingLevel, ReportModel, Section, Span } from '../model';
import { formatChineseNumeral, isChineseNumeralChar } from '../numerals';
import { isDigit, isFullWidthDigit, isHan } from '../text';

/** Numbered headings of one level that share a parent section (or the document's top), in document order. */
export interface SiblingGroup {
  /** The parent section's heading; undefined at the top of the document. */
  parent?: Heading;
  level: HeadingLevel;
  items: Heading[];
}

const SIBLING_GROUPS = derivedKey('siblingGroups', computeSiblingGroups);

/** The sibling groups of a report, computed once per parsed document. */
export function siblingGroups(model: ReportModel): SiblingGroup[] {
  return derive(model, SIBLING_GROUPS);
}

function computeSiblingGroups(model: ReportModel): SiblingGroup[] {
  const groups: SiblingGroup[] = [];
  // The section tree's parents (as the parser nested them): the children of each parent, by level.
  const collect = (parent: Heading | undefined, children: Section[]) => {
    // In Markdown a `####` heading and a numbered line of body text are not one list even where their
    // numbering looks alike (`#### 1、技术文章` after the list item `+ 3、结交朋友`): the # marks the heading.
    const byLevel = new Map<string, SiblingGroup>();
    for (const c of children) {
      const h = c.heading;
      if (h.kind === 'numbered' && h.level > 0) {
        const level = h.level as HeadingLevel;
        const key = h.rank < 0 ? `${level}#${h.rank}` : `${level}`;
        let g = byLevel.get(key);
        if (!g) {
          g = { parent, level, items: [] };
          byLevel.set(key, g);
          groups.push(g);
        }
        g.items.push(h);
      }
      collect(h, c.children);
    }
  };
  collect(undefined, model.sections);
  // In document order of their first items.
  groups.sort((a, b) => a.items[0].start - b.items[0].start);
  return groups;
}

/** One list of numbered headings: siblings of one level, split by indentation in Markdown documents. */
export type Run = Heading[];

/** Splits a group of siblings into lists. In Markdown, a deeper indented `1.` starts a nested list. */
export function splitByIndent(model: ReportModel, items: Heading[], markdown: boolean): Run[] {
  if (!markdown || items.length < 2) return [items];
  const runs: Run[] = [];
  const stack: { indent: number; run: Run }[] = [];
  for (const h of items) {
    const d = indentOf(model, h.block);
    while (stack.length && stack[stack.length - 1].indent > d) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.indent === d) {
      top.run.push(h);
    } else {
      const run: Run = [h];
      runs.push(run);
      stack.push({ indent: d, run });
    }
  }
  return runs;
}

// Block.heading, copied once into a typed array: on a long report the blocks are scattered in memory.
const HEADING_BY_BLOCK = derivedKey('headingByBlock', (model) => {
  const byBlock = new Int32Array(model.blocks.length);
  for (let i = 0; i < model.blocks.length; i++) byBlock[i] = model.blocks[i].heading;
  return byBlock;
});

/** Index of a heading in model.headings. */
export function indexOf(model: ReportModel, h: Heading): number {
  return derive(model, HEADING_BY_BLOCK)[h.block];
}

// Per heading: 1 when its sentence holds a Chinese character in its first 200 characters.
const HAN_TEXT = derivedKey('headingHanText', (model) => {
  const { text } = model;
  const flags = new Uint8Array(model.headings.length);
  model.headings.forEach((x, k) => {
    const end = Math.min(x.text.end, x.text.start + 200);
    for (let i = x.text.start; i < end; i++) {
      if (isHan(text.charCodeAt(i))) {
        flags[k] = 1;
        break;
      }
    }
  });
  return flags;
});

/** Whether the heading sentence holds a Chinese character (English items follow other conventions). */
export function hasHanText(model: ReportModel, h: Heading): boolean {
  return derive(model, HAN_TEXT)[indexOf(model, h)] === 1;
}

const MARKDOWN = derivedKey('markdown', (model) => {
  let markdown = model.headings.some((h) => h.kind === 'markdown' || h.rank < 0);
  const { text } = model;
  for (const b of model.blocks) {
    if (markdown) break;
    if (b.contentStart >= b.start + 2 && text.startsWith('**', b.contentStart - 2)) markdown = true;
  }
  return markdown;
});

/** Whether the report is written in Markdown (Markdown headings or bold). Computed once per parsed document. */
export function isMarkdown(model: ReportModel): boolean {
  return derive(model, MARKDOWN);
}

/** Columns of indentation before a block's first character (a tab counts 4). */
export function indentOf(model: ReportModel, block: number): number {
  const b = model.blocks[block];
  const { text } = model;
  const lineStart = model.lines.starts[b.line];
  if (lineStart === undefined || lineStart > b.start) return 0;
  let n = 0;
  for (let i = lineStart; i < b.start && i - lineStart < 200; i++) n += text.charCodeAt(i) === 0x09 ? 4 : 1;
  return n;
}

/** The numeral inside a heading's marker (三 in （三）, 12 in 12、), or null when there is none. */
export function numeralSpan(text: string, h: Heading): Span | null {
  let s = h.marker.start;
  const e = h.marker.end;
  if (s < e && (text[s] === '（' || text[s] === '(')) s++;
  let k = s;
  if (h.level === 1 || h.level === 2) {
    while (k < e && isChineseNumeralChar(text[k])) k++;
  } else {
    while (k < e && isDigit(text.charCodeAt(k))) k++;
  }
  return k > s ? { start: s, end: k } : null;
}

/** A heading number written like the author wrote `sample` (Chinese numeral, ASCII or full-width digits). */
export function writeNumber(level: HeadingLevel, value: number, sample: string): string {
  if (level === 1 || level === 2) return formatChineseNumeral(value);
  const ascii = String(value);
  if (!sample || !isFullWidthDigit(sample.charCodeAt(0))) return ascii;
  let out = '';
  for (let i = 0; i < ascii.length; i++) out += String.fromCharCode(ascii.charCodeAt(i) + 0xff10 - 0x30);
  return out;
}

/** The heading's marker with its number replaced by `value`, keeping the author's variant (`(三)` → `(四)`). */
export function markerWithValue(text: string, h: Heading, value: number): string {
  const ns = numeralSpan(text, h);
  if (!ns) return h.markerText;
  const o = h.marker.start;
  const mt = h.markerText;
  return mt.slice(0, ns.start - o) + writeNumber(h.level as HeadingLevel, value, text.slice(ns.start, ns.end)) + mt.slice(ns.end - o);
}
