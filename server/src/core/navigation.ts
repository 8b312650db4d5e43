// Moving between the blanks left to fill (x%, xx个, ××县, 【 】 …), wrapping around the document.

import type { Placeholder, ReportModel } from './model';

export interface BlankHit {
  blank: Placeholder;
  /** 1-based position of the blank among all of them. */
  index: number;
  total: number;
  /** True when the search went past the end (or the start) of the document. */
  wrapped: boolean;
}

/**
 * The blank after `offset` (the first one starting at or after it), or before it (the last one ending at
 * or before it), wrapping around. Starting from a selected blank (`offset` at its end going forward, at
 * its start going back) moves to the next one. Null when the report has no blank.
 */
export function nextBlank(model: ReportModel, offset: number, direction: 'next' | 'previous'): BlankHit | null {
  const list = model.placeholders;
  const total = list.length;
  if (!total) return null;
  // Binary search: the first blank that starts at or after offset.
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  if (direction === 'next') {
    const wrapped = lo === total;
    const i = wrapped ? 0 : lo;
    return { blank: list[i], index: i + 1, total, wrapped };
  }
  let i = lo - 1;
  while (i >= 0 && list[i].end > offset) i--;
  const wrapped = i < 0;
  if (wrapped) i = total - 1;
  return { blank: list[i], index: i + 1, total, wrapped };
}
