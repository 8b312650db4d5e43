// Rules on reports as people write them: the document's own habits, Markdown, list introducers.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, check, spans } from './helpers';
import { parse } from '../../server/src/core/parser';

const outlineNames = (text: string) => parse(text).headings.map((h) => h.name);

const para = (s: string) => `本周围绕${s}开展工作，完成了开发、联调和测试，效果良好。`;

test('paragraph-end-punctuation: a document that habitually ends paragraphs bare is left alone', () => {
  const bare = ['周报', ...['登录', '报表', '权限', '导出', '消息'].map((s) => para(s).slice(0, -1)), para('部署')].join('\n');
  assert.deepEqual(check(bare, 'paragraph-end-punctuation'), []);
  // One slip among paragraphs that end with their mark is still found.
  const slip = ['周报', ...['登录', '报表', '权限', '导出', '消息'].map(para), para('部署').slice(0, -1)].join('\n');
  assert.deepEqual(spans(slip, check(slip, 'paragraph-end-punctuation')), ['好']);
  // Under a Markdown heading whose item descriptions end bare, the part's own habit holds.
  const md = ['# 周报', '## 第一周', para('登录'), para('报表'), para('权限'), para('导出'), '## 第二周', '**1、接口**', para('接口').slice(0, -1), '**2、页面**', para('页面').slice(0, -1)].join('\n');
  assert.deepEqual(check(md, 'paragraph-end-punctuation'), []);
});

test('paragraph-end-punctuation: the habit counts a paragraph as a sentence from four Han characters and two marks, wherever they come', () => {
  const bare = ['本周完成了登录，联调了接口', '本周修复了缺陷，补充了测试', '本周整理了文档，更新了手册', '本周部署了环境，检查了日志'];
  // Four bare paragraphs among eight others, each with just enough to count: a third are bare, not a
  // habit, so all four are reported. The last of the six characters that count may be a mark or a Han
  // character (a paragraph that ends with a dash is not bare, and counts when it holds sentences).
  const doc = (sentence: string) => ['工作周报', ...bare.flatMap((b) => [b, sentence, '你好，世界。'])].join('\n');
  assert.equal(check(doc('世界你好，天。'), 'paragraph-end-punctuation').length, 4);
  assert.equal(check(doc('你，我。他她——'), 'paragraph-end-punctuation').length, 4);
  // With four of those one Han character short, they do not count: then the bare ones are the habit.
  assert.deepEqual(check(doc('你好，世。'), 'paragraph-end-punctuation'), []);
  assert.deepEqual(check(doc('你，我。他——'), 'paragraph-end-punctuation'), []);
});

test('paragraph-end-punctuation: a slogan set wholly in bold is not a sentence missing its mark', () => {
  const text = ['年度总结', para('登录'), '**越过山丘，继续并肩同行**', para('报表')].join('\n');
  assert.deepEqual(check(text, 'paragraph-end-punctuation'), []);
  const plain = ['年度总结', para('登录'), '越过山丘以后，我们继续并肩同行', para('报表')].join('\n');
  assert.equal(check(plain, 'paragraph-end-punctuation').length, 1);
});

test('heading-punctuation: a heading that introduces its sub-items with a colon, and one-sentence items, are not compared with heading lines', () => {
  const introducer = ['一、团队规模扩大到一百五十人。', '二、主力产品发布新版本，进展包括：', '1.启用自动构建', '2.框架重构', '三、组件包有所扩充。', '四、调试工具开始开发。'].join('\n');
  assert.deepEqual(check(introducer, 'heading-punctuation'), []);
  const body = '本段是正文内容，记录具体做法。';
  // Heading lines over body text against one-sentence items: not alike.
  const mixed = ['一、加强学习', body, '二、改进作风。', '三、提升效能。', '四、狠抓落实。'].join('\n');
  assert.deepEqual(check(mixed, 'heading-punctuation'), []);
  // Heading lines over body text that disagree are still reported.
  const lines = ['一、加强学习', body, '二、改进作风。', body, '三、提升效能。', body].join('\n');
  assert.deepEqual(spans(lines, check(lines, 'heading-punctuation')), ['一、加强学习']);
});

test('doubled-word: a word or a function character typed twice, found by word segmentation', () => {
  for (const [text, doubled, fixed] of [
    ['我们进行进行了深入调研。', '进行进行', '我们进行了深入调研。'],
    ['按期完成完成了全部任务。', '完成完成', '按期完成了全部任务。'],
    ['这是我所所做的工作。', '所所', '这是我所做的工作。'],
    ['问题问题要及时整改。', '问题问题', '问题要及时整改。'],
  ]) {
    const ps = check(text + '\n', 'doubled-word');
    assert.deepEqual(spans(text, ps), [doubled], text);
    assert.equal(applyFix(text + '\n', ps[0]), fixed + '\n');
  }
});

test('doubled-word: reduplicated words, AABB forms, overlapping words and the tentative form are left alone', () => {
  for (const text of [
    '大家看看这份材料，谢谢大家。', '他常常加班，天天向上。', '认认真真做事，的的确确有效。', '这件事不了了之。',
    '研究所所长到会讲话。', '项项落实，户户通电，件件有着落。', '一步一步推进，一点一点积累。',
    '我们要研究研究再说。', '大家一起讨论讨论吧。', '日子红红火火，指数节节攀升，力争周周有活动。',
    '家家户户干干净净，时时刻刻不放松。', '哈哈哈哈，笑笑笑。', '我们的的工作。',
  ]) {
    assert.deepEqual(check(text + '\n', 'doubled-word'), [], text);
  }
});

test('doubled-word: a repeat is found wherever the scan meets it: at the very end of the text, before a span ends, after surrogate pairs, several in a row', () => {
  // The last characters of the text, with nothing after them (the scan reads ahead four characters).
  assert.deepEqual(spans('我们进行进行', check('我们进行进行', 'doubled-word')), ['进行进行']);
  assert.deepEqual(spans('这是我所所', check('这是我所所', 'doubled-word')), ['所所']);
  // Right before the end of a prose span (inline code ends it): found, and nothing read across it.
  const code = '我们进行进行`进行`了调研。\n';
  assert.deepEqual(spans(code, check(code, 'doubled-word')), ['进行进行']);
  // After characters outside the Basic Multilingual Plane (surrogate pairs): offsets stay exact.
  const astral = '𠀀𠀀𠀀我们完成完成了任务。\n';
  const ps = check(astral, 'doubled-word');
  assert.deepEqual(spans(astral, ps), ['完成完成']);
  assert.equal(applyFix(astral, ps[0]), '𠀀𠀀𠀀我们完成了任务。\n');
  // Two slips in one paragraph, the second right after the first.
  const two = '问题问题我所所做的工作。\n';
  assert.deepEqual(spans(two, check(two, 'doubled-word')), ['问题问题', '所所']);
  // Text without any repeated character: nothing.
  assert.deepEqual(check('我们完成了全年的各项工作任务。\n', 'doubled-word'), []);
});

test('paragraph-end-comma: a paragraph that ends with ， or 、 is unfinished', () => {
  const text = ['工作总结', '一、主要工作', '全年完成各项任务，成效明显，', '', '二、下一步打算', '主要措施有以下几点，', '1.加强学习。', '2.改进作风。', '持续推进项目建设、'].join('\n');
  const ps = check(text, 'paragraph-end-comma');
  assert.deepEqual(spans(text, ps), ['，', '，', '、']);
  assert.equal(applyFix(text, ps[0]).split('\n')[2], '全年完成各项任务，成效明显。');
  assert.equal(applyFix(text, ps[1]).split('\n')[5], '主要措施有以下几点：'); // a list follows
  assert.ok(ps[0].message.zh.includes('“，”'));
});

test('paragraph-end-comma: in wrapped text a short piece of the sentence alone on the next line is not a part title ending it', () => {
  // Text extracted from a PDF, a few words a line: 华光科技 alone on a line reads like a part title.
  const pdf = ['镇政府工作报告', '全镇', '坚持稳中求进，', '统筹推进各项工作，', '大力发展特色产业，', '加快推进产业园建设，', '华光科技', '获批省级示范园，带动全镇特色产业加快发展，全年增长百分之五。', '全年完成任务。'].join('\n');
  assert.deepEqual(outlineNames(pdf), ['华光科技']); // as the parser reads it
  assert.deepEqual(check(pdf, 'paragraph-end-comma'), []);
  // The same lines without the wrapping around them: the comma before a part title ends a paragraph.
  const body = '本段是正文内容，记录具体做法。';
  const plain = ['镇政府工作报告', body, body, '加快推进产业园建设，', '2024年工作安排', body, body].join('\n');
  assert.deepEqual(spans(plain, check(plain, 'paragraph-end-comma')), ['，']);
});

test('paragraph-end-comma: a parenthesis still open, and a Markdown paragraph over several lines, go on below; a comma before a blank line ends', () => {
  const body = '本段是正文内容，记录具体做法。';
  // Plain text: the parenthesis opened on the line closes on the next one.
  const paren = ['总结', body, '完成月报制作（营收、销量、计划完成率、', '库存、立项汇总）。', body].join('\n');
  assert.deepEqual(check(paren, 'paragraph-end-comma'), []);
  // The same line without the parenthesis, in plain text: a paragraph that ends with 、.
  const bare = ['总结', body, '完成月报制作，营收、销量、计划完成率、', '库存、立项汇总都已完成。', body].join('\n');
  assert.deepEqual(spans(bare, check(bare, 'paragraph-end-comma')), ['、']);
  // Markdown: the lines of a paragraph are joined; the one before a blank line is its end.
  const md = ['## 9月', '', '完成当月月报，学习数据抓取，', '模板建立等设计完成。', '', '## 10月', '', '月报完成，制度撰写完成，', '', body].join('\n');
  assert.deepEqual(spans(md, check(md, 'paragraph-end-comma')), ['，']);
  assert.equal(check(md, 'paragraph-end-comma')[0].start, md.indexOf('制度撰写完成，') + 6);
});

test('paragraph-end-comma: quiet on wrapped text, continuation lines, a quote that continues the sentence and proper endings', () => {
  const wrapped = ['年终总结', '这一年做了很多项目，印象最深的是改版，', '从需求到上线都是自己负责的，', '中间也遇到了不少问题，', '但最后都解决了，', '收获很大。'].join('\n');
  assert.deepEqual(check(wrapped, 'paragraph-end-comma'), []);
  const continuation = ['总结', '个人能力方面，工作中项目把控越来越顺，', '        带新人也让自己再总结了一遍知识。'].join('\n');
  assert.deepEqual(check(continuation, 'paragraph-end-comma'), []);
  const quote = ['总结', '后来项目启动，由于个人兴趣，', '> 学弟，你之前是做前端的吗？'].join('\n');
  assert.deepEqual(check(quote, 'paragraph-end-comma'), []);
  assert.deepEqual(check('总结\n全年完成各项任务，成效明显。\n他说：“好，”\n', 'paragraph-end-comma').length, 1);
  assert.deepEqual(check('总结\n全年完成各项任务，成效明显。\n', 'paragraph-end-comma'), []);
});

test('empty-section: a section heading followed directly by one of the same or a higher level', () => {
  const body = '本段是正文内容，记录具体做法。';
  const text = ['一、主要工作', body, '二、存在问题', '三、下一步打算', body, '四、意见建议', body].join('\n');
  const ps = check(text, 'empty-section');
  assert.deepEqual(spans(text, ps), ['二、存在问题']);
  assert.ok(ps[0].message.zh.includes('二、存在问题'));
  // Markdown headings too; a heading over sub-headings is not empty.
  const md = ['# 总结', '## 工作', body, '## 问题', '## 计划', '### 近期', body, '## 体会', body].join('\n');
  assert.deepEqual(spans(md, check(md, 'empty-section')), ['问题']);
});

test('empty-section: a table of contents\' heading, filled in by Markdown tools, is not a section; an empty section next to it is', () => {
  const body = '本段是正文内容，记录具体做法。';
  for (const toc of ['## 目录', '## 目 录', '## Contents', '## Table of Contents', '## TOC']) {
    const md = ['# 年度总结', toc, '## 工作', body, '## 学习', body, '## 计划', body].join('\n');
    assert.deepEqual(check(md, 'empty-section'), [], toc);
    // The table of contents does not count as an empty sibling that would excuse a real empty section.
    const gap = ['# 年度总结', toc, '## 工作', body, '## 学习', '## 计划', body, '## 体会', body].join('\n');
    assert.deepEqual(spans(gap, check(gap, 'empty-section')), ['学习'], toc);
  }
  // A heading that only mentions contents is a section like any other.
  const named = ['# 年度总结', '## 工作', body, '## 目录整理', '## 计划', body, '## 体会', body].join('\n');
  assert.deepEqual(spans(named, check(named, 'empty-section')), ['目录整理']);
});

test('empty-section: lists of items, one-sentence items and outlines without bodies are left alone', () => {
  const body = '本段是正文内容，记录具体做法。';
  for (const text of [
    ['1、解决焊接问题', '2、修改采集软件', '3、组装机箱'].join('\n'),
    ['一、团队规模扩大。', '二、产品发布新版本。', '三、文档更加完善。'].join('\n'),
    ['一、加强学习', '二、改进作风', '三、提升效能'].join('\n'),
    ['一、主要工作', body, '二、存在问题', '三、下一步打算'].join('\n'), // the others are not all full
    ['（一）聚力发展。全年增长百分之五。', '（二）聚力改革。', body, '（三）聚力民生。', body].join('\n'),
  ]) {
    assert.deepEqual(check(text, 'empty-section'), [], text);
  }
});

test('cjk-space: section numbers in headings and a document that spaces digits throughout are left alone', () => {
  const md = ['# 总结', '### 3.1 软件', '本段是正文内容，记录具体做法。'].join('\n');
  assert.deepEqual(check(md, 'cjk-space'), []);
  const habit = ['CnPack 开发组 2025 年工作总结', '全年发布 3 个版本，新增 12 项功能，修复 40 个问题。'].join('\n');
  assert.deepEqual(check(habit, 'cjk-space'), []);
  // Where the document writes digits and Chinese together, a stray space is still found.
  const slip = ['工作总结', '全年发布3个版本，新增12项功能，修复40个问题，增长 15%。'].join('\n');
  assert.equal(check(slip, 'cjk-space').length, 1);
});

test('cjk-space: a document that spaces digits in a third of its places writes that way; one that does it a fifth of the time slips', () => {
  const tight = '全年发布3个版本，新增12项功能。';
  const spaced = (n: number) => `- 第 ${n} 题：总结经验`;
  // 6 list items spaced (12 spaced boundaries) against 24 tight boundaries: half as many, a habit.
  const habit = ['年度总结', ...Array.from({ length: 6 }, () => tight), ...Array.from({ length: 6 }, (_, k) => spaced(k + 1))].join('\n');
  assert.deepEqual(check(habit, 'cjk-space'), []);
  // Twice the tight text: 12 spaced against 48 tight, a fifth of the places: each is reported.
  const slips = ['年度总结', ...Array.from({ length: 12 }, () => tight), ...Array.from({ length: 6 }, (_, k) => spaced(k + 1))].join('\n');
  assert.equal(check(slips, 'cjk-space').length, 12);
});

test('cjk-space: the spaces between the items of a list written on one line are separators; a stray space next to them is not', () => {
  // A table of contents flattened onto one line, as document-sharing sites show it.
  const toc = ['汇编', '目录1.2023年甲镇工作报告 2.2023年乙镇工作报告 3.2023年丙镇工作报告 4.丁镇工作报告', '正文。'].join('\n');
  assert.deepEqual(check(toc, 'cjk-space'), []);
  const dun = ['计划', '重点有三项：1、建设园区 2、引进企业 3、培育人才。'].join('\n');
  assert.deepEqual(check(dun, 'cjk-space'), []);
  // In the same line, a number that is not the next item keeps its problem: 增长 15% and 第 2 名.
  const slip = ['汇编', '目录1.甲镇工作报告 2.乙镇工作报告，全年增长 15%，排名第 2 名。'].join('\n');
  assert.deepEqual(check(slip, 'cjk-space').map((p) => (p.message.zh.match(/“([^”]*)”/u) ?? [])[1]), ['增长 15%', '名第 2', '2 名']);
  // A lone number after a space is not a list.
  assert.equal(check('总结\n全年完成 3.5亿元。\n', 'cjk-space').length, 1);
});

test('punct-halfwidth: the text of a Markdown link is the linked page\'s title, quoted as it is; the prose around it is checked', () => {
  const list = ['## 往期文章', '- 第2篇：[【周刊】(2期)代码是如何压缩的?](https://example.com/a)', '- [[周刊]面试问:闭包是什么?](https://example.com/b)'].join('\n');
  assert.deepEqual(check(list, 'punct-halfwidth'), []);
  // Outside the brackets, on the same line: the half-width comma and parentheses are still found.
  const prose = ['## 往期文章', '详见[周刊(2期)](https://example.com/a),欢迎阅读(每周更新)。'].join('\n');
  assert.deepEqual(spans(prose, check(prose, 'punct-halfwidth')), [',', '(每周更新)']);
  // Brackets that are not a link: checked.
  assert.equal(check('总结\n[注意]会议纪要(草稿)。\n', 'punct-halfwidth').length, 1);
});

test('punct-halfwidth: key combinations, front matter and code are left alone; Chinese commas are still found', () => {
  assert.deepEqual(check('设置\n按 Ctrl+, 打开设置，按 Cmd + ; 切换。\n', 'punct-halfwidth'), []);
  assert.deepEqual(check('---\ntitle: 总结,计划\ntags: 年度;个人\n---\n正文。\n', 'punct-halfwidth'), []);
  assert.deepEqual(check('总结\n代码 `a,b` 和说明。\n', 'punct-halfwidth'), []);
  assert.equal(check('总结\n完成开发,提升效率。\n', 'punct-halfwidth').length, 1);
});

test('placeholder: ** and ＊＊ left as blanks; X in a formula or a term is not a blank', () => {
  const text = '总结\n本年负责**个系统，共服务**人，增长＊＊%。\n';
  assert.deepEqual(spans(text, check(text, 'placeholder')), ['**', '**', '＊＊']);
  for (const quiet of [
    '构建“1+N+X”工作体系，推行“3+X”模式。\n', '配备X射线安检机和X光设备。\n', '完成**个人**目标，**重点**突出。\n', '**1、工作内容**\n',
  ]) {
    assert.deepEqual(check('总结\n' + quiet, 'placeholder'), [], quiet);
  }
  // A lone x between Chinese is still a blank.
  assert.equal(check('总结\n增长x%，完成xx个项目。\n', 'placeholder').length, 2);
});
