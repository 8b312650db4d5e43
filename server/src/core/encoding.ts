// Recognising a report that was opened with the wrong encoding. Two kinds of damage are told apart:
//  - replacement: the bytes were not UTF-8 (most often GBK) but were read as UTF-8, so the decoder put
//    U+FFFD (�) where it failed. The original bytes are still in the file; the text is not.
//  - latin1: the bytes were read one byte per character as Latin-1 / Windows 1252, which turns every
//    GBK character into two accented letters or symbols ("述职报告" → "ÊöÖ°±¨¸æ"). Those characters
//    map back to the bytes, so what the text should read is known (and shown in the message).
// Correct Chinese text is almost entirely outside Latin-1, so both tests look at shares of the non-ASCII
// characters, never at single characters: a stray "×", "……" or "�" in a real report stays quiet.

import { derive, derivedKey } from './derived';
import type { ReportModel } from './model';

/** VS Code's names of the encodings a garbled report is reopened with. */
export type SuggestedEncoding = 'gbk' | 'utf8';

export interface Mojibake {
  kind: 'replacement' | 'latin1';
  /** The encoding the file most likely has: reopen it with this one. */
  encoding: SuggestedEncoding;
  /** How many characters are garbled: replacement characters, or mis-read ones (in the first 64 Ki characters of the run). */
  count: number;
  /** The first garbled run, as UTF-16 offsets. */
  start: number;
  end: number;
  /** latin1: what that first run reads as in the right encoding. */
  preview?: string;
}

/** Windows 1252's characters for the bytes 0x80–0x9F (the others are Latin-1's own). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const CP1252_BYTE = new Map<number, number>(CP1252_HIGH.map((c, i) => [c, 0x80 + i]));

/** The byte a character stands for when bytes were read as Latin-1 / Windows 1252; -1 if none. */
function latinByte(c: number): number {
  if (c < 0x100) return c;
  if (c === 0xfffd) return 0x81; // a byte Windows 1252 leaves undefined: GBK's first lead byte
  return CP1252_BYTE.get(c) ?? -1;
}

function isChineseChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e);
}

/** At least this many garbled characters before the document as a whole is called garbled. */
const MIN_GARBLED = 6;
/** The first garbled run, quoted in the message, is cut at this many characters (an even number: GBK pairs). */
const MAX_SAMPLE = 24;
/** Characters of a long text that the Latin-1 test decodes. */
const SAMPLE = 1 << 16;

function decoder(label: string, fatal = false): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined; // a runtime without the legacy encodings (small ICU)
  }
}

/**
 * Whether the text as a whole looks like a file decoded with the wrong encoding, and which kind of
 * damage it is. Linear, no allocation for ordinary text; undefined for text that reads correctly.
 */
export function detectMojibake(text: string): Mojibake | undefined {
  if (plainlyReadable(text)) return undefined;
  let nonAscii = 0;
  let replacements = 0;
  let latin = 0;
  let firstReplacement = -1;
  let firstLatin = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c < 0x100) {
      latin++;
      if (firstLatin < 0 && c >= 0xa0) firstLatin = i;
    } else if (c === 0xfffd) {
      replacements++;
      if (firstReplacement < 0) firstReplacement = i;
    } else if (c <= 0x2122 && CP1252_BYTE.has(c)) {
      latin++;
    }
  }
  // Latin-1 mojibake may hold a few replacement characters (bytes Windows 1252 leaves undefined).
  if (latin >= MIN_GARBLED && latin + replacements >= 0.8 * nonAscii && latin > replacements && firstLatin >= 0) {
    const found = latinMojibake(text, firstLatin);
    if (found) return found;
  }
  if (replacements >= MIN_GARBLED / 2 && replacements >= 0.2 * nonAscii) {
    let end = firstReplacement;
    while (end < text.length && end - firstReplacement < MAX_SAMPLE && (text.charCodeAt(end) === 0xfffd || (text.charCodeAt(end) >= 0x80 && !isChineseChar(text.charCodeAt(end))))) end++;
    return { kind: 'replacement', encoding: 'gbk', count: replacements, start: firstReplacement, end };
  }
  return undefined;
}

/**
 * Whether neither test of detectMojibake can succeed, proved from a part of the text only: the same
 * answer for ordinary Chinese text at a fraction of the cost. Both tests need few "other" characters —
 * non-ASCII ones that are neither Latin-1, Windows 1252 nor U+FFFD: the Latin-1 test needs
 * latin + replacements >= 0.8 * nonAscii, that is other <= nonAscii / 5 <= length / 5; the replacement
 * test needs replacements >= 0.2 * nonAscii, that is other <= 4 * replacements (and at least three
 * replacements). Every character above U+2122 but U+FFFD is "other", so counting those from the start
 * until both bounds are passed proves there is nothing to find. Text that is mostly Chinese passes them
 * within its first quarter or so; other text (much ASCII or Latin-1) is left to the full count.
 */
function plainlyReadable(text: string): boolean {
  const n = text.length;
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  const enough = Math.max(Math.floor(n / 5), replacements < MIN_GARBLED / 2 ? 0 : 4 * replacements);
  // Past the first half the full count is as cheap: give up there (text with much ASCII or Latin-1).
  const stop = n - (n >> 1);
  let other = 0;
  for (let i = 0; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x2122 && c !== 0xfffd && ++other > enough) return true;
  }
  return false;
}

/** text[start, stop) read as bytes again (other characters become '?'), and how many are 0x80 or more. */
function toBytes(text: string, start: number, stop: number): { bytes: Uint8Array; high: number } {
  const bytes = new Uint8Array(stop - start);
  let high = 0;
  for (let i = start; i < stop; i++) {
    const b = latinByte(text.charCodeAt(i));
    bytes[i - start] = b < 0 ? 0x3f : b;
    if (b >= 0x80) high++;
  }
  return { bytes, high };
}

function latinMojibake(text: string, first: number): Mojibake | undefined {
  // The first garbled run starts at the first mis-read character, or before it, after the last ASCII one.
  let start = first;
  while (start > 0 && text.charCodeAt(start - 1) >= 0x80 && latinByte(text.charCodeAt(start - 1)) >= 0) start--;
  // A sample from there is enough to tell (VS Code's own guess reads 64 KiB), and costs the same for a
  // long text.
  const stop = Math.min(text.length, start + SAMPLE);
  const { bytes, high } = toBytes(text, start, stop);
  let end = 0;
  while (end < bytes.length && end < MAX_SAMPLE && bytes[end] >= 0x80) end++;
  const at = (found: Omit<Mojibake, 'start' | 'end'>): Mojibake => ({ ...found, start, end: start + end });
  // UTF-8 read as Latin-1: the bytes are valid UTF-8 again, with multi-byte characters in them.
  const utf8 = decoder('utf-8', true);
  if (utf8) {
    try {
      // A sample may end inside a UTF-8 sequence: leave out its incomplete last character.
      let e = bytes.length;
      if (stop < text.length) {
        while (e > 0 && (bytes[e - 1] & 0xc0) === 0x80) e--;
        if (e > 0 && bytes[e - 1] >= 0xc0) e--;
      }
      const decoded = utf8.decode(bytes.subarray(0, e));
      if (decoded.length < e) return at({ kind: 'latin1', encoding: 'utf8', count: high, preview: utf8.decode(bytes.subarray(0, end)) });
    } catch {
      // not UTF-8: try GBK below
    }
  }
  // GBK read as Latin-1: the bytes pair up into GBK characters, most of them from GB2312's rows
  // (both bytes 0xA1–0xFE) where every common character and the Chinese punctuation live.
  let strong = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x81 || b === 0xff || i + 1 >= bytes.length) continue;
    const t = bytes[i + 1];
    if (t < 0x40 || t === 0x7f || t === 0xff) continue;
    if (b >= 0xa1 && t >= 0xa1) strong++;
    i++;
  }
  if (strong * 2 < 0.6 * high) return undefined;
  const gbk = decoder('gbk');
  if (!gbk) return undefined;
  const seen = new Set<number>();
  let chinese = 0;
  let bad = 0;
  const decoded = gbk.decode(bytes);
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (isChineseChar(c)) {
      chinese++;
      if (seen.size < 3) seen.add(c);
    }
  }
  if (seen.size < 3 || chinese * 2 < 0.6 * high || bad * 4 > chinese) return undefined;
  return at({ kind: 'latin1', encoding: 'gbk', count: high, preview: gbk.decode(bytes.subarray(0, end)) });
}

const MOJIBAKE = derivedKey('mojibake', (model) => detectMojibake(model.text));

/** detectMojibake for a parsed report, computed once per model (the lint and the statistics share it). */
export function mojibakeOf(model: ReportModel): Mojibake | undefined {
  return derive(model, MOJIBAKE);
}
