// The parser on every heading form and trap of the report format: title block, salutation, the four
// numbered levels and their variants, run-in headings, part titles, Markdown, body-text enumerations,
// one-line documents, CRLF, BOM, paid markers, blanks, section ranges and character counts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { charIndexOf, nonBlankCount } from '../../server/src/core/chars';
import { resolveConfig } from '../../server/src/core/config';
import type { Heading, ReportModel, Section } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { countNonSpace, LineIndex } from '../../server/src/core/text';

/** The outline as indented lines: two spaces per depth, then the heading's name. */
function outline(model: ReportModel): string[] {
  const out: string[] = [];
  const walk = (s: Section, d: number) => {
    out.push('  '.repeat(d) + s.heading.name);
    for (const c of s.children) walk(c, d + 1);
  };
  for (const s of model.sections) walk(s, 0);
  return out;
}

/** Each block as `kind: text`. */
function blocks(model: ReportModel): string[] {
  return model.blocks.map((b) => `${b.kind}: ${model.text.slice(b.start, b.end)}`);
}

function headingAt(model: ReportModel, lineText: string): Heading {
  const h = model.headings.find((x) => model.text.slice(model.blocks[x.block].start, model.blocks[x.block].end) === lineText);
  assert.ok(h, `no heading on the line ${lineText}`);
  return h;
}

function sectionOf(model: ReportModel, name: string): Section {
  const todo = [...model.sections];
  while (todo.length) {
    const s = todo.shift()!;
    if (s.heading.name === name) return s;
    todo.push(...s.children);
  }
  assert.fail(`no section ${name}`);
}

// ---------------------------------------------------------------------------------------------------
// Title block, salutation, preamble

test('title block: title, dash subtitle, speaker and the date in parentheses', () => {
  const text = [
    '政府工作报告',
    '——2024年1月10日在东山市第八届人民代表大会第四次会议上',
    '市长　王某',
    '（2024年1月10日）',
    '各位代表：',
    '现在，我代表市人民政府，向大会报告工作，请予审议。',
    '一、过去一年的工作',
    '一年来，全市经济运行稳中向好。',
  ].join('\n');
  const m = parse(text);
  assert.deepEqual(blocks(m), [
    'title: 政府工作报告',
    'title: ——2024年1月10日在东山市第八届人民代表大会第四次会议上',
    'title: 市长　王某',
    'title: （2024年1月10日）',
    'salutation: 各位代表：',
    'paragraph: 现在，我代表市人民政府，向大会报告工作，请予审议。',
    'heading: 一、过去一年的工作',
    'paragraph: 一年来，全市经济运行稳中向好。',
  ]);
  assert.deepEqual(m.title, [0, 1, 2, 3]);
  assert.deepEqual(outline(m), ['一、过去一年的工作']);
});

test('a date in parentheses right after the title belongs to the title, not a （一） heading', () => {
  const m = parse('关于加强基层治理的意见\n（2017年10月18日）\n一、总体要求\n坚持问题导向。\n');
  assert.deepEqual(m.title, [0, 1]);
  assert.equal(m.blocks[1].kind, 'title');
  assert.equal(m.headings.length, 1);
  assert.equal(m.headings[0].name, '一、总体要求');
});

test('a date in parentheses inside the body is not a heading either', () => {
  const m = parse('年度工作总结\n一、主要工作\n（2017年10月18日）\n（2017）第3号文件已经下发。\n');
  assert.deepEqual(outline(m), ['一、主要工作']);
  assert.equal(m.blocks[2].kind, 'paragraph');
  assert.equal(m.blocks[3].kind, 'paragraph');
});

test('no title: the salutation comes first', () => {
  const m = parse('各位代表：\n现将一年来履职尽责情况汇报如下：\n一、主要工作\n全年完成各项任务。');
  assert.deepEqual(m.title, []);
  assert.deepEqual(blocks(m), [
    'salutation: 各位代表：',
    'paragraph: 现将一年来履职尽责情况汇报如下：',
    'heading: 一、主要工作',
    'paragraph: 全年完成各项任务。',
  ]);
});

test('a title on its own, then a preamble paragraph before the first heading', () => {
  const m = parse('2023年度述职报告\n今年以来，我认真履行岗位职责，现报告如下。\n一、履职情况\n认真学习。\n');
  assert.deepEqual(m.title, [0]);
  assert.equal(m.blocks[1].kind, 'paragraph');
  assert.equal(m.headings[0].block, 2);
});

test('closing, signature and date after the last section', () => {
  const m = parse('工作总结\n一、主要工作\n完成了任务。\n以上报告，请予审议。\n东山市某局\n2024年1月5日\n');
  assert.deepEqual(blocks(m).slice(3), ['closing: 以上报告，请予审议。', 'signature: 东山市某局', 'date: 2024年1月5日']);
  const date2 = parse('工作总结\n一、主要工作\n完成了任务。\n二〇二四年一月\n');
  assert.equal(date2.blocks[3].kind, 'date');
});

// ---------------------------------------------------------------------------------------------------
// The four levels and their variants

test('the four levels nest 一、 › （一） › 1. › （1）', () => {
  const m = parse('报告\n一、甲部分\n（一）乙方面\n1.丙事项\n（1）丁细节\n（2）戊细节\n2.己事项\n（二）庚方面\n二、辛部分\n');
  assert.deepEqual(outline(m), [
    '一、甲部分',
    '  （一）乙方面',
    '    1.丙事项',
    '      （1）丁细节',
    '      （2）戊细节',
    '    2.己事项',
    '  （二）庚方面',
    '二、辛部分',
  ]);
  assert.deepEqual(m.headings.map((h) => [h.level, h.value, h.rank]), [
    [1, 1, 1], [2, 1, 2], [3, 1, 3], [4, 1, 4], [4, 2, 4], [3, 2, 3], [2, 2, 2], [1, 2, 1],
  ]);
});

const VARIANTS: [string, number, number, string][] = [
  // marker as written, level, value, standard marker
  ['一、', 1, 1, '一、'],
  ['三.', 1, 3, '三、'],
  ['三．', 1, 3, '三、'],
  ['（二）', 2, 2, '（二）'],
  ['(二)', 2, 2, '（二）'],
  ['(二）', 2, 2, '（二）'],
  ['（二）、', 2, 2, '（二）'],
  ['4.', 3, 4, '4.'],
  ['4、', 3, 4, '4.'],
  ['4．', 3, 4, '4.'],
  ['４.', 3, 4, '4.'],
  ['１２、', 3, 12, '12.'],
  ['（5）', 4, 5, '（5）'],
  ['(5)', 4, 5, '（5）'],
  ['（５）', 4, 5, '（5）'],
  ['（5）、', 4, 5, '（5）'],
];

for (const [marker, level, value, canonical] of VARIANTS) {
  test(`variant ${marker} is level ${level}, value ${value}, standard form ${canonical}`, () => {
    const text = `报告标题\n${marker}加强作风建设\n正文写在这里。\n`;
    const m = parse(text);
    assert.equal(m.headings.length, 1);
    const h = m.headings[0];
    assert.equal(h.kind, 'numbered');
    assert.equal(h.level, level);
    assert.equal(h.value, value);
    assert.equal(h.markerText, marker);
    assert.equal(h.canonicalMarker, canonical);
    assert.equal(text.slice(h.marker.start, h.marker.end), marker);
    assert.equal(text.slice(h.text.start, h.text.end), '加强作风建设');
    assert.equal(h.name, marker + '加强作风建设');
  });
}

test('Chinese numerals past ten: 十一、 二十、 （十四） 二十一、', () => {
  const m = parse('报告\n十、甲\n十一、乙\n（十四）丙\n二十、丁\n二十一、戊\n');
  assert.deepEqual(m.headings.map((h) => [h.markerText, h.level, h.value, h.canonicalMarker]), [
    ['十、', 1, 10, '十、'],
    ['十一、', 1, 11, '十一、'],
    ['（十四）', 2, 14, '（十四）'],
    ['二十、', 1, 20, '二十、'],
    ['二十一、', 1, 21, '二十一、'],
  ]);
  assert.deepEqual(outline(m), ['十、甲', '十一、乙', '  （十四）丙', '二十、丁', '二十一、戊']);
});

test('what only looks like a number is not a heading', () => {
  const lines = [
    '1.5%的增速高于预期。',
    '8.1%的增长来之不易。',
    '8:00准时开会。',
    '1,000元已经到账。',
    '2023.12完成验收。',
    '12.5万人次参加。',
    '[1]注释内容。',
    '①第一项内容。',
    '一二三产业融合发展。',
    '（）内容空缺。',
    '1..省略的内容。',
    '100.这不是序号。',
    '（2017）第3号文件。',
  ];
  const m = parse('报告\n' + lines.join('\n') + '\n');
  assert.deepEqual(m.headings, []);
  assert.ok(m.blocks.slice(1).every((b) => b.kind === 'paragraph'), blocks(m).join('\n'));
});

test('in-paragraph enumerations are body text: 一是……二是……, 第一，……, —— bullets', () => {
  const text = '报告\n一、主要工作\n一是加强学习，二是改进作风，三是狠抓落实。\n第一，坚持问题导向。\n——加强组织领导。\n——强化督促检查。\n';
  const m = parse(text);
  assert.deepEqual(outline(m), ['一、主要工作']);
  assert.deepEqual(m.blocks.slice(2).map((b) => b.kind), ['paragraph', 'paragraph', 'paragraph', 'paragraph']);
});

test('3、4月份 is a heading only where it continues a 1. 2. sequence', () => {
  const cont = parse('报告\n一、主要工作\n1.完成年度任务。\n2.开展专项检查。\n3、4月份组织集中培训。\n');
  const h = headingAt(cont, '3、4月份组织集中培训。');
  assert.equal(h.level, 3);
  assert.equal(h.value, 3);
  assert.equal(h.markerText, '3、');
  const alone = parse('报告\n一、主要工作\n3、4月份组织集中培训。\n');
  assert.equal(alone.headings.length, 1);
  assert.equal(alone.blocks[2].kind, 'paragraph');
  const other = parse('报告\n一、主要工作\n1.完成年度任务。\n5、6月份组织集中培训。\n');
  assert.equal(other.blocks[3].kind, 'paragraph');
});

test('三、四季度 is a heading only where it continues the 一、 sequence', () => {
  const text = '报告\n一、二〇二三年工作回顾\n全年经济运行平稳。\n二、三大攻坚战取得决定性进展\n正文。\n一、二季度经济增速放缓，三、四季度明显回升。\n三、今后打算\n三、四季度要加大投资力度。\n';
  const m = parse(text);
  assert.deepEqual(outline(m), ['一、二〇二三年工作回顾', '二、三大攻坚战取得决定性进展', '三、今后打算']);
  assert.equal(m.blocks[5].kind, 'paragraph');
  assert.equal(m.blocks[7].kind, 'paragraph');
  // Where it does continue the sequence (二、 then 三、四季度…) it is read as a heading: the text cannot tell.
});

// ---------------------------------------------------------------------------------------------------
// Run-in headings, endings

test('run-in heading: the outline names only the first sentence', () => {
  const text = '报告\n（一）坚持稳中求进，推动高质量发展。今年是关键之年，我们要凝心聚力。\n1.全力推动产业振兴。深入实施产业提升行动。\n';
  const m = parse(text);
  const [a, b] = m.headings;
  assert.equal(a.name, '（一）坚持稳中求进，推动高质量发展');
  assert.equal(a.runIn, true);
  assert.equal(a.terminator, '。');
  assert.equal(text[a.terminatorAt], '。');
  assert.equal(text.slice(a.start, a.end), '（一）坚持稳中求进，推动高质量发展。');
  assert.equal(b.name, '1.全力推动产业振兴');
  assert.equal(b.runIn, true);
});

test('standalone headings end with 。, ： or nothing, and are not run-in', () => {
  const text = '报告\n1.贯彻民主集中制\n正文一。\n2.发扬斗争精神。\n正文二。\n3.严守政治纪律：\n正文三。\n';
  const m = parse(text);
  assert.deepEqual(m.headings.map((h) => [h.name, h.terminator, h.runIn]), [
    ['1.贯彻民主集中制', '', false],
    ['2.发扬斗争精神', '。', false],
    ['3.严守政治纪律', '：', false],
  ]);
  assert.equal(m.headings[0].terminatorAt, -1);
  assert.equal(text.slice(m.headings[0].text.start, m.headings[0].text.end), '贯彻民主集中制');
});

// ---------------------------------------------------------------------------------------------------
// Part titles, Markdown

test('unnumbered part titles hold their own 一、 sequence', () => {
  const text = [
    '市政府工作报告',
    '各位代表：',
    '2023年工作回顾',
    '过去一年，我们坚持稳中求进工作总基调，全市经济社会发展取得新成效。',
    '一、经济运行稳中向好',
    '全年地区生产总值增长较快。',
    '二、改革开放持续深化',
    '重点领域改革取得突破。',
    '2024年重点工作',
    '今年是实施“十四五”规划的关键一年，做好今年工作意义重大。',
    '一、着力扩大有效需求',
    '积极扩大有效投资。',
  ].join('\n');
  const m = parse(text);
  assert.deepEqual(outline(m), ['2023年工作回顾', '  一、经济运行稳中向好', '  二、改革开放持续深化', '2024年重点工作', '  一、着力扩大有效需求']);
  const part = m.headings[0];
  assert.equal(part.kind, 'part');
  assert.equal(part.rank, 0);
  assert.equal(part.level, 0);
});

test('a short line between 3. and 4. is body text, not a part title', () => {
  const text = '报告\n3.节点方案确定\n通过内嵌页面实现渲染\n这是一段较长的说明文字，写明了方案的细节和取舍。\n4.交互功能完善\n';
  const m = parse(text);
  assert.deepEqual(outline(m), ['3.节点方案确定', '4.交互功能完善']);
});

test('a short line followed by a short line, or ending a document, is not a part title', () => {
  const m = parse('报告\n一、工作\n主要做法\n很好。\n结束语');
  assert.deepEqual(outline(m), ['一、工作']);
});

test('Markdown: ## 一、 and **一、** are numbered headings; # headings rank above numbered ones', () => {
  const text = '# 个人述职报告\n\n## 一、主要工作\n\n正文。\n\n**二、存在问题**\n\n正文。\n\n### 下一步打算\n\n- 列表\n1. 第一项\n2. 第二项\n';
  const m = parse(text);
  // The number of # is the level; **二、** goes on from ## 一、 and takes its level; ### nests under it.
  assert.deepEqual(outline(m), ['个人述职报告', '  一、主要工作', '  二、存在问题', '    下一步打算', '      1.第一项', '      2.第二项']);
  const h1 = headingAt(m, '## 一、主要工作');
  assert.equal(h1.level, 1);
  assert.equal(text.slice(h1.marker.start, h1.marker.end), '一、');
  assert.equal(m.blocks[h1.block].contentStart, h1.marker.start);
  const h2 = headingAt(m, '**二、存在问题**');
  assert.equal(h2.level, 1);
  assert.equal(text.slice(m.blocks[h2.block].contentStart, m.blocks[h2.block].contentEnd), '二、存在问题');
  const md = m.headings.filter((h) => h.kind === 'markdown').map((h) => [h.name, h.rank]);
  assert.deepEqual(md, [['个人述职报告', -6], ['下一步打算', -4]]);
  assert.equal(h1.rank, -5);
  assert.equal(h2.rank, -5);
  // A Markdown list item is never a part title.
  assert.equal(m.blocks.find((b) => m.text.slice(b.start, b.end) === '- 列表')!.kind, 'paragraph');
});

test('Markdown: 1. **标题** and **1、标题**正文', () => {
  const m = parse('报告\n1. **核心职责完成情况**\n**2、团队协作**与沟通良好。\n');
  assert.deepEqual(m.headings.map((h) => [h.name, h.runIn]), [['1.核心职责完成情况', false], ['2、团队协作', true]]);
});

test('fenced code and tables are not structure', () => {
  const m = parse('报告\n```\n一、不是标题\n```\n| 一、 | 表格 |\n二、真正的标题\n');
  assert.deepEqual(outline(m), ['二、真正的标题']);
  assert.equal(m.blocks[2].kind, 'rule');
  assert.equal(m.blocks[4].kind, 'rule');
});

// ---------------------------------------------------------------------------------------------------
// Text as it arrives

test('one-line document: split into paragraphs and headings', () => {
  const body = '我们坚持稳中求进，扎实推进各项工作。'.repeat(60);
  const text = `市政府工作报告 各位代表： 一、2023年工作回顾 ${body} （一）聚力推动产业升级，夯实发展支撑。${body} （二）聚力深化改革创新。${body} 二、2024年工作安排 ${body}`;
  assert.ok(!text.includes('\n') && text.length > 2000);
  const m = parse(text);
  assert.equal(m.oneLine, true);
  assert.deepEqual(outline(m), ['一、2023年工作回顾', '  （一）聚力推动产业升级，夯实发展支撑', '  （二）聚力深化改革创新', '二、2024年工作安排']);
  assert.ok(m.blocks.length >= 5);
  assert.ok(m.blocks.every((b) => b.line === 0));
  // The body stays in its heading's block: a run-in heading.
  assert.ok(m.blocks.slice(1).every((b) => b.kind === 'heading'));
  // The heading sentence stops at the space after it.
  assert.equal(m.headings[0].name, '一、2023年工作回顾');
  assert.equal(m.headings[0].runIn, true);
});

test('one-line document: a heading right after a sentence end, with no space', () => {
  const body = '全年完成固定资产投资任务，经济运行总体平稳。'.repeat(100);
  const text = `报告。${body}二、加强政府自身建设。${body}`;
  const m = parse(text);
  assert.equal(m.oneLine, true);
  assert.deepEqual(outline(m), ['二、加强政府自身建设']);
});

test('CRLF line endings: blocks and headings stop before the CR', () => {
  const text = '报告\r\n一、主要工作\r\n正文。\r\n二、存在问题\r\n正文。\r\n';
  const m = parse(text);
  assert.deepEqual(outline(m), ['一、主要工作', '二、存在问题']);
  for (const b of m.blocks) assert.ok(!m.text.slice(b.start, b.end).includes('\r'));
  assert.equal(m.headings[1].name, '二、存在问题');
  assert.equal(m.blocks[3].line, 3);
});

test('BOM: the first heading starts after it', () => {
  const text = '\ufeff一、主要工作\n正文。\n';
  const m = parse(text);
  assert.equal(m.headings.length, 1);
  assert.equal(m.headings[0].start, 1);
  assert.equal(m.headings[0].markerText, '一、');
  assert.equal(m.blocks[0].start, 1);
});

test('odd spaces, indentation and blank lines holding a space', () => {
  const text = '报告\n \n　　一、主要工作\u2002\n\t正文。\n   \n    （一）具体做法\n';
  const m = parse(text);
  assert.deepEqual(outline(m), ['一、主要工作', '  （一）具体做法']);
  assert.equal(m.text.slice(m.blocks[1].start, m.blocks[1].end), '一、主要工作');
});

test('empty and blank documents', () => {
  for (const t of ['', ' ', '\n\n', '\r\n', '\ufeff', '　']) {
    const m = parse(t);
    assert.deepEqual(m.headings, []);
    assert.deepEqual(m.sections, []);
    assert.equal(m.chars, 0);
  }
});

// ---------------------------------------------------------------------------------------------------
// Paid markers

test('paid markers inline and on their own line', () => {
  const text = '报告\n一、主要工作\n牢记要求##paidbegin##，严格执行各项规定。\n二、存在问题\n正文。\n##paidend##\n';
  const m = parse(text);
  assert.deepEqual(m.paidMarkers.map((p) => [p.type, p.ownLine, p.misspelled]), [['begin', false, false], ['end', true, false]]);
  assert.equal(m.blocks[2].kind, 'paragraph');
  assert.equal(m.blocks[5].kind, 'marker');
  assert.equal(m.paidRegions.length, 1);
  const r = m.paidRegions[0];
  assert.equal(text.slice(r.content.start, r.content.end), '，严格执行各项规定。\n二、存在问题\n正文。\n');
  assert.equal(r.chars, countNonSpace(text, r.content.start, r.content.end));
  // The blocks that start inside the region are paid (the end marker's own line is not).
  assert.deepEqual(m.blocks.map((b) => b.paid), [false, false, false, true, true, false]);
  // Marker characters are not counted.
  assert.equal(m.blocks[2].chars, '牢记要求，严格执行各项规定。'.length);
  assert.equal(m.blocks[5].chars, 0);
  assert.deepEqual(m.paidIssues, []);
});

test('paid markers around and inside a heading do not change it', () => {
  const text = '报告\n##paidbegin##一、主要工作\n正文。\n二、##paidbegin##存在问题##paidend##\n三、今后打算##paidend##\n';
  const m = parse(text);
  assert.deepEqual(outline(m), ['一、主要工作', '二、存在问题', '三、今后打算']);
  const h2 = m.headings[1];
  assert.equal(text.slice(h2.text.start, h2.text.end), '存在问题');
  assert.equal(h2.terminator, '');
  assert.equal(m.headings[0].start, text.indexOf('一、'));
});

test('a heading sentence with a marker inside it is named without the marker', () => {
  const m = parse('报告\n一、加强##pagebreak##组织领导\n正文。\n');
  assert.equal(m.headings[0].name, '一、加强组织领导');
});

// ---------------------------------------------------------------------------------------------------
// Placeholders and their traps

test('placeholders: blanks left by a template', () => {
  const text = '报告\n增长x%，粮食产量xxxx亿斤，排名第xx名，连续x年，××县，XXX同志，【 】，（ ），xx个。\n';
  const m = parse(text);
  assert.deepEqual(m.placeholders.map((p) => [p.raw, p.kind]), [
    ['x', 'percent'], ['xxxx', 'quantity'], ['xx', 'rank'], ['x', 'years'], ['××', 'place'], ['XXX', 'person'],
    ['【 】', 'text'], ['（ ）', 'text'], ['xx', 'quantity'],
  ]);
});

test('placeholder traps: English words, hex, URLs, e-mail, multiplication', () => {
  const text = '报告\nLinux x86平台，box和index，0x1F，3×4米，https://x.example.com/xx，mail xx@example.com，f(x)，调用f()。\n';
  const m = parse(text);
  assert.deepEqual(m.placeholders.map((p) => p.raw), []);
});

test('placeholder patterns that match nothing before a surrogate pair end', () => {
  const config = resolveConfig({ placeholders: { patterns: ['x*'] } });
  const m = parse('报告\n𠀀字xx。\n', config.parse);
  assert.deepEqual(m.placeholders.map((p) => p.raw), ['xx']);
});

test('redactions: 某委 and 某某 yes, 某些 某种 某个 no', () => {
  const text = '报告\n在某委领导下，某某同志说，某些问题、某种情况、某个环节需要改进。\n';
  const m = parse(text);
  assert.deepEqual(m.redactions.map((r) => text.slice(r.start, r.end)), ['某', '某某']);
});

// ---------------------------------------------------------------------------------------------------
// Sections and character counts

test('section ranges run from the heading to the last block before the next sibling', () => {
  const text = '报告\n一、甲\n正文一。\n（一）乙\n正文二。\n二、丙\n正文三。\n以上报告，请予审议。\n';
  const m = parse(text);
  const a = sectionOf(m, '一、甲');
  assert.equal(text.slice(a.start, a.end), '一、甲\n正文一。\n（一）乙\n正文二。');
  assert.equal(a.chars, countNonSpace(text, a.start, a.end));
  const b = sectionOf(m, '（一）乙');
  assert.equal(text.slice(b.start, b.end), '（一）乙\n正文二。');
  assert.equal(b.lastBlock, 4);
  const c = sectionOf(m, '二、丙');
  assert.equal(text.slice(c.start, c.end), '二、丙\n正文三。\n以上报告，请予审议。');
  assert.equal(m.chars, countNonSpace(text, 0, text.length));
});

test('character counts leave out blanks and paid markers and count a surrogate pair once', () => {
  const text = '报告\n一、甲 乙\u3000丙\n𠀀字##paidbegin##尾\n##paidend##\n';
  const m = parse(text);
  assert.equal(m.blocks[1].chars, 5);
  assert.equal(m.blocks[2].chars, 3);
  assert.equal(m.chars, 2 + 5 + 3);
  assert.equal(m.sections[0].chars, 8);
});

// ---------------------------------------------------------------------------------------------------
// Robustness

function checkInvariants(text: string): void {
  const m = parse(text);
  const n = text.length;
  let prevEnd = -1;
  for (const b of m.blocks) {
    assert.ok(b.start >= 0 && b.start < b.end && b.end <= n, 'block inside the text');
    assert.ok(b.start >= prevEnd, 'blocks in order, not overlapping');
    assert.ok(b.contentStart >= b.start && b.contentEnd <= b.end, 'content inside its block');
    prevEnd = b.end;
  }
  for (const h of m.headings) {
    assert.ok(h.start >= 0 && h.start <= h.end && h.end <= n, 'heading inside the text');
    assert.ok(h.block >= 0 && h.block < m.blocks.length);
    assert.equal(m.blocks[h.block].kind, 'heading');
  }
  const walk = (list: Section[], lo: number, hi: number) => {
    let prev = lo;
    for (const s of list) {
      assert.ok(s.start >= prev && s.start <= s.end && s.end <= hi, 'sections nest and follow each other');
      assert.ok(s.chars >= 0);
      walk(s.children, s.start, s.end);
      prev = s.end;
    }
  };
  walk(m.sections, 0, n);
  for (const r of m.paidRegions) assert.ok(r.content.start <= r.content.end && r.content.end <= n);
  for (const p of m.placeholders) assert.ok(p.start < p.end && p.end <= n);
}

test('property: parse never throws; blocks, headings and sections stay within the text and nest', () => {
  const pieces = [
    '一', '二', '三', '十', '、', '（', '）', '(', ')', '1', '2', '.', '。', '，', 'x', '%', '##paidbegin##',
    '##paidend##', '#', '## ', '**', '\n', '\r', '\r\n', ' ', '　', '\ufeff', '\ud800', '\udc00', '甲', '：', '年', '-', '`',
  ];
  const piece = fc.constantFrom(...pieces);
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 200 }), (arr) => {
      checkInvariants(arr.join(''));
    }),
    { numRuns: 800 },
  );
  // Arbitrary strings too, and long lines that take the one-line path.
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => checkInvariants(s)), { numRuns: 300 });
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 60, max: 120 }), (arr, k) => {
      checkInvariants(arr.join('').replace(/[\r\n]/g, '').repeat(k));
    }),
    { numRuns: 40 },
  );
});

test('property: counts from the character index and line searches from a hint agree with the plain ones', () => {
  const pieces = ['甲', ' ', '　', '\t', '\n', '\r', '\r\n', '\u200b', '\u2028', '\ufeff', '𠀀', '\ud800', '\udc00', 'a', '，'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.nat(), fc.nat(), fc.nat(), (arr, x, y, h) => {
      const text = arr.join('');
      const start = x % (text.length + 1);
      const end = start + (y % (text.length - start + 1));
      assert.equal(nonBlankCount(charIndexOf(text), start, end), countNonSpace(text, start, end));
      const lines = new LineIndex(text);
      assert.equal(lines.lineNear(end, h % (lines.lineCount + 2)), lines.lineAt(end));
    }),
    { numRuns: 1000 },
  );
});

test('large inputs: 10 MB on one line, a long one-line report, many short lines', () => {
  const plain = '全年完成各项任务，增长8.1%。'.repeat(600_000);
  const a = parse(plain);
  assert.ok(a.oneLine);
  assert.equal(a.headings.length, 0);
  const report = '一、加强组织领导。全年完成各项任务，增长8.1%。 （一）聚力发展。'.repeat(10_000);
  const b = parse(report);
  assert.equal(b.headings.length, 20_000);
  assert.equal(b.sections.length, 10_000);
  const lines = '二、主要工作\n（一）具体做法\n1.完成任务。\n正文内容，正文内容。\n'.repeat(8_000);
  const c = parse(lines);
  assert.equal(c.headings.length, 24_000);
});
