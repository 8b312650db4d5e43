// A report as a Word document in the layout of official documents (GB/T 9704-2012): A4, 37/28 mm margins,
// 22 lines of 28 characters, the fonts of each element, run-in headings, title block, signature and date,
// page numbers `— 1 —` on the outer side. Headings are Word's built-in heading styles, so Word's navigation
// pane shows the report's outline. Host-independent: no Node, editor or LSP imports (runs in a browser too).

import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { ReportModel } from '../core/model';
import { PAGE, placeSignature, printParagraphs, textWidth, type PrintParagraph } from './layout';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './options';

export { DEFAULT_EXPORT_OPTIONS, resolveExportOptions, type ExportOptions } from './options';

/** Half-points, as Word writes sizes. */
const hp = (pt: number) => Math.round(pt * 2);

/**
 * Character spacing (twentieths of a point) that fits `chars` characters of `size` pt in the text block:
 * 156 mm = 8844 twips; 28 characters of 16 pt need −0.25 pt each (−5).
 */
export function condensing(size: number, chars: number): number {
  const pitch = Math.floor((PAGE.width - PAGE.left - PAGE.right) / chars); // twips per character
  return Math.min(0, pitch - size * 20);
}

interface Fonts {
  eastAsia: string;
  latin: string;
}

function runFonts(f: Fonts) {
  // hint eastAsia: punctuation shared by Chinese and Latin (“ ” — …) takes the East Asian font.
  return { ascii: f.latin, hAnsi: f.latin, cs: f.latin, eastAsia: f.eastAsia, hint: 'eastAsia' };
}

/** The font of a heading level. */
function headingFont(o: ExportOptions, level: number): string {
  switch (level) {
    case 2: return o.fonts.heading2;
    case 3: return o.fonts.heading3;
    case 4: return o.fonts.heading4;
    default: return o.fonts.heading1;
  }
}

/** Exact line spacing on the grid's pitch: every line, whatever its font size, takes one row of 22. */
const ROW = { line: PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** A title line takes two rows: a 2号 line is taller than one row (LibreOffice rounds it up to two on the grid). */
const TITLE_ROWS = { ...ROW, line: PAGE.linePitch * 2 } as const;

/** Twips of `chars` characters of the body at its condensed pitch. */
function charsTwips(o: ExportOptions, chars: number): number {
  return Math.round(chars * (o.sizes.body * 20 + condensing(o.sizes.body, PAGE.charsPerLine)));
}

function paragraphOf(p: PrintParagraph, o: ExportOptions, rightChars = 2): Paragraph {
  const body: Fonts = { eastAsia: o.fonts.body, latin: o.fonts.latin };
  const spacing = condensing(o.sizes.body, PAGE.charsPerLine);
  const bodyRun = (text: string, extra: Partial<IRunOptions> = {}): TextRun =>
    new TextRun({ text, font: runFonts(body), size: hp(o.sizes.body), characterSpacing: spacing, ...extra });
  const indent2 = { firstLine: charsTwips(o, 2), firstLineChars: 200, left: 0, right: 0 };
  const noIndent = { firstLine: 0, firstLineChars: 0, left: 0, right: 0 };
  const base: IParagraphOptions = { spacing: ROW, widowControl: false, indent: noIndent };
  switch (p.kind) {
    case 'title':
      return new Paragraph({
        ...base,
        spacing: TITLE_ROWS,
        style: 'Title',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: p.text, font: runFonts({ eastAsia: o.fonts.title, latin: o.fonts.latin }), size: hp(o.sizes.title)})],
      });
    case 'titleLine':
      return new Paragraph({ ...base, alignment: AlignmentType.CENTER, children: [new TextRun({ text: p.text, font: runFonts({ eastAsia: o.fonts.heading2, latin: o.fonts.latin }), size: hp(o.sizes.body), characterSpacing: spacing })] });
    case 'salutation':
      return new Paragraph({ ...base, alignment: AlignmentType.JUSTIFIED, children: [bodyRun(p.text)] });
    case 'heading': {
      const font: Fonts = { eastAsia: headingFont(o, p.level), latin: o.fonts.latin };
      const head = p.text.slice(0, p.headingLength);
      const rest = p.text.slice(p.headingLength);
      const children = [bodyRun(head, { font: runFonts(font), bold: o.boldHeadings || undefined })];
      if (rest) children.push(bodyRun(rest));
      return new Paragraph({
        ...base,
        style: `Heading${Math.min(9, Math.max(1, p.outline))}`,
        alignment: AlignmentType.JUSTIFIED,
        indent: indent2,
        keepNext: false,
        keepLines: false,
        children,
      });
    }
    case 'signature':
    case 'date':
      return new Paragraph({ ...base, alignment: AlignmentType.RIGHT, indent: { ...noIndent, right: charsTwips(o, rightChars) }, children: [bodyRun(p.text)] });
    case 'empty':
      return new Paragraph({ ...base, children: [] });
    default: // body, closing
      return new Paragraph({ ...base, alignment: AlignmentType.JUSTIFIED, indent: indent2, children: [bodyRun(p.text)] });
  }
}

function footer(o: ExportOptions, side: 'odd' | 'even'): Footer {
  const size = hp(o.sizes.pageNumber);
  const font = runFonts({ eastAsia: o.fonts.pageNumber, latin: o.fonts.pageNumber });
  const one = Math.round(o.sizes.pageNumber * 20); // one character of the page number's size
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: Math.round(o.sizes.pageNumber * 20 * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: side === 'odd' ? { right: one, left: 0, firstLine: 0, firstLineChars: 0 } : { left: one, right: 0, firstLine: 0, firstLineChars: 0 },
        widowControl: false,
        children: [
          new TextRun({ text: '— ', font, size }),
          new TextRun({ children: [PageNumber.CURRENT], font, size }),
          new TextRun({ text: ' —', font, size }),
        ],
      }),
    ],
  });
}

/** The Word document (docx.js object) of a report. */
export function reportDocument(model: ReportModel, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Document {
  return printDocument(printParagraphs(model), options);
}

/** The Word document (docx.js object) of a report's printed paragraphs. */
export function printDocument(paragraphs: readonly PrintParagraph[], options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Document {
  const o = options;
  // Signature and date: their places depend on each other.
  const right = new Map<PrintParagraph, number>();
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const s = paragraphs[i];
    const d = paragraphs[i + 1];
    if (s.kind === 'signature' && d.kind === 'date') {
      const { signatureRight, dateRight } = placeSignature(textWidth(s.text), textWidth(d.text));
      right.set(s, signatureRight);
      right.set(d, dateRight);
    }
  }
  const children = paragraphs.map((p) => paragraphOf(p, o, right.get(p)));
  const body: Fonts = { eastAsia: o.fonts.body, latin: o.fonts.latin };
  // Word knows its built-in heading styles by name, `heading 1` … (lower case, as Word writes them): a
  // style of another name would be a second “标题 1”, outside the navigation pane.
  const headingStyle = (n: number) => {
    const level = Math.min(4, n);
    return {
      id: `Heading${n}`,
      name: `heading ${n}`,
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 9,
      run: { font: runFonts({ eastAsia: headingFont(o, level), latin: o.fonts.latin }), size: hp(o.sizes.body), bold: o.boldHeadings, color: '000000', italics: false },
      paragraph: { spacing: ROW, keepNext: false, keepLines: false, outlineLevel: n - 1, indent: { firstLine: charsTwips(o, 2), firstLineChars: 200 } },
    };
  };
  const titleText = paragraphs.find((p) => p.kind === 'title')?.text;
  return new Document({
    title: titleText,
    creator: o.creator || undefined,
    evenAndOddHeaderAndFooters: o.pageNumbers,
    styles: {
      default: {
        document: {
          run: { font: runFonts(body), size: hp(o.sizes.body) },
          paragraph: { spacing: ROW },
        },
        title: {
          run: { font: runFonts({ eastAsia: o.fonts.title, latin: o.fonts.latin }), size: hp(o.sizes.title), bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: TITLE_ROWS, indent: { firstLine: 0, firstLineChars: 0 } },
        },
      },
      paragraphStyles: [1, 2, 3, 4, 5, 6, 7, 8, 9].map(headingStyle),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: PAGE.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: PAGE.linePitch },
        },
        footers: o.pageNumbers ? { default: footer(o, 'odd'), even: footer(o, 'even') } : undefined,
        children: children.length ? children : [new Paragraph({ spacing: ROW, children: [] })],
      },
    ],
  });
}

/** The report as the bytes of a .docx file. */
export async function exportDocx(model: ReportModel, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<Uint8Array> {
  return writeDocx(printParagraphs(model), options);
}

/** Printed paragraphs (as printParagraphs gives them, e.g. from the language server) as the bytes of a .docx file. */
export async function writeDocx(paragraphs: readonly PrintParagraph[], options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<Uint8Array> {
  return Packer.pack(printDocument(paragraphs, options), 'uint8array');
}
