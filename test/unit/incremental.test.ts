// Incremental lint: after any sequence of edits, the problems of an analysis built on the previous one equal
// those of a fresh analysis of the same text; and the block rules really ran on the changed blocks only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Analysis } from '../../server/src/core/analysis';
import { charIndex, Positions, type CharIndex } from '../../server/src/core/chars';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from '../../server/src/core/config';
import { decodeReport } from '../../server/src/core/decode';
import { changeBetween, mapBlocks } from '../../server/src/core/incremental';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { RULES } from '../../server/src/core/rules';
import { corpusDir, corpusFiles } from '../corpus/corpus';
import { rethrow } from './helpers';

/** Every rule on, so that each block rule's carried problems are compared. */
const ALL_ON: ResolvedConfig = resolveConfig({ rules: Object.fromEntries(RULES.map((r) => [r.meta.id, 'warning'])) }, {});
const BLOCK_RULES = RULES.filter((r) => r.meta.scope === 'block').map((r) => r.meta.id);

/** Every class of a character index as plain arrays. */
function positionsOf(index: CharIndex): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(index)) if (value instanceof Positions) out[key] = [...value.at.subarray(0, value.count)];
  return out;
}

function fresh(text: string, config: ResolvedConfig) {
  return lint(parse(text, config.parse), config, { onRuleError: rethrow });
}

/** Pieces of report text that the block rules (and the rules around them) react to. */
const PIECE = fc.constantFrom(
  '一、总体情况', '二、主要做法。', '（一）加强学习', '（二）', '1.要点', '2、要点', '（1）细目', '## 三、标题', '# 工作总结',
  '我们的的工作取得成效!!', '全年完成投资1,000亿元,增长8.1%。', '学习《条例》、《准则》。。', '坚持"两个毫不动摇"', '他说"好"',
  "用'单引号'写", '改革--动力', '再接再励，精兵减政', '增长１５％', '二零二三年', '二〇二三年', '23年完成', '计划如下：', '这是正文……',
  '正文...', '（含续建项目', '项目）。', '“两个确保', '要求”。', '(含税)', '深 入开展', '进行进行调研', '我所所做的', '这这项', '工作,推进', '好吗?是的!',
  '##paidbegin##', '##paidend##', '```', '| 表 | 格 |', '|---|---|', '<div>', '</div>', '---', 'https://example.com/a,b',
  '`code,x`', '第xx名', 'xx年来', '增长x%', '××县', 'XXX同志', '【 】', '（ ）', '____', '共__人', '负责**个系统', '**重点**', '[姓名]', '[链接](#a)', '\r\n', '\r', '\u200b', '\u3000\u3000', ' ', '\n', '\n', '\n\n', '2024年1月', '张三', '以上报告，请审议。',
);
const LINES = fc.oneof({ weight: 3, arbitrary: PIECE }, { weight: 1, arbitrary: fc.constant('\n') });
const DOC = fc.array(LINES, { maxLength: 50 }).map((parts) => '2024年工作总结\n' + parts.join(''));

interface Change {
  at: number;
  remove: number;
  insert: string;
}
const CHANGE: fc.Arbitrary<Change> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(30)),
  insert: fc.oneof(fc.constant(''), PIECE, fc.array(PIECE, { maxLength: 3 }).map((p) => p.join(''))),
});

function apply(text: string, c: Change): string {
  const at = text.length ? c.at % (text.length + 1) : 0;
  return text.slice(0, at) + c.insert + text.slice(Math.min(text.length, at + c.remove));
}

test('incremental lint: after any edits, the problems equal a fresh analysis (all rules on, and the defaults)', () => {
  let incrementalRuns = 0;
  let reused = 0;
  for (const config of [ALL_ON, DEFAULT_CONFIG]) {
    fc.assert(
      fc.property(DOC, fc.array(CHANGE, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (doc, changes, lintEach) => {
        let text = doc;
        let prev = new Analysis(text, config, rethrow);
        assert.deepEqual(prev.problems, fresh(text, config));
        for (const [k, c] of changes.entries()) {
          text = apply(text, c);
          const next = new Analysis(text, config, rethrow, prev);
          // What the parse finds again only around the edit equals a fresh parse.
          const parsed = parse(text, config.parse);
          assert.deepEqual(next.model.placeholders, parsed.placeholders, `blanks after ${k + 1} edits`);
          assert.deepEqual(positionsOf(charIndex(next.model)), positionsOf(charIndex(parsed)), `character index after ${k + 1} edits`);
          // Some versions are never linted (edits faster than the pulls): the next one builds on the last linted.
          if (lintEach[k] || k === changes.length - 1) {
            assert.deepEqual(next.problems, fresh(text, config), `after ${k + 1} edits`);
            if (next.incremental && next.incremental.incrementalRules > 0) incrementalRuns++;
            reused += next.incremental?.reusedBlocks ?? 0;
          }
          prev = next;
        }
      }),
      { seed: 20261130, numRuns: 150 },
    );
  }
  // Not vacuous: most lints after an edit ran the block rules on the changed blocks only.
  console.log(`incremental lints: ${incrementalRuns}, blocks carried over: ${reused}`);
  assert.ok(incrementalRuns > 300, `incremental lints: ${incrementalRuns}`);
  assert.ok(reused > 500, `blocks carried over: ${reused}`);
});

test('incremental lint: problems carried over move with their block, and are the same objects before the edit', () => {
  const before = '一、情况\n我们的的工作,很好。\n二、做法\n推进工作,落实。\n三、打算\n继续努力,加油。\n';
  const a = new Analysis(before, ALL_ON, rethrow);
  const pa = a.problems;
  const after = before.replace('推进工作', '推进各项工作');
  const b = new Analysis(after, ALL_ON, rethrow, a);
  assert.deepEqual(b.problems, fresh(after, ALL_ON));
  assert.ok(b.incremental && b.incremental.incrementalRules === BLOCK_RULES.length, 'every block rule ran incrementally');
  assert.equal(b.incremental.dirtyBlocks, 1);
  // The comma in the first paragraph: the same Problem object; the one in the last: moved by two.
  const first = pa.find((p) => p.rule === 'punct-halfwidth' && p.start === before.indexOf(','))!;
  assert.ok(b.problems.includes(first));
  const last = b.problems.find((p) => p.rule === 'punct-halfwidth' && p.start === after.lastIndexOf(','))!;
  assert.equal(last.fixes[0].edits[0].start, before.lastIndexOf(',') + 2);
});

test('incremental lint: not used across configurations, nor after a lint that stopped at an encoding problem', () => {
  const text = '一、情况\n工作,很好。\n';
  const a = new Analysis(text, ALL_ON, rethrow);
  void a.problems;
  const other = resolveConfig({ rules: { 'punct-halfwidth': 'off' } }, {});
  const b = new Analysis(text + '二、做法\n', other, rethrow, a);
  assert.equal(b.incremental, undefined);
  assert.deepEqual(b.problems, fresh(text + '二、做法\n', other));
  // Mojibake: only the encoding rule reports, the others have nothing to carry.
  const garbled = 'Ã¤Â¸Â€Ã£Â€Â\u0081Ã¦Â€Â»Ã¤Â½Â“\nÃ¥Â·Â¥Ã¤Â½ÂœÃ¯Â¼ÂŒ\n';
  const c = new Analysis(garbled, ALL_ON, rethrow);
  void c.problems;
  const d = new Analysis(text, ALL_ON, rethrow, c);
  assert.deepEqual(d.problems, fresh(text, ALL_ON));
  assert.equal(d.incremental?.incrementalRules, 0);
});

test('changeBetween: the one differing range, also for long equal stretches and edits at either end', () => {
  const long = '甲'.repeat(1000);
  assert.deepEqual(changeBetween('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changeBetween(long + 'x' + long, long + 'yz' + long), { start: 1000, oldEnd: 1001, newEnd: 1002 });
  assert.deepEqual(changeBetween('x' + long, long), { start: 0, oldEnd: 1, newEnd: 0 });
  assert.deepEqual(changeBetween(long, long + 'x'), { start: 1000, oldEnd: 1000, newEnd: 1001 });
  // A repeated character: the prefix takes what it can, the suffix never overlaps it.
  assert.deepEqual(changeBetween('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '甲') , maxLength: 600 }), fc.string({ unit: fc.constantFrom('a', 'b', '甲'), maxLength: 600 }), (a, b) => {
      const c = changeBetween(a, b);
      assert.ok(c.start <= c.oldEnd && c.start <= c.newEnd);
      assert.equal(a.slice(0, c.start) + b.slice(c.start, c.newEnd) + a.slice(c.oldEnd), b);
      assert.equal(a.length - c.oldEnd, b.length - c.newEnd);
    }),
    { seed: 1130 },
  );
});

test('mapBlocks: a block whose classification changed away from the edit is not carried over', () => {
  // Typing 一、 before a heading-like line turns the weak 二、 below into a heading.
  const before = '总结\n开头的话。\n工作情况\n二、三季度完成任务。\n';
  const after = before.replace('工作情况', '一、工作情况');
  const a = parse(before);
  const b = parse(after);
  const m = mapBlocks(a, b, changeBetween(before, after));
  const weak = b.blocks.findIndex((x) => after.slice(x.start, x.end).startsWith('二、'));
  assert.notEqual(a.blocks[weak].kind, b.blocks[weak].kind, 'the test needs a block classified anew');
  assert.ok(m.dirty.includes(weak));
  assert.equal(m.from[0], 0);
});

test('incremental lint on the real-report corpus: random edits, every result equal to a fresh analysis', { skip: corpusFiles(corpusDir(join(__dirname, '..', '..', '..'))).length === 0 }, () => {
  const dir = corpusDir(join(__dirname, '..', '..', '..'));
  let n = 0;
  for (const f of corpusFiles(dir)) {
    const original = decodeReport(readFileSync(join(dir, f)));
    fc.assert(
      fc.property(fc.array(CHANGE, { minLength: 1, maxLength: 4 }), (changes) => {
        let text = original;
        let prev = new Analysis(text, DEFAULT_CONFIG, rethrow);
        void prev.problems;
        for (const c of changes) {
          text = apply(text, c);
          const next = new Analysis(text, DEFAULT_CONFIG, rethrow, prev);
          assert.deepEqual(next.problems, fresh(text, DEFAULT_CONFIG), f);
          n++;
          prev = next;
        }
      }),
      { seed: 7, numRuns: 6 },
    );
  }
  assert.ok(n > 100);
});
