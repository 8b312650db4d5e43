// Paid-content markers (##paidbegin## … ##paidend##, $$paidbegin$$ … $$paidend$$, ##pagebreak##):
// finding them, recognising misspellings, and pairing them into regions.

import type { PaidIssue, PaidMarker, PaidMarkerType, PaidRegion } from './model';
import { isInlineSpace, isLineBreak } from './text';

export interface PaidMarkerSpellings {
  begin: string[];
  end: string[];
  pagebreak: string[];
}

export const DEFAULT_PAID_MARKERS: PaidMarkerSpellings = {
  begin: ['##paidbegin##', '$$paidbegin$$'],
  end: ['##paidend##', '$$paidend$$'],
  pagebreak: ['##pagebreak##'],
};

// Everything that looks like a marker: a word (paidbegin, paidend, pagebreak, in any case, with at most one
// separator inside) with marker characters (#, $, or their full-width forms) on at least one side.
// Every quantifier is bounded, so matching stays linear on any line.
const WORD = '(?:paid[ \\t\\u3000_-]?(?:begin|end)|page[ \\t\\u3000_-]?break)';
const MARK = '[#＃$＄]';
/** Invisible characters (zero-width spaces and joiners, BOM, soft hyphen, direction controls). */
export const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

const FUZZY = new RegExp(
  `${MARK}{1,3}[ \\t\\u3000]{0,2}${WORD}[ \\t\\u3000]{0,2}${MARK}{0,2}|${WORD}[ \\t\\u3000]{0,2}${MARK}{1,2}`,
  'giu',
);

const LOCATE = /pa(?:id|ge)/gi;

function typeOf(raw: string): PaidMarkerType {
  const lower = raw.toLowerCase();
  if (lower.includes('begin')) return 'begin';
  if (lower.includes('end')) return 'end';
  return 'pagebreak';
}

function familyOf(raw: string): '##' | '$$' {
  return raw.includes('$') || raw.includes('＄') ? '$$' : '##';
}

function canonicalFor(type: PaidMarkerType, family: '##' | '$$', spellings: PaidMarkerSpellings): string {
  const list = spellings[type];
  return list.find((s) => familyOf(s) === family) ?? list[0] ?? DEFAULT_PAID_MARKERS[type][0];
}

function isOwnLine(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) break;
    if (!isInlineSpace(c)) return false;
  }
  for (let i = end; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) break;
    if (!isInlineSpace(c)) return false;
  }
  return true;
}

/** Finds every paid marker, accepted or misspelled, in document order. */
export function scanPaidMarkers(text: string, spellings: PaidMarkerSpellings = DEFAULT_PAID_MARKERS): PaidMarker[] {
  const accepted = new Map<string, PaidMarkerType>();
  for (const type of ['begin', 'end', 'pagebreak'] as const) for (const s of spellings[type]) if (s) accepted.set(s, type);
  const found: PaidMarker[] = [];
  const make = (start: number, end: number, type: PaidMarkerType, misspelled: boolean): PaidMarker => {
    const raw = text.slice(start, end);
    const family = familyOf(raw);
    return {
      start, end, type, family, raw, misspelled,
      canonical: misspelled ? canonicalFor(type, family, spellings) : raw,
      ownLine: isOwnLine(text, start, end),
    };
  };
  // Accepted spellings that the fuzzy pattern would not see (custom ones) are found literally.
  const custom = [...accepted.keys()].filter((s) => !new RegExp(`^(?:${FUZZY.source})$`, 'iu').test(s));
  for (const s of custom) {
    for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + s.length)) found.push(make(i, i + s.length, accepted.get(s)!, false));
  }
  // Every marker holds "paid" or "page": find those cheaply, then match the full pattern around each.
  let lastEnd = 0;
  LOCATE.lastIndex = 0;
  for (let hit = LOCATE.exec(text); hit; hit = LOCATE.exec(text)) {
    FUZZY.lastIndex = Math.max(lastEnd, hit.index - 8);
    const m = FUZZY.exec(text);
    if (!m || m.index > hit.index) continue;
    LOCATE.lastIndex = m.index + m[0].length;
    lastEnd = LOCATE.lastIndex;
    let start = m.index;
    let end = start + m[0].length;
    let raw = m[0];
    // A leading or trailing separator belongs to the text, not to the marker, when the marker is complete without it.
    const exact = [...accepted.keys()].find((s) => raw.includes(s));
    if (exact) {
      start += raw.indexOf(exact);
      end = start + exact.length;
      raw = exact;
    }
    if (custom.length ? found.some((f) => f.start < end && start < f.end) : found.length > 0 && found[found.length - 1].end > start) continue;
    const type = accepted.get(raw) ?? typeOf(raw);
    found.push(make(start, end, type, !accepted.has(raw)));
  }
  if (custom.length) found.sort((a, b) => a.start - b.start);
  return found;
}

/** Pairs markers into paid regions and lists what breaks the pairing. */
export function pairPaidMarkers(
  text: string,
  markers: PaidMarker[],
  count: (start: number, end: number) => number,
): { regions: PaidRegion[]; issues: PaidIssue[] } {
  const regions: PaidRegion[] = [];
  const issues: PaidIssue[] = [];
  let open: PaidMarker | undefined;
  const close = (begin: PaidMarker, end: PaidMarker | undefined) => {
    const content = { start: begin.end, end: end ? end.start : text.length };
    const region: PaidRegion = { begin, end, content, chars: count(content.start, content.end) };
    regions.push(region);
    if (end) {
      // Empty: nothing but blanks, marker look-alikes and invisible characters (which their own rule removes).
      if ((region.chars === 0 || content.end - content.start <= 64) && !/\S/u.test(text.slice(content.start, content.end).replace(FUZZY, '').replace(INVISIBLE, ''))) {
        issues.push({ kind: 'empty', region });
      }
      if (begin.family !== end.family) issues.push({ kind: 'mixed-family', region });
    }
  };
  for (const m of markers) {
    if (m.type === 'begin') {
      if (open) issues.push({ kind: 'repeated-begin', begin: m, open });
      else open = m;
    } else if (m.type === 'end') {
      if (open) {
        close(open, m);
        open = undefined;
      } else {
        issues.push({ kind: 'stray-end', end: m });
      }
    }
  }
  if (open) {
    issues.push({ kind: 'unclosed', begin: open });
    close(open, undefined);
  }
  return { regions, issues };
}
