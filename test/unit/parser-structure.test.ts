// The structure of personal reports as people write them: Markdown levels, nested lists, lists introduced
// by a colon, part titles with a comma, separators, front matter, HTML blocks, tables and TOC lines.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse } from '../../server/src/core/parser';
import { outlineLines } from '../corpus/corpus';
import { check } from './helpers';

const outline = (text: string) => outlineLines(parse(text));
const body = '本段是正文内容，记录了具体的做法和取得的成效。';

test('Markdown: the number of # is the level, a number in the heading is only its label', () => {
  const text = [
    '# 年度工作总结', '', '## 1.系统建设', '', '### 1.1 数据平台', body, '### 1.3 接口重构', body,
    '1. 梳理接口', '2. 合并重复接口', '3. 补充文档', '4. 压测', '5. 上线', '6. 回访', '7. 复盘', '8. 归档', '',
    '## 2.项目交付', body, '', '## 3.团队建设', body,
  ].join('\n');
  assert.deepEqual(outline(text), [
    '年度工作总结',
    '  1.系统建设',
    '    1.1 数据平台',
    '    1.3 接口重构',
    '      1.梳理接口', '      2.合并重复接口', '      3.补充文档', '      4.压测', '      5.上线', '      6.回访', '      7.复盘', '      8.归档',
    '  2.项目交付',
    '  3.团队建设',
  ]);
  // ## 2. is not compared with the list 1.–8. under ### 1.3.
  assert.deepEqual(check(text, 'heading-sequence'), []);
  // A number after the previous one of the same numbering keeps the level the # slipped from.
  assert.deepEqual(outline('## 一. 总结\n' + body + '\n###### 二. 展望\n' + body), ['一.总结', '二.展望']);
  // Without a blank after the # a Chinese heading is still a heading; a #话题# is not.
  assert.deepEqual(outline('###一、关于今年\n' + body + '\n> ####1、工作方面\n' + body + '\n#话题#\n' + body), ['一、关于今年', '  1、工作方面']);
});

test('TOC lines, YAML front matter, HTML blocks, code fences and tables are not prose', () => {
  const text = [
    '---', 'title: 年度总结', 'date: 2024-01-01', '---', '',
    '1. [年度概述](#一年度概述)', '2. [下一步计划](#二下一步计划)', '- [附录](#附录)', '',
    '<div align="center">', '一、不是标题', '</div>', '',
    '```', '二、也不是标题', '```', '',
    '项目 | 进度', '--- | ---', '三、表格里 | 完成', '',
    '一、年度概述', body, '二、下一步计划', body,
  ].join('\n');
  const m = parse(text);
  assert.deepEqual(outlineLines(m), ['一、年度概述', '二、下一步计划']);
  for (const line of ['title: 年度总结', '1. [年度概述](#一年度概述)', '一、不是标题', '三、表格里 | 完成', '项目 | 进度']) {
    const b = m.blocks.find((x) => text.slice(x.start, x.end) === line);
    assert.equal(b?.kind, 'rule', line);
  }
  // Front matter only where it opens the document and holds keys: a --- rule later is a rule, the text after it prose.
  const later = parse('一、工作\n' + body + '\n---\n二、计划\n' + body);
  assert.deepEqual(outlineLines(later), ['一、工作', '二、计划']);
  assert.equal(check('---\ntitle: x,y\n---\n' + body, 'punct-halfwidth').length, 0);
});

test('nested lists: an indented list, or one introduced by a colon, nests in its item', () => {
  const indented = ['1、前期调研', body, '2、系统开发', '    1. 需求分析', '    2. 编码', '    3. 测试', '    4. 上线', '3、运维保障', body].join('\n');
  assert.deepEqual(outline(indented), ['1、前期调研', '2、系统开发', '  1.需求分析', '  2.编码', '  3.测试', '  4.上线', '3、运维保障']);
  assert.deepEqual(check(indented, 'heading-sequence'), []);
  const colon = ['1、加强学习', body, '2、狠抓落实', '主要措施：', '1、建立台账', '2、定期调度', '3、跟踪督办', '4、考核通报', '3、改进作风', body].join('\n');
  assert.deepEqual(outline(colon), ['1、加强学习', '2、狠抓落实', '  1、建立台账', '  2、定期调度', '  3、跟踪督办', '  4、考核通报', '3、改进作风']);
  assert.deepEqual(check(colon, 'heading-sequence'), []);
  // A new list after a colon that the outer list never resumes stays a list of its own, at the same level.
  const restart = ['1、加强学习', body, '2、狠抓落实', body, '下一步计划如下：', '1、建立台账', '2、定期调度'].join('\n');
  assert.deepEqual(outline(restart), ['1、加强学习', '2、狠抓落实', '1、建立台账', '2、定期调度']);
  // A real slip in the outer list is still found (3、 after 2、 … 5、), and the nested list is left alone.
  const slip = ['1、加强学习', body, '2、狠抓落实', '主要措施：', '1、建立台账', '2、定期调度', '3、改进作风', body, '5、强化保障', body].join('\n');
  const found = check(slip, 'heading-sequence');
  assert.equal(found.length, 1);
  assert.equal(slip.slice(found[0].start, found[0].end), '5、');
});

test('part titles with a comma, and a subtitle of two parallel phrases under the title', () => {
  const text = ['个人年度述职报告', '守正创新，行稳致远', '', '3月：春耕备耕，稳字当头', body + body, '', '总结：凝心聚力，砥砺前行', body + body].join('\n');
  const m = parse(text);
  assert.deepEqual(outlineLines(m), ['3月：春耕备耕，稳字当头', '总结：凝心聚力，砥砺前行']);
  assert.equal(m.title.length, 2);
  assert.deepEqual(check(text, 'paragraph-end-punctuation'), []);
  // A sentence with a comma is not a title.
  assert.deepEqual(outline(['大家好，我是张三', body + body].join('\n')), []);
  assert.deepEqual(outline(['工作完成得很好，领导也满意', body + body].join('\n')), []);
});

test('a label over an indented block is a heading; where paragraphs end bare, a short bare line is not', () => {
  const bareBody = '这一年做了很多项目，也踩了很多坑，收获很大';
  const text = ['年终总结', bareBody + bareBody, '', '印象最深的项目是改版', bareBody + bareBody, bareBody + bareBody, '总体方面:', '    心态更稳了，遇事不慌', '    沟通更顺畅了', '2025年', '    多读书，多锻炼'].join('\n');
  assert.deepEqual(outline(text), ['总体方面', '2025年']);
});

test('a separator line starts a new part: an appendix numbered on its own is not nested in the last heading', () => {
  const text = ['一、主要工作', body, '（一）项目建设', body, '1.完成设计', body, '', '==========', '附：英文译文', '1. First item of the translation.', '2. Second item.'].join('\n');
  assert.deepEqual(outline(text), ['一、主要工作', '  （一）项目建设', '    1.完成设计', '1.First item of the translation', '2.Second item']);
  assert.deepEqual(check(text, 'heading-sequence'), []);
});

test('one-line documents: part titles glued between sentences, and headings run into their body', () => {
  const sentence = '全市上下团结奋斗，各项事业取得新进展，经济社会发展稳中向好。';
  const text = '各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。2024年工作回顾2024年是极不平凡的一年。' + sentence.repeat(40) +
    '一、2025年工作安排过去的一年，我们坚持稳中求进。' + sentence.repeat(40) + '（一）聚力推动经济平稳增长。' + sentence.repeat(10);
  const m = parse(text);
  assert.ok(m.oneLine);
  // Numbered headings nest under the unnumbered part title before them, as in documents on many lines.
  assert.deepEqual(outlineLines(m), ['2024年工作回顾', '  一、2025年工作安排', '    （一）聚力推动经济平稳增长']);
  // An ordinary sentence that mentions the plan is not cut.
  const plain = parse(('我们要做好2024年工作安排部署，推动发展。' + sentence).repeat(60));
  assert.deepEqual(outlineLines(plain), []);
});

test('an HTML table over many lines is not prose, and its cells are not headings', () => {
  const text = ['## 一、2023 工作回顾', body, '<table class="x">', '  <tr>', '    <td>', '二、不是标题，也不是段落', '    </td>', '  </tr>', '</table>', '', '## 二、2024 工作计划', body].join('\n');
  const m = parse(text);
  assert.deepEqual(outlineLines(m), ['一、2023 工作回顾', '二、2024 工作计划']);
  assert.equal(m.blocks.find((b) => text.slice(b.start, b.end) === '二、不是标题，也不是段落')?.kind, 'rule');
  assert.deepEqual(check(text, 'paragraph-end-comma'), []);
});

test('a list whose items are only links (articles numbered newest first) is a reference list, not headings', () => {
  const text = [
    '## 一、学习成长', body, '其中技术文章有三篇，分别如下：', '',
    '3、[缓存系列之三--失效策略](https://example.com/post/3)', '',
    '2、[缓存系列之二：预热](https://example.com/post/2)', '',
    '1、[缓存系列之一](./posts/1.md)', '',
    '## 二、下一步', body,
  ].join('\n');
  assert.deepEqual(outline(text), ['一、学习成长', '二、下一步']);
  assert.deepEqual(check(text, 'heading-sequence'), []);
  // The other page's title is quoted as it is: its -- is not this report's dash.
  assert.deepEqual(check(text, 'punct-dash'), []);
  // A numbered line with words besides its link is an item of this report: a slip there is still found.
  const slip = ['## 一、学习成长', body, '1、阅读[缓存系列](https://example.com/1)并整理笔记', body, '3、整理文档', body].join('\n');
  const found = check(slip, 'heading-sequence');
  assert.equal(found.length, 1);
  assert.equal(slip.slice(found[0].start, found[0].end), '3、');
});

test('Markdown: a # heading is not compared with numbered list items, and 1. 1. 1. lists are lazy numbering', () => {
  const mixed = [
    '### 一、学习成长', body, '+ 1、了解行业动态。', '+ 2、把握学习方向。', '+ 3、结交同行朋友。', '',
    '#### 1、技术文章', body, '#### 2、开源项目', body, '',
  ].join('\n');
  assert.deepEqual(check(mixed, 'heading-sequence'), []);
  // Between the # headings themselves a slip is still found.
  const slip = mixed.replace('#### 2、开源项目', '#### 3、开源项目');
  const found = check(slip, 'heading-sequence');
  assert.equal(found.length, 1);
  assert.equal(slip.slice(found[0].start, found[0].end), '3、');
  // A Markdown list that repeats 1. is numbered by the renderer: the digits after its first item are never shown.
  const lazy = ['## 1.2 运营建设', body, '1. 确定名称', '1. 建立审核机制', '1. 媒体合作', '4. 对外合作', '5. 吸引人才', '5. 工具', '7. 视频投稿', '', '## 1.3 分享建设', body].join('\n');
  assert.deepEqual(check(lazy, 'heading-sequence'), []);
  // Written out 1. 2. 2. 4., the numbers are the author's: the repeated one is reported.
  const own = ['## 1.2 运营建设', body, '1. 确定名称', '2. 建立审核机制', '2. 媒体合作', '4. 对外合作', '', '## 1.3 分享建设', body].join('\n');
  const f2 = check(own, 'heading-sequence');
  assert.equal(f2.length, 1);
  assert.equal(own.slice(f2[0].start, f2[0].end), '2.');
});

test('a table row whose cells hold line breaks goes on to the line that closes it', () => {
  const text = [
    '## 一、分析', body, '',
    '| 优势 | 不足 |', '| --- | --- |',
    '| 1、团队能力强', '2、业务范围广 | 1、缺少代表作', '2、声量不足', '3、矩阵参差 |', '',
    '## 二、计划', body,
  ].join('\n');
  assert.deepEqual(outline(text), ['一、分析', '二、计划']);
  assert.deepEqual(check(text, 'heading-sequence'), []);
  assert.deepEqual(check(text, 'paragraph-end-punctuation'), []);
  // A row that never closes is not a table row: the lines after it are read as text again.
  const open = ['## 一、分析', body, '', '| 优势 | 不足 |', '| --- | --- |', '| 1、团队能力强', '甲、正文', body, '乙、正文', body].join('\n');
  assert.ok(parse(open).blocks.some((b) => b.kind === 'paragraph' && open.slice(b.contentStart, b.contentEnd) === body));
});
