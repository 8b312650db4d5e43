// Importing Word documents: .docx files made here with docx (numbered headings, tables, images, line breaks,
// a template with blanks), the export read back, and what is not a Word document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import {
  AlignmentType,
  Document,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  HeadingLevel,
} from 'docx';
import type { ReportModel } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { exportDocx } from '../../server/src/export/docx';
import { IMAGE_NOTE, importDocx } from '../../server/src/export/import';
import { printParagraphs } from '../../server/src/export/layout';

// A 1×1 PNG.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

async function docxOf(children: (Paragraph | Table)[], numbering = false): Promise<Uint8Array> {
  const doc = new Document({
    numbering: numbering
      ? {
          config: [
            {
              reference: 'outline',
              levels: [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT })),
            },
          ],
        }
      : undefined,
    sections: [{ children }],
  });
  return Packer.pack(doc, 'uint8array');
}

const numbered = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'outline', level } });

function outline(model: ReportModel): string[] {
  return model.headings.map((h) => `${h.rank} ${h.name}`);
}

test('paragraphs become lines; automatic numbering is written out as GB/T 9704 heading numbers', async () => {
  const bytes = await docxOf(
    [
      new Paragraph({ text: '2024年度工作总结', heading: HeadingLevel.TITLE }),
      new Paragraph('各位同事：'),
      numbered('主要工作', 0),
      numbered('抓好学习', 1),
      numbered('集中学习', 2),
      numbered('每周一次', 3),
      numbered('专题研讨', 3),
      numbered('抓好落实', 1),
      numbered('存在问题', 0),
      new Paragraph({ children: [new TextRun('一是学习不够系统；'), new TextRun({ text: '二是创新不够。', bold: true })] }),
      new Paragraph(''),
      numbered('三、已有编号的标题', 0),
    ],
    true,
  );
  const r = await importDocx(bytes);
  assert.deepEqual(r.text.split('\n'), [
    '2024年度工作总结',
    '各位同事：',
    '一、主要工作',
    '（一）抓好学习',
    '1.集中学习',
    '（1）每周一次',
    '（2）专题研讨',
    '（二）抓好落实',
    '二、存在问题',
    '一是学习不够系统；二是创新不够。',
    '三、已有编号的标题',
    '',
  ]);
  assert.equal(r.tables, 0);
  assert.equal(r.images, 0);
  // The outline the report language sees is the document's.
  assert.deepEqual(outline(parse(r.text)), ['1 一、主要工作', '2 （一）抓好学习', '3 1.集中学习', '4 （1）每周一次', '4 （2）专题研讨', '2 （二）抓好落实', '1 二、存在问题', '1 三、已有编号的标题']);
});

test('tables become tab-separated lines; images are dropped with a note; line breaks split lines', async () => {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const bytes = await docxOf([
    new Paragraph('主要指标如下：'),
    new Table({ rows: [new TableRow({ children: [cell('指标'), cell('目标'), cell('完成')] }), new TableRow({ children: [cell('营业收入'), cell('100万元'), cell('xx万元')] })] }),
    new Paragraph({ children: [new TextRun('见下图。'), new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
    new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
  ]);
  const r = await importDocx(bytes);
  assert.deepEqual(r.text.split('\n'), ['主要指标如下：', '指标\t目标\t完成', '营业收入\t100万元\txx万元', '见下图。', IMAGE_NOTE, IMAGE_NOTE, '第一行', '第二行', '']);
  assert.equal(r.tables, 1);
  assert.equal(r.images, 2);
});

test('a Word template becomes a report with its blanks and paid markers found', async () => {
  const bytes = await docxOf([
    new Paragraph('2024年度述职报告'),
    new Paragraph('一、工作完成情况'),
    new Paragraph('全年完成各项任务xx项，群众满意度达到x%。'),
    new Paragraph('##paidbegin##'),
    new Paragraph('二、下一步打算'),
    new Paragraph('继续努力。'),
    new Paragraph('##paidend##'),
  ]);
  const model = parse((await importDocx(bytes)).text);
  assert.ok(model.placeholders.length >= 2);
  assert.equal(model.paidRegions.length, 1);
  assert.deepEqual(outline(model), ['1 一、工作完成情况', '1 二、下一步打算']);
});

test('the export reads back as the report: every printed paragraph, the same outline', async () => {
  for (const file of ['test/fixtures/sample.report', 'examples/2024年度述职报告.report', 'examples/工作总结示例.report']) {
    const source = parse(readFileSync(file, 'utf8'));
    const r = await importDocx(await exportDocx(source));
    const printed = printParagraphs(source).filter((p) => p.kind !== 'empty').map((p) => p.text);
    assert.deepEqual(r.text.trimEnd().split('\n'), printed, file);
    assert.deepEqual(outline(parse(r.text)), outline(source), file);
  }
});

test('what is not a Word document is refused with a message, never a crash', async () => {
  await assert.rejects(importDocx(new Uint8Array(0)), /not a Word document/u);
  await assert.rejects(importDocx(strToU8('这是一段纯文本，不是 Word 文档。')), /not a Word document/u);
  await assert.rejects(importDocx(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3])), /not a readable Word document/u);
  await assert.rejects(importDocx(zipSync({ 'hello.txt': strToU8('hi') })), /not a Word document/u);
  // A package with a broken document part.
  const broken = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8('<w:document><w:body><w:p>'),
  });
  await assert.rejects(importDocx(broken));
});
