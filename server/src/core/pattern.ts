// User-supplied patterns (settings, .reportrc.json) run on RE2 (re2js): matching time is linear in the
// text whatever the pattern, so a hostile `(a+)+$` cannot hang the analysis. Built-in patterns stay on
// native RegExp: they are written to be safe.

import { RE2JS } from 're2js';

/** A pattern that finds non-empty matches in a text. */
export interface TextPattern {
  readonly source: string;
  /** Calls `found` for each non-empty match, in order, without overlaps. */
  scan(text: string, found: (start: number, end: number) => void): void;
}

/**
 * JavaScript escapes that RE2 writes differently: `\uXXXX` and `\u{X…}` become `\x{…}`. Everything else
 * is passed through; what RE2 does not support (look-around, back references) fails to compile.
 */
export function toRe2Syntax(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c !== '\\' || i + 1 >= src.length) {
      out += c;
      continue;
    }
    const n = src[i + 1];
    if (n === 'u') {
      const four = /^[0-9a-fA-F]{4}/u.exec(src.slice(i + 2, i + 6));
      if (four) {
        out += `\\x{${four[0]}}`;
        i += 5;
        continue;
      }
      const braced = /^\{([0-9a-fA-F]{1,6})\}/u.exec(src.slice(i + 2, i + 10));
      if (braced) {
        out += `\\x{${braced[1]}}`;
        i += 1 + braced[0].length;
        continue;
      }
    }
    out += c + n;
    i++;
  }
  return out;
}

export class LinearPattern implements TextPattern {
  private readonly re: RE2JS;

  /** Throws (an Error with RE2's message) when the pattern cannot be compiled. */
  constructor(readonly source: string) {
    this.re = RE2JS.compile(toRe2Syntax(source));
  }

  scan(text: string, found: (start: number, end: number) => void): void {
    const m = this.re.matcher(text);
    while (m.find()) {
      const s = m.start();
      const e = m.end();
      if (e > s) found(s, e);
    }
  }
}

/** A native RegExp as a TextPattern (for built-in, trusted patterns). */
export function nativePattern(re: RegExp): TextPattern {
  const g = re.global ? re : new RegExp(re.source, re.flags + 'g');
  return {
    source: re.source,
    scan(text, found) {
      g.lastIndex = 0;
      for (let m = g.exec(text); m; m = g.exec(text)) {
        if (m[0].length === 0) {
          // Step over a whole surrogate pair in unicode mode: inside one, the search would start over at the
          // pair and find the same empty match for ever.
          const c = text.charCodeAt(g.lastIndex);
          const pair = g.unicode && c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(g.lastIndex + 1) & 0xfc00) === 0xdc00;
          g.lastIndex += pair ? 2 : 1;
          continue;
        }
        found(m.index, m.index + m[0].length);
      }
    },
  };
}
