// The words rules: misused words, the user dictionary, doubled characters, stray and unusual spaces,
// invisible characters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { parse } from '../../server/src/core/parser';
import { eolOf } from '../../server/src/core/text';
import { MISUSED_WORDS } from '../../server/src/core/rules/data/misused-words';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { WordMatcher } from '../../server/src/core/rules/misused-word';
import { applyFix, check, fixAll, spans } from './helpers';

const WORDS = ['misused-word', 'user-dictionary', 'doubled-char', 'doubled-word', 'cjk-space', 'invisible-chars', 'odd-space'];
const only = (...ids: string[]) => (p: { rule: string }) => ids.includes(p.rule);

// ---------------------------------------------------------------- misused-word

test('misused-word: the list is large, unique, and no right form contains a wrong one', () => {
  assert.ok(MISUSED_WORDS.length >= 60, `${MISUSED_WORDS.length} pairs`);
  const wrongs = new Set(MISUSED_WORDS.map(([w]) => w));
  assert.equal(wrongs.size, MISUSED_WORDS.length, 'no duplicate wrong forms');
  const matcher = new WordMatcher(MISUSED_WORDS);
  for (const [wrong, right] of MISUSED_WORDS) {
    assert.notEqual(wrong, right);
    assert.ok(!wrongs.has(right), `${right} is listed as wrong too`);
    const hits: string[] = [];
    matcher.find(right, 0, right.length, (m) => hits.push(m.wrong));
    assert.deepEqual(hits, [], `the right form ${right} contains a wrong one`);
  }
});

test('misused-word: every pair fires on the wrong form, fixes it, and is quiet on the right form', () => {
  for (const [wrong, right] of MISUSED_WORDS) {
    const text = `我们要${wrong}，继续努力。\n`;
    const ps = check(text, 'misused-word');
    assert.deepEqual(spans(text, ps), [wrong], wrong);
    assert.equal(ps[0].message.zh, `“${wrong}”应为“${right}”。`);
    assert.equal(applyFix(text, ps[0]), `我们要${right}，继续努力。\n`);
    assert.deepEqual(check(`我们要${right}，继续努力。\n`, 'misused-word'), [], right);
  }
});

test('misused-word: forms that are right in some context are not in the list', () => {
  for (const text of [
    '既使企业受益，又使群众满意。\n',
    '按装机容量计算，增长一成。\n',
    '为群众做为民服务的实事。\n',
    '发扬广大党员干部的首创精神。\n',
    '委曲求全不可取。\n',
    '再接再厉，乘势而上。\n',
  ]) {
    assert.deepEqual(check(text, 'misused-word'), [], text);
  }
});

test('misused-word: several on one line, in headings and titles; not in URLs or code', () => {
  const text = '精兵减政与因地治宜\n一、竞竞业业，格尽职守\n详见 https://example.com/再接再励 和 `迫不急待`。\n';
  const ps = check(text, 'misused-word');
  assert.deepEqual(spans(text, ps), ['精兵减政', '因地治宜', '竞竞业业', '格尽职守']);
  const fixed = fixAll(text, DEFAULT_CONFIG, only('misused-word'));
  assert.equal(fixed.text, '精兵简政与因地制宜\n一、兢兢业业，恪尽职守\n详见 https://example.com/再接再励 和 `迫不急待`。\n');
  assert.deepEqual(fixAll(fixed.text, DEFAULT_CONFIG, only('misused-word')).edits, []);
});

test('misused-word: the user dictionary wins over the built-in list', () => {
  const settings = { dictionary: { 再接再励: '再接再厉！' } };
  assert.deepEqual(check('要再接再励。\n', 'misused-word', settings), []);
  assert.equal(check('要再接再励。\n', 'user-dictionary', settings).length, 1);
});

test('misused-word: matching time does not grow with the size of the list', () => {
  const big: [string, string][] = [];
  for (let i = 0; i < 20000; i++) big.push([`错${String.fromCharCode(0x4e00 + (i % 5000))}${i}`, '对']);
  const matcher = new WordMatcher(big);
  const text = '错'.repeat(200000);
  const t0 = performance.now();
  let n = 0;
  matcher.find(text, 0, text.length, () => n++);
  const ms = performance.now() - t0;
  assert.equal(n, 0);
  assert.ok(ms < 200, `${ms.toFixed(1)} ms`);
});

// ---------------------------------------------------------------- user-dictionary

test('user-dictionary: quiet when empty; fires with the configured replacement', () => {
  assert.deepEqual(check('请登录帐号。\n', 'user-dictionary'), []);
  const settings = { dictionary: { 帐号: '账号', 某某公司: '红星机械有限公司' } };
  const text = '请登录帐号，联系某某公司。\n';
  const ps = check(text, 'user-dictionary', settings);
  assert.deepEqual(spans(text, ps), ['帐号', '某某公司']);
  assert.match(ps[0].message.zh, /“帐号”应为“账号”/u);
  assert.match(ps[1].message.en, /"红星机械有限公司"/u);
  assert.equal(applyFix(text, ps[1]), '请登录帐号，联系红星机械有限公司。\n');
});

test('user-dictionary: longest match wins, Latin entries match whole words, empty right removes', () => {
  const settings = { dictionary: { 中心: '中央', 服务中心站: '服务站', teh: 'the', '（草稿）': '' } };
  const text = '服务中心站和中心；teh plan, not tehran（草稿）\n';
  const ps = check(text, 'user-dictionary', settings);
  assert.deepEqual(spans(text, ps), ['服务中心站', '中心', 'teh', '（草稿）']);
  assert.match(ps[3].message.zh, /删除/u);
  assert.equal(applyFix(text, ps[3]), '服务中心站和中心；teh plan, not tehran\n');
});

test('user-dictionary: an entry whose right form contains the wrong one settles after one fix', () => {
  const config = resolveConfig({ dictionary: { 中心: '服务中心' } });
  const text = '服务中心和中心。\n';
  const ps = check(text, 'user-dictionary', { dictionary: { 中心: '服务中心' } });
  assert.deepEqual(spans(text, ps), ['中心'], 'the text already reading the right form is left alone');
  assert.equal(ps[0].start, 5);
  const fixed = fixAll(text, config, only('user-dictionary'));
  assert.equal(fixed.text, '服务中心和服务中心。\n');
  assert.deepEqual(fixAll(fixed.text, config, only('user-dictionary')).edits, []);
});

// ---------------------------------------------------------------- doubled-char

test('doubled-char: function characters typed twice', () => {
  const cases: [string, string, string][] = [
    ['我们的的工作取得成效。\n', '的的', '我们的工作取得成效。\n'],
    ['完成了了全年任务。\n', '了了', '完成了全年任务。\n'],
    ['同志们们要努力。\n', '们们', '同志们要努力。\n'],
    ['我们也也要学习。\n', '也也', '我们也要学习。\n'],
    ['这是是我们的责任。\n', '是是', '这是我们的责任。\n'],
    ['在在会上发言。\n', '在在', '在会上发言。\n'],
    ['学习和和实践相结合。\n', '和和', '学习和实践相结合。\n'],
    ['位于于城区。\n', '于于', '位于城区。\n'],
    ['我们的的的工作。\n', '的的的', '我们的工作。\n'],
  ];
  for (const [text, span, fixed] of cases) {
    const ps = check(text, 'doubled-char');
    assert.deepEqual(spans(text, ps), [span], text);
    assert.equal(applyFix(text, ps[0]), fixed);
  }
  const [p] = check('我们的的工作。\n', 'doubled-char');
  assert.equal(p.message.zh, '“的的”疑为重复录入，应为“的”。');
});

test('doubled-char: quiet on reduplications and words that meet at a doubled character', () => {
  for (const text of [
    '谢谢大家，我们常常天天人人看看研究研究，一一落实，年年处处刚刚渐渐。\n',
    '达到目的的手段，为了了解情况，不了了之，小时了了。\n',
    '现在在做的工作，在在建项目和在在职党员、在在校学生中开展。\n',
    '是是非非，的的确确，和和美美，实实在在，和和气气。\n',
    '关键是是否落实，就是是非问题，凡是是党员的都要参加。\n',
    '性格温和和善良，推动发展和和谐统一，参与与否自愿，要与与会代表交流。\n',
    '的确如此，的士司机。\n',
  ]) {
    assert.deepEqual(check(text, 'doubled-char'), [], text);
  }
});

// ---------------------------------------------------------------- cjk-space

/** A report extracted from a PDF onto one line, with spaces where the PDF lines broke. */
function oneLineReport(): string {
  const body = '过去一年，我们坚持稳中求进工作总基调，经济运行持续向好，各项事业取得新进展。';
  let t = '一、2023年工作回顾 2023 年是全面贯彻落实党的二十大精神的开局之年，我们深 入开展主题教育，全年地区生产总值增长 6.5%。';
  while (t.length < 2500) t += ' ' + body;
  return t + ' 二、2024年工作安排 今年工作的总体要求是稳中求进。';
}

test('cjk-space: PDF damage in a one-line document is flagged, heading separators are not', () => {
  const text = oneLineReport();
  const model = parse(text);
  assert.ok(model.oneLine);
  const ps = check(text, 'cjk-space');
  assert.deepEqual(
    ps.map((p) => text.slice(p.start - 2, p.end + 2)),
    ['23 年是', '们深 入开', '增长 6.'],
  );
  assert.match(ps[1].message.zh, /“们深 入开”应为“们深入开”/u);
  assert.match(ps[0].message.zh, /汉字与数字之间不加空格：“2023 年是”/u);
  const fixed = fixAll(text, DEFAULT_CONFIG, only('cjk-space'));
  assert.ok(fixed.text.startsWith('一、2023年工作回顾 2023年是全面贯彻落实党的二十大精神的开局之年，我们深入开展主题教育，全年地区生产总值增长6.5%。'));
  assert.deepEqual(fixAll(fixed.text, DEFAULT_CONFIG, only('cjk-space')).edits, []);
});

test('cjk-space: spaces between Chinese and digits, and inside a sentence', () => {
  const cases: [string, string[], string][] = [
    ['全年增长 15%，排名第 3 名。\n', ['增长 15%', '名第 3', '3 名'], '全年增长15%，排名第3名。\n'],
    ['计划在 2024 年 3 月完成。\n', ['划在 2024', '2024 年', '年 3', '3 月完'], '计划在2024年3月完成。\n'],
    ['增长8% 左右。\n', ['8% 左右'], '增长8%左右。\n'],
    ['我们认真学习。工作中深 入开展调研。\n', ['中深 入开'], '我们认真学习。工作中深入开展调研。\n'],
  ];
  for (const [text, want, fixed] of cases) {
    const ps = check(text, 'cjk-space');
    assert.deepEqual(
      ps.map((p) => (p.message.zh.match(/“([^”]*)”/u) ?? [])[1]),
      want,
      text,
    );
    for (const p of ps) assert.equal(p.end - p.start, 1, 'the problem covers the space only');
    assert.equal(fixAll(text, DEFAULT_CONFIG, only('cjk-space')).text, fixed);
  }
});

test('cjk-space: deliberate spacing is left alone', () => {
  for (const text of [
    '述 职 报 告\n全年工作如下。\n', // a letter-spaced title
    '中共中央 国务院关于实施乡村振兴战略的意见\n正文。\n', // joint issuers in a title
    '一、工作回顾\n名 词 解 释\n正文很长很长很长很长很长很长很长很长很长。\n', // letter-spaced part title
    '工作由 张三 和 李四 负责。\n', // names set off by spaces
    '感谢 Alphazw、王五 等同志的支持。\n',
    '熟悉核心接口 学习了读写器的调用方法。\n', // a label at the start of a paragraph
    '针对出入库的模式配置,以及功率调整 测试不同功率等级。\n',
    '打造“益行益善 益老益小”品牌。\n', // a quoted pair of phrases
    '领导很好    可惜公司不景气。\n', // several spaces
    '    全年工作如下。\n', // indentation
    '## 工作回顾\n\n- 完成任务。\n', // Markdown
    '支持 Windows 10 系统和 RAD Studio 13 中的新接口，Studio 13/14 的补丁，1/3 的人。\n', // numbers of Latin names
    '增长8.1%，8:00开会，共1,000人（2023年1月1日），见[1]和①。\n',
    'This is an English sentence with 2023 numbers.\n',
    '网址 https://example.com/a b 见附件。\n',
    '一是加强学习，二是改进作风。\n',
    '报告人\n开发组  张三\n2023年12月30日\n',
  ]) {
    const ps = check(text, 'cjk-space');
    assert.deepEqual(ps.map((p) => p.message.zh), [], JSON.stringify(text));
  }
});

test('cjk-space: the space that separates a heading from its body on one line is not flagged', () => {
  const text = oneLineReport();
  const i = text.indexOf('2024年工作安排 ') + '2024年工作安排'.length;
  assert.ok(!check(text, 'cjk-space').some((p) => p.start === i));
});

// ---------------------------------------------------------------- invisible-chars

test('invisible-chars: zero-width and other invisible characters are removed', () => {
  const text = '全年完成20\u200b23个项目，\u200b\u200b建设\u00ad成效\u2060明显。\uFEFF\n';
  const ps = check(text, 'invisible-chars');
  assert.deepEqual(spans(text, ps), ['\u200b', '\u200b\u200b', '\u00ad', '\u2060', '\uFEFF']);
  assert.match(ps[1].message.zh, /零宽空格（U\+200B）/u);
  assert.equal(applyFix(text, ps[0]), '全年完成2023个项目，\u200b\u200b建设\u00ad成效\u2060明显。\uFEFF\n');
  assert.equal(fixAll(text, DEFAULT_CONFIG, only('invisible-chars')).text, '全年完成2023个项目，建设成效明显。\n');
});

test('invisible-chars: a BOM at the start and joiners inside emoji are left alone', () => {
  assert.deepEqual(check('\uFEFF全年工作如下。\n', 'invisible-chars'), []);
  assert.deepEqual(check('点赞👨\u200d👩\u200d👧。\n', 'invisible-chars'), []);
  assert.equal(check('点赞\u200d。\n', 'invisible-chars').length, 1);
});

test('invisible-chars: a line of nothing but zero-width spaces is a blank line, left alone', () => {
  // Editors that export Markdown write one for each empty paragraph.
  assert.deepEqual(check('第一段。\n\u200b\n第二段。\n  \u200b\u200b\n\u200b', 'invisible-chars'), []);
  // Beside text on its line it is still found.
  const text = '第一段。\n\u200b第二段。\n第三段。\u200b\n';
  assert.deepEqual(spans(text, check(text, 'invisible-chars')), ['\u200b', '\u200b']);
});

test('invisible-chars: Unicode line separators become the document line break', () => {
  const lf = '第一段。\u2028第二段。\n';
  const [p] = check(lf, 'invisible-chars');
  assert.equal(applyFix(lf, p), '第一段。\n第二段。\n');
  const crlf = '第一段。\r\n第二段。\u2029第三段。\r\n';
  const [q] = check(crlf, 'invisible-chars');
  assert.match(q.message.zh, /U\+2029/u);
  assert.equal(applyFix(crlf, q), '第一段。\r\n第二段。\r\n第三段。\r\n');
  // A file with old Mac line breaks (CR only) gets a CR, not an LF that would mix two kinds.
  const cr = '第一段。\r第二段。\u2028第三段。\r';
  const [r] = check(cr, 'invisible-chars');
  assert.equal(applyFix(cr, r), '第一段。\r第二段。\r第三段。\r');
});

test('eolOf: the first line break of the document, LF, CRLF or CR alone', () => {
  assert.equal(eolOf('甲\n乙\r\n'), '\n');
  assert.equal(eolOf('甲\r\n乙\n'), '\r\n');
  assert.equal(eolOf('甲\r乙\r'), '\r');
  assert.equal(eolOf('甲\r乙\n'), '\r', 'the first break decides, even in a mixed file');
  assert.equal(eolOf('\r'), '\r');
  assert.equal(eolOf('甲乙'), '\n');
  assert.equal(eolOf(''), '\n');
});

test('invisible-chars: an invisible character inside a paid marker is found', () => {
  const text = '正文##paid\u200bbegin##付费内容##paidend##\n';
  assert.equal(check(text, 'invisible-chars').length, 1);
});

// ---------------------------------------------------------------- odd-space

test('odd-space: unusual spaces become ideographic spaces between Chinese, ordinary spaces elsewhere', () => {
  const text = '国务院总理\u2002李强\n增长\u00a015%，done\u2003well。\n';
  const ps = check(text, 'odd-space');
  assert.deepEqual(spans(text, ps), ['\u2002', '\u00a0', '\u2003']);
  assert.match(ps[0].message.zh, /U\+2002/u);
  assert.equal(applyFix(text, ps[0]), '国务院总理\u3000李强\n增长\u00a015%，done\u2003well。\n');
  assert.equal(fixAll(text, DEFAULT_CONFIG, only('odd-space')).text, '国务院总理\u3000李强\n增长 15%，done well。\n');
});

test('odd-space: digit groups, no-break spaces in Latin text, indentation and ideographic spaces are left alone', () => {
  for (const text of ['共1\u2009000\u2009000元。\n', 'Hello\u00a0world.\n', '\u2003\u2003全年工作如下。\n', '国务院总理\u3000李强\n']) {
    assert.deepEqual(check(text, 'odd-space'), [], JSON.stringify(text));
  }
});

// ---------------------------------------------------------------- together

test('words: metadata', () => {
  const want: Record<string, [string, boolean]> = {
    'misused-word': ['warning', true],
    'user-dictionary': ['warning', true],
    'doubled-char': ['warning', true],
    'doubled-word': ['warning', true],
    'cjk-space': ['info', true],
    'invisible-chars': ['warning', true],
    'odd-space': ['info', true],
  };
  for (const id of WORDS) {
    const rule = RULES_BY_ID.get(id);
    assert.ok(rule, id);
    assert.equal(rule.meta.category, 'words');
    assert.deepEqual([rule.meta.defaultSeverity, rule.meta.fixable], want[id], id);
    assert.ok(rule.meta.title.zh && rule.meta.title.en && rule.meta.description.zh && rule.meta.description.en);
  }
});

test('words: fix-all over a messy document settles and is idempotent', () => {
  const text = [
    '二〇二三年个人述职报告',
    '各位领导：',
    '一年来，我们再接再励，精兵减政，我们的的工作取得\u200b新成效。',
    '一、主要工作',
    '全年增长 15%，学习和和实践相结合，工作中深 入开展调研。',
    '国务院总理\u2002李强\u2028以上报告，请予审议。',
    '',
  ].join('\r\n');
  const mine = only(...WORDS);
  const first = fixAll(text, DEFAULT_CONFIG, mine);
  assert.equal(
    first.text,
    [
      '二〇二三年个人述职报告',
      '各位领导：',
      '一年来，我们再接再厉，精兵简政，我们的工作取得新成效。',
      '一、主要工作',
      '全年增长15%，学习和实践相结合，工作中深入开展调研。',
      '国务院总理\u3000李强',
      '以上报告，请予审议。',
      '',
    ].join('\r\n'),
  );
  assert.deepEqual(fixAll(first.text, DEFAULT_CONFIG, mine).edits, []);
});

test('words: odd input never throws', () => {
  const settings = { dictionary: { a: 'b', 中: '' } };
  for (const text of ['', '\uFEFF', '\uD800 \uDC00', '的的\uD800', ' ', '\u200b', '\u2028', '中 '.repeat(3000), 'a'.repeat(5000)]) {
    for (const id of WORDS) check(text, id, settings);
  }
});
