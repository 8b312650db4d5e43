// Chinese numerals as used in heading numbers: 一 … 十 … 九十九, with 〇/零 and 百 accepted.

const DIGIT: Record<string, number> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** Digit values indexed by code point − U+4E00 (〇 is handled apart); -1 for other characters. */
const DIGIT_CODE = (() => {
  const table = new Int8Array(0x5200).fill(-1);
  for (const [ch, v] of Object.entries(DIGIT)) if (ch !== '〇') table[ch.charCodeAt(0) - 0x4e00] = v;
  return table;
})();

/** 1 for the numeral characters other than 〇, indexed by code point − U+4E00. */
const NUMERAL_CODE = (() => {
  const table = new Uint8Array(0x5200);
  for (const ch of [...Object.keys(DIGIT), '十', '百']) if (ch !== '〇') table[ch.charCodeAt(0) - 0x4e00] = 1;
  return table;
})();

export function isChineseNumeralChar(c: string): boolean {
  return c.length === 1 && isChineseNumeralCode(c.charCodeAt(0));
}

export function isChineseNumeralCode(c: number): boolean {
  return c === 0x3007 /*〇*/ || (c >= 0x4e00 && c < 0x4e00 + 0x5200 && NUMERAL_CODE[c - 0x4e00] === 1);
}

/** The value of a Chinese numeral such as 十四 or 二十一, or -1 when the string is not one. */
export function parseChineseNumeral(s: string, start = 0, end = s.length): number {
  if (end - start === 0 || end - start > 5) return -1;
  let total = 0;
  let current = -1; // pending digit
  let lastUnit = 1000;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const d = c >= 0x4e00 ? DIGIT_CODE[c - 0x4e00] : undefined;
    if (d !== undefined && d >= 0 && c !== 0x5341 /*十*/ && c !== 0x767e /*百*/) {
      if (current !== -1) return -1; // two digits in a row (一二) is not a number
      current = d;
    } else if (c === 0x3007 /*〇*/) {
      if (current !== -1) return -1;
      current = 0;
    } else if (c === 0x5341 /*十*/ || c === 0x767e /*百*/) {
      const unit = c === 0x5341 ? 10 : 100;
      if (unit >= lastUnit) return -1;
      total += (current === -1 ? 1 : current) * unit;
      if (current === 0) return -1;
      current = -1;
      lastUnit = unit;
    } else {
      return -1;
    }
  }
  if (current !== -1) {
    if (current === 0 && total === 0) return -1;
    total += current;
  }
  return total > 0 ? total : -1;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes n (1 … 999) as a heading numeral: 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 105 → 一百〇五. */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h) s += DIGITS[h] + '百';
  if (t) s += (t === 1 && !h ? '' : DIGITS[t]) + '十';
  else if (h && u) s += '〇';
  if (u) s += DIGITS[u];
  return s;
}

/** Parses ASCII or full-width digits (of s[start, end)); -1 when there are none or other characters. */
export function parseDigits(s: string, start = 0, end = s.length): number {
  if (end - start === 0) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xff10 - 0x30;
    if (c < 0x30 || c > 0x39) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v;
}
