import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { PUNCTUATION_RULES } from '../../server/src/core/rules/punctuation';
import { applyFix, check, fixAll, rethrow, spans } from './helpers';

const IDS = new Set(PUNCTUATION_RULES.map((r) => r.meta.id));
const config = resolveConfig({ rules: Object.fromEntries([...IDS].map((id) => [id, 'warning'])) });

/** Fix-all with the punctuation rules only; asserts that a second run changes nothing. */
function fixPunctuation(text: string, only?: string): string {
  const filter = (p: { rule: string }) => (only ? p.rule === only : IDS.has(p.rule));
  const once = fixAll(text, config, filter).text;
  const twice = fixAll(once, config, filter).text;
  assert.equal(twice, once, 'fix-all is not idempotent');
  return once;
}

/** Every punctuation rule's problems on a text. */
function all(text: string) {
  return lint(parse(text), config, { onRuleError: rethrow }).filter((p) => IDS.has(p.rule));
}

// ---------------------------------------------------------------- catalogue

test('punctuation rules: metadata is complete and bilingual', () => {
  assert.equal(PUNCTUATION_RULES.length, 9);
  for (const r of PUNCTUATION_RULES) {
    assert.match(r.meta.id, /^[a-z]+(?:-[a-z]+)*$/);
    assert.equal(r.meta.category, 'punctuation');
    for (const m of [r.meta.title, r.meta.description]) {
      assert.ok(/\p{Script=Han}/u.test(m.zh), `${r.meta.id}: zh text`);
      assert.ok(/[a-z]/.test(m.en) && !/\p{Script=Han}{3}/u.test(m.en.replace(/“[^”]*”|`[^`]*`|\([^)]*\)|[《》“”]/g, '')), `${r.meta.id}: en text`);
    }
    assert.equal(r.meta.fixable, true);
  }
});

// ---------------------------------------------------------------- punct-halfwidth

test('punct-halfwidth: a comma between Han characters', () => {
  const text = '我们新建了三所学校,让孩子就近上学。';
  const ps = check(text, 'punct-halfwidth');
  assert.deepEqual(spans(text, ps), [',']);
  assert.equal(ps[0].message.zh, '中文里用了半角“,”，应为全角“，”。');
  assert.equal(applyFix(text, ps[0]), '我们新建了三所学校，让孩子就近上学。');
});

test('punct-halfwidth: next to the full-width mark it stands for, the fix removes it (no doubled mark)', () => {
  for (const [text, fixed] of [
    ['主要措施:：一是加强学习。', '主要措施：一是加强学习。'],
    ['我们新建了学校，,让孩子就近上学。', '我们新建了学校，让孩子就近上学。'],
  ]) {
    const ps = check(text, 'punct-halfwidth');
    assert.equal(ps.length, 1, text);
    assert.match(ps[0].fixes[0].title.en, /Remove the extra/);
    assert.equal(applyFix(text, ps[0]), fixed);
  }
  // Not next to it: converted as usual.
  const ps = check('主要措施:一是加强学习。', 'punct-halfwidth');
  assert.equal(applyFix('主要措施:一是加强学习。', ps[0]), '主要措施：一是加强学习。');
});

test('punct-halfwidth: after a closing quote, before Latin, after Latin, at the end', () => {
  const text = '落实“十条措施”,优化环境。重构了render.js,减少重复代码。提升了效率,React组件更快。我们要继续奋斗!';
  const ps = check(text, 'punct-halfwidth');
  assert.deepEqual(spans(text, ps), [',', ',', ',', '!']);
  assert.equal(fixPunctuation(text, 'punct-halfwidth'), '落实“十条措施”，优化环境。重构了render.js，减少重复代码。提升了效率，React组件更快。我们要继续奋斗！');
});

test('punct-halfwidth: semicolons, colons, question marks; the blank after the mark goes too', () => {
  const text = '一是抓项目; 二是抓招商。联系地址:北京市。这是为什么?我们要问。';
  const ps = check(text, 'punct-halfwidth');
  assert.deepEqual(spans(text, ps), [';', ':', '?']);
  assert.deepEqual(ps[0].fixes[0].edits, [{ start: 5, end: 7, text: '；' }]);
  assert.equal(fixPunctuation(text, 'punct-halfwidth'), '一是抓项目；二是抓招商。联系地址：北京市。这是为什么？我们要问。');
});

test('punct-halfwidth: Markdown emphasis and paid markers are transparent', () => {
  const text = '1. **完成架构升级**,将项目升级至新版本。\n严格要求##paidbegin##,认真执行。\n##paidend##\n';
  const ps = check(text, 'punct-halfwidth');
  assert.deepEqual(spans(text, ps), [',', ',']);
});

test('punct-halfwidth: a pair of parentheses around Chinese text is converted as a pair', () => {
  const text = '他写了一本书(最初名叫《试作》)，后来出版了。';
  const ps = check(text, 'punct-halfwidth');
  assert.equal(ps.length, 1);
  assert.equal(spans(text, ps)[0], '(最初名叫《试作》)');
  assert.equal(applyFix(text, ps[0]), '他写了一本书（最初名叫《试作》），后来出版了。');
});

test('punct-halfwidth: a comma after a converted parenthesis is Chinese text too', () => {
  const text = '开发了常用模板(如数据卡片、图表容器),方便配置。';
  assert.equal(fixPunctuation(text, 'punct-halfwidth'), '开发了常用模板（如数据卡片、图表容器），方便配置。');
});

test('punct-halfwidth: a half-width parenthesis paired with a full-width one', () => {
  const text = '全年完成投资（含续建项目)，超额完成任务。';
  const ps = check(text, 'punct-halfwidth');
  assert.deepEqual(spans(text, ps), [')']);
  assert.equal(applyFix(text, ps[0]), '全年完成投资（含续建项目），超额完成任务。');
});

test('punct-halfwidth: a date in half-width parentheses under the title', () => {
  const text = '政府工作报告\n(2024年1月10日)\n各位代表：\n现在我代表市人民政府作报告。\n';
  const ps = check(text, 'punct-halfwidth');
  assert.equal(spans(text, ps)[0], '(2024年1月10日)');
});

test('punct-halfwidth: quiet on numbers, times, decimals, URLs, e-mail, English, code, Latin parentheses', () => {
  for (const text of [
    '全年投资1,000亿元，增长8.1%。',
    '会议于8:00开始，比分为3:2。',
    '上午约10:30左右到达。',
    '详见https://example.com/a?x=1,2,3，欢迎访问。',
    '请发邮件至zhang.san@example.com，谢谢。',
    'He said: Hello, world! Is it right? Yes; it is.',
    '我们使用`$.merge(a,b)`合并对象。',
    '集成到手持机(PDA)设备中，支持消息类型(type)字段。',
    '样式单位(vw/vh)统一，尺寸(H5:180×140、Web:280×180)已定。',
    '支持Java,Python和Go三种语言。',
    '路径为C:\\Windows\\中文目录，已确认。',
    '页面地址&nbsp;首页。',
    '见图![示意图](https://example.com/a.png)所示。',
    '一是抓落实，二是抓创新[1]，三是抓队伍①。',
  ]) {
    assert.deepEqual(spans(text, check(text, 'punct-halfwidth')), [], text);
  }
});

test('punct-halfwidth: heading numbers in half-width parentheses are left to the heading rules', () => {
  const text = '一、总体情况\n(一)加强领导\n全年工作稳步推进。\n（二)狠抓落实\n全年工作稳步推进。\n';
  assert.deepEqual(check(text, 'punct-halfwidth'), []);
});

// ---------------------------------------------------------------- punct-unbalanced

test('punct-unbalanced: an unclosed quotation mark and a stray closing bracket', () => {
  const text = '坚持“两个毫不动摇，推动发展。\n全年完成投资）超额完成。\n';
  const ps = check(text, 'punct-unbalanced');
  assert.deepEqual(spans(text, ps), ['“', '）']);
  assert.equal(ps[0].message.zh, '前引号 “ 没有配对的后引号 ”。');
  assert.equal(ps[1].message.en, 'Closing parenthesis ） has no matching opening parenthesis （ before it.');
  assert.deepEqual(ps[0].fixes, []);
});

test('punct-unbalanced: title marks and square brackets', () => {
  const text = '学习《条例的精神，贯彻】要求。\n';
  assert.deepEqual(spans(text, check(text, 'punct-unbalanced')), ['《', '】']);
});

test('punct-unbalanced: a quotation mark written the wrong way round is fixed when certain', () => {
  const text = '坚决做到“两个维护“，自觉保持一致。\n';
  const ps = check(text, 'punct-unbalanced');
  assert.deepEqual(spans(text, ps), ['“']);
  assert.equal(ps[0].start, 9);
  assert.equal(applyFix(text, ps[0]), '坚决做到“两个维护”，自觉保持一致。\n');
  const text2 = '他说：”要把工作做实”。\n';
  const ps2 = check(text2, 'punct-unbalanced');
  assert.equal(ps2.length, 1);
  assert.equal(applyFix(text2, ps2[0]), '他说：“要把工作做实”。\n');
  assert.equal(fixPunctuation(text + text2, 'punct-unbalanced'), '坚决做到“两个维护”，自觉保持一致。\n他说：“要把工作做实”。\n');
});

test('punct-unbalanced: one quotation typed with the same mark twice is one problem, at the reversed mark', () => {
  // The second mark is followed by Han, so which way it should face is not certain: no fix, but one warning.
  const text = '开展了学习“两会精神“的主题会。\n';
  const ps = check(text, 'punct-unbalanced');
  assert.equal(ps.length, 1);
  assert.equal(ps[0].start, text.lastIndexOf('“'));
  assert.equal(ps[0].message.zh, '两个前引号 “ 之间没有后引号：这个 “ 多半应为 ”。');
  assert.deepEqual(ps[0].fixes, []);
  const closing = '开展了学习”两会精神”的主题会。\n';
  const pc = check(closing, 'punct-unbalanced');
  assert.equal(pc.length, 1);
  assert.equal(pc[0].start, closing.indexOf('”'));
  // Still every mark when there are more of them, or of different kinds.
  const three = '提出“一个中心“两个基本点“的思路。\n';
  assert.equal(check(three, 'punct-unbalanced').length, 3);
  const mixed = '坚持“两个毫不动摇，学习《条例的精神。\n';
  assert.deepEqual(spans(mixed, check(mixed, 'punct-unbalanced')), ['“', '《']);
});

test('punct-unbalanced: a quotation over several paragraphs, opening each and closing the last', () => {
  const text = '他在信中写道：\n“第一段引文，讲发展。\n“第二段引文，讲改革。\n“第三段引文，讲民生。”\n下一段正文。\n';
  assert.deepEqual(check(text, 'punct-unbalanced'), []);
  // Never closed: the last paragraph's opening mark is reported.
  const open = '他在信中写道：\n“第一段引文，讲发展。\n“第二段引文，讲改革。\n下一段正文。\n';
  assert.deepEqual(spans(open, check(open, 'punct-unbalanced')), ['“']);
  assert.equal(check(open, 'punct-unbalanced')[0].start, open.indexOf('“第二'));
});

test('punct-unbalanced: a bracket or quotation broken over two lines is accepted', () => {
  const text = '全年完成投资（含\n续建项目），超额完成。他说“要\n抓落实”。\n';
  assert.deepEqual(check(text, 'punct-unbalanced'), []);
});

test('punct-unbalanced: quiet on balanced, nested and list-numbered text, apostrophes, smileys', () => {
  for (const text of [
    '（2017年10月18日）\n',
    '他说：“要发扬‘钉钉子’精神。”\n',
    '学习《关于〈条例〉的说明》和【附件】。\n',
    '主要做法：1）抓项目；2）抓招商；a）抓服务。\n',
    '1）代码的可读性\n2）单元划分\n',
    'It’s the users’ choice, don’t worry.\n',
    '开发的时间已不远了：）同时继续努力。\n',
    '全年完成投资（含续建项目)，超额完成。\n',
    '一、总体情况\n（一）加强领导\n',
  ]) {
    assert.deepEqual(spans(text, check(text, 'punct-unbalanced')), [], text);
  }
});

// ---------------------------------------------------------------- punct-straight-quotes

test('punct-straight-quotes: a quotation opened straight and closed curly is one problem, made “…”', () => {
  const text = "全镇锚定'两个确保“，围绕'九大战略“，实施\"三个一”工程，紧扣'1222“布局。\n";
  const ps = check(text, 'punct-straight-quotes');
  assert.deepEqual(spans(text, ps), ["'两个确保“", "'九大战略“", '"三个一”', "'1222“"]);
  assert.equal(ps[0].message.zh, "引号前后不一致：'…“，应改为“…”。");
  assert.equal(fixPunctuation(text, 'punct-straight-quotes'), '全镇锚定“两个确保”，围绕“九大战略”，实施“三个一”工程，紧扣“1222”布局。\n');
  // The curly ends are not reported again as unbalanced.
  assert.deepEqual(check(text, 'punct-unbalanced'), []);
  // Still: straight pairs, a real quotation opened curly, and a ” closing an open “.
  const straight = "他说\"要抓落实\"，又说'钉钉子'精神。\n";
  assert.deepEqual(spans(straight, check(straight, 'punct-straight-quotes')), ['"要抓落实"', "'钉钉子'"]);
  const curly = "学习'周五大学堂'和“两个维护”。\n";
  assert.deepEqual(spans(curly, check(curly, 'punct-straight-quotes')), ["'周五大学堂'"]);
  assert.deepEqual(check(curly, 'punct-unbalanced'), []);
  const nested = '他说“要发扬\'钉钉子”精神。\n';
  assert.equal(check(nested, 'punct-straight-quotes').every((p) => p.end - p.start === 1), true);
});

test('punct-straight-quotes: pairs in order, double and single', () => {
  const text = '提出"两个维护"和"四个意识"的要求，发扬\'钉钉子\'精神。';
  const ps = check(text, 'punct-straight-quotes');
  assert.deepEqual(spans(text, ps), ['"两个维护"', '"四个意识"', "'钉钉子'"]);
  assert.equal(ps[0].message.zh, '中文里用了直引号"…"，应改为“…”。');
  assert.equal(applyFix(text, ps[0]), '提出“两个维护”和"四个意识"的要求，发扬\'钉钉子\'精神。');
  assert.equal(fixPunctuation(text, 'punct-straight-quotes'), '提出“两个维护”和“四个意识”的要求，发扬‘钉钉子’精神。');
});

test('punct-straight-quotes: Latin words quoted in Chinese text, nested quotes', () => {
  const text = '点击"Save"按钮，他说"要发扬\'实干\'精神"。';
  assert.equal(fixPunctuation(text, 'punct-straight-quotes'), '点击“Save”按钮，他说“要发扬‘实干’精神”。');
});

test('punct-straight-quotes: an odd number of quotes is reported without a fix', () => {
  const text = '他说"要抓好落实，确保完成任务。';
  const ps = check(text, 'punct-straight-quotes');
  assert.deepEqual(spans(text, ps), ['"']);
  assert.deepEqual(ps[0].fixes, []);
  assert.equal(fixPunctuation(text, 'punct-straight-quotes'), text);
});

test('punct-straight-quotes: quiet on English, code, apostrophes, inch and foot marks', () => {
  for (const text of [
    'The library "cncrypto" is on Gitee. Let\'s do it.',
    'He said "hello" to me.',
    '屏幕为6"，重量5\'，均达标。',
    '配置为`{"name": "张三"}`即可。',
    '数据格式{"name":"张三"}已确认。',
    'He wrote "你好" on the board.',
  ]) {
    assert.deepEqual(spans(text, check(text, 'punct-straight-quotes')), [], text);
  }
});

// ---------------------------------------------------------------- punct-repeated

test('punct-repeated: doubled stops are collapsed', () => {
  const text = '任务完成。。继续推进，，确保实效、、稳步推进；；要求如下：：';
  const ps = check(text, 'punct-repeated');
  assert.deepEqual(spans(text, ps), ['。。', '，，', '、、', '；；', '：：']);
  assert.equal(ps[0].message.zh, '标点“。。”重复，应为“。”。');
  assert.deepEqual(ps[0].fixes[0].edits, [{ start: 5, end: 6, text: '' }]);
  assert.equal(fixPunctuation(text, 'punct-repeated'), '任务完成。继续推进，确保实效、稳步推进；要求如下：');
});

test('punct-repeated: quiet on ellipses, dashes, repeated exclamation and question marks', () => {
  for (const text of ['他说……然后离开。', '发展——这是第一要务。', '团结奋斗！！共同进步！', '真的吗？？', '传说。。。']) {
    assert.deepEqual(check(text, 'punct-repeated'), [], text);
  }
});

// ---------------------------------------------------------------- punct-ellipsis

test('punct-ellipsis: single …, ..., 。。。, ··· become ……', () => {
  const text = '包括教育、医疗…等。只是个传说...后来又说。。。还有···等等。';
  const ps = check(text, 'punct-ellipsis');
  assert.deepEqual(spans(text, ps), ['…', '...', '。。。', '···']);
  assert.equal(ps[1].message.zh, '省略号应写作“……”，不是“...”。');
  assert.equal(fixPunctuation(text, 'punct-ellipsis'), '包括教育、医疗……等。只是个传说……后来又说……还有……等等。');
});

test('punct-ellipsis: „„ left by a word processor in Chinese text becomes ……, a German „ does not', () => {
  const text = '在阵营上推开了群众„„ 虽然如此。\n';
  const ps = check(text, 'punct-ellipsis');
  assert.deepEqual(spans(text, ps), ['„„']);
  assert.equal(fixPunctuation(text, 'punct-ellipsis'), '在阵营上推开了群众…… 虽然如此。\n');
  for (const quiet of ['Er sagte „Hallo“ und ging.\n', '引用德语 „Wort“ 一词。\n', 'Zitat „„doppelt“ hier.\n']) {
    assert.deepEqual(spans(quiet, check(quiet, 'punct-ellipsis')), [], quiet);
  }
});

test('punct-ellipsis: quiet on English, ranges, code, leaders and proper ellipses', () => {
  for (const text of [
    'Wait... what? And then… nothing.',
    '取值范围为1...10，已确认。',
    '调用`fn(...args)`即可。',
    '第一章 总则........3',
    '他说……然后离开；引文…………省略两段。',
    '访问https://example.com/a...b，已确认。',
    '支持App...等平台。',
  ]) {
    assert.deepEqual(spans(text, check(text, 'punct-ellipsis')), [], text);
  }
});

// ---------------------------------------------------------------- punct-dash

test('punct-dash: --, a single — beside a comma, a — opening a line become ——', () => {
  const text = '一是抓项目--这是关键。我们的目标，—建成强市。\n—2024年1月10日在市人大会议上\n发展 -- 改革，两手抓。';
  const ps = check(text, 'punct-dash');
  assert.deepEqual(spans(text, ps), ['--', '—', '—', ' -- ']);
  assert.equal(ps[0].message.zh, '破折号应写作“——”，不是“--”。');
  assert.equal(fixPunctuation(text, 'punct-dash'), '一是抓项目——这是关键。我们的目标，——建成强市。\n——2024年1月10日在市人大会议上\n发展——改革，两手抓。');
});

test('punct-dash: full-width hyphens and horizontal bars between Chinese', () => {
  const text = '发展－－这是第一要务。改革――这是动力。';
  assert.equal(fixPunctuation(text, 'punct-dash'), '发展——这是第一要务。改革——这是动力。');
});

test('punct-dash: quiet on connectors, ranges, page footers, Markdown, comments, proper dashes', () => {
  for (const text of [
    '推进“甲—乙—丙”区域协同，打造中国—中亚合作平台。',
    '规划（2021—2035年）已经批准。',
    '全面落实 — 12 — 各项任务。',
    '— 3 —\n',
    '—4—\n',
    '---\n',
    '<!-- 目录 -->\n',
    '发展——这是第一要务。',
    '日期为2024-01-10，编号A-12。',
    '├──文件夹\n',
    'A -- B is an arrow.',
  ]) {
    assert.deepEqual(spans(text, check(text, 'punct-dash')), [], text);
  }
});

// ---------------------------------------------------------------- punct-dun-between-titles

test('punct-dun-between-titles: the comma between title and quotation marks', () => {
  const text = '学习《条例》、《准则》，树立“四个意识”、“两个维护”。';
  const ps = check(text, 'punct-dun-between-titles');
  assert.deepEqual(spans(text, ps), ['、', '、']);
  assert.equal(ps[0].start, 6);
  assert.equal(ps[0].message.zh, '并列的引号或书名号之间通常不用顿号：“》、《”可写作“》《”。');
  assert.equal(fixPunctuation(text, 'punct-dun-between-titles'), '学习《条例》《准则》，树立“四个意识”“两个维护”。');
});

test('punct-dun-between-titles: a hint by default; quiet when a note stands between the items', () => {
  const rule = PUNCTUATION_RULES.find((r) => r.meta.id === 'punct-dun-between-titles')!;
  assert.equal(rule.meta.defaultSeverity, 'hint');
  for (const text of ['订有《人民日报》（海外版）、《光明日报》。', '提出“四个意识”，坚持“两个维护”。']) {
    assert.deepEqual(check(text, 'punct-dun-between-titles'), [], text);
  }
});

// ---------------------------------------------------------------- paragraph-end-punctuation

const REPORT = [
  '2023年度述职报告',
  '一年来，我认真履行职责，现将有关情况报告如下：',
  '一、坚持政治引领，提高站位。',
  '坚持把学习贯彻作为首要任务，对标对表、主动看齐，在推动“三件大事”、落实“五项任务”上持续用力',
  '二、聚焦发展主线，狠抓落实。',
  '1.全力推动产业升级。深入实施工业强市战略，培育优势产业集群，全年新增规上企业十二家',
  '2.强化创新驱动。加快数字经济发展，建成省级平台两个。',
  '以上报告，请予审议',
  '报告人：张某',
  '2024年1月10日',
  '',
].join('\n');

test('paragraph-end-punctuation: body, run-in and closing paragraphs without a final mark', () => {
  const ps = check(REPORT, 'paragraph-end-punctuation');
  assert.deepEqual(spans(REPORT, ps), ['力', '家', '议']);
  assert.equal(ps[0].message.zh, '段落没有结束标点，应在段末加“。”：…任务”上持续用力');
  assert.equal(applyFix(REPORT, ps[0]).split('\n')[3].slice(-6), '上持续用力。');
  const fixed = fixPunctuation(REPORT, 'paragraph-end-punctuation');
  assert.deepEqual(fixed.split('\n').slice(3, 8), [
    '坚持把学习贯彻作为首要任务，对标对表、主动看齐，在推动“三件大事”、落实“五项任务”上持续用力。',
    '二、聚焦发展主线，狠抓落实。',
    '1.全力推动产业升级。深入实施工业强市战略，培育优势产业集群，全年新增规上企业十二家。',
    '2.强化创新驱动。加快数字经济发展，建成省级平台两个。',
    '以上报告，请予审议。',
  ]);
});

test('paragraph-end-punctuation: a line standing for a first heading whose number was lost is left to heading-sequence', () => {
  const body = '一是持续夯实网格化管理，将全镇农户划分为529个网格，抓好网格员培训，抓实重点人群排查管控。\n';
  const text = `一、2022年工作总结\n抗疫情，奋力保障群众安全\n${body}（二）促增收，稳步推进农业产业发展\n${body}`;
  assert.deepEqual(check(text, 'paragraph-end-punctuation'), []);
  assert.equal(check(text, 'heading-sequence').length, 1);
  // With its number the list starts at 1: a bare line there is a sentence missing its full stop.
  const numbered = `一、2022年工作总结\n（一）抗疫情，奋力保障群众安全\n今年成效显著，群众满意\n${body}（二）促增收，稳步推进农业产业发展\n${body}`;
  assert.deepEqual(spans(numbered, check(numbered, 'paragraph-end-punctuation')), ['意']);
  // Not under a heading, or with no list going on at 2: still reported.
  const loose = `一、2022年工作总结\n${body}今年成效显著，群众满意\n${body}（二）促增收，稳步推进农业产业发展\n${body}`;
  assert.deepEqual(spans(loose, check(loose, 'paragraph-end-punctuation')), ['意']);
  const noList = `一、2022年工作总结\n今年成效显著，群众满意\n${body}二、2023年工作计划\n${body}`;
  assert.deepEqual(spans(noList, check(noList, 'paragraph-end-punctuation')), ['意']);
});

test('paragraph-end-punctuation: a paragraph that leads into a list calls for a colon', () => {
  const body = '今年围绕平台建设开展了大量工作，取得了一定成效，也发现了不少问题。';
  for (const list of [['1. 编译原理', '2. 语法糖'], ['- 编译原理', '- 语法糖'], ['1、编译原理', '2、语法糖']]) {
    const text = ['一、主要工作', body, '', '前端开发绕不开的几个话题，就是', '', ...list, '', '二、下一步计划', body, ''].join('\n');
    const ps = check(text, 'paragraph-end-punctuation');
    assert.equal(ps.length, 1, list[0]);
    assert.match(ps[0].message.zh, /应在段末加“：”/u);
    assert.ok(applyFix(text, ps[0]).includes('几个话题，就是：\n'));
  }
  // Before a section heading the paragraph closes with 。 as before.
  const text = ['年度工作总结', '', '一年来在领导的关心和同事的帮助下，较好地完成了各项任务', '', '一、主要工作', body, '二、下一步计划', body, ''].join('\n');
  const ps = check(text, 'paragraph-end-punctuation');
  assert.equal(ps.length, 1);
  assert.match(ps[0].message.zh, /应在段末加“。”/u);
});

test('paragraph-end-punctuation: after a closing quote; before a paid marker at the line end; CRLF', () => {
  const text = '工作总结\r\n正文第一段，围绕中心、服务大局，层层压实责任，一级抓一级、层层抓落实，把各项任务落到实处，坚持抓好“关键少数”\r\n正文第二段，严格执行各项要求##paidbegin##\r\n付费内容在这里，继续写。\r\n##paidend##\r\n';
  const ps = check(text, 'paragraph-end-punctuation');
  assert.deepEqual(spans(text, ps), ['”', '求']);
  assert.equal(
    fixPunctuation(text, 'paragraph-end-punctuation'),
    '工作总结\r\n正文第一段，围绕中心、服务大局，层层压实责任，一级抓一级、层层抓落实，把各项任务落到实处，坚持抓好“关键少数”。\r\n正文第二段，严格执行各项要求。##paidbegin##\r\n付费内容在这里，继续写。\r\n##paidend##\r\n',
  );
});

test('paragraph-end-punctuation: a half-width full stop after Han becomes 。', () => {
  const text = '工作总结\n全年任务全部完成，成效明显.\nThe work is done, and it works.\n增长幅度为8.\n';
  const ps = check(text, 'paragraph-end-punctuation');
  assert.deepEqual(spans(text, ps), ['.']);
  assert.equal(ps[0].message.zh, '段末用了半角“.”，应为“。”：…完成，成效明显.');
  assert.equal(fixPunctuation(text, 'paragraph-end-punctuation'), '工作总结\n全年任务全部完成，成效明显。\nThe work is done, and it works.\n增长幅度为8.\n');
});

test('paragraph-end-punctuation: accepted endings', () => {
  for (const text of [
    '全年工作稳步推进，成效明显。\n',
    '这是我们的目标！\n',
    '如何做好工作？\n',
    '主要做法如下：\n',
    '一是抓项目，二是抓招商；\n',
    '他说：“要抓落实。”\n',
    '全年完成任务（超额完成！）\n',
    '引文省略，如此等等……\n',
    'We shipped it, and it works.\n',
  ]) {
    assert.deepEqual(check(text, 'paragraph-end-punctuation'), [], text);
  }
});

test('paragraph-end-punctuation: quiet on titles, headings, labels, lists, URLs, English, notes, one-line documents', () => {
  for (const text of [
    '2024年工作总结\n一、主要工作\n全年工作稳步推进，成效明显。\n',
    '各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n',
    '全年工作稳步推进，成效明显。\n张某\n2024年1月10日\n',
    '联系地址：北京市朝阳区某路1号\n信息来源：市政府研究室\n',
    '**报告人**： 张某\n',
    '- 完成系统开发，上线新功能\n- 修复若干问题\n',
    '* 优化页面样式，提升体验\n',
    '1. 参加会议，确认方案。明确需要操作的数据表\n2. 编写接口，完成增删改查\n',
    '①完善制度，健全机制\n②加强队伍，提高素质\n',
    '本周工作如下：\n完成登录页面开发，修复两个问题\n完成接口联调，准备上线\n',
    '| 项目 | 进度，说明 |\n|---|---|\n',
    '详见网站：https://example.com/page\n',
    'We shipped it, and it works\n',
    '扫一扫在手机打开当前页\n',
    '（注：邮件列表原则上只供成员加入，不对外开放）\n',
    '第一段，' + '推进各项工作，'.repeat(300) + '继续推进 — 1 — 各项工作',
    '```\n代码注释，不检查\n```\n',
  ]) {
    assert.deepEqual(spans(text, check(text, 'paragraph-end-punctuation')), [], text);
  }
});

// ---------------------------------------------------------------- all together

test('punctuation rules: fix-all over a document is idempotent and touches only the mistakes', () => {
  const text = [
    '2024年工作总结',
    '一、主要工作',
    '全年新建学校三所,让孩子就近上学。。坚持"两个毫不动摇"，学习《条例》、《准则》',
    '改革--这是动力...继续推进(含续建项目)。',
    'He said: "Hello, world..." and left.',
    '',
  ].join('\n');
  const fixed = fixPunctuation(text);
  assert.equal(
    fixed,
    [
      '2024年工作总结',
      '一、主要工作',
      '全年新建学校三所，让孩子就近上学。坚持“两个毫不动摇”，学习《条例》《准则》。',
      '改革——这是动力……继续推进（含续建项目）。',
      'He said: "Hello, world..." and left.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(all(fixed), []);
});

test('punctuation rules: odd input never throws', () => {
  for (const text of ['', '\uFEFF', '\uD800,\uDC00', '"', '（', '”', '——', '...', '\r\n\r\n', '中,\uD83D', '“'.repeat(5000), '(中'.repeat(3000) + ')'.repeat(3000)]) {
    assert.doesNotThrow(() => all(text));
  }
});

test('punctuation rules: a large report is analysed in linear time', () => {
  const clean = '坚持稳中求进工作总基调，推动“高质量发展”取得新成效，学习《条例》《准则》，全年完成投资1,000亿元，增长8.1%。\n';
  const faulty = '全年新建学校三所,让孩子就近上学。。坚持"两个毫不动摇"，学习《条例》、《准则》……改革--动力(含续建项目)\n';
  const unit = clean.repeat(9) + faulty;
  const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
  const model = parse(text);
  lint(parse(unit), config, { only: IDS }); // warm up
  const t0 = performance.now();
  const ps = lint(model, config, { only: IDS });
  const ms = performance.now() - t0;
  assert.ok(ps.length > 10000);
  assert.ok(ms < 4000, `took ${ms} ms`); // linear: well under a second on an idle machine
});
