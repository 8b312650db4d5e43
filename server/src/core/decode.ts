// Decoding report files from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which
// reads GBK and GB2312 too). Hosts that read files themselves (the command line) use this; the editor
// decodes files itself, and core/encoding.ts tells when it got it wrong.

/** The encodings decodeBytes tells apart, named as VS Code names them. */
export type DetectedEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'gb18030';

/** The text of a report file and the encoding it was read with. Never throws. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf16be' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: bom ? 'utf8bom' : 'utf8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The text of a report file (see decodeBytes). */
export function decodeReport(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}
