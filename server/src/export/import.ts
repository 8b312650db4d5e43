// A Word document (.docx) as report text: one line per paragraph, automatic numbering written out as the
// GB/T 9704 heading numbers (一、 （一） 1. （1）), tables as tab-separated lines, images dropped with a
// note in their place. Reads the document with mammoth. Host-independent (the bytes come from the host).

import { unzipSync } from 'fflate';
import { read as readDocx, type DocxFile } from 'mammoth/lib/docx/docx-reader';
import { canonicalMarker, matchMarker } from '../core/parser';
import type { ImportResult } from '../protocol';

export type { ImportResult };

/** The line that stands where an image was. */
export const IMAGE_NOTE = '〔图片已略去〕';

/** The largest document accepted (bytes). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** The most the parts read may take once unpacked: a small hostile package must not unpack into gigabytes. */
const MAX_UNPACKED = 256 * 1024 * 1024;

interface Element {
  type: string;
  children?: Element[];
  value?: string;
  breakType?: string;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
}

/** The marker of an ordered list item at a level (0-based), in the GB/T sequence of heading numbers. */
function listMarker(level: number, value: number): string {
  return canonicalMarker((Math.min(3, Math.max(0, level)) + 1) as 1 | 2 | 3 | 4, value);
}

class TextWriter {
  readonly lines: string[] = [];
  images = 0;
  tables = 0;
  paragraphs = 0;
  /** Counters of automatic numbering by list level. */
  private counters: number[] = [];

  /** The text of inline content; images are counted and noted by the caller. */
  private inline(children: readonly Element[] | undefined, out: string[], images: { n: number }): void {
    for (const c of children ?? []) {
      switch (c.type) {
        case 'text':
          out.push(c.value ?? '');
          break;
        case 'tab':
          out.push('\t');
          break;
        case 'break':
          out.push(c.breakType === 'line' ? '\n' : '');
          break;
        case 'image':
          images.n++;
          break;
        case 'checkbox':
          out.push((c as { checked?: boolean }).checked ? '☑' : '☐');
          break;
        case 'noteReference':
        case 'commentReference':
        case 'bookmarkStart':
          break;
        default:
          this.inline(c.children, out, images);
      }
    }
  }

  paragraph(p: Element, inTable: boolean): string {
    const parts: string[] = [];
    const images = { n: 0 };
    this.inline(p.children, parts, images);
    let text = parts.join('').replace(/\r/gu, '');
    const trimmed = text.trim();
    const num = p.numbering;
    if (num && num.isOrdered && trimmed && !inTable) {
      const level = Math.max(0, Math.min(8, Number.parseInt(num.level, 10) || 0));
      this.counters.length = level + 1;
      this.counters[level] = (this.counters[level] ?? 0) + 1;
      for (let k = 0; k < level; k++) this.counters[k] ??= 1;
      // A paragraph that already starts with a number keeps it.
      if (!matchMarker(trimmed, 0, Math.min(trimmed.length, 12))) text = listMarker(level, this.counters[level]) + text.trimStart();
    }
    this.images += images.n;
    if (!inTable && images.n) {
      const note = Array(images.n).fill(IMAGE_NOTE).join('');
      text = text.trim() ? `${text}\n${note}` : note;
    }
    return text;
  }

  block(e: Element): void {
    switch (e.type) {
      case 'paragraph': {
        const text = this.paragraph(e, false);
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          this.lines.push(line.trim());
          this.paragraphs++;
        }
        break;
      }
      case 'table':
        this.tables++;
        this.table(e);
        break;
      default:
        for (const c of e.children ?? []) this.block(c);
    }
  }

  private table(t: Element): void {
    for (const row of t.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells: string[] = [];
      let images = 0;
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        const texts: string[] = [];
        const walk = (e: Element) => {
          if (e.type === 'paragraph') {
            const before = this.images;
            const s = this.paragraph(e, true).replace(/[\t\n]+/gu, ' ').trim();
            images += this.images - before;
            if (s) texts.push(s);
          } else for (const c of e.children ?? []) walk(c);
        };
        walk(cell);
        cells.push(texts.join(' '));
      }
      if (cells.some((c) => c)) this.lines.push(cells.join('\t'));
      if (images) this.lines.push(Array(images).fill(IMAGE_NOTE).join(''));
    }
  }
}

/**
 * The package as mammoth's reader wants it. Only the XML parts are unpacked (images are dropped anyway),
 * and only while their declared sizes stay within MAX_UNPACKED.
 */
export function openDocx(bytes: Uint8Array): DocxFile {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (!/\.(?:xml|rels)$/iu.test(f.name)) return false;
      total += f.originalSize;
      if (total > MAX_UNPACKED) throw new Error('The document unpacks to more than 256 MiB.');
      return true;
    },
  });
  const decoder = new TextDecoder('utf-8');
  return {
    exists: (name) => Object.prototype.hasOwnProperty.call(files, name),
    read: async (name, encoding) => {
      const data = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
      if (!data) throw new Error(`The document has no part ${name}.`);
      return encoding ? decoder.decode(data) : data;
    },
  };
}

/** Reads a .docx and writes it as report text. Rejects bytes that are not a Word document. */
export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new Error(`The document is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('This is not a Word document (.docx): it is not a ZIP package.');
  let docx: DocxFile;
  try {
    docx = openDocx(bytes);
  } catch (e) {
    throw new Error(`This is not a readable Word document: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!docx.exists('word/document.xml') && !docx.exists('_rels/.rels')) throw new Error('This ZIP package is not a Word document (.docx).');
  const result = await readDocx(docx, {}, { externalFileAccess: false });
  const writer = new TextWriter();
  writer.block(result.value as Element);
  const warnings = result.messages.filter((m) => m.type === 'warning' || m.type === 'error').map((m) => m.message);
  const text = writer.lines.length ? writer.lines.join('\n') + '\n' : '';
  return { text, paragraphs: writer.paragraphs, tables: writer.tables, images: writer.images, warnings };
}
