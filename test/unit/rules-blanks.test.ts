// The blanks rules: placeholders left by templates and 某 redactions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { check, RuleFailure, spans } from './helpers';

test('blanks: metadata', () => {
  assert.equal(RULES_BY_ID.get('placeholder')?.meta.defaultSeverity, 'warning');
  assert.equal(RULES_BY_ID.get('placeholder')?.meta.fixable, false);
  assert.equal(RULES_BY_ID.get('redaction')?.meta.defaultSeverity, 'off');
  assert.equal(RULES_BY_ID.get('redaction')?.meta.fixable, false);
});

test('placeholder: every kind of blank fires, naming what to fill in', () => {
  const cases: [string, string[], RegExp][] = [
    ['地区生产总值同比增长x%，', ['x'], /百分比/u],
    ['粮食产量达xxxx亿斤以上。', ['xxxx'], /数量/u],
    ['新增项目xx个。', ['xx'], /数量/u],
    ['综合排名第xx名。', ['xx'], /名次/u],
    ['入选第x轮第x批试点。', ['x', 'x'], /数量/u],
    ['连续x年获评先进。', ['x'], /年数/u],
    ['成立xx年来成效显著。', ['xx'], /年数/u],
    ['于xx年建成。', ['xx'], /年份/u],
    ['计划20xx年完成。', ['xx'], /年份/u],
    ['xx月xx日召开。', ['xx', 'xx'], /日期/u],
    ['××县委高度重视。', ['××'], /地名或单位名称/u],
    ['XXX同志表现突出。', ['XXX'], /姓名/u],
    ['请填写【 】内容。', ['【 】'], /内容/u],
    ['请填写【】内容。', ['【】'], /内容/u],
    ['（ ）月完成。', ['（ ）'], /内容/u],
    ['负责人：____。', ['____'], /内容/u],
    ['负责人：＿＿。', ['＿＿'], /内容/u],
    ['ＸＸ市召开会议。', ['ＸＸ'], /地名或单位名称/u],
  ];
  for (const [line, want, what] of cases) {
    const text = line + '\n';
    const ps = check(text, 'placeholder');
    assert.deepEqual(spans(text, ps), want, line);
    for (const p of ps) {
      assert.match(p.message.zh, what, line);
      assert.match(p.message.zh, new RegExp(`“${want[0]}”`, 'u'));
      assert.equal(p.fixes.length, 0);
    }
  }
});

test('placeholder: x in words, numbers, code and addresses is not a blank', () => {
  for (const line of [
    '地址0x1F处出错。',
    '安装x64版本。',
    '升级Windows系统，使用Linux xterm终端。',
    '3×4的矩阵，尺寸10x20。',
    '调用f()函数，`g(x)`也可以。',
    '访问 https://example.com/xxx/x 查看，邮箱 xx@example.com。',
    'The box is next to the xylophone; max x value.',
    '做X光检查，画出x轴，X射线。',
    '玩Xbox游戏。',
    '增长8.1%，8:00开会。',
  ]) {
    const text = line + '\n';
    assert.deepEqual(spans(text, check(text, 'placeholder')), [], line);
  }
});

test('placeholder: two underscores are a blank year or number, not emphasis or a name', () => {
  const text = '总结回顾20__年度成果，签订20__年目标责任书，全年新增__个项目，排名第__名。\n';
  const ps = check(text, 'placeholder');
  assert.deepEqual(spans(text, ps), ['__', '__', '__', '__']);
  assert.match(ps[0].message.zh, /年份/u);
  assert.match(ps[2].message.zh, /数量/u);
  assert.match(ps[3].message.zh, /名次/u);
  for (const line of [
    '全面完成__重点__任务，__init__方法，my__var 变量。',
    '这是__加粗的文字__和__另一个__。',
    '共完成__个人__目标。',
    '版本2__beta发布。',
  ]) {
    const quiet = line + '\n';
    assert.deepEqual(spans(quiet, check(quiet, 'placeholder')), [], line);
  }
});

test('placeholder: a blank before a noun that starts like a unit asks for a name, not a number', () => {
  const text = '牵头完成××项目验收，XX部门配合，新增xx项制度。\n';
  const ps = check(text, 'placeholder');
  assert.deepEqual(spans(text, ps), ['××', 'XX', 'xx']);
  assert.match(ps[0].message.zh, /内容/u);
  assert.doesNotMatch(ps[0].message.zh, /数量/u);
  assert.match(ps[1].message.zh, /内容/u);
  assert.match(ps[2].message.zh, /数量/u);
});

test('placeholder: patterns from the configuration add blanks', () => {
  const text = '由〔单位名称〕负责，xx个。\n';
  const ps = check(text, 'placeholder', { placeholders: { patterns: ['〔[^〕]{1,20}〕'] } });
  assert.deepEqual(spans(text, ps), ['〔单位名称〕', 'xx']);
});

test('redaction: 某 and 某某 fire, ordinary words with 某 do not', () => {
  const text = '在某委的领导下，某某同志和某市的某些做法、某种情况、某个环节、某一方面。\n';
  const ps = check(text, 'redaction');
  assert.deepEqual(spans(text, ps), ['某', '某某', '某']);
  assert.match(ps[0].message.zh, /“某”是代称/u);
  assert.equal(ps[0].fixes.length, 0);
});

test('redaction: off by default', () => {
  // The helper turns the rule on; the catalogue keeps it off.
  assert.equal(RULES_BY_ID.get('redaction')?.meta.defaultSeverity, 'off');
});

function oddInput(): void {
  for (const text of ['', 'x', 'X', '×', '某', '【', '（', '_'.repeat(10000), 'x'.repeat(10000) + '%', '\uD800x\uDC00']) {
    check(text, 'placeholder');
    check(text, 'redaction');
  }
}

test('blanks: odd input never throws', () => {
  assert.doesNotThrow(oddInput);
});

test('blanks: the odd-input test fails when a rule throws', () => {
  // lint() skips a rule that throws; the test helper must turn that into a failure, or the test above is vacuous.
  const rule = RULES_BY_ID.get('redaction')!;
  const original = rule.check;
  rule.check = (ctx) => {
    if (ctx.text === '某') throw new Error('deliberate');
    original(ctx);
  };
  try {
    assert.throws(oddInput, (e: unknown) => e instanceof RuleFailure && e.ruleId === 'redaction');
  } finally {
    rule.check = original;
  }
  assert.doesNotThrow(oddInput);
});

test('placeholder: a template label in square brackets is a blank; links, wiki links and citations are not', () => {
  const text = ['- 报告人：[姓名]', '[时间段]以来，在[上级]的正确领导下，我认真履行岗位职责。', '### （一）[重点工作1]', ''].join('\n');
  assert.deepEqual(spans(text, check(text, 'placeholder')), ['[姓名]', '[时间段]', '[上级]', '[重点工作1]']);
  const quiet = [
    '详见[年度工作报告](https://example.com/report)。',
    '参见[工作总结][1]，以及[[年度计划]]。',
    '[年度计划]: https://example.com/plan',
    '第 2 道[「[每日一题]ES6 中为什么要使用 Symbol？」](https://example.com/2)',
    '引文[1]所述，[注：以上数据截至年底，含两个新增项目]。',
    '![流程图](images/flow.png)',
    '',
  ].join('\n');
  assert.deepEqual(check(quiet, 'placeholder'), []);
});
