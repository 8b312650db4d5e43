// Character classes and line handling shared by the parser and the rules.
// Everything works on UTF-16 code units, as the editor's offsets do.

/** Han ideographs in the BMP (CJK Unified Ideographs, Extension A, compatibility) and 〇. */
export function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007
  );
}

/** Full-width CJK punctuation and symbols that appear in Chinese prose. */
export function isCjkPunct(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f && c !== 0x3000 && c !== 0x3007) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 ||
    c === 0x2014 || c === 0x2026 || c === 0x00b7
  );
}

/** Han character or CJK punctuation: the "Chinese text" side of a boundary. */
export function isCjk(c: number): boolean {
  return isHan(c) || isCjkPunct(c);
}

/** White space within a line: ASCII blanks, no-break space, the U+2000 block, ideographic space, BOM. */
export function isInlineSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isFullWidthDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

export function isDigit(c: number): boolean {
  return isAsciiDigit(c) || isFullWidthDigit(c);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Marks that may end a sentence or a body paragraph. */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 /*。*/ || c === 0xff01 /*！*/ || c === 0xff1f /*？*/;
}

/** Line starts, computed once; offset → line by binary search. */
export class LineIndex {
  /** starts[i] is the offset of line i's first character. */
  readonly starts: number[];
  /** ends[i] is the offset just past line i's content, before its line break. */
  readonly ends: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    // indexOf finds line breaks far faster than a loop over every character of a long report.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      const i = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      ends.push(i);
      const next = i === cr && lf === i + 1 ? i + 2 : i + 1;
      starts.push(next);
      if (lf !== -1 && lf < next) lf = text.indexOf('\n', next);
      if (cr !== -1 && cr < next) cr = text.indexOf('\r', next);
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineAt(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * lineAt(offset), searched from the line `hint` onwards in steps that double (1, 2, 4 …) before the
   * binary search: for offsets met in document order, a few lines apart, this costs a step or two.
   */
  lineNear(offset: number, hint: number): number {
    const s = this.starts;
    if (!(hint >= 0 && hint < s.length && s[hint] <= offset)) return this.lineAt(offset);
    // Invariant: s[lo] <= offset; find the last line whose start is <= offset.
    let lo = hint;
    let step = 1;
    while (lo + step < s.length && s[lo + step] <= offset) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(lo + step, s.length) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Counts the characters of text[start, end) that are not white space or line breaks (code points). */
export function countNonSpace(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Fast path: Han characters and CJK punctuation, the bulk of a report.
    if (c > 0x3000 && c < 0xd800) {
      n++;
      continue;
    }
    if (c > 0x20 && c < 0x7f) {
      n++;
      continue;
    }
    if (isInlineSpace(c) || isLineBreak(c) || c === 0x200b || c === 0x200c || c === 0x200d) continue;
    // A surrogate pair is one character.
    if (c >= 0xdc00 && c <= 0xdfff && i > start) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

/**
 * The line break the document uses: the first one found (CRLF, LF or a lone CR, as in old Mac files),
 * LF when the text has none. The one helper for every edit that writes a line break.
 */
export function eolOf(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return '\n';
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : '\r';
  }
  return '\n';
}
