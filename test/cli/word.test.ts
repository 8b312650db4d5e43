// `report export` and `report import`: the Word export of the editor on the command line, the blanks check,
// and a round trip through a .docx.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { run, tree } from './helpers';

const REPORT = ['2024年度述职报告', '一、主要工作', '##paidbegin##全年完成任务十二项。##paidend##', '二、下步打算', '明年完成xx个项目。', ''].join('\n');

test('export refuses while blanks are left (exit 1, the first one named), and writes the .docx with --allow-blanks', async () => {
  const cwd = tree({ 'a.report': REPORT });
  const refused = await run(['export', 'a.report', '-o', 'a.docx'], { cwd });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /1 blank\(s\) left to fill \(the first on line 5: "xx"\)/u);
  assert.throws(() => readFileSync(join(cwd, 'a.docx')));
  const done = await run(['export', 'a.report', '-o', 'a.docx', '--allow-blanks'], { cwd });
  assert.equal(done.code, 0, done.stderr);
  const xml = strFromU8(unzipSync(readFileSync(join(cwd, 'a.docx')))['word/document.xml']);
  assert.match(xml, /全年完成任务十二项。/u);
  assert.doesNotMatch(xml, /paid/u);
  assert.match(xml, /w:linePitch="579"/u);
});

test('export takes its fonts from the configuration file; usage errors exit 2', async () => {
  const cwd = tree({ 'a.report': REPORT.replace('xx', '三'), 'cfg.json': JSON.stringify({ export: { fonts: { body: '仿宋' } } }) });
  const r = await run(['export', 'a.report', '-o', 'a.docx', '-c', 'cfg.json'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  assert.match(strFromU8(unzipSync(readFileSync(join(cwd, 'a.docx')))['word/document.xml']), /w:eastAsia="仿宋"/u);
  assert.equal((await run(['export', 'a.report'], { cwd })).code, 2);
  assert.equal((await run(['export', 'missing.report', '-o', 'x.docx'], { cwd })).code, 2);
});

test('import writes the report text of a .docx; what is not one exits 2', async () => {
  const cwd = tree({ 'a.report': REPORT });
  assert.equal((await run(['export', 'a.report', '-o', 'a.docx', '--allow-blanks'], { cwd })).code, 0);
  const r = await run(['import', 'a.docx'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, ['2024年度述职报告', '一、主要工作', '全年完成任务十二项。', '二、下步打算', '明年完成xx个项目。', ''].join('\n'));
  assert.equal((await run(['import', 'a.docx', '-o', 'b.report'], { cwd })).code, 0);
  assert.equal(readFileSync(join(cwd, 'b.report'), 'utf8'), r.stdout);
  writeFileSync(join(cwd, 'bad.docx'), '不是 Word 文档');
  const bad = await run(['import', 'bad.docx'], { cwd });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a Word document/u);
});
