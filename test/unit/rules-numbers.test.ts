// The numbers rules: full-width digits, zero in Chinese-numeral years, abbreviated years.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { applyFix, check, fixAll, spans } from './helpers';

const only = (id: string) => (p: { rule: string }) => p.rule === id;

// ---------------------------------------------------------------- fullwidth-digits

test('fullwidth-digits: flags a run with its decimal point and percent sign, fixes it to half-width', () => {
  const text = '全年地区生产总值增长１５．６％，高于预期。\n';
  const ps = check(text, 'fullwidth-digits');
  assert.deepEqual(spans(text, ps), ['１５．６％']);
  assert.match(ps[0].message.zh, /“１５．６％”.*“15\.6%”/u);
  assert.equal(applyFix(text, ps[0]), '全年地区生产总值增长15.6%，高于预期。\n');
});

test('fullwidth-digits: a date gives one problem per number, a time keeps its colon', () => {
  const text = '会议于２０２３年３月５日８：３０召开。\n';
  const ps = check(text, 'fullwidth-digits');
  assert.deepEqual(spans(text, ps), ['２０２３', '３', '５', '８：３０']);
  assert.equal(fixAll(text, DEFAULT_CONFIG, only('fullwidth-digits')).text, '会议于2023年3月5日8:30召开。\n');
});

test('fullwidth-digits: leaves heading numbers to the heading rules, flags digits in the heading text', () => {
  const text = '一、主要工作\n１．完成３项改革任务。\n全年推进顺利。\n（２）细化措施。\n';
  const ps = check(text, 'fullwidth-digits');
  assert.deepEqual(spans(text, ps), ['３']);
});

test('fullwidth-digits: quiet on half-width numbers, full-width marks without digits and Chinese numerals', () => {
  for (const text of ['增长8.1%，8:00开会，共1,000人。\n', '（一）加强学习，提高认识。\n', '全年完成三项任务！\n']) {
    assert.deepEqual(check(text, 'fullwidth-digits'), [], text);
  }
});

test('fullwidth-digits: a full-width percent sign after half-width digits is not this rule', () => {
  assert.deepEqual(check('增长15％。\n', 'fullwidth-digits'), []);
});

// ---------------------------------------------------------------- chinese-zero

test('chinese-zero: 零 in a year becomes 〇', () => {
  const text = '二零二三年工作总结\n';
  const ps = check(text, 'chinese-zero');
  assert.deepEqual(spans(text, ps), ['二零二三年']);
  assert.match(ps[0].message.zh, /二〇二三年/u);
  assert.equal(applyFix(text, ps[0]), '二〇二三年工作总结\n');
  // The edit covers the zero only.
  assert.deepEqual(ps[0].fixes[0].edits, [{ start: 1, end: 2, text: '〇' }]);
});

test('chinese-zero: look-alike zeros (circle, letter O, digit 0) and two zeros in a row', () => {
  const cases: [string, string][] = [
    ['落款：二○二四年一月\n', '落款：二〇二四年一月\n'],
    ['二O二四年\n', '二〇二四年\n'],
    ['二Ｏ二四年\n', '二〇二四年\n'],
    ['二0二四年\n', '二〇二四年\n'],
    ['始建于一九零八年。\n', '始建于一九〇八年。\n'],
    ['二零零五年底建成。\n', '二〇〇五年底建成。\n'],
    ['公元九零七年\n', '公元九〇七年\n'],
  ];
  for (const [text, want] of cases) {
    const ps = check(text, 'chinese-zero');
    assert.equal(ps.length, 1, text);
    assert.equal(applyFix(text, ps[0]), want);
  }
  // Adjacent zeros are one edit, so the fix is not refused as self-overlapping.
  const ps = check('二零零五年\n', 'chinese-zero');
  assert.deepEqual(ps[0].fixes[0].edits, [{ start: 1, end: 3, text: '〇〇' }]);
});

test('chinese-zero: quiet on 〇, counted numbers, words with 零 and numerals that are not years', () => {
  for (const text of [
    '二〇二三年工作总结\n',
    '两千零二十三年\n',
    '一百零五年前\n',
    '社会消费品零售总额增长，零星工程和零部件生产稳定。\n',
    '三零一室\n',
    '二零二三\n',
    '第一零年\n',
    '十零年\n',
  ]) {
    assert.deepEqual(check(text, 'chinese-zero'), [], text);
  }
});

// ---------------------------------------------------------------- two-digit-year

test('two-digit-year: flags years in date contexts, without a fix', () => {
  const cases: [string, string][] = [
    ['23年3月完成验收。\n', '23年'],
    ['项目于23年12月开工。\n', '23年'],
    ['23年度考核优秀。\n', '23年'],
    ['23年工作总结\n', '23年'],
    ['现将23年上半年工作汇报如下：\n', '23年'],
    ['截至23年第三季度，完成投资。\n', '23年'],
    ['预计23年底，全面建成。\n', '23年'],
    ['’23年述职\n', '’23年'],
    ['２３年３月\n', '２３年'],
  ];
  for (const [text, want] of cases) {
    const ps = check(text, 'two-digit-year');
    assert.deepEqual(spans(text, ps), [want], text);
    assert.equal(ps[0].fixes.length, 0);
  }
  const [p] = check('23年3月完成。\n', 'two-digit-year');
  assert.match(p.message.zh, /“23年”.*2023年/u);
  assert.match(p.message.en, /2023年/u);
});

test('two-digit-year: quiet on numbers of years, decades and full years', () => {
  for (const text of [
    '连续23年荣获表彰。\n',
    '近10年来，经济持续增长。\n',
    '30年来，我们砥砺前行。\n',
    '土地承包到期后再延长30年整县试点。\n',
    '满30年的老同志。\n',
    '上世纪80年代建成。\n',
    '10年间翻了一番。\n',
    '坚守30年初心不改，积淀30年底蕴。\n',
    '具有10年工作经验。\n',
    '工作了10年。\n',
    '2023年3月，完成验收。\n',
    '第20年3月\n',
    '版本v23年\n',
    '（2023年1月1日）\n',
  ]) {
    assert.deepEqual(check(text, 'two-digit-year'), [], text);
  }
});

// ---------------------------------------------------------------- together

test('numbers: metadata', () => {
  const want: Record<string, [string, boolean]> = {
    'fullwidth-digits': ['warning', true],
    'chinese-zero': ['warning', true],
    'two-digit-year': ['warning', false],
  };
  for (const [id, w] of Object.entries(want)) {
    const rule = RULES_BY_ID.get(id);
    assert.ok(rule, id);
    assert.equal(rule.meta.category, 'numbers');
    assert.deepEqual([rule.meta.defaultSeverity, rule.meta.fixable], w, id);
    assert.ok(rule.meta.title.zh && rule.meta.title.en && rule.meta.description.zh && rule.meta.description.en);
  }
});

test('numbers: fix-all over a document is idempotent', () => {
  const text = [
    '二零二三年述职报告',
    '一、主要工作',
    '１．全年完成投资１２０亿元，增长８．５％。',
    '二○二三年，23年3月启动的项目全部竣工。',
    '',
  ].join('\n');
  const mine = (p: { rule: string }) => ['fullwidth-digits', 'chinese-zero', 'two-digit-year'].includes(p.rule);
  const first = fixAll(text, DEFAULT_CONFIG, mine);
  assert.match(first.text, /二〇二三年述职报告/u);
  assert.match(first.text, /全年完成投资120亿元，增长8\.5%。/u);
  assert.match(first.text, /１．全年/u, 'the heading number is left to the heading rules');
  assert.match(first.text, /23年3月/u, 'an abbreviated year has no automatic fix');
  const second = fixAll(first.text, DEFAULT_CONFIG, mine);
  assert.deepEqual(second.edits, []);
  assert.equal(second.text, first.text);
  // With every rule on, fix-all settles too.
  const all = fixAll(text, DEFAULT_CONFIG);
  assert.deepEqual(fixAll(all.text, DEFAULT_CONFIG).edits, []);
});

test('numbers: odd input never throws', () => {
  for (const text of ['', '\uFEFF', '\uD800年', '２\uDC00', '零年', '23年', '年', '\r\n\r\n', '二零二三年'.repeat(3)]) {
    for (const id of ['fullwidth-digits', 'chinese-zero', 'two-digit-year']) check(text, id);
  }
});
