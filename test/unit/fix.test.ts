// Applying fixes: single edits, choosing non-overlapping fixes, composing rounds of edits, fix-all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { applyEdits, chooseFixes, composeEdits, fixAll } from '../../server/src/core/fix';
import type { Edit, Problem } from '../../server/src/core/rules/types';
import { Analysis } from '../../server/src/core/analysis';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';

// ---------------------------------------------------------------- applyEdits

test('applyEdits: applies edits in any order, insertions and deletions included', () => {
  const text = '全年工作取得成效。';
  assert.equal(applyEdits(text, []), text);
  assert.equal(
    applyEdits(text, [
      { start: 8, end: 9, text: '！' },
      { start: 0, end: 0, text: '一、' },
      { start: 2, end: 4, text: '' },
    ]),
    '一、全年取得成效！',
  );
  // Touching edits apply in order of position.
  assert.equal(applyEdits('abc', [{ start: 1, end: 2, text: 'X' }, { start: 2, end: 2, text: 'Y' }, { start: 0, end: 1, text: '' }]), 'XYc');
});

test('applyEdits: overlapping edits are refused', () => {
  assert.throws(() => applyEdits('abcdef', [{ start: 1, end: 4, text: '' }, { start: 3, end: 5, text: 'x' }]), /overlapping/);
});

// ---------------------------------------------------------------- chooseFixes

function problem(start: number, end: number, edits: Edit[], rule = 'r'): Problem {
  return {
    rule,
    start,
    end,
    severity: 'warning',
    message: { zh: '', en: '' },
    fixes: edits.length ? [{ title: { zh: '', en: '' }, edits }] : [],
  };
}

test('chooseFixes: first fix of each problem, in document order, skipping overlaps and touching edits', () => {
  const chosen = chooseFixes([
    problem(10, 12, [{ start: 10, end: 12, text: 'b' }]),
    problem(0, 3, [{ start: 0, end: 3, text: 'a' }]),
    problem(2, 5, [{ start: 2, end: 5, text: 'overlaps a' }]),
    problem(3, 4, [{ start: 3, end: 4, text: 'touches a' }]),
    problem(6, 6, []), // no fix
    problem(7, 8, [{ start: 7, end: 8, text: 'c' }]),
  ]);
  assert.deepEqual(chosen, [
    { start: 0, end: 3, text: 'a' },
    { start: 7, end: 8, text: 'c' },
    { start: 10, end: 12, text: 'b' },
  ]);
});

test('chooseFixes: only the first fix counts; a fix whose own edits touch is left out', () => {
  const p = problem(0, 2, [{ start: 0, end: 1, text: 'x' }]);
  p.fixes.push({ title: { zh: '', en: '' }, edits: [{ start: 5, end: 6, text: 'never' }] });
  const selfTouching = problem(10, 14, [{ start: 10, end: 12, text: '' }, { start: 12, end: 14, text: '' }]);
  const multi = problem(20, 30, [{ start: 29, end: 30, text: '}' }, { start: 20, end: 21, text: '{' }]);
  assert.deepEqual(chooseFixes([p, selfTouching, multi]), [
    { start: 0, end: 1, text: 'x' },
    { start: 20, end: 21, text: '{' },
    { start: 29, end: 30, text: '}' },
  ]);
  // A fix with several edits is taken whole or not at all.
  const blocked = chooseFixes([problem(0, 1, [{ start: 29, end: 30, text: ')' }]), multi]);
  assert.deepEqual(blocked, [{ start: 29, end: 30, text: ')' }]);
});

test('chooseFixes: the result never overlaps, whatever the problems', () => {
  const editArb = fc.tuple(fc.nat(40), fc.nat(5), fc.string({ maxLength: 2 })).map(([s, n, t]) => ({ start: s, end: s + n, text: t }));
  fc.assert(
    fc.property(fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (fixes) => {
      const chosen = chooseFixes(fixes.map((edits) => problem(Math.min(...edits.map((e) => e.start)), Math.max(...edits.map((e) => e.end)), edits)));
      for (let i = 1; i < chosen.length; i++) assert.ok(chosen[i - 1].end < chosen[i].start, JSON.stringify(chosen));
      applyEdits('x'.repeat(50), chosen);
    }),
  );
});

// ---------------------------------------------------------------- composeEdits

const CHARS = fc.constantFrom('a', 'b', '的', '\n', ' ');
const textArb = fc.string({ unit: CHARS, maxLength: 20 });

/** Random edits on a text of the given length: sorted, not overlapping (touching allowed), no two insertions at one place. */
function editsFor(len: number): fc.Arbitrary<Edit[]> {
  return fc
    .array(fc.tuple(fc.nat(len), fc.nat(len), fc.string({ unit: CHARS, maxLength: 3 })), { maxLength: 5 })
    .map((raw) => {
      const cands = raw
        .map(([a, b, t]) => ({ start: Math.min(a, b), end: Math.max(a, b), text: t }))
        .sort((x, y) => x.start - y.start || x.end - y.end);
      const out: Edit[] = [];
      let lastEnd = -1;
      let lastStart = -1;
      for (const e of cands) {
        if (e.start < lastEnd) continue;
        if (e.start === lastStart) continue;
        out.push(e);
        lastEnd = e.end;
        lastStart = e.start;
      }
      return out;
    });
}

/** A text and several rounds of edits, each on the text the previous rounds produced. */
const roundsArb = textArb.chain((original) =>
  fc.integer({ min: 1, max: 4 }).chain((n) => {
    let arb: fc.Arbitrary<{ texts: string[]; rounds: Edit[][] }> = fc.constant({ texts: [original], rounds: [] });
    for (let i = 0; i < n; i++) {
      arb = arb.chain(({ texts, rounds }) =>
        editsFor(texts[texts.length - 1].length).map((edits) => ({
          texts: [...texts, applyEdits(texts[texts.length - 1], edits)],
          rounds: [...rounds, edits],
        })),
      );
    }
    return arb;
  }),
);

test('composeEdits: composing rounds of edits equals applying them in sequence', () => {
  fc.assert(
    fc.property(roundsArb, ({ texts, rounds }) => {
      const original = texts[0];
      let composed: Edit[] = [];
      for (let i = 0; i < rounds.length; i++) composed = composeEdits(original, composed, rounds[i], texts[i]);
      assert.equal(applyEdits(original, composed), texts[texts.length - 1]);
      for (let i = 1; i < composed.length; i++) assert.ok(composed[i - 1].end <= composed[i].start, 'sorted, not overlapping');
      for (const e of composed) assert.notEqual(original.slice(e.start, e.end), e.text, 'no edit that changes nothing');
    }),
    { numRuns: 500 },
  );
});

test('composeEdits: examples', () => {
  const original = '甲乙丙丁戊';
  // Round 1 replaces 乙 and deletes 丁; round 2 inserts before 丙 of the new text and edits the replacement.
  const r1: Edit[] = [{ start: 1, end: 2, text: 'B' }, { start: 3, end: 4, text: '' }];
  const t1 = applyEdits(original, r1); // 甲B丙戊
  const r2: Edit[] = [{ start: 1, end: 2, text: 'BB' }, { start: 3, end: 3, text: '!' }];
  const t2 = applyEdits(t1, r2); // 甲BB丙!戊
  const composed = composeEdits(original, r1, r2, t1);
  assert.equal(applyEdits(original, composed), t2);
  assert.deepEqual(composed, [{ start: 1, end: 2, text: 'BB' }, { start: 3, end: 4, text: '!' }]);
  // An edit undone by the next round disappears.
  assert.deepEqual(composeEdits('abc', [{ start: 1, end: 2, text: 'X' }], [{ start: 1, end: 2, text: 'b' }], 'aXc'), []);
});

// ---------------------------------------------------------------- fixAll

/** A messy report: wrong punctuation, numbers, spaces, words, markers and invisible characters. */
const MESSY = [
  '二零二三年个人述职报告',
  '（2023年12月30日）',
  '各位领导、同志们:',
  '一年来，我再接再励,精兵减政，我们的的工作取得\u200b新成效。地区生产总值增长１５．６％，粮食产量达xxxx亿斤。',
  '一、坚持学习,提高本领',
  '(一)加强理论学习。全年参加学习 20 次，深 入开展调研……',
  '1、完善制度',
  '严格落实“三重一大”制度，学习和和实践相结合。。',
  '二.狠抓落实##PaidBegin##，久久为功',
  '##paidbegin##',
  '国务院总理\u2002李强\u2028以上报告，请予审议。',
  '##paidend##',
  '##paidend##',
  '',
].join('\r\n');

/** A report shaped like the ones users start from: placeholders, 某 redactions, paid markers mid-sentence and on the last line. */
const SEED_LIKE = [
  '2023年度领导班子述职报告',
  '2023年，在某局的正确领导下，我们团结协作、真抓实干，营业收入同比增长x%，排名全市第xx位，新增市场主体xxx户。现将有关情况报告如下：',
  '一、提高政治站位，坚决贯彻上级决策部署。',
  '始终把学习贯彻上级精神作为首要任务，对标对表、狠抓落实，在推动重点工作上持续用力',
  '二、加强班子建设，凝聚干事创业合力。',
  '1.坚持民主集中制',
  '凡涉及重大事项，均经集体研究决定，确保决策科学民主。',
  '2.增强斗争本领。',
  '面对某些矛盾集中的领域，迎难而上、敢于担当，推动问题逐步解决。',
  '3.严守纪律规矩。',
  '对照“六项纪律”要求##paidbegin##，严格执行各项规定，时刻保持清醒头脑，做到令行禁止。',
  '三、下一步工作打算',
  '我们将坚持稳中求进，确保全年目标任务圆满完成。',
  '##paidend##',
  '',
].join('\n');

function checkFixAll(text: string, config = DEFAULT_CONFIG) {
  const first = fixAll(text, config);
  assert.ok(first.rounds < 10, `settled in ${first.rounds} rounds`);
  assert.equal(applyEdits(text, first.edits), first.text, 'the composed edits produce the fixed text');
  const second = fixAll(first.text, config);
  assert.deepEqual(second.edits, [], 'a second run changes nothing');
  assert.equal(second.text, first.text);
  return first;
}

test('fixAll: a messy document settles, and a second run returns no edits', () => {
  // `深 入` is not flagged in MESSY (the spaces around `20` nearby make the spacing look deliberate); once
  // fix-all removed those, it is. Fix-all fixes only what was flagged, so it stays; the next fix-all takes it.
  const once = fixAll(MESSY, DEFAULT_CONFIG);
  assert.ok(once.text.includes('深 入开展'), 'a space nobody flagged is left alone');
  const first = checkFixAll(once.text);
  assert.notEqual(first.text, MESSY);
  assert.ok(first.edits.length > 0);
  // Fixes from the rules of this change all landed.
  for (const s of ['二〇二三年', '再接再厉', '精兵简政', '我们的工作取得新成效', '增长15.6%', '学习20次', '深入开展', '学习和实践', '##paidbegin##，久久为功', '总理\u3000李强']) {
    assert.ok(first.text.includes(s), s);
  }
  assert.ok(!first.text.includes('\u200b') && !first.text.includes('\u2028'));
  assert.ok(first.text.includes('xxxx亿斤'), 'blanks have no automatic fix');
  assert.ok(!first.text.includes('\n\n'), 'no blank line left behind');
  assert.ok(!/[^\r]\n/.test(first.text), 'line breaks stay CRLF');
  assert.equal((first.text.match(/##paidend##/g) ?? []).length, 1, 'the stray end marker is gone');
});

test('fixAll: a seed-like report settles and keeps its content', () => {
  const first = checkFixAll(SEED_LIKE);
  assert.ok(first.text.includes('对照“六项纪律”要求##paidbegin##，严格执行'));
  assert.ok(first.text.endsWith('##paidend##\n'));
  assert.ok(first.text.includes('增长x%'));
});

test('fixAll: one rule at a time, with a dictionary, and on odd input', () => {
  const config = resolveConfig({ dictionary: { 领导班子: '党组班子' } });
  const only = fixAll(SEED_LIKE, config, (p) => p.rule === 'user-dictionary');
  assert.equal(only.text, SEED_LIKE.replace('领导班子', '党组班子'));
  assert.equal(only.rounds, 1);
  for (const text of ['', '\uFEFF', '\r\n', '##paidbegin##', '\uD800', 'x'.repeat(3000)]) checkFixAll(text);
});

test('fixAll leaves hints alone unless their rule is asked for', () => {
  // punct-dun-between-titles is a hint by default: the 顿号 between titles may be kept.
  const text = '学习《党章》、《准则》等文件。\n';
  assert.equal(fixAll(text, DEFAULT_CONFIG).text, text);
  assert.equal(fixAll(text, DEFAULT_CONFIG, (p) => p.rule === 'punct-dun-between-titles').text, '学习《党章》《准则》等文件。\n');
  // Raised to a warning by the user, fix-all takes it.
  assert.equal(fixAll(text, resolveConfig({ rules: { 'punct-dun-between-titles': 'warning' } })).text, '学习《党章》《准则》等文件。\n');
});

// ---------------------------------------------------------------- convergence

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

test('fixAll: twelve 一、 headings are renumbered in one round, and a second fix-all changes nothing', () => {
  const text = ['工作报告', ...Array.from({ length: 12 }, (_, i) => `一、标题。\n第${i + 1}段正文。`)].join('\n') + '\n';
  const first = fixAll(text, DEFAULT_CONFIG);
  const headings = first.text.split('\n').filter((l) => l.endsWith('标题。') || l.endsWith('标题'));
  assert.deepEqual(headings.map((l) => l.slice(0, l.indexOf('、') + 1)), NUMERALS.map((n) => `${n}、`));
  assert.equal(first.rounds, 1, 'one round');
  assert.equal(first.stopped, undefined);
  assert.deepEqual(fixAll(first.text, DEFAULT_CONFIG).edits, []);
});

test('fixAll: 50,000 lines of （一） fix at once, one edit per heading', () => {
  const text = '报告\n一、总体\n' + '（一）事项\n'.repeat(50_000);
  const t0 = performance.now();
  const r = fixAll(text, DEFAULT_CONFIG, (p) => p.rule === 'heading-sequence');
  const ms = performance.now() - t0;
  assert.equal(r.stopped, undefined);
  // One round renumbers them all; a second one follows because numbers past 一百 (（一百一十）) are read as
  // starting a list of their own by the heading parser, which its rule then renumbers.
  assert.ok(r.rounds <= 2, `${r.rounds} rounds`);
  const lines = r.text.split('\n');
  assert.deepEqual(lines.slice(2, 4), ['（一）事项', '（二）事项']);
  assert.equal(lines[21], '（二十）事项');
  assert.equal(lines[100], '（九十九）事项');
  // One edit per heading after the first (those left as they were, （一百一十） …, need none).
  assert.ok(r.edits.length > 49_900 && r.edits.length <= 49_999, `${r.edits.length} edits`);
  // Generous: about 1–3 s on a loaded machine (it took 89 s when each round renumbered one heading).
  assert.ok(ms < 20_000, `${ms} ms`);
  const hundred = '报告\n一、总体\n' + '（一）事项\n'.repeat(99);
  const fixed = fixAll(hundred, DEFAULT_CONFIG).text;
  assert.deepEqual(lint(parse(fixed), DEFAULT_CONFIG, { only: new Set(['heading-sequence']) }), [], 'numbered in sequence');
  assert.deepEqual(fixAll(fixed, DEFAULT_CONFIG).edits, []);
});

test('fixAll: only problems of the original text are fixed (an edit that creates one does not fix it)', () => {
  // Replacing the first ! makes `的的！` read as a doubled 的: nobody flagged it, fix-all leaves it.
  const r = fixAll('报告\n我们的的!!\n', DEFAULT_CONFIG);
  assert.equal(r.text, '报告\n我们的的！！\n');
  assert.deepEqual(fixAll(r.text, DEFAULT_CONFIG).edits, []);
});

test('fixAll: a time budget and cancellation stop it between rounds and rules, saying why', () => {
  const text = '报告\n我们的的!!\n';
  // The clock moves on once the first round's problems are filtered: the second round is not started.
  let clock = 0;
  const slow = (p: Problem) => ((clock = 1000), p.severity !== 'hint');
  const budget = fixAll(text, DEFAULT_CONFIG, slow, { budgetMs: 10, now: () => clock });
  assert.equal(budget.stopped, 'budget');
  assert.equal(budget.rounds, 1);
  assert.equal(budget.text, '报告\n我们的的！!\n', 'the touching second fix waits for a round that never comes');
  assert.equal(applyEdits(text, budget.edits), budget.text);
  // The clock runs out while the rules run: the rules that ran are applied, the rest skipped.
  let ticks = 0;
  const partial = fixAll(text, DEFAULT_CONFIG, undefined, { budgetMs: 10, now: () => (++ticks > 3 ? 1000 : 0) });
  assert.equal(partial.stopped, 'budget');
  assert.equal(applyEdits(text, partial.edits), partial.text);
  const cancelled = fixAll(text, DEFAULT_CONFIG, undefined, { isCancelled: () => true });
  assert.deepEqual([cancelled.stopped, cancelled.rounds, cancelled.edits], ['cancelled', 0, []]);
  let calls = 0;
  const later = fixAll(text, DEFAULT_CONFIG, undefined, { isCancelled: () => ++calls > 3 });
  assert.equal(later.stopped, 'cancelled');
  assert.equal(applyEdits(text, later.edits), later.text);
  const rounds = fixAll(text, DEFAULT_CONFIG, undefined, 1);
  assert.equal(rounds.stopped, 'rounds');
  assert.equal(fixAll(text, DEFAULT_CONFIG).stopped, undefined);
});

test('lint: isCancelled is checked between rules', () => {
  let n = 0;
  const all = lint(parse('报告\n我们的的!!\n'), DEFAULT_CONFIG);
  const none = lint(parse('报告\n我们的的!!\n'), DEFAULT_CONFIG, { isCancelled: () => ++n > 0 });
  assert.ok(all.length > 0);
  assert.deepEqual(none, []);
  assert.equal(n, 1);
});

/** Random reports from fragments: headings of every level (long runs of equal ones), paragraphs, punctuation. */
const FRAGMENT = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('一、标题。', '二、标题', '三、标题', '（一）小标题', '（二）小标题', '（一）小标题', '1.要点', '2.要点', '1、要点', '（1）细目') },
  { weight: 2, arbitrary: fc.constantFrom('一、标题。').chain((h) => fc.integer({ min: 2, max: 25 }).map((n) => Array(n).fill(h).join('\n'))) },
  { weight: 3, arbitrary: fc.constantFrom('我们的的工作取得成效!!', '全年完成投资1,000亿元,增长8.1%。', '学习《条例》、《准则》。。', '坚持"两个毫不动摇"', '改革--动力', '再接再励，精兵减政', '增长１５％', '二零二三年', '计划如下：', '这是正文……', '（含续建项目', '深 入开展') },
  { weight: 1, arbitrary: fc.constantFrom('##paidbegin##', '##paidend##', '', '  ', '\u200b') },
);
const REPORT = fc.array(FRAGMENT, { maxLength: 30 }).map((parts) => ['工作报告', ...parts].join('\n') + '\n');

/**
 * Whether every edit lies inside the lines of the problems or of their first fixes' edits (fixes remove
 * whole lines, and linked fixes — paid markers — may join the lines of two problems).
 */
function withinFlagged(text: string, edits: readonly Edit[], problems: readonly Problem[]): boolean {
  const lineStart = (i: number) => Math.max(text.lastIndexOf('\n', i - 1) + 1, 0);
  const lineEnd = (i: number) => {
    const k = text.indexOf('\n', i);
    return k < 0 ? text.length : k + 1;
  };
  // The union of the ranges (edits composed over rounds may join touching ones).
  const ranges = problems
    .flatMap((p) => [{ start: p.start, end: p.end }, ...(p.fixes[0]?.edits ?? [])])
    .map((r) => ({ start: lineStart(r.start), end: lineEnd(r.end) }))
    .sort((a, b) => a.start - b.start);
  const union: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = union[union.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else union.push({ start: r.start, end: r.end });
  }
  return edits.every((e) => union.some((r) => r.start <= e.start && e.end <= r.end));
}

const CONTEXT = new Set(['heading-punctuation']);
const FILTER = (p: Problem) => p.severity !== 'hint' && !CONTEXT.has(p.rule);

test('fixAll property: idempotent, and never changes a line nobody flagged', () => {
  fc.assert(
    fc.property(REPORT, (text) => {
      const first = fixAll(text, DEFAULT_CONFIG, FILTER);
      assert.equal(applyEdits(text, first.edits), first.text);
      const flagged = lint(parse(text), DEFAULT_CONFIG).filter((p) => FILTER(p) && p.fixes.length > 0);
      assert.ok(withinFlagged(text, first.edits, flagged), `edits outside flagged ranges: ${JSON.stringify(first.edits)}`);
      const second = fixAll(first.text, DEFAULT_CONFIG, FILTER);
      assert.deepEqual(second.edits, [], `not idempotent on ${JSON.stringify(text)} → ${JSON.stringify(first.text)}`);
    }),
    { seed: Number(process.env.FIXALL_SEED ?? 20261129), numRuns: Number(process.env.FIXALL_RUNS ?? 300) },
  );
});

test('Analysis: a cancelled lint is not kept', () => {
  const a = new Analysis('报告\n我们的的!!\n', DEFAULT_CONFIG);
  assert.equal(a.problemsUnlessCancelled(() => true), undefined);
  const ps = a.problemsUnlessCancelled(() => false);
  assert.ok(ps && ps.length > 0);
  assert.equal(a.problems, ps);
});
