// Reading report files from bytes and writing them back exactly as they were saved: the encoding (UTF-8
// with or without a BOM, UTF-16 with a BOM, GB18030 and its subset GBK) and the line endings.
//
// Detection: a BOM decides; otherwise strict UTF-8, and when that fails strict GB18030. A file that is
// neither, or that holds NUL characters (a binary file), is refused. Before anything is written, the
// original text is encoded again and must give the original bytes: a file that would not survive the round
// trip is never written.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type Eol = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface Decoded {
  text: string;
  encoding: Encoding;
  eol: Eol;
}

/** Why bytes are not a report: NUL characters, or no encoding that reads them. */
export class DecodeError extends Error {
  constructor(
    readonly reason: 'binary' | 'encoding',
    message: string,
  ) {
    super(message);
  }
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM (if any) was recognised by the caller and is cut off before this.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array): Decoded {
  let text: string | undefined;
  let encoding: Encoding;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = strict('utf-8', bytes.subarray(3));
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = bytes.length % 2 === 0 ? strict('utf-16le', bytes.subarray(2)) : undefined;
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = bytes.length % 2 === 0 ? strict('utf-16be', bytes.subarray(2)) : undefined;
  } else {
    // NUL bytes never occur in UTF-8 or GB18030 text: the file is binary (or UTF-16 without a BOM).
    if (bytes.includes(0)) throw new DecodeError('binary', 'binary');
    encoding = 'utf-8';
    text = strict('utf-8', bytes);
    if (text === undefined) {
      encoding = 'gb18030';
      text = strict('gb18030', bytes);
    }
  }
  if (text === undefined) throw new DecodeError('encoding', encoding);
  if (text.includes('\0')) throw new DecodeError('binary', 'binary');
  return { text, encoding, eol: eolOf(text) };
}

export function eolOf(text: string): Eol {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (lf ? 1 : 0) + (crlf ? 1 : 0) + (cr ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : cr ? 'cr' : 'lf';
}

/**
 * New text in the file's line endings: when every line break of the file is CRLF (or CR), line feeds that a
 * fix brought in are written the same way. Mixed files are left as the fixes made them.
 */
export function withEol(text: string, eol: Eol): string {
  if (eol === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (eol === 'cr') return text.replace(/\r?\n/g, '\r');
  return text;
}

let iconv: typeof import('iconv-lite') | undefined;

function swap16(buf: Buffer): Buffer {
  return buf.swap16();
}

/** The bytes of text in an encoding, with the BOM the encoding implies. */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(text, 'utf16le'))]);
    case 'gb18030':
      // Loaded only when a GB18030 file is written: its tables are most of the command line's size.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      iconv ??= require('iconv-lite') as typeof import('iconv-lite');
      return iconv.encode(text, 'gb18030');
  }
}

/** Whether the decoded text gives back exactly the bytes it came from (so that writing it loses nothing). */
export function roundTrips(bytes: Uint8Array, decoded: Decoded): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(encode(decoded.text, decoded.encoding));
}

/** A label for people: `GB18030`, `UTF-8 BOM` … */
export function encodingLabel(e: Encoding): string {
  return { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' }[e];
}
