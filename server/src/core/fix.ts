// Applying fixes: single edits, all fixes of a kind, and fix-all in rounds until nothing changes.

import type { ResolvedConfig } from './config';
import { lint } from './lint';
import { parse } from './parser';
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

/**
 * Chooses the first fix of each problem, in document order, leaving out any whose edits touch an edit
 * already chosen. The result is a set of non-overlapping edits, sorted.
 */
export function chooseFixes(problems: readonly Problem[]): Edit[] {
  const chosen: Edit[] = [];
  const sorted = problems.filter((p) => p.fixes.length > 0).sort((a, b) => a.start - b.start);
  for (const p of sorted) {
    const edits = p.fixes[0].edits;
    if (edits.some((e) => chosen.some((c) => conflicts(c, e)))) continue;
    // Edits of one fix must not touch each other either.
    if (edits.some((e, i) => edits.some((f, j) => i < j && conflicts(e, f)))) continue;
    chosen.push(...edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
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
}

/** Fix-all's default choice: every problem shown as an error, warning or information. Hints are
 * suggestions (optional style); they are fixed one by one or with "fix all problems of this rule". */
export const notHint = (p: Problem): boolean => p.severity !== 'hint';

/**
 * Applies the preferred fix of every fixable problem, re-analysing and repeating until no fix is left
 * (at most `maxRounds` rounds). `filter` narrows the problems (one rule, a range …).
 */
export function fixAll(
  text: string,
  config: ResolvedConfig,
  filter: (p: Problem) => boolean = notHint,
  maxRounds = 10,
): FixAllResult {
  let edits: Edit[] = [];
  let current = text;
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    const problems = lint(parse(current, config.parse), config).filter(filter);
    const next = chooseFixes(problems);
    if (next.length === 0) break;
    const after = applyEdits(current, next);
    if (after === current) break;
    edits = composeEdits(text, edits, next, current);
    current = after;
  }
  return { edits, text: current, rounds };
}
