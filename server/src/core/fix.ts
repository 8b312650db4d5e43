// Applying fixes: single edits, all fixes of a kind, and fix-all in rounds until nothing changes.

import type { ResolvedConfig } from './config';
import { lint } from './lint';
import { parse } from './parser';
import { RULES_BY_ID } from './rules';
import type { Edit, Problem } from './rules/types';

/** Applies non-overlapping edits (in any order) to text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

function conflicts(a: Edit, b: Edit): boolean {
  // Touching edits conflict too: their order would be ambiguous. The next round takes the one left out.
  return Math.max(a.start, b.start) <= Math.min(a.end, b.end);
}

/** Non-overlapping edits kept sorted; conflicts are found by binary search (fixes mostly come in order). */
class EditSet {
  readonly edits: Edit[] = [];

  /** Whether e conflicts with an edit in the set. */
  conflicts(e: Edit): boolean {
    const a = this.edits;
    // The first edit whose end reaches e.start.
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid].end < e.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < a.length && conflicts(a[lo], e);
  }

  add(e: Edit): void {
    const a = this.edits;
    if (!a.length || a[a.length - 1].start <= e.start) {
      a.push(e);
      return;
    }
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid].start <= e.start) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, e);
  }
}

/**
 * Chooses the first fix of each problem, in document order, leaving out any whose edits touch an edit
 * already chosen. Returns the edits (non-overlapping, sorted) and the problems whose fix was taken.
 */
export function chooseProblemFixes(problems: readonly Problem[]): { edits: Edit[]; chosen: Set<Problem> } {
  const set = new EditSet();
  const chosen = new Set<Problem>();
  const sorted = problems.filter((p) => p.fixes.length > 0).sort((a, b) => a.start - b.start);
  for (const p of sorted) {
    const own = p.fixes[0].edits;
    if (own.length === 1) {
      if (set.conflicts(own[0])) continue;
      set.add(own[0]);
      chosen.add(p);
      continue;
    }
    const edits = [...own].sort((x, y) => x.start - y.start);
    if (edits.some((e) => set.conflicts(e))) continue;
    // Edits of one fix must not touch each other either.
    if (edits.some((e, i) => i > 0 && conflicts(edits[i - 1], e))) continue;
    for (const e of edits) set.add(e);
    chosen.add(p);
  }
  return { edits: set.edits, chosen };
}

/**
 * Chooses the first fix of each problem, in document order, leaving out any whose edits touch an edit
 * already chosen. The result is a set of non-overlapping edits, sorted.
 */
export function chooseFixes(problems: readonly Problem[]): Edit[] {
  return chooseProblemFixes(problems).edits;
}

/**
 * Composes edits: `base` are edits on `original`; `next` are edits on `current` (the result of applying
 * `base`). Returns edits on `original` that produce the same text as applying both, each covering only
 * what changed.
 */
export function composeEdits(original: string, base: readonly Edit[], next: readonly Edit[], current: string): Edit[] {
  type Iv = { cs: number; ce: number; base?: Edit; next?: Edit };
  const ivs: Iv[] = [];
  let shift = 0;
  for (const b of [...base].sort((x, y) => x.start - y.start)) {
    const cs = b.start + shift;
    ivs.push({ cs, ce: cs + b.text.length, base: b });
    shift += b.text.length - (b.end - b.start);
  }
  for (const n of next) ivs.push({ cs: n.start, ce: n.end, next: n });
  ivs.sort((a, b) => a.cs - b.cs || a.ce - b.ce);
  const out: Edit[] = [];
  let shiftBefore = 0;
  let i = 0;
  while (i < ivs.length) {
    const gcs = ivs[i].cs;
    let gce = ivs[i].ce;
    let j = i + 1;
    while (j < ivs.length && ivs[j].cs <= gce) gce = Math.max(gce, ivs[j++].ce);
    let shiftInside = 0;
    const nexts: Edit[] = [];
    for (let k = i; k < j; k++) {
      const b = ivs[k].base;
      if (b) shiftInside += b.text.length - (b.end - b.start);
      if (ivs[k].next) nexts.push(ivs[k].next!);
    }
    let piece = current.slice(gcs, gce);
    if (nexts.length) piece = applyEdits(piece, nexts.map((n) => ({ start: n.start - gcs, end: n.end - gcs, text: n.text })));
    const os = gcs - shiftBefore;
    const oe = gce - shiftBefore - shiftInside;
    if (original.slice(os, oe) !== piece) out.push({ start: os, end: oe, text: piece });
    shiftBefore += shiftInside;
    i = j;
  }
  return out;
}

export interface FixAllResult {
  /** Edits on the original text, non-overlapping and sorted. */
  edits: Edit[];
  text: string;
  rounds: number;
  /**
   * Why fix-all stopped before a fixed point, if it did: the time budget ran out, the caller cancelled,
   * or the round limit was reached. The edits so far are still valid (each round is applied whole).
   */
  stopped?: 'budget' | 'cancelled' | 'rounds';
}

export interface FixAllOptions {
  /** At most this many rounds (10). */
  maxRounds?: number;
  /** Stop starting new rounds after this many milliseconds (5000). */
  budgetMs?: number;
  /** Checked between rounds and between rules: true stops fix-all with what it has. */
  isCancelled?: () => boolean;
  /** The clock (for tests). */
  now?: () => number;
}

/** Fix-all's default choice: every problem shown as an error, warning or information. Hints are
 * suggestions (optional style); they are fixed one by one or with "fix all problems of this rule". */
export const notHint = (p: Problem): boolean => p.severity !== 'hint';

/** Maps positions of a text through sorted, non-overlapping edits. A position inside an edit maps to its start (or end). */
class PositionMap {
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly shifts: number[]; // shift after edit k
  private readonly lens: number[];

  constructor(edits: readonly Edit[]) {
    this.starts = edits.map((e) => e.start);
    this.ends = edits.map((e) => e.end);
    this.lens = edits.map((e) => e.text.length);
    let shift = 0;
    this.shifts = edits.map((e) => (shift += e.text.length - (e.end - e.start)));
  }

  map(x: number, side: 'start' | 'end'): number {
    // The last edit starting at or before x.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < 0) return x;
    const before = k > 0 ? this.shifts[k - 1] : 0;
    if (x >= this.ends[k] && !(x === this.starts[k] && side === 'start')) return x + this.shifts[k];
    // Inside edit k (or at its start): its replacement.
    const newStart = this.starts[k] + before;
    return side === 'start' ? newStart : newStart + this.lens[k];
  }
}

const groupOf = (rule: string): string | undefined => RULES_BY_ID.get(rule)?.meta.linkedFixes;

type Pending = { rule: string; start: number; end: number; done?: boolean };

/** Problems of the original text not fixed yet, by rule, at their places in the current text. */
class PendingProblems {
  private byRule = new Map<string, Pending[]>();
  size = 0;

  /** Starts from the problems of the original text; returns each one's entry. */
  constructor(problems: readonly Problem[], entries: Map<Problem, Pending>) {
    for (const p of problems) {
      const q: Pending = { rule: p.rule, start: p.start, end: p.end };
      entries.set(p, q);
      const list = this.byRule.get(p.rule);
      if (list) list.push(q);
      else this.byRule.set(p.rule, [q]);
      this.size++;
    }
    for (const list of this.byRule.values()) list.sort((a, b) => a.start - b.start);
  }

  /** The pending problem a problem of the current text is: same rule, overlapping or touching range. */
  match(p: Problem): Pending | undefined {
    const list = this.byRule.get(p.rule);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= p.end) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1, n = 0; k >= 0 && n < 16; k--, n++) if (list[k].end >= p.start) return list[k];
    return undefined;
  }

  /** Drops the problems fixed in this round (marked `done`) and moves the others through its edits. */
  advance(edits: readonly Edit[]): void {
    const map = new PositionMap(edits);
    this.size = 0;
    for (const [rule, list] of this.byRule) {
      const next: Pending[] = [];
      for (const q of list) {
        if (q.done) continue;
        q.start = map.map(q.start, 'start');
        q.end = Math.max(q.start, map.map(q.end, 'end'));
        next.push(q);
      }
      if (next.length) this.byRule.set(rule, next);
      else this.byRule.delete(rule);
      this.size += next.length;
    }
  }
}

/**
 * Applies the preferred fix of every fixable problem, re-analysing and repeating until no fix is left.
 * Each round after the first only fixes problems that were already there in the original text (found
 * again at their mapped place, left out before because their fix touched another): a problem that an
 * earlier round's edit created is not "fixed", so fix-all never changes what nobody flagged. Rules whose
 * fixes are linked (`linkedFixes`: heading numbers, paid markers) are the exception: a group that had
 * problems in the original text is repaired until none of its problems is left. `filter`
 * narrows the problems (one rule, a range …). Stops at a fixed point, after `maxRounds`, when the time
 * budget is spent or when `isCancelled` says so (`stopped` tells which).
 */
export function fixAll(
  text: string,
  config: ResolvedConfig,
  filter: (p: Problem) => boolean = notHint,
  options: number | FixAllOptions = {},
): FixAllResult {
  const opts: FixAllOptions = typeof options === 'number' ? { maxRounds: options } : options;
  const maxRounds = opts.maxRounds ?? 10;
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.budgetMs ?? 5000);
  const isCancelled = opts.isCancelled;
  let edits: Edit[] = [];
  let current = text;
  let rounds = 0;
  let pending: PendingProblems | undefined;
  // Groups of linked rules that had problems in the original text: fixed until none is left.
  const groups = new Set<string>();
  let stopped: FixAllResult['stopped'];
  let incomplete = false;
  for (;;) {
    if (rounds >= maxRounds) {
      stopped = 'rounds';
      break;
    }
    if (isCancelled?.()) {
      stopped = 'cancelled';
      break;
    }
    if (rounds > 0 && now() > deadline) {
      stopped = 'budget';
      break;
    }
    // Checked between rules too: a cancellation drops the round; a spent budget keeps the rules that ran
    // (their fixes are as good as in a whole round) and stops after applying them.
    let cancelled = false;
    let outOfTime = false;
    const all = lint(parse(current, config.parse), config, {
      isCancelled: () => {
        cancelled = cancelled || (isCancelled?.() ?? false);
        outOfTime = outOfTime || now() > deadline;
        return cancelled || outOfTime;
      },
    });
    if (cancelled) {
      stopped = 'cancelled';
      break;
    }
    if (outOfTime) {
      stopped = 'budget';
      incomplete = true; // some rules did not run
    }
    let problems = all.filter(filter);
    const entries = new Map<Problem, Pending>();
    if (pending) {
      const p = pending;
      problems = problems.filter((q) => {
        const m = p.match(q);
        if (m) entries.set(q, m);
        return m !== undefined || groups.has(groupOf(q.rule) ?? '');
      });
    } else {
      const fixable = problems.filter((q) => q.fixes.length > 0);
      pending = new PendingProblems(fixable, entries);
      for (const q of fixable) {
        const group = groupOf(q.rule);
        if (group) groups.add(group);
      }
    }
    const { edits: next, chosen } = chooseProblemFixes(problems);
    if (next.length === 0) break;
    const after = applyEdits(current, next);
    if (after === current) break;
    rounds++;
    edits = composeEdits(text, edits, next, current);
    current = after;
    for (const p of chosen) {
      const q = entries.get(p);
      if (q) q.done = true;
    }
    pending.advance(next);
    if (stopped) break;
    if (pending.size === 0 && groups.size === 0) break;
  }
  const result: FixAllResult = { edits, text: current, rounds };
  // Stopped with work left (the original problems not fixed yet); a cancellation before any round counts too.
  if (stopped && (incomplete || !pending || pending.size > 0 || groups.size > 0)) result.stopped = stopped;
  return result;
}
