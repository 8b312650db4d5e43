// The Word export: the .docx is unpacked and its XML read back — page, margins, grid, the font and place of
// every element, run-in headings, signature and date, footers with page numbers, Word's heading styles,
// every paragraph of the source present and no paid marker.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from '../../server/src/core/parser';
import { exportDocx, writeDocx } from '../../server/src/export/docx';
import { printParagraphs } from '../../server/src/export/layout';
import { DEFAULT_EXPORT_OPTIONS, resolveExportOptions } from '../../server/src/export/options';

interface Run {
  rPr: string;
  text: string;
}
interface Para {
  pPr: string;
  runs: Run[];
  text: string;
}

function unescape(s: string): string {
  return s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');
}

/** The paragraphs of a WordprocessingML part. */
function paragraphs(xml: string): Para[] {
  const out: Para[] = [];
  for (const m of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/gu)) {
    const body = m[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(body)?.[1] ?? '';
    const runs: Run[] = [];
    for (const r of body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)) {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(r[1])?.[1] ?? '';
      const text = [...r[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => unescape(t[1])).join('');
      runs.push({ rPr, text });
    }
    out.push({ pPr, runs, text: runs.map((r) => r.text).join('') });
  }
  return out;
}

function attr(xml: string, element: string, name: string): string | undefined {
  const el = new RegExp(`<${element}(?:\\s[^>]*)?/?>`, 'u').exec(xml)?.[0];
  return el ? new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(el)?.[1] : undefined;
}

async function unpack(bytes: Uint8Array): Promise<Record<string, string>> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

const SAMPLE = readFileSync('test/fixtures/sample.report', 'utf8');
const EXAMPLE = readFileSync('examples/2024年度述职报告.report', 'utf8');

const SIGNED = [
  '关于2024年度工作情况的报告',
  '——在全体职工大会上',
  '（2025年1月10日）',
  '各位同事：',
  '一、主要工作',
  '全年完成各项任务，服务对象满意度持续提升，重点工作全部按期完成。',
  '二、下一步打算',
  '（一）抓好学习。坚持每周集中学习，学用结合。',
  '（1）**完善制度**。修订内部管理制度5项。',
  '特此报告。',
  '某某市某某局办公室',
  '2025年1月10日',
].join('\n');

test('A4 page, GB/T 9704 margins, a grid of 22 lines, no widow control', async () => {
  const files = await unpack(await exportDocx(parse(SAMPLE)));
  const doc = files['word/document.xml'];
  assert.equal(attr(doc, 'w:pgSz', 'w:w'), '11906');
  assert.equal(attr(doc, 'w:pgSz', 'w:h'), '16838');
  assert.equal(attr(doc, 'w:pgMar', 'w:top'), '2098'); // 37 mm, rounded (not floored to 2097)
  assert.equal(attr(doc, 'w:pgMar', 'w:left'), '1587'); // 28 mm
  assert.equal(attr(doc, 'w:pgMar', 'w:bottom'), '1984');
  assert.equal(attr(doc, 'w:pgMar', 'w:right'), '1474');
  assert.equal(attr(doc, 'w:docGrid', 'w:type'), 'lines');
  assert.equal(attr(doc, 'w:docGrid', 'w:linePitch'), '579');
  for (const p of paragraphs(doc)) {
    assert.match(p.pPr, /<w:spacing [^>]*w:lineRule="exact"/u, `exact line spacing: ${p.text}`);
    assert.match(p.pPr, /<w:widowControl w:val="false"\/>/u, `no widow control: ${p.text}`);
    assert.match(p.pPr, /w:line="(579|1158)"/u);
  }
});

test('every printed paragraph is in the document, in order, and no paid marker is', async () => {
  for (const text of [SAMPLE, EXAMPLE, SIGNED]) {
    const model = parse(text);
    const doc = (await unpack(await exportDocx(model)))['word/document.xml'];
    const got = paragraphs(doc).map((p) => p.text).filter((t) => t);
    // Every non-blank line of the source, without its paid markers and Markdown bold, is a paragraph.
    const want = text
      .split('\n')
      .map((l) => l.replace(/##paid(begin|end)##|\$\$paid(begin|end)\$\$|\*\*/gu, '').trim())
      .filter((l) => l);
    assert.deepEqual(got, want);
    assert.doesNotMatch(doc, /paidbegin|paidend|##|\$\$/u);
  }
});

test('fonts and sizes per element: title, body, the four heading levels, run-in headings', async () => {
  const doc = (await unpack(await exportDocx(parse(EXAMPLE))))['word/document.xml'];
  const ps = paragraphs(doc);
  const find = (start: string) => {
    const p = ps.find((x) => x.text.startsWith(start));
    assert.ok(p, start);
    return p;
  };
  const east = (r: Run) => /w:eastAsia="([^"]*)"/u.exec(r.rPr)?.[1];
  const size = (r: Run) => /<w:sz w:val="(\d+)"/u.exec(r.rPr)?.[1];

  const title = find('2024年度述职报告');
  assert.match(title.pPr, /<w:pStyle w:val="Title"\/>/u);
  assert.match(title.pPr, /<w:jc w:val="center"\/>/u);
  assert.equal(east(title.runs[0]), '方正小标宋简体');
  assert.equal(size(title.runs[0]), '44'); // 2号
  assert.match(title.pPr, /w:firstLine="0"/u);

  const body = find('坚持把学习贯彻');
  assert.equal(east(body.runs[0]), '仿宋_GB2312');
  assert.equal(size(body.runs[0]), '32'); // 3号
  assert.match(body.runs[0].rPr, /<w:spacing w:val="-5"\/>/u); // 28 characters to the line
  assert.match(body.pPr, /w:firstLine="630"/u); // two characters, both forms
  assert.match(body.pPr, /w:firstLineChars="200"/u);
  // Punctuation shared with Latin text takes the East Asian font.
  assert.match(body.runs[0].rPr, /w:hint="eastAsia"/u);
  assert.match(body.runs[0].rPr, /w:ascii="Times New Roman"/u);

  const h1 = find('一、坚持理论武装');
  assert.match(h1.pPr, /<w:pStyle w:val="Heading1"\/>/u);
  assert.equal(h1.runs.length, 1);
  assert.equal(east(h1.runs[0]), '黑体');

  // A run-in heading: its sentence in 楷体, the rest in the body font.
  const h2 = find('（一）抓项目稳投资。');
  assert.match(h2.pPr, /<w:pStyle w:val="Heading2"\/>/u);
  assert.equal(h2.runs[0].text, '（一）抓项目稳投资。');
  assert.equal(east(h2.runs[0]), '楷体_GB2312');
  assert.ok(h2.runs[1].text.startsWith('全年谋划储备'));
  assert.equal(east(h2.runs[1]), '仿宋_GB2312');

  const h3 = find('1.深化');
  assert.match(h3.pPr, /<w:pStyle w:val="Heading3"\/>/u);
  assert.equal(east(h3.runs[0]), '仿宋_GB2312');
  assert.doesNotMatch(h3.runs[0].rPr, /<w:b\/>/u); // not bold by default

  const salutation = find('尊敬的各位领导');
  assert.match(salutation.pPr, /w:firstLine="0"/u);
  assert.doesNotMatch(salutation.pPr, /pStyle/u);
});

test('title block, （1） headings, signature and date as the standard places them', async () => {
  const doc = (await unpack(await exportDocx(parse(SIGNED))))['word/document.xml'];
  const ps = paragraphs(doc);
  const at = (t: string) => ps.findIndex((p) => p.text === t || p.text.startsWith(t));
  const sub = ps[at('——在全体职工大会上')];
  assert.match(sub.pPr, /<w:jc w:val="center"\/>/u);
  assert.equal(/w:eastAsia="([^"]*)"/u.exec(sub.runs[0].rPr)?.[1], '楷体_GB2312');
  assert.match(ps[at('（2025年1月10日）')].pPr, /<w:jc w:val="center"\/>/u);
  // An empty line under the title block.
  assert.equal(ps[at('（2025年1月10日）') + 1].text, '');
  const h4 = ps[at('（1）完善制度')];
  assert.match(h4.pPr, /<w:pStyle w:val="Heading3"\/>/u); // third in the outline: 二、 > （一） > （1）
  assert.equal(h4.runs[0].text, '（1）完善制度。');
  // Signature one line below the body, right-aligned; the date under it.
  const sig = at('某某市某某局办公室');
  assert.equal(ps[sig - 1].text, '');
  assert.match(ps[sig].pPr, /<w:jc w:val="right"\/>/u);
  assert.match(ps[sig + 1].pPr, /<w:jc w:val="right"\/>/u);
  const right = (p: Para) => Number(/w:right="(\d+)"/u.exec(p.pPr)?.[1]);
  // A signature of 9 characters, a date of 7 cells: the signature 2 characters from the right, the date
  // starting 2 characters right of the signature's start, which puts it 2 from the right too.
  assert.equal(right(ps[sig]), 630);
  assert.equal(right(ps[sig + 1]), 630);
  assert.doesNotMatch(doc, /\*\*/u);
  // A signature shorter than the date moves left: the date keeps 2 characters from the right and starts 2
  // characters right of the signature's start (7 + 2 − 3 = 6 more characters in).
  const short = paragraphs((await unpack(await exportDocx(parse(SIGNED.replace('某某市某某局办公室', '某某局')))))['word/document.xml']);
  const s2 = short.findIndex((p) => p.text === '某某局');
  assert.equal(right(short[s2 + 1]), 630);
  assert.equal(right(short[s2]), 8 * 315);
});

test('footers: — n — in 4号 宋体, odd pages right, even pages left, different odd and even', async () => {
  const files = await unpack(await exportDocx(parse(SAMPLE)));
  assert.match(files['word/settings.xml'], /<w:evenAndOddHeaders\/>/u);
  const rels = files['word/_rels/document.xml.rels'];
  const doc = files['word/document.xml'];
  const footerOf = (type: string) => {
    const id = new RegExp(`<w:footerReference [^>]*w:type="${type}"[^>]*r:id="([^"]+)"|<w:footerReference [^>]*r:id="([^"]+)"[^>]*w:type="${type}"`, 'u').exec(doc);
    assert.ok(id, `${type} footer`);
    const target = new RegExp(`Id="${id[1] ?? id[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id[1] ?? id[2]}"`, 'u').exec(rels);
    assert.ok(target);
    return files[`word/${target[1] ?? target[2]}`];
  };
  for (const [type, jc, side] of [['default', 'right', 'w:right'], ['even', 'left', 'w:left']] as const) {
    const xml = footerOf(type);
    const [p] = paragraphs(xml);
    assert.match(p.pPr, new RegExp(`<w:jc w:val="${jc}"/>`, 'u'));
    assert.equal(attr(p.pPr, 'w:ind', side), '280'); // one 4号 character in
    assert.match(xml, /<w:instrText[^>]*>PAGE<\/w:instrText>/u);
    assert.match(p.text, /^— .*—$/u);
    assert.match(xml, /w:eastAsia="宋体"/u);
    assert.match(xml, /<w:sz w:val="28"\/>/u);
  }
  const noNumbers = await unpack(await exportDocx(parse(SAMPLE), { ...DEFAULT_EXPORT_OPTIONS, pageNumbers: false }));
  assert.ok(!Object.keys(noNumbers).some((k) => k.startsWith('word/footer')));
});

test("headings are Word's built-in heading styles (the navigation pane's outline), in Chinese fonts", async () => {
  const styles = (await unpack(await exportDocx(parse(EXAMPLE))))['word/styles.xml'];
  for (let n = 1; n <= 6; n++) {
    const style = new RegExp(`<w:style [^>]*w:styleId="Heading${n}"[^>]*>([\\s\\S]*?)</w:style>`, 'u').exec(styles);
    assert.ok(style, `Heading${n}`);
    assert.match(style[1], new RegExp(`<w:name w:val="heading ${n}"/>`, 'u'));
    assert.match(style[1], new RegExp(`<w:outlineLvl w:val="${n - 1}"/>`, 'u'));
    assert.doesNotMatch(style[1], /Calibri|w:color w:val="(?!000000)/u);
    assert.equal([...styles.matchAll(new RegExp(`w:styleId="Heading${n}"`, 'gu'))].length, 1, 'one style per id');
  }
  const doc = (await unpack(await exportDocx(parse(EXAMPLE))))['word/document.xml'];
  // The outline of the document is the report's: 一、 at level 1, （一） at 2, 1. at 3.
  const outline = paragraphs(doc)
    .filter((p) => /Heading\d/u.test(p.pPr))
    .map((p) => `${/Heading(\d)/u.exec(p.pPr)![1]} ${p.runs[0].text}`);
  assert.deepEqual(outline.slice(0, 6), ['1 一、坚持理论武装，筑牢思想根基。', '1 二、聚焦发展大局，推动重点工作落地见效。', '2 （一）抓项目稳投资。', '2 （二）抓产业促转型。', '2 （三）抓改革优环境。', '3 1.深化“放管服”改革']);
});

test('settings change fonts, sizes and bold headings; invalid values keep the defaults', async () => {
  const options = resolveExportOptions({ fonts: { body: '仿宋', heading1: '方正黑体_GBK', title: '' }, sizes: { title: 20, body: 'big' }, boldHeadings: true });
  assert.equal(options.fonts.title, DEFAULT_EXPORT_OPTIONS.fonts.title);
  assert.equal(options.sizes.body, 16);
  const doc = (await unpack(await exportDocx(parse(EXAMPLE), options)))['word/document.xml'];
  const ps = paragraphs(doc);
  const h1 = ps.find((p) => p.text.startsWith('一、'))!;
  assert.match(h1.runs[0].rPr, /w:eastAsia="方正黑体_GBK"/u);
  assert.match(h1.runs[0].rPr, /<w:b\/>/u);
  const body = ps.find((p) => p.text.startsWith('坚持把学习'))!;
  assert.match(body.runs[0].rPr, /w:eastAsia="仿宋"/u);
  assert.doesNotMatch(body.runs[0].rPr, /<w:b\/>/u);
  assert.match(ps[0].runs[0].rPr, /<w:sz w:val="40"\/>/u);
  // Names that would break the XML are refused.
  assert.equal(resolveExportOptions({ fonts: { body: 'a"b<c' } }).fonts.body, DEFAULT_EXPORT_OPTIONS.fonts.body);
  assert.equal(resolveExportOptions(null).boldHeadings, false);
  assert.equal(resolveExportOptions({ sizes: { body: 500 } }).sizes.body, 16);
});

test('text that looks like XML is written as text; an empty report is still a document', async () => {
  const text = '标题\n正文里有 <w:p> & “引号” 和 ]]> 以及 \u0001 控制字符。\n';
  const doc = (await unpack(await exportDocx(parse(text))))['word/document.xml'];
  assert.ok(paragraphs(doc).some((p) => p.text.includes('<w:p> & “引号” 和 ]]>')));
  const empty = await unpack(await writeDocx(printParagraphs(parse(''))));
  assert.equal(paragraphs(empty['word/document.xml']).length, 1);
});
