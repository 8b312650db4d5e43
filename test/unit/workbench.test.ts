// The authoring core: renumbering headings, the next heading in context, phrases, paid-marker editing
// and moving between blanks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPhrases, nextHeadings, phraseSnippet, PHRASES } from '../../server/src/core/completion';
import { applyEdits } from '../../server/src/core/fix';
import { nextBlank } from '../../server/src/core/navigation';
import { eolOf, stripPaidMarkerEdits, textWithoutPaidMarkers, unwrapPaid, wrapPaid } from '../../server/src/core/paidEdit';
import { parse } from '../../server/src/core/parser';
import { renumberEdits } from '../../server/src/core/renumber';

const lines = (...l: string[]) => l.join('\n') + '\n';

function renumber(text: string, range?: { start: number; end: number }): string {
  return applyEdits(text, renumberEdits(parse(text), range));
}

/** The heading markers of a text, in order. */
function markers(text: string): string[] {
  return parse(text).headings.filter((h) => h.kind === 'numbered').map((h) => h.markerText);
}

// ---- renumber ----------------------------------------------------------------------------------------

const MESSY = lines(
  '2024年述职报告',
  '一年来，我认真履行岗位职责，现将有关情况报告如下：',
  '一、主要工作',
  '（一）抓学习。',
  '全年参加集中学习24次。',
  '（三）抓业务。',
  '1、优化流程。',
  '压缩办理时限。',
  '3.加强窗口建设。',
  '推行一窗受理。',
  '(五)抓作风。',
  '严格执行各项规定。',
  '三、存在的问题',
  '1. 学习不够深入。',
  '1. 创新意识不足。',
  '三、下一步打算',
  '（一）加强学习。',
  '继续加强理论学习，努力取得更好成绩。',
);

test('renumber: every level restarts under its parent and goes on in order', () => {
  const out = renumber(MESSY);
  assert.deepEqual(markers(out), ['一、', '（一）', '（二）', '1.', '2.', '（三）', '二、', '1.', '2.', '三、', '（一）']);
});

test('renumber: only the markers change, and the standard form is written', () => {
  const out = renumber(MESSY);
  const a = MESSY.split('\n');
  const b = out.split('\n');
  assert.equal(a.length, b.length);
  assert.equal(b[6], '1.优化流程。');
  assert.equal(b[10], '（三）抓作风。');
  assert.equal(b[13], '1. 学习不够深入。');
  // Lines without headings are untouched.
  for (const i of [0, 1, 4, 7, 9, 11, 17]) assert.equal(b[i], a[i]);
});

test('renumber: applying it again changes nothing (idempotent)', () => {
  const once = renumber(MESSY);
  assert.deepEqual(renumberEdits(parse(once)), []);
  assert.equal(renumber(once), once);
});

test('renumber: numbering restarts after an unnumbered part title', () => {
  const text = lines(
    '政府工作报告',
    '2023年工作回顾',
    '一、经济运行稳中向好，全年地区生产总值增长百分之五点二，各项指标好于预期。',
    '二、改革开放持续深化，重点领域改革取得新的突破，营商环境进一步优化提升。',
    '2024年重点工作',
    '一、着力扩大有效需求，坚持投资和消费协同发力，推动经济持续回升向好。',
    '三、着力推进乡村振兴，深入实施农业农村现代化建设行动，促进农民增收。',
  );
  assert.deepEqual(markers(renumber(text)), ['一、', '二、', '一、', '二、']);
});

test('renumber: a level numbered continuously across parents stays continuous', () => {
  const text = lines(
    '一、主要工作',
    '1.抓学习。',
    '2.抓业务。',
    '二、存在问题',
    '3.学习不够。',
    '5.创新不足。',
    '三、下一步打算',
    '6.加强学习。',
  );
  assert.deepEqual(markers(renumber(text)), ['一、', '1.', '2.', '二、', '3.', '4.', '三、', '5.']);
  assert.equal(renumber(renumber(text)), renumber(text));
});

test('renumber: only the headings inside a range, numbered from the whole document', () => {
  const text = lines('一、甲', '正文。', '二、乙', '正文。', '四、丙', '正文。', '五、丁', '正文。');
  const start = text.indexOf('四、');
  const out = renumber(text, { start, end: start + 4 });
  assert.deepEqual(markers(out), ['一、', '二、', '三、', '五、']);
  // A range covering the last two lines of headings.
  const out2 = renumber(text, { start, end: text.length });
  assert.deepEqual(markers(out2), ['一、', '二、', '三、', '四、']);
  // An empty range stands for the heading it is in.
  const at = text.indexOf('五、') + 1;
  assert.deepEqual(markers(renumber(text, { start: at, end: at })), ['一、', '二、', '四、', '四、']);
});

test('renumber: a 1、 followed by a digit keeps its 顿号', () => {
  const text = lines('一、工作', '1、完成任务。', '2、2024年计划。');
  assert.deepEqual(markers(text), ['一、', '1、', '2、']);
  assert.deepEqual(markers(renumber(text)), ['一、', '1.', '2、']);
});

test('renumber: nothing to do in a report without headings or already in order', () => {
  assert.deepEqual(renumberEdits(parse('')), []);
  assert.deepEqual(renumberEdits(parse('只有一段正文。')), []);
  assert.deepEqual(renumberEdits(parse(lines('一、甲', '（一）乙', '1.丙', '（1）丁', '二、戊'))), []);
});

// ---- next heading ----------------------------------------------------------------------------------------

test('next heading: after 二、 comes 三、', () => {
  const text = lines('一、甲', '正文。', '二、乙', '正文。', '');
  const s = nextHeadings(parse(text), text.length);
  assert.equal(s[0].marker, '三、');
  assert.equal(s[0].relation, 'next');
  assert.equal(s[1].marker, '（一）');
  assert.equal(s[1].relation, 'child');
});

test('next heading: inside （三） come （四） and 1., then the next top-level heading', () => {
  const text = lines('一、甲', '（一）子。', '（二）子。', '（三）子。', '正文。', '');
  const s = nextHeadings(parse(text), text.length);
  assert.deepEqual(s.map((x) => x.marker), ['（四）', '1.', '二、']);
  assert.deepEqual(s.map((x) => x.level), [2, 3, 1]);
});

test('next heading: at the top of a report, and after a part title', () => {
  assert.deepEqual(nextHeadings(parse('标题\n'), 3).map((x) => x.marker), ['一、']);
  const text = lines('2024年重点工作', '我们将着力扩大有效需求，推动经济持续回升向好，为此要做好以下工作。', '');
  assert.deepEqual(nextHeadings(parse(text), text.length).map((x) => x.marker), ['一、']);
});

test('next heading: only headings before the offset count', () => {
  const text = lines('一、甲', '正文。', '二、乙', '正文。');
  const at = text.indexOf('二、');
  assert.equal(nextHeadings(parse(text), at)[0].marker, '二、');
});

test('next heading: a continuous level goes on in a new parent; a skipped level stays skipped', () => {
  const text = lines('一、甲', '1.子。', '2.子。', '二、乙', '3.子。', '三、丙', '');
  const s = nextHeadings(parse(text), text.length);
  assert.deepEqual(s.map((x) => x.marker), ['四、', '4.']);
  const restart = lines('一、甲', '1.子。', '2.子。', '二、乙', '1.子。', '三、丙', '');
  assert.deepEqual(nextHeadings(parse(restart), restart.length).map((x) => x.marker), ['四、', '1.']);
});

// ---- phrases -------------------------------------------------------------------------------------------

test('phrases: found by pinyin initials', () => {
  assert.ok(matchPhrases('ynl').some((m) => m.phrase.label.startsWith('一年来')));
  const closing = matchPhrases('以上工作，ysbg');
  assert.deepEqual(closing.map((m) => m.phrase.label), ['以上报告，请予审议。']);
  assert.equal(closing[0].query.start, '以上工作，'.length);
  assert.ok(matchPhrases('YNL').length > 0, 'upper case works too');
});

test('phrases: found by their Chinese start', () => {
  const m = matchPhrases('我们一年来');
  assert.ok(m.length > 0);
  assert.ok(m.every((x) => x.phrase.label.startsWith('一年来')));
  assert.equal(m[0].query.text, '一年来');
  assert.deepEqual(matchPhrases('存在的问').map((x) => x.phrase.label), ['存在的问题和不足', '存在的问题和不足主要有：一是……；二是……；三是……。']);
});

test('phrases: not inside words, numbers or addresses, and one letter only when asked', () => {
  assert.deepEqual(matchPhrases('http://ynl'), []);
  assert.deepEqual(matchPhrases('3ynl'), []);
  assert.deepEqual(matchPhrases('y'), []);
  assert.ok(matchPhrases('y', true).length > 0);
  assert.equal(matchPhrases('', true).length, PHRASES.length);
  assert.deepEqual(matchPhrases(''), []);
});

test('phrases: the date phrase writes today', () => {
  const date = PHRASES.find((p) => p.keys.includes('nyr'))!;
  assert.equal(phraseSnippet(date, new Date(2025, 2, 5)), '${1:2025}年${2:3}月${3:5}日');
});

test('phrases: keys are lower-case initials, one per Han character of the label', () => {
  for (const p of PHRASES) {
    const han = [...p.label].filter((c) => /\p{Script=Han}/u.test(c)).length;
    assert.match(p.keys[0], /^[a-z]+$/u, p.label);
    assert.equal(p.keys[0].length, han, `${p.label}: ${p.keys[0]}`);
  }
});

// ---- paid markers --------------------------------------------------------------------------------------

function wrap(text: string, start: number, end: number): string {
  const r = wrapPaid(parse(text), start, end);
  assert.ok(r.ok, 'wrapped');
  return applyEdits(text, r.edits);
}

test('wrap: whole lines get markers on lines of their own', () => {
  const text = lines('一、甲', '正文一。', '正文二。', '二、乙');
  const start = text.indexOf('正文一');
  const end = text.indexOf('二、');
  assert.equal(wrap(text, start, end), lines('一、甲', '##paidbegin##', '正文一。', '正文二。', '##paidend##', '二、乙'));
  // Ending at the end of the line (not past its break) is whole lines too.
  assert.equal(wrap(text, start, text.indexOf('正文二') + 4), lines('一、甲', '##paidbegin##', '正文一。', '正文二。', '##paidend##', '二、乙'));
});

test('wrap: a part of a line gets markers inline; an empty range takes its line', () => {
  const text = lines('正文一，付费部分。');
  const s = text.indexOf('付费');
  assert.equal(wrap(text, s, s + 5), lines('正文一，##paidbegin##付费部分。##paidend##'));
  assert.equal(wrap(text, 2, 2), lines('##paidbegin##', '正文一，付费部分。', '##paidend##'));
});

test('wrap: keeps CRLF, the last line without a break, and the document’s marker family', () => {
  const crlf = '甲。\r\n乙。';
  assert.equal(eolOf(crlf), '\r\n');
  assert.equal(wrap(crlf, 0, crlf.length), '##paidbegin##\r\n甲。\r\n乙。\r\n##paidend##');
  const dollars = '甲$$paidbegin$$乙$$paidend$$。\n丙丁。\n';
  assert.equal(wrap(dollars, dollars.indexOf('丙'), dollars.indexOf('丁')), '甲$$paidbegin$$乙$$paidend$$。\n$$paidbegin$$丙$$paidend$$丁。\n');
});

test('wrap: refuses blank ranges and ranges already paid; merges overlapped regions', () => {
  const text = lines('甲。', '##paidbegin##', '乙。', '##paidend##', '丙。');
  const model = parse(text);
  assert.deepEqual(wrapPaid(model, text.indexOf('乙'), text.indexOf('乙') + 1), { ok: false, reason: 'inside' });
  assert.deepEqual(wrapPaid(parse('甲\n\n乙'), 2, 3), { ok: false, reason: 'empty' });
  // From 甲 to the end of 乙: the region grows to start at 甲.
  const merged = wrap(text, 0, text.indexOf('乙') + 2);
  assert.equal(merged, lines('##paidbegin##', '甲。', '乙。', '##paidend##', '丙。'));
  const all = wrap(text, 0, text.length);
  assert.equal(all, lines('##paidbegin##', '甲。', '乙。', '丙。', '##paidend##'));
  assert.equal(parse(all).paidIssues.length, 0);
});

test('wrap: a range reaching out of a region extends it, inline or by lines', () => {
  const lined = lines('甲。', '##paidbegin##', '乙。', '##paidend##', '丙。');
  assert.equal(wrap(lined, lined.indexOf('乙'), lined.indexOf('丙') + 2), lines('甲。', '##paidbegin##', '乙。', '丙。', '##paidend##'));
  const inline = '甲乙##paidbegin##丙丁##paidend##戊己';
  assert.equal(wrap(inline, 1, inline.indexOf('丙') + 1), '甲##paidbegin##乙丙丁##paidend##戊己');
  assert.equal(wrap(inline, inline.indexOf('丁'), inline.length - 1), '甲乙##paidbegin##丙丁戊##paidend##己');
});

test('unwrap: removes the pair around the offset, marker lines with their line', () => {
  const text = lines('甲。', '##paidbegin##', '乙。', '##paidend##', '丙##paidbegin##丁##paidend##。');
  const model = parse(text);
  assert.equal(applyEdits(text, unwrapPaid(model, text.indexOf('乙'))!), lines('甲。', '乙。', '丙##paidbegin##丁##paidend##。'));
  assert.equal(applyEdits(text, unwrapPaid(model, text.indexOf('丁'))!), lines('甲。', '##paidbegin##', '乙。', '##paidend##', '丙丁。'));
  // On a marker itself.
  assert.equal(applyEdits(text, unwrapPaid(model, text.indexOf('##paidend##') + 3)!), lines('甲。', '乙。', '丙##paidbegin##丁##paidend##。'));
  assert.equal(unwrapPaid(model, 0), null);
});

test('unwrap: a final marker line goes with the break before it; a stray marker alone', () => {
  const text = '甲。\n##paidbegin##\n乙。\n##paidend##';
  assert.equal(applyEdits(text, unwrapPaid(parse(text), 5)!), '甲。\n乙。');
  const stray = '甲。##paidend##乙。';
  assert.equal(applyEdits(stray, unwrapPaid(parse(stray), 4)!), '甲。乙。');
});

test('strip: every marker goes, own-line ones with their line', () => {
  const text = lines('甲##paidbegin##乙。', '##pagebreak##', '丙。', '##paidend##   ', '  ##paidbegin## ##paidend##', '丁。');
  assert.equal(textWithoutPaidMarkers(parse(text)), lines('甲乙。', '丙。', '丁。'));
  assert.equal(textWithoutPaidMarkers(parse('无标记。')), '无标记。');
  const last = '甲。\n##paidbegin##\n乙。\n##paidend##';
  assert.equal(textWithoutPaidMarkers(parse(last)), '甲。\n乙。');
  assert.equal(applyEdits(last, stripPaidMarkerEdits(parse(last))), '甲。\n乙。');
  assert.equal(textWithoutPaidMarkers(parse('##paidbegin##\n##paidend##')), '');
});

// ---- blanks --------------------------------------------------------------------------------------------

test('next blank: forward and back, wrapping around', () => {
  const text = '完成xx项，增长x%，排名第xx名。';
  const model = parse(text);
  const at = (s: string) => text.indexOf(s);
  const a = nextBlank(model, 0, 'next')!;
  assert.deepEqual([a.blank.start, a.index, a.total, a.wrapped], [at('xx项'), 1, 3, false]);
  // From the end of a selected blank to the next.
  const b = nextBlank(model, a.blank.end, 'next')!;
  assert.equal(b.blank.start, at('x%'));
  const c = nextBlank(model, text.length, 'next')!;
  assert.deepEqual([c.index, c.wrapped], [1, true]);
  const d = nextBlank(model, b.blank.start, 'previous')!;
  assert.deepEqual([d.blank.start, d.wrapped], [at('xx项'), false]);
  const e = nextBlank(model, 0, 'previous')!;
  assert.deepEqual([e.index, e.wrapped], [3, true]);
  assert.equal(nextBlank(parse('没有空白。'), 0, 'next'), null);
});
