// The export bundle (dist/export.js), loaded only when a report is exported or a Word document imported:
// the Word writer (docx) and reader (mammoth). The report's printed paragraphs come from the language
// server (`report/print`), so the parser is not in this bundle. Built for the browser platform.

import { writeDocx as write } from './docx';
import type { PrintParagraph } from './layout';
import { resolveExportOptions } from './options';

export { importDocx, type ImportResult } from './import';

/** The printed paragraphs as a .docx, with the `report.export` settings (defaults for what is missing or invalid). */
export function writeDocx(paragraphs: readonly PrintParagraph[], settings: unknown): Promise<Uint8Array> {
  return write(paragraphs, resolveExportOptions(settings));
}
