// The export bundle (dist/export.js), loaded only when a report is exported or a Word document imported:
// the Word writer (docx) and reader (mammoth). The report's printed paragraphs come from the language
// server, so the parser is not in this bundle.

export { writeDocx } from './docx';
export { importDocx, type ImportResult } from './import';
