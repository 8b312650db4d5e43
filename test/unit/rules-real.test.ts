// Rules on reports as people write them: the document's own habits, Markdown, list introducers.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { check, spans } from './helpers';

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
