// Rendering test of the Word export: exports the example reports and the test fixture, converts the .docx
// files to PDF with LibreOffice (headless) and checks the PDF with poppler: the page count the layout (and
// so the preview) predicts, 22 lines on every full page, each line as the layout breaks it, the page
// numbers `— n —` on the outer side (odd right, even left), the title on page 1. Writes a PNG of page 1 of
// the first report to docs/images/ for the README.
//
//   npm run test:render            (needs soffice, pdftotext, pdfinfo, pdftoppm on PATH)
//   REPORT_RENDER_KEEP=1 …         keeps out/render/ for inspection

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import * as esbuild from 'esbuild';

const root = process.cwd();
const out = join(root, 'out', 'render');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const tool of ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm']) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    console.error(`test:render needs ${tool} (Debian: apt-get install libreoffice-writer-nogui poppler-utils)`);
    process.exit(2);
  }
}

// The export as the extension runs it: parser → printed paragraphs → docx, and the layout of the preview.
await esbuild.build({
  stdin: {
    contents: `export { parse } from './server/src/core/parser';
      export { exportDocx } from './server/src/export/docx';
      export { layout, printParagraphs, PAGE } from './server/src/export/layout';
      export { importDocx } from './server/src/export/import';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(out, 'export.cjs'),
  logLevel: 'warning',
});
const { parse, exportDocx, layout, printParagraphs, PAGE, importDocx } = createRequire(import.meta.url)(join(out, 'export.cjs'));

const inputs = [
  'test/fixtures/sample.report',
  'test/fixtures/export-long.report',
  ...readdirSync('examples').filter((f) => f.endsWith('.report')).sort().map((f) => join('examples', f)),
];

const PT_PER_TWIP = 1 / 20;
const top = PAGE.top * PT_PER_TWIP;
const pitch = PAGE.linePitch * PT_PER_TWIP;
const pageWidth = PAGE.width * PT_PER_TWIP;
const squash = (s) => s.replace(/\s+/gu, '');
// Punctuation hanging past the end of a line may be left out of the PDF's text: lines are compared without it.
const lineKey = (s) => squash(s).replace(/[，。、；：？！,.;:?!]$/u, '');

const cases = [];
const t0 = performance.now();
for (const file of inputs) {
  const name = basename(file, '.report').replace(/[^\w\u4e00-\u9fff-]+/gu, '_');
  const model = parse(readFileSync(file, 'utf8'));
  const start = performance.now();
  const bytes = await exportDocx(model);
  const ms = performance.now() - start;
  const docx = join(out, `${name}.docx`);
  writeFileSync(docx, bytes);
  cases.push({ file, name, docx, ms, bytes: bytes.length, laid: layout(printParagraphs(model)) });
}
const tConvert = performance.now();
execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...cases.map((c) => c.docx)], {
  stdio: 'ignore',
  timeout: 300_000,
  env: { ...process.env, HOME: join(out, 'home') },
});
const convertMs = performance.now() - tConvert;

/** The text lines of each page of a PDF, with their boxes. */
function pdfLines(pdf) {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = [];
  for (const page of xml.split('<page ').slice(1)) {
    const lines = [];
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/gu)) {
      const words = [...m[5].matchAll(/<word [^>]*>([^<]*)<\/word>/gu)].map((w) => w[1].replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"'));
      lines.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: words.join('') });
    }
    // pdftotext may split a line into several at a change of font: merge lines on the same baseline.
    lines.sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
    const merged = [];
    for (const l of lines) {
      const prev = merged[merged.length - 1];
      if (prev && Math.abs(prev.yMax - l.yMax) < 3) {
        prev.text += l.text;
        prev.xMin = Math.min(prev.xMin, l.xMin);
        prev.xMax = Math.max(prev.xMax, l.xMax);
      } else merged.push({ ...l });
    }
    pages.push(merged);
  }
  return pages;
}

let failures = 0;
const fail = (c, msg) => {
  failures++;
  console.log(`  ✗ ${msg}`);
};

for (const c of cases) {
  console.log(`${c.file}: export ${c.ms.toFixed(0)} ms, ${c.bytes} bytes; layout ${c.laid.pages} page(s) ${JSON.stringify(c.laid.linesPerPage)}`);
  const pdf = join(out, `${c.name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(info);
  if (!size || Math.abs(+size[1] - 595.3) > 1 || Math.abs(+size[2] - 841.9) > 1) fail(c, `page size is not A4: ${size?.[0]}`);
  if (pages !== c.laid.pages) fail(c, `LibreOffice made ${pages} page(s), the layout (and the preview) ${c.laid.pages}`);

  // The rows the layout fills, with the text of each line, by page.
  const expected = Array.from({ length: c.laid.pages }, () => new Map());
  for (const p of c.laid.paragraphs) {
    p.lineStarts.forEach((s, k) => {
      const e = k + 1 < p.lineStarts.length ? p.lineStarts[k + 1] : p.text.length;
      const r = p.lineRows[k];
      if (p.text) expected[Math.floor(r / PAGE.linesPerPage)].set(r % PAGE.linesPerPage, lineKey(p.text.slice(s, e)));
    });
  }
  const pdfPages = pdfLines(pdf);
  let lineMismatches = 0;
  pdfPages.forEach((lines, i) => {
    const n = i + 1;
    const footerTop = top + PAGE.linesPerPage * pitch;
    const body = lines.filter((l) => l.yMax <= footerTop + 2);
    const foot = lines.filter((l) => l.yMin > footerTop);
    // Rows: the bottom of a line's box lies in its row of the grid (a title line spans two rows).
    const rows = new Map();
    for (const l of body) rows.set(Math.min(PAGE.linesPerPage - 1, Math.floor((l.yMax - top - 1) / pitch)), lineKey(l.text));
    const want = expected[i] ?? new Map();
    // A full page: its text runs to row 22 (unless the layout leaves that row empty, e.g. above a signature).
    if (i + 1 < pdfPages.length && !rows.has(PAGE.linesPerPage - 1) && want.has(PAGE.linesPerPage - 1)) fail(c, `page ${n} is not filled to line 22 (rows ${[...rows.keys()].map((r) => r + 1).join(',')})`);
    // Every line sits on the grid: its box ends within its row.
    for (const l of body) {
      const offset = (l.yMax - top) % pitch;
      if (offset < 2) fail(c, `page ${n}: a line is off the 22-line grid (bottom at ${l.yMax.toFixed(1)} pt)`);
    }
    const maxRow = Math.max(-1, ...rows.keys());
    if (maxRow >= PAGE.linesPerPage) fail(c, `page ${n} has more than 22 lines`);
    for (const [r, text] of want) {
      // A title line is drawn in the lower of its two rows.
      const got = rows.get(r) ?? rows.get(r + 1);
      if (got !== text) {
        lineMismatches++;
        if (lineMismatches <= 5) fail(c, `page ${n} line ${r + 1}: layout “${text}”, PDF “${got ?? ''}”`);
      }
    }
    if (lineMismatches > 5 && i + 1 === pdfPages.length) fail(c, `… ${lineMismatches} lines differ in all`);
    const number = foot.find((l) => /^—\d+—$/u.test(squash(l.text)));
    if (!number) fail(c, `page ${n} has no page number “— ${n} —” (footer: ${JSON.stringify(foot.map((l) => l.text))})`);
    else {
      if (squash(number.text) !== `—${n}—`) fail(c, `page ${n} is numbered ${number.text}`);
      const centre = (number.xMin + number.xMax) / 2;
      if (n % 2 === 1 && centre < pageWidth / 2) fail(c, `page ${n} (odd) has its number on the left`);
      if (n % 2 === 0 && centre > pageWidth / 2) fail(c, `page ${n} (even) has its number on the right`);
      // One character (4号, 14 pt) in from the edge of the text block.
      const inner = n % 2 === 1 ? pageWidth - PAGE.right / 20 - number.xMax : number.xMin - PAGE.left / 20;
      if (Math.abs(inner - 14) > 4) fail(c, `page ${n}: the number is ${inner.toFixed(1)} pt from the edge of the text block, not one character (14 pt)`);
      // 7 mm (19.8 pt) below the text block.
      const below = number.yMin - footerTop;
      if (Math.abs(below - 19.84) > 4) fail(c, `page ${n}: the number is ${below.toFixed(1)} pt below the text block, not 7 mm (19.8 pt)`);
    }
  });
  const title = c.laid.paragraphs.find((p) => p.kind === 'title');
  const first = pdfPages[0]?.[0];
  if (title && squash(first?.text ?? '') !== squash(title.text)) fail(c, `page 1 does not start with the title “${title.text}”: “${first?.text}”`);
  if (!lineMismatches) console.log(`  ✓ ${pages} page(s), every line where the layout puts it, page numbers outside, title on page 1`);
}

// Import of a Word document that LibreOffice made from a report (plain text → .docx): the report comes back.
{
  const source = 'examples/2024年度述职报告.report';
  const txt = join(out, 'lo-import.txt');
  copyFileSync(source, txt);
  execFileSync('soffice', ['--headless', '--norestore', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, txt], {
    stdio: 'ignore',
    timeout: 120_000,
    env: { ...process.env, HOME: join(out, 'home') },
  });
  const result = await importDocx(readFileSync(join(out, 'lo-import.docx')));
  const want = readFileSync(source, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l);
  const got = result.text.split('\n').filter((l) => l);
  const outline = (t) => parse(t).headings.map((h) => h.name).join(' | ');
  console.log(`import of a LibreOffice .docx: ${got.length} lines`);
  if (JSON.stringify(got) !== JSON.stringify(want)) fail(null, `the import of LibreOffice's .docx differs from the report: ${JSON.stringify(got.slice(0, 3))} …`);
  else if (outline(result.text) !== outline(readFileSync(source, 'utf8'))) fail(null, 'the imported outline differs');
  else console.log('  ✓ every line back, same outline');
}

// The picture for the README: page 1 of the first example.
const picture = cases.find((c) => c.file.startsWith('examples')) ?? cases[0];
const png = join(out, 'page1');
execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(out, `${picture.name}.pdf`), png]);
mkdirSync(join(root, 'docs', 'images'), { recursive: true });
copyFileSync(`${png}.png`, join(root, 'docs', 'images', 'export-page1.png'));
console.log(`\nLibreOffice converted ${cases.length} documents in ${(convertMs / 1000).toFixed(1)} s; all in ${((performance.now() - t0) / 1000).toFixed(1)} s. Wrote docs/images/export-page1.png.`);
if (!process.env.REPORT_RENDER_KEEP) {
  /* out/render stays: it is in out/, which is not committed. */
}
if (failures) {
  console.log(`${failures} check(s) failed.`);
  process.exit(1);
}
