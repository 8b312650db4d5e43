// Incremental lint: after an edit, the rules that look at one block at a time (meta.scope 'block') run
// only on the blocks the edit touched; their problems in every other block are carried over from the
// previous analysis, moved by the length the edit added or removed before them. The parse and the rules
// that read the whole document run in full. A property test holds the result equal to a fresh analysis.

import { charIndex, charIndexOf, Positions, setCharIndex, type CharIndex } from './chars';
import { DerivedIndex } from './derived';
import type { Block, ReportModel } from './model';
import type { Problem } from './rules/types';

/** What an edit changed: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one range that differs between two texts: their common prefix and suffix left out. */
export function changeBetween(a: string, b: string): TextChange {
  const max = Math.min(a.length, b.length);
  // Galloping over equal stretches compared natively (slices share the strings' storage), then by character.
  let p = 0;
  for (let step = 1024; step >= 32; ) {
    if (p + step <= max && a.slice(p, p + step) === b.slice(p, p + step)) {
      p += step;
      step *= 2;
    } else step >>= 1;
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  const room = max - p;
  let s = 0;
  for (let step = 1024; step >= 32; ) {
    if (s + step <= room && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) {
      s += step;
      step *= 2;
    } else step >>= 1;
  }
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/**
 * The lines around an edit in the new text: from the line feed before the line that precedes the edit's
 * first line to the line feed after the line that follows its last one (or the text's ends). What lies
 * within lines and reads no further than the next or previous character is found again in this range only.
 */
export function linesAround(text: string, change: TextChange): { lo: number; hi: number } {
  let lo = change.start;
  for (let n = 0; n < 2 && lo > 0; n++) lo = Math.max(0, text.lastIndexOf('\n', lo - 1));
  let hi = change.newEnd;
  for (let n = 0; n < 2 && hi < text.length; n++) {
    const lf = text.indexOf('\n', n === 0 ? hi : hi + 1);
    hi = lf === -1 ? text.length : lf;
  }
  return { lo, hi };
}

/**
 * The character index of a text after an edit, from the index before it: the lines around the edit are
 * indexed again, the positions before them kept and those after moved. Every class of the index depends
 * on a character and its neighbours, never across a line feed.
 */
export function spliceCharIndex(before: CharIndex, text: string, change: TextChange): CharIndex {
  const { lo, hi } = linesAround(text, change);
  const delta = change.newEnd - change.oldEnd;
  const mid = charIndexOf(text.slice(lo, hi)) as unknown as Record<string, unknown>;
  const out = { ...before, text } as Record<string, unknown>;
  for (const [key, old] of Object.entries(before)) {
    if (!(old instanceof Positions)) continue;
    const m = mid[key] as Positions;
    const a = old.lowerBound(lo);
    const b = Math.max(a, old.lowerBound(hi - delta));
    const count = a + m.count + (old.count - b);
    const at = new Int32Array(Math.max(count, 16));
    at.set(old.at.subarray(0, a));
    for (let i = 0; i < m.count; i++) at[a + i] = m.at[i] + lo;
    for (let i = b, j = a + m.count; i < old.count; i++, j++) at[j] = old.at[i] + delta;
    const p = new Positions();
    p.at = at;
    p.count = count;
    out[key] = p;
  }
  return out as unknown as CharIndex;
}

/** Which blocks of a new model stand, unchanged, where blocks of the previous model stood. */
export interface BlockMapping {
  /** For each block of the new model, the block of the old one it repeats, or -1. */
  from: Int32Array;
  /** For each block of the old model, the block of the new one that repeats it, or -1. */
  to: Int32Array;
  /** The new blocks that repeat none (touched by the edit, or classified anew), in document order. */
  dirty: number[];
}

/**
 * Maps the blocks of `next` to those of `prev`. A block carries over when it lies wholly outside the edit,
 * with a character to spare on each side, and the old block at its place (moved by the edit's length) has
 * the same extent, kind, content span, paid flag and heading marker.
 */
export function mapBlocks(prev: ReportModel, next: ReportModel, change: TextChange): BlockMapping {
  const delta = change.newEnd - change.oldEnd;
  const oldBlocks = prev.blocks;
  const newBlocks = next.blocks;
  const from = new Int32Array(newBlocks.length).fill(-1);
  const to = new Int32Array(oldBlocks.length).fill(-1);
  const dirty: number[] = [];
  const shift = newBlocks.length - oldBlocks.length;
  for (let j = 0; j < newBlocks.length; j++) {
    const nb = newBlocks[j];
    let i = -1;
    let d = 0;
    if (nb.end < change.start) i = j;
    else if (nb.start > change.newEnd) {
      d = delta;
      i = j - shift;
      if (i < 0 || i >= oldBlocks.length || oldBlocks[i].start !== nb.start - d) i = blockStartingAt(oldBlocks, nb.start - d);
    }
    if (i >= 0 && i < oldBlocks.length && sameBlock(prev, oldBlocks[i], next, nb, d)) {
      from[j] = i;
      to[i] = j;
    } else dirty.push(j);
  }
  return { from, to, dirty };
}

/** Index of the block of `blocks` that starts at `start`, or -1. */
function blockStartingAt(blocks: readonly Block[], start: number): number {
  const i = blockAt(blocks, start);
  return i >= 0 && blocks[i].start === start ? i : -1;
}

function sameBlock(pm: ReportModel, a: Block, nm: ReportModel, b: Block, d: number): boolean {
  if (
    b.start !== a.start + d || b.end !== a.end + d || b.contentStart !== a.contentStart + d || b.contentEnd !== a.contentEnd + d ||
    b.kind !== a.kind || b.paid !== a.paid || (a.heading >= 0) !== (b.heading >= 0)
  ) {
    return false;
  }
  if (a.heading < 0) return true;
  const x = pm.headings[a.heading];
  const y = nm.headings[b.heading];
  return (
    x.kind === y.kind && x.level === y.level && x.value === y.value &&
    y.marker.start === x.marker.start + d && y.marker.end === x.marker.end + d &&
    y.text.start === x.text.start + d && y.text.end === x.text.end + d &&
    y.terminatorAt === (x.terminatorAt < 0 ? -1 : x.terminatorAt + d) && y.runIn === x.runIn
  );
}

/**
 * The model as the block rules see it when they run on some blocks only: the same text, headings and
 * markers, but only the given blocks, its own derived data, and a character index that holds only the
 * positions from the first given block to the last.
 */
export function blockView(model: ReportModel, blockIndexes: readonly number[]): ReportModel {
  const blocks = blockIndexes.map((i) => model.blocks[i]);
  const view: ReportModel = { ...model, blocks, derived: new DerivedIndex() };
  if (blocks.length) setCharIndex(view, restrictIndex(charIndex(model), blocks[0].start, blocks[blocks.length - 1].end + 1));
  else setCharIndex(view, restrictIndex(charIndex(model), 0, 0));
  return view;
}

function restrictIndex(index: CharIndex, start: number, end: number): CharIndex {
  const out = { ...index } as Record<string, unknown>;
  for (const [key, value] of Object.entries(index)) {
    if (!(value instanceof Positions)) continue;
    const lo = value.lowerBound(start);
    const hi = Math.max(lo, value.lowerBound(end));
    const p = new Positions();
    p.at = value.at.subarray(lo, hi);
    p.count = hi - lo;
    out[key] = p;
  }
  return out as unknown as CharIndex;
}

/** Index of the block of `blocks` (in document order) that holds offset `at`, or -1. */
export function blockAt(blocks: readonly Block[], at: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && at <= blocks[i].end ? i : -1;
}

/**
 * A block rule's problems carried over to the new model: those in blocks that repeat an old block, moved
 * with their block. Undefined when a problem cannot be carried (outside every block, or with a command
 * whose arguments may hold offsets): then the rule runs in full.
 */
export function carriedProblems(prev: ReportModel, next: ReportModel, mapping: BlockMapping, problems: readonly Problem[]): Problem[] | undefined {
  const out: Problem[] = [];
  for (const p of problems) {
    const i = blockAt(prev.blocks, p.start);
    if (i < 0 || p.fixes.some((f) => f.command)) return undefined;
    const j = mapping.to[i];
    if (j < 0) continue;
    const d = next.blocks[j].start - prev.blocks[i].start;
    out.push(d === 0 ? p : shifted(p, d));
  }
  return out;
}

function shifted(p: Problem, d: number): Problem {
  const q: Problem = {
    rule: p.rule, severity: p.severity, start: p.start + d, end: p.end + d, message: p.message,
    fixes: p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ start: e.start + d, end: e.end + d, text: e.text })) })),
  };
  if (p.unnecessary !== undefined) q.unnecessary = p.unnecessary;
  if (p.related !== undefined) q.related = p.related.map((r) => ({ start: r.start + d, end: r.end + d, message: r.message }));
  return q;
}
