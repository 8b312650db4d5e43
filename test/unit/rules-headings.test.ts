// The headings rules: numbering sequence, skipped levels, marker style and heading endings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/core/config';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { HEADINGS_RULES } from '../../server/src/core/rules/headings';
import { applyFix, check, fixAll, spans } from './helpers';

/** The text after fixing every problem of one rule, in rounds; asserts a second run changes nothing. */
function fixed(text: string, ruleId: string): string {
  const config = resolveConfig({ rules: { [ruleId]: 'warning' } });
  const first = fixAll(text, config, (p) => p.rule === ruleId);
  const again = fixAll(first.text, config, (p) => p.rule === ruleId);
  assert.equal(again.text, first.text, 'fix-all is idempotent');
  assert.deepEqual(check(first.text, ruleId).filter((p) => p.fixes.length), [], 'nothing fixable is left');
  return first.text;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

/** A document with every trap of the format and clean headings: no heading rule may fire on it. */
const TRAPS = lines(
  '2024年度工作总结',
  '（2024年12月30日）',
  '各位同事：',
  '现将全年工作汇报如下：',
  '一、主要工作',
  '（一）加强学习',
  '一是加强理论学习，二是加强业务学习，三是加强实践锻炼。',
  '第一，坚持问题导向。第二，坚持目标导向。',
  '——强化督促检查。',
  '——完善考核办法。',
  '全年增长8.1%，上午8:00开会，投入1,000元，详见https://example.com/1.2 或发邮件至 office@example.com。',
  '1.5%的增幅来之不易[1]，①项目按期完成。',
  '（2017年10月18日）',
  'This is an English sentence. It has 1. and 2. inside.',
  '（二）改进作风',
  '正文内容。',
  '**（三）狠抓落实**',
  '要求##paidbegin##，严格执行各项规定。',
  '二、存在问题',
  '正文内容。',
  '##paidend##',
  '三、下一步打算',
  '（一）具体安排',
  '1.完成年度任务。',
  '2.开展专项检查。',
  '3、4月份组织集中培训。',
  '4.做好总结。',
);

test('headings rules are registered with full metadata', () => {
  assert.deepEqual(HEADINGS_RULES.map((r) => r.meta.id), ['heading-sequence', 'heading-parent', 'heading-marker-style', 'heading-punctuation', 'empty-section']);
  for (const r of HEADINGS_RULES) {
    assert.equal(RULES_BY_ID.get(r.meta.id), r);
    assert.equal(r.meta.category, 'headings');
    assert.ok(r.meta.title.zh && r.meta.title.en && r.meta.description.zh && r.meta.description.en);
  }
  assert.deepEqual(HEADINGS_RULES.map((r) => [r.meta.defaultSeverity, r.meta.fixable]), [
    ['warning', true], ['info', false], ['info', true], ['warning', true], ['warning', false],
  ]);
});

test('no heading rule fires on the traps of the format', () => {
  for (const r of HEADINGS_RULES) {
    const ps = check(TRAPS, r.meta.id);
    assert.deepEqual(ps.map((p) => `${p.rule}: ${p.message.zh}`), [], r.meta.id);
  }
  // Except heading-marker-style on 3、 (only there, and it stays quiet because 3.4 would read as a decimal).
});

test('heading rules never throw on odd input', () => {
  const odd = ['', '\ufeff', '\ud800一、\udc00', '一、\r\n二、\r\r四、', '（）、、1..', '##paidbegin##一、##paidend##', '**一、**\n**三、**'];
  for (const t of odd) for (const r of HEADINGS_RULES) assert.doesNotThrow(() => check(t, r.meta.id));
});

// ---------------------------------------------------------------------------------------------------
// heading-sequence

const SEQ = 'heading-sequence';

test('sequence: a skipped number, with the numbers after it moving along', () => {
  const text = lines('报告', '一、总体情况', '正文。', '二、主要做法', '正文。', '四、存在问题', '正文。', '五、下步打算', '正文。');
  const ps = check(text, SEQ);
  assert.equal(ps.length, 1);
  assert.deepEqual(spans(text, ps), ['四、']);
  assert.equal(ps[0].message.zh, '编号跳号：此处应为“三、”，实为“四、”。');
  assert.equal(ps[0].message.en, 'Numbering skips: expected "三、", found "四、".');
  assert.equal(ps[0].related?.length, 1);
  assert.equal(text.slice(ps[0].related![0].start, ps[0].related![0].end), '二、');
  // The first fix renumbers this heading and the one after it; the second only this one.
  assert.equal(applyFix(text, ps[0]), lines('报告', '一、总体情况', '正文。', '二、主要做法', '正文。', '三、存在问题', '正文。', '四、下步打算', '正文。'));
  assert.equal(applyFix(text, ps[0], 1), lines('报告', '一、总体情况', '正文。', '二、主要做法', '正文。', '三、存在问题', '正文。', '五、下步打算', '正文。'));
  // Edits touch only the numerals.
  assert.deepEqual(ps[0].fixes[0].edits.map((e) => [text.slice(e.start, e.end), e.text]), [['四', '三'], ['五', '四']]);
  assert.equal(fixed(text, SEQ), applyFix(text, ps[0]));
});

test('sequence: a repeated 三、', () => {
  const text = lines('报告', '一、甲项工作', '二、乙项工作', '三、丙项工作', '三、丁项工作', '四、戊项工作');
  const ps = check(text, SEQ);
  assert.deepEqual(spans(text, ps), ['三、']);
  assert.equal(ps[0].start, text.lastIndexOf('三、'));
  assert.equal(ps[0].message.zh, '编号重复：上一个同级标题已是“三、”，此处应为“四、”。');
  assert.equal(fixed(text, SEQ), lines('报告', '一、甲项工作', '二、乙项工作', '三、丙项工作', '四、丁项工作', '五、戊项工作'));
});

test('sequence: one wrong number in a sequence that goes on is a typo, fixed alone', () => {
  const text = lines('报告', '一、甲项工作', '二、乙项工作', '二、丙项工作', '四、丁项工作');
  const ps = check(text, SEQ);
  assert.equal(ps.length, 1);
  assert.equal(ps[0].fixes.length, 1);
  assert.equal(applyFix(text, ps[0]), lines('报告', '一、甲项工作', '二、乙项工作', '三、丙项工作', '四、丁项工作'));
});

test('sequence: （十四） after （十二）, numerals past ten', () => {
  const head = Array.from({ length: 12 }, (_, i) => `（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}）第${i + 1}项工作`);
  const text = lines('报告', '一、主要工作', ...head, '（十四）第十四项工作', '（十五）第十五项工作');
  const ps = check(text, SEQ);
  assert.deepEqual(spans(text, ps), ['（十四）']);
  assert.equal(ps[0].message.zh, '编号跳号：此处应为“（十三）”，实为“（十四）”。');
  assert.ok(fixed(text, SEQ).endsWith('（十三）第十四项工作\n（十四）第十五项工作\n'));
  const tens = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八'];
  const big = lines('报告', ...tens.map((n) => `${n}、项`), '十九、甲', '二十、乙', '二十二、丙');
  const pb = check(big, SEQ);
  assert.deepEqual(spans(big, pb), ['二十二、']);
  assert.equal(applyFix(big, pb[0]), lines('报告', ...tens.map((n) => `${n}、项`), '十九、甲', '二十、乙', '二十一、丙'));
  // A list that starts at 十九 by mistake: both fixes point to the same numbering 一、二、三、.
  const wrongStart = lines('报告', '十九、甲', '二十、乙', '二十二、丙');
  assert.deepEqual(spans(wrongStart, check(wrongStart, SEQ)), ['十九、', '二十二、']);
  assert.equal(fixed(wrongStart, SEQ), lines('报告', '一、甲', '二、乙', '三、丙'));
});

test('sequence: the fix keeps the author\'s variant of the marker', () => {
  const cases: [string, string][] = [
    [lines('报告', '(一)甲', '(二)乙', '(四)丙'), lines('报告', '(一)甲', '(二)乙', '(三)丙')],
    [lines('报告', '１.甲', '２.乙', '４.丙'), lines('报告', '１.甲', '２.乙', '３.丙')],
    [lines('报告', '1、甲', '2、乙', '2、丙'), lines('报告', '1、甲', '2、乙', '3、丙')],
    [lines('报告', '一．甲', '三．乙'), lines('报告', '一．甲', '二．乙')],
    [lines('报告', '（1）、甲', '（3）、乙'), lines('报告', '（1）、甲', '（2）、乙')],
    [lines('报告', '## 一、甲', '## 三、乙'), lines('报告', '## 一、甲', '## 二、乙')],
  ];
  for (const [text, want] of cases) {
    const ps = check(text, SEQ);
    assert.equal(ps.length, 1, text);
    assert.equal(applyFix(text, ps[0]), want);
  }
});

test('sequence: numbering that restarts where it should not', () => {
  const text = lines('报告', '一、甲项工作', '二、乙项工作', '三、丙项工作', '正文。', '一、丁项工作');
  const ps = check(text, SEQ);
  assert.deepEqual(spans(text, ps), ['一、']);
  assert.equal(ps[0].message.zh, '编号在此重新开始：上一个同级标题是“三、”，此处应为“四、”，实为“一、”。');
  assert.equal(fixed(text, SEQ), lines('报告', '一、甲项工作', '二、乙项工作', '三、丙项工作', '正文。', '四、丁项工作'));
  // 1. 1. 1. in plain text is a mistake.
  const ones = lines('报告', '1.甲', '1.乙', '1.丙');
  assert.equal(check(ones, SEQ).length, 2);
  assert.equal(fixed(ones, SEQ), lines('报告', '1.甲', '2.乙', '3.丙'));
});

test('sequence: a list that does not start at the first number', () => {
  const text = lines('报告', '二、甲项工作', '三、乙项工作');
  const ps = check(text, SEQ);
  assert.deepEqual(spans(text, ps), ['二、']);
  assert.equal(ps[0].message.zh, '本级编号应从“一、”开始，实为“二、”。');
  assert.equal(fixed(text, SEQ), lines('报告', '一、甲项工作', '二、乙项工作'));
  const under = lines('报告', '一、甲', '（一）子一', '（二）子二', '二、乙', '（三）子三', '（四）子四', '三、丙', '（二）子五');
  // Continuous numbering across parents is accepted; a list that neither restarts nor continues is not.
  const pu = check(under, SEQ);
  assert.deepEqual(spans(under, pu), ['（二）']);
  assert.equal(pu[0].start, under.lastIndexOf('（二）'));
  assert.equal(pu[0].message.zh, '本级编号应从“（五）”开始，实为“（二）”。');
});

test('sequence: 1、 before a year (1、2023年…) is the first item, not two numbers; 3、4月份 stays two months', () => {
  // The list starts at 1、 even though a year follows the number: 2、 continues it.
  const year = lines('报告', '1、2023年全镇完成各项任务，成效明显。', '2、全年增长百分之五。', '3、2024年度继续推进。');
  assert.deepEqual(check(year, SEQ), []);
  // A number skipped after it is still found.
  const skip = lines('报告', '1、2023年全镇完成各项任务，成效明显。', '3、全年增长百分之五。', '4、做好总结。');
  assert.deepEqual(spans(skip, check(skip, SEQ)), ['3、']);
  // Not a year (three digits, another century, no 年): still two numbers, a heading only in a sequence.
  for (const t of ['1、202年', '1、2150年', '1、2023万元']) {
    const text = lines('报告', `${t}全镇完成各项任务。`, '2、全年增长百分之五。');
    assert.deepEqual(spans(text, check(text, SEQ)), ['2、'], t);
  }
});

test('sequence: quiet on deliberate shapes', () => {
  const quiet = [
    // Restart under each new parent.
    lines('报告', '一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '（二）子', '（三）子'),
    // Restart after unnumbered part titles.
    lines('市政府工作报告', '各位代表：', '2023年工作回顾', '过去一年，全市上下团结奋斗，经济社会发展取得新成效。', '一、经济运行稳中向好', '二、改革开放持续深化',
      '2024年重点工作', '今年是实施“十四五”规划的关键一年，做好今年工作意义重大。', '一、着力扩大有效需求', '二、着力推动产业升级', '三、着力保障改善民生'),
    // 1.–9. numbered continuously across parents.
    lines('报告', '一、甲', '1.子', '2.子', '3.子', '二、乙', '4.子', '5.子', '三、丙', '6.子', '7.子', '8.子', '9.子'),
    // A new list announced by a lead-in, or starting again at 1. 2.
    lines('报告', '一、甲', '二、乙', '三、丙', '明年计划如下：', '一、丁', '二、戊'),
    lines('报告', '1.甲', '2.乙', '附：问卷', '1.问题一', '2.问题二'),
    lines('报告', '1.甲', '2.乙', '==========', '1.问题一'),
    // Markdown: 1. 1. 1. renders numbered; an indented list nests.
    lines('## 本周总结', '', '1. 完成甲', '1. 完成乙', '1. 完成丙'),
    lines('**一、基本情况**', '', '**二、履职情况**', '', '1. **核心职责**', '    - 说明', '        1. 子项一', '        2. 子项二', '2. **团队协作**'),
    // 3、4月份 continues the sequence; 3.4 is a decimal.
    lines('报告', '1.完成任务。', '2.开展检查。', '3、4月份集中培训。', '4.做好总结。'),
    // Paid markers between headings.
    lines('报告', '一、甲', '##paidbegin##', '二、乙', '##paidend##', '三、丙'),
  ];
  for (const t of quiet) assert.deepEqual(check(t, SEQ).map((p) => p.message.zh), [], t);
});

test('sequence: CRLF and a BOM', () => {
  const text = '\ufeff报告\r\n一、甲\r\n三、乙\r\n';
  const ps = check(text, SEQ);
  assert.deepEqual(spans(text, ps), ['三、']);
  assert.equal(fixed(text, SEQ), '\ufeff报告\r\n一、甲\r\n二、乙\r\n');
});

// ---------------------------------------------------------------------------------------------------
// heading-parent

const PARENT = 'heading-parent';

test('parent: 1. directly under 一、, once per list', () => {
  const text = lines('报告', '一、主要工作', '1.贯彻民主集中制', '2.发扬斗争精神', '二、存在问题', '1.学习不够深入', '（一）具体表现', '1.表现一');
  const ps = check(text, PARENT);
  assert.deepEqual(ps.map((p) => [text.slice(p.start, p.end), p.start]), [['1.', text.indexOf('1.')], ['1.', text.indexOf('1.学习')]]);
  assert.equal(ps[0].message.zh, '“1.”直接位于“一、”之下，跳过了“（一）”这一级。');
  assert.equal(ps[0].message.en, '"1." sits directly under "一、", skipping the "（一）" level.');
  assert.equal(text.slice(ps[0].related![0].start, ps[0].related![0].end), '一、');
  assert.deepEqual(ps[0].fixes, []);
});

test('parent: （1） under （一） with no 1.', () => {
  const text = lines('报告', '一、甲', '（一）乙', '（1）丙', '（2）丁');
  const ps = check(text, PARENT);
  assert.deepEqual(spans(text, ps), ['（1）']);
  assert.equal(ps[0].message.zh, '“（1）”直接位于“（一）”之下，跳过了“1.”这一级。');
});

test('parent: （一） before any 一、', () => {
  const text = lines('报告', '（一）背景情况', '（二）基本思路', '一、主要工作', '（一）具体做法');
  const ps = check(text, PARENT);
  assert.deepEqual(ps.map((p) => p.start), [text.indexOf('（一）')]);
  assert.equal(ps[0].message.zh, '“（一）”出现在第一个“一、”级标题之前，没有上级标题。');
});

test('parent: quiet when the document has no 一、, under part titles, on English items and proper nesting', () => {
  const quiet = [
    lines('报告', '（一）背景情况', '（二）基本思路', '1.具体做法'),
    lines('报告', '1.完成任务', '2.开展检查'),
    lines('报告', '一、甲', '（一）乙', '1.丙', '（1）丁'),
    lines('市政府工作报告', '各位代表：', '2023年工作回顾', '过去一年，全市上下团结奋斗，经济社会发展取得新成效。', '（一）经济运行稳中向好', '（二）改革开放持续深化',
      '2024年重点工作', '今年是实施“十四五”规划的关键一年，做好今年工作意义重大。', '一、着力扩大有效需求'),
    lines('报告', '四、团队建设', 'Below is the plan:', '1. Continue to fix bugs.', '2. Continue documentation.'),
    lines('# 周报', '## 本周总结', '1. 完成甲', '2. 完成乙'),
  ];
  for (const t of quiet) assert.deepEqual(check(t, PARENT).map((p) => p.message.zh), [], t);
});

// ---------------------------------------------------------------------------------------------------
// heading-marker-style

const STYLE = 'heading-marker-style';

test('marker style: every variant, flagged with the standard form, fix replaces only the marker', () => {
  const cases: [string, string, string][] = [
    // written, after the fix, the edit's old text
    ['(一)加强领导', '（一）加强领导', '(一)'],
    ['(一）加强领导', '（一）加强领导', '('],
    ['一.加强领导', '一、加强领导', '.'],
    ['一．加强领导', '一、加强领导', '．'],
    ['1、加强领导', '1.加强领导', '、'],
    ['1．加强领导', '1.加强领导', '．'],
    ['（一）、加强领导', '（一）加强领导', '、'],
    ['(1)加强领导', '（1）加强领导', '(1)'],
    ['１.加强领导', '1.加强领导', '１'],
    ['（１）加强领导', '（1）加强领导', '１'],
    ['十二、加强领导', '', ''],
  ];
  for (const [written, want, old] of cases) {
    const text = lines('报告', written, '正文。');
    const ps = check(text, STYLE);
    if (!want) {
      assert.deepEqual(ps, []);
      continue;
    }
    assert.equal(ps.length, 1, written);
    const h = written.slice(0, written.indexOf('加'));
    assert.deepEqual(spans(text, ps), [h]);
    assert.match(ps[0].message.zh, new RegExp(`^序号“${h.replace(/[()]/g, '\\$&')}”写法不规范，应为“`));
    assert.equal(applyFix(text, ps[0]), lines('报告', want, '正文。'));
    const [e] = ps[0].fixes[0].edits;
    assert.equal(text.slice(e.start, e.end), old);
  }
});

test('marker style: one report per variant in a document, fixing all of them', () => {
  const text = lines('报告', '一、主要工作', '1、完成甲', '2、完成乙', '3、完成丙', '二、下步打算', '1、继续甲', '(一)其他');
  const ps = check(text, STYLE);
  assert.equal(ps.length, 2);
  const [a, b] = ps;
  assert.deepEqual(spans(text, [a]), ['1、']);
  assert.equal(a.message.zh, '序号“1、”写法不规范，应为“1.”（全文共 4 处）。');
  assert.equal(a.message.en, 'Heading number "1、" is not the standard form; write "1." (4 places in the document).');
  assert.equal(a.related?.length, 3);
  assert.equal(a.fixes[0].edits.length, 4);
  assert.equal(a.fixes[0].title.zh, '把全文 4 处“1、”式序号改为“1.”式');
  assert.equal(a.fixes[1].edits.length, 1);
  assert.equal(applyFix(text, a), lines('报告', '一、主要工作', '1.完成甲', '2.完成乙', '3.完成丙', '二、下步打算', '1.继续甲', '(一)其他'));
  assert.deepEqual(spans(text, [b]), ['(一)']);
  assert.equal(fixed(text, STYLE), lines('报告', '一、主要工作', '1.完成甲', '2.完成乙', '3.完成丙', '二、下步打算', '1.继续甲', '（一）其他'));
});

test('marker style: quiet on standard markers, 3、4月份, English items and traps', () => {
  const quiet = [
    lines('报告', '一、甲', '（一）乙', '1.丙', '（1）丁', '十一、戊'),
    lines('报告', '1.完成任务。', '2.开展检查。', '3、4月份集中培训。'),
    lines('Report', '1、Continue to fix bugs.'),
    lines('## 一、主要工作', '1. **核心职责**'),
    TRAPS.replace('3、4月份', '3.四月份').replace('4.做好', '4.做好'),
  ];
  for (const t of quiet) assert.deepEqual(check(t, STYLE).map((p) => p.message.zh), [], t);
});

// ---------------------------------------------------------------------------------------------------
// heading-punctuation

const PUNCT = 'heading-punctuation';

test('punctuation: 1.贯彻民主集中制 among siblings ending with 。 gets a 。', () => {
  const text = lines(
    '2023年述职报告',
    '二、强化全面领导，始终把政治建设摆在首位。',
    '按照组织安排，参加了培训班学习。',
    '1.贯彻民主集中制',
    '坚持把民主集中制作为根本原则。',
    '2.发扬斗争精神。',
    '在重大原则问题面前立场坚定。',
    '3.严守政治纪律和政治规矩。',
    '牢记各项要求，严格执行。',
  );
  const ps = check(text, PUNCT);
  assert.equal(ps.length, 1);
  assert.deepEqual(spans(text, ps), ['1.贯彻民主集中制']);
  assert.equal(ps[0].message.zh, '同一组同级标题多以“。”结尾（2 处），“1.贯彻民主集中制”没有结尾标点。');
  assert.equal(ps[0].message.en, 'Most of the headings of this list have a final "。" (2); "1.贯彻民主集中制" has none.');
  assert.equal(ps[0].fixes[0].title.zh, '在结尾加“。”');
  assert.deepEqual(ps[0].fixes[0].edits, [{ start: text.indexOf('制\n') + 1, end: text.indexOf('制\n') + 1, text: '。' }]);
  assert.equal(applyFix(text, ps[0]), text.replace('1.贯彻民主集中制\n', '1.贯彻民主集中制。\n'));
  assert.equal(fixed(text, PUNCT), applyFix(text, ps[0]));
});

test('punctuation: a final mark where the list has none, and ： among 。', () => {
  const text = lines('报告', '一、总体情况。', '正文。', '二、主要做法', '正文。', '三、存在问题', '正文。', '四、下步打算', '正文。');
  const ps = check(text, PUNCT);
  assert.deepEqual(spans(text, ps), ['一、总体情况。']);
  assert.equal(ps[0].message.zh, '同一组同级标题多不加标点（3 处），“一、总体情况”以“。”结尾。');
  assert.deepEqual(ps[0].fixes[0].edits, [{ start: text.indexOf('。'), end: text.indexOf('。') + 1, text: '' }]);
  assert.equal(fixed(text, PUNCT), text.replace('总体情况。', '总体情况'));
  const colon = lines('报告', '1.加强学习：', '正文。', '2.改进作风。', '正文。', '3.狠抓落实。', '正文。');
  const pc = check(colon, PUNCT);
  assert.deepEqual(spans(colon, pc), ['1.加强学习：']);
  assert.equal(applyFix(colon, pc[0]), colon.replace('学习：', '学习。'));
});

test('punctuation: a two-heading list follows the level\'s habit across the document', () => {
  const text = lines('报告', '一、甲', '1.完成甲。', '2.完成乙。', '3.完成丙。', '二、乙', '1.继续甲', '2.继续乙。', '三、丙', '1.其他甲。', '2.其他乙。');
  const ps = check(text, PUNCT);
  assert.deepEqual(spans(text, ps), ['1.继续甲']);
  assert.equal(ps[0].message.zh, '全文同级标题多以“。”结尾（6 处），“1.继续甲”没有结尾标点。');
});

test('punctuation: quiet on run-in headings, consistent lists, new lists and English', () => {
  const quiet = [
    // Run-in headings always end with their sentence mark.
    lines('报告', '（一）坚持稳中求进。今年是关键之年。', '（二）推动产业升级', '正文。', '（三）深化改革开放', '正文。'),
    // Each list agrees with itself; a list of two that agrees is left alone.
    lines('报告', '一、甲', '1.完成甲。', '2.完成乙。', '二、乙', '1.继续甲', '2.继续乙', '3.继续丙'),
    // A questionnaire after a lead-in is a new list.
    lines('报告', '1.完成甲。', '2.完成乙。', '3.完成丙。', '附：调查', '1.您觉得如何：', '2.您的建议：'),
    lines('Report', '1. Continue to fix bugs', '2. Continue documentation.', '3. Build the team.'),
    // Other endings (questions, semicolons) are not compared.
    lines('报告', '1.为什么要改革？', '2.怎样改革。', '3.改革的成效。'),
    TRAPS,
  ];
  for (const t of quiet) assert.deepEqual(check(t, PUNCT).map((p) => p.message.zh), [], t);
});

test('all heading rules together: fix-all over a document converges and is idempotent', () => {
  const text = lines('报告', '一、总体情况', '1、完成甲。', '2、完成乙', '2、完成丙。', '三、下步打算', '(一)继续', '(二)坚持');
  const config = resolveConfig({});
  const ids = new Set(HEADINGS_RULES.map((r) => r.meta.id));
  const first = fixAll(text, config, (p) => ids.has(p.rule));
  const again = fixAll(first.text, config, (p) => ids.has(p.rule));
  assert.equal(again.text, first.text);
  assert.equal(first.text, lines('报告', '一、总体情况', '1.完成甲。', '2.完成乙。', '3.完成丙。', '二、下步打算', '（一）继续', '（二）坚持'));
});

test('sequence: fixes of one run agree — each renumbers up to the next break, from where the fixes before it leave off', () => {
  const text = lines('报告', '一、甲', '三、乙', '四、丙', '四、丁', '五、戊');
  const ps = check(text, SEQ);
  assert.deepEqual(spans(text, ps), ['三、', '四、']);
  // The first fix renumbers 三、四、 to 二、三、; the repeated 四、 is then right, and says so.
  assert.equal(applyFix(text, ps[0]), lines('报告', '一、甲', '二、乙', '三、丙', '四、丁', '五、戊'));
  assert.deepEqual(ps[1].fixes, []);
  assert.match(ps[1].message.en, /Once the numbers before it are fixed, this one needs no change/u);
  // Twelve equal headings: every fix continues from the one before, so fix-all needs one round.
  const twelve = lines('报告', ...Array.from({ length: 12 }, () => '一、标题'));
  assert.deepEqual(check(twelve, SEQ).map((p) => p.fixes[0].edits[0].text), ['二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']);
  assert.equal(fixed(twelve, SEQ).split('\n')[12], '十二、标题');
});
